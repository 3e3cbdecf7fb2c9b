use crate::paths::Paths;
use anyhow::Result;
#[derive(clap::Args, Debug)]
pub struct TranscribeArgs {
    audio: std::path::PathBuf,
}
pub fn run(_a: TranscribeArgs, _p: &Paths) -> Result<()> {
    anyhow::bail!("later")
}
