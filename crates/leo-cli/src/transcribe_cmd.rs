use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use leo_asr::{Language, Request, SpeechWorker, WorkerOptions};
use leo_models::{ModelStore, default_model_for};
use serde::Serialize;

use crate::paths::Paths;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    En,
    Es,
}

impl From<LangArg> for Language {
    fn from(l: LangArg) -> Language {
        match l {
            LangArg::En => Language::En,
            LangArg::Es => Language::Es,
        }
    }
}

#[derive(Args, Debug)]
pub struct TranscribeArgs {
    /// A WAV recording (any sample rate, channel count or sample format).
    audio: PathBuf,
    /// Language spoken in the recording.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    /// Model name (default: tiny.en for English, base for Spanish).
    #[arg(long)]
    model: Option<String>,
    /// Print JSON with timed words instead of plain text.
    #[arg(long)]
    json: bool,
    /// Decoder threads (default: up to 4, one per core).
    #[arg(long)]
    threads: Option<usize>,
}

#[derive(Serialize)]
struct Output<'a> {
    text: &'a str,
    language: Language,
    model: &'a str,
    duration_s: f64,
    words: &'a [leo_asr::Word],
}

pub fn run(args: TranscribeArgs, paths: &Paths) -> Result<()> {
    let language = Language::from(args.lang);
    let model = args
        .model
        .unwrap_or_else(|| default_model_for(language.code()).to_string());
    let model_path = ModelStore::new(&paths.models_dir).require(&model)?;
    // Read the audio before loading the model: a bad file should fail fast.
    let audio = leo_audio::load_wav(&args.audio)?;
    let mut options = WorkerOptions::default();
    if let Some(t) = args.threads {
        options.threads = t.max(1);
    }
    let worker = SpeechWorker::spawn(&model_path, options)?;
    let transcript = worker
        .transcribe(Request::new(audio.samples, language))
        .with_context(|| format!("transcribing {}", args.audio.display()))?;
    if args.json {
        let out = Output {
            text: &transcript.text,
            language,
            model: &model,
            duration_s: transcript.duration_s,
            words: &transcript.words,
        };
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else if transcript.words.is_empty() {
        eprintln!("No speech was heard in this recording.");
    } else {
        println!("{}", transcript.text);
    }
    Ok(())
}
