//! On-device speech recognition for Leo.
//!
//! A [`SpeechWorker`] owns a whisper.cpp context on a thread of its own; callers send audio over
//! a channel and get back timed words. Nothing here blocks an async runtime or holds a lock while
//! the model runs: a caller either waits on its own reply channel or polls it.

mod alignment;
mod decode;
mod encoder_watch;
mod error;
mod forced;
mod guards;
pub mod timing;
mod voice;
pub mod words;
mod worker;

pub use error::AsrError;
pub use forced::{ExpectedWord, ForcedScore};
pub use words::Word;
pub use worker::{Pending, SpeechWorker, WorkerOptions};

use serde::Serialize;

/// Languages Leo reads in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Es,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
        }
    }

    pub fn parse(code: &str) -> Result<Language, AsrError> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" | "english" => Ok(Language::En),
            "es" | "spanish" | "español" => Ok(Language::Es),
            other => Err(AsrError::UnsupportedLanguage(other.to_string())),
        }
    }
}

/// Given the words heard in one chunk of the recording, the passage words to score against
/// that chunk's audio (see [`ForcedScore`]).
pub type ExpectedWords = Box<dyn FnMut(&[Word]) -> Vec<ExpectedWord> + Send>;

/// How one recording should be decoded.
pub struct Request {
    /// 16 kHz mono samples.
    pub samples: Vec<f32>,
    pub language: Language,
    /// Text given to the decoder as preceding context (e.g. a verbatim-style prompt).
    pub prompt: Option<String>,
    /// When set, passage words are scored against the audio, chunk by chunk.
    pub expected: Option<ExpectedWords>,
}

impl Request {
    pub fn new(samples: Vec<f32>, language: Language) -> Request {
        Request {
            samples,
            language,
            prompt: None,
            expected: None,
        }
    }
}

impl std::fmt::Debug for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Request")
            .field("samples", &self.samples.len())
            .field("language", &self.language)
            .field("prompt", &self.prompt)
            .field("expected", &self.expected.is_some())
            .finish()
    }
}

/// What was heard.
#[derive(Debug, Clone, Serialize)]
pub struct Transcript {
    pub text: String,
    pub language: Language,
    pub duration_s: f64,
    pub words: Vec<Word>,
    /// Teacher-forced scores of the expected words, when the request asked for them.
    #[serde(skip)]
    pub forced: Vec<ForcedScore>,
    /// How many 30-second encoder passes the recording took.
    #[serde(skip)]
    pub encoder_runs: u32,
    /// The reading's voice profile (mean, then spread, of the encoder output over the audio),
    /// when passage words were scored.
    #[serde(skip)]
    pub voice_profile: Option<Vec<f32>>,
}
