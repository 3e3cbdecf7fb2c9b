use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Args;
use leo_asr::{SpeechWorker, WorkerOptions};
use leo_assess::{assess, calibration_for};
use leo_models::{ModelStore, default_model_for};
use leo_scoring::rules::{RuleSettings, Strictness};
use leo_text::Lang;
use serde::Serialize;

use crate::paths::Paths;
use crate::transcribe_cmd::LangArg;

#[derive(Args, Debug)]
pub struct ScoreArgs {
    /// The passage, as plain UTF-8 text.
    #[arg(long)]
    passage: PathBuf,
    /// The reading, as a WAV recording.
    #[arg(long)]
    audio: PathBuf,
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    /// Model name (default: tiny.en for English, base for Spanish).
    #[arg(long)]
    model: Option<String>,
    /// Seconds of silence before a word that make it a hesitation.
    #[arg(long, default_value_t = 3.0)]
    hesitation_limit: f64,
    /// How strictly pronunciation is checked: lenient, normal or strict.
    #[arg(long, default_value = "normal")]
    strictness: String,
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Output<'a> {
    #[serde(flatten)]
    assessment: &'a leo_scoring::Assessment,
    model: &'a str,
    notes: &'a [String],
}

pub fn run(args: ScoreArgs, paths: &Paths) -> Result<()> {
    let lang = match args.lang {
        LangArg::En => Lang::En,
        LangArg::Es => Lang::Es,
    };
    let strictness = match args.strictness.as_str() {
        "lenient" => Strictness::Lenient,
        "normal" => Strictness::Normal,
        "strict" => Strictness::Strict,
        other => bail!("unknown strictness {other:?}: use lenient, normal or strict"),
    };
    let text = std::fs::read_to_string(&args.passage)
        .with_context(|| format!("cannot read the passage {}", args.passage.display()))?;
    if text.trim().is_empty() {
        bail!(
            "the passage {} is empty: give a text file with the words to read",
            args.passage.display()
        );
    }
    let model = args
        .model
        .unwrap_or_else(|| default_model_for(lang.code()).to_string());
    let model_path = ModelStore::new(&paths.models_dir).require(&model)?;
    let audio = leo_audio::load_wav(&args.audio)?;
    let worker = SpeechWorker::spawn(&model_path, WorkerOptions::default())?;
    let settings = RuleSettings {
        hesitation_limit_s: args.hesitation_limit,
        strictness,
    };
    let outcome = assess(
        &worker,
        &text,
        audio.samples,
        lang,
        &settings,
        &calibration_for(&worker),
    )
    .with_context(|| format!("scoring {}", args.audio.display()))?;
    let a = &outcome.assessment;
    if args.json {
        let out = Output {
            assessment: a,
            model: &model,
            notes: &outcome.notes,
        };
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }
    for note in &outcome.notes {
        eprintln!("{note}");
    }
    println!(
        "{:.0} words correct per minute, accuracy {:.0}% ({} of {} words), reading time {:.1} s",
        a.wcpm,
        a.accuracy * 100.0,
        a.words_correct,
        a.words_attempted,
        a.reading_time_s
    );
    println!(
        "scores: accuracy {:.0}, fluency {:.0}, prosody {:.0}, completeness {:.0}, total {:.0}",
        a.scores.accuracy,
        a.scores.fluency,
        a.scores.prosody,
        a.scores.completeness,
        a.scores.total
    );
    for w in a
        .words
        .iter()
        .filter(|w| !w.status.is_correct() || w.status == leo_scoring::WordStatus::SelfCorrection)
    {
        println!(
            "  {:>3} {:<16} {:<15} {}",
            w.index,
            w.text,
            w.status.as_str(),
            w.heard.as_deref().unwrap_or("")
        );
    }
    Ok(())
}
