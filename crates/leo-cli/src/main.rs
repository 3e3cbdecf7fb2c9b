//! `leo`: the command line of the Leo reading-fluency app.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod calibrate_cmd;
mod calibration_samples;
mod classroom;
mod classroom_cmd;
mod models_cmd;
mod paths;
mod pitch_check;
mod score_cmd;
mod transcribe_cmd;

#[derive(Parser, Debug)]
#[command(name = "leo", version, about = "Leo: offline reading-fluency practice")]
struct Cli {
    /// Where Leo keeps its data (default: the system's application data folder).
    #[arg(long, global = true, env = "LEO_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// Where converted speech models live (default: DATA_DIR/models).
    #[arg(long, global = true, env = "LEO_MODELS_DIR")]
    models_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Install, import and list speech-recognition models.
    Models {
        #[command(subcommand)]
        action: models_cmd::ModelsAction,
    },
    /// Transcribe a WAV recording on this machine.
    Transcribe(transcribe_cmd::TranscribeArgs),
    /// Score a reading of a passage: words correct per minute, accuracy, word by word.
    Score(score_cmd::ScoreArgs),
    /// Fit the scoring models on human-scored readings (training split only).
    Calibrate(calibrate_cmd::CalibrateArgs),
    /// Report agreement of the scores with human experts on held-out readings.
    EvaluateScoring(calibrate_cmd::EvaluateArgs),
    #[command(flatten)]
    Classroom(classroom_cmd::ClassroomCommand),
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("LEO_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,whisper_rs=warn")),
        )
        .with_writer(std::io::stderr)
        .without_time()
        .with_target(false)
        .init();
    let cli = Cli::parse();
    let paths = paths::Paths::resolve(cli.data_dir, cli.models_dir);
    let result = match cli.command {
        Command::Models { action } => models_cmd::run(action, &paths),
        Command::Transcribe(args) => transcribe_cmd::run(args, &paths),
        Command::Score(args) => score_cmd::run(args, &paths),
        Command::Calibrate(args) => calibrate_cmd::calibrate(args, &paths),
        Command::EvaluateScoring(args) => calibrate_cmd::evaluate(args, &paths),
        Command::Classroom(command) => classroom_cmd::run(command, &paths),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
