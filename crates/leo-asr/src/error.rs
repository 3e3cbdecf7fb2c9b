use std::path::PathBuf;

/// Failures of the speech recogniser, each phrased so the user knows what to do.
#[derive(Debug, thiserror::Error)]
pub enum AsrError {
    #[error(
        "the speech model {path} could not be loaded: {reason}. Reinstall it with `leo models install NAME`"
    )]
    ModelLoad { path: PathBuf, reason: String },
    #[error("language {0:?} is not supported; Leo reads English (en) and Spanish (es)")]
    UnsupportedLanguage(String),
    #[error(
        "the model {model} only knows English; use a multilingual model (e.g. `--model base`) for {language}"
    )]
    EnglishOnlyModel {
        model: String,
        language: &'static str,
    },
    #[error("the recording is empty: there is no audio to transcribe")]
    EmptyAudio,
    #[error("speech recognition failed: {0}")]
    Decode(String),
    #[error(
        "the speech recogniser stopped unexpectedly; restart Leo (recordings already saved are kept)"
    )]
    WorkerStopped,
}
