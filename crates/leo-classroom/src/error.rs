//! What can go wrong in the classroom work, as types the command line and the desktop app
//! each turn into their own messages (the CLI adds the command to run next; the app maps each
//! kind to an error code the screens translate).

use std::path::PathBuf;

use leo_audio::AudioError;
use leo_store::{Languages, ReadingId, StoreError};
use leo_text::Lang;

pub type Result<T, E = ClassroomError> = std::result::Result<T, E>;

/// Everything the classroom operations can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ClassroomError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(
        "{student} reads only in {reads}, and passage {passage} is in {lang}; choose a passage \
         in {reads}",
        reads = languages_name(*.reads),
        lang = lang_name(*.lang)
    )]
    LanguageNotRead {
        student: String,
        reads: Languages,
        passage: String,
        lang: Lang,
    },
    #[error(
        "{student} reads only in {reads}, not in {lang}",
        reads = languages_name(*.reads),
        lang = lang_name(*.lang)
    )]
    LanguageNotPractised {
        student: String,
        reads: Languages,
        lang: Lang,
    },
    /// A recording brought in from a file that is not usable audio; nothing was saved.
    #[error(transparent)]
    Audio(#[from] AudioError),
    #[error("cannot save the recording in {path}: {source}")]
    Recording {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("reading #{reading} is scored; a scored reading is not discarded")]
    AlreadyScored { reading: ReadingId },
    #[error("the passage has no words to read")]
    EmptyPassage,
    #[error(
        "reading #{reading} has no recording any more (audio retention removed it), so it \
         cannot be scored again"
    )]
    NoRecording { reading: ReadingId },
    /// Scoring failed; the reading is marked failed and its recording kept for a retry.
    #[error("reading #{reading} could not be scored: {cause}. The recording is kept ({recording})")]
    ScoringFailed {
        reading: ReadingId,
        /// Relative to the data folder.
        recording: String,
        #[source]
        cause: Box<ScoreFailure>,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write the class CSV: {0}")]
    Csv(String),
}

/// Why a reading could not be scored.
#[derive(Debug, thiserror::Error)]
pub enum ScoreFailure {
    /// The language's speech model is not installed.
    #[error(transparent)]
    ModelMissing(#[from] leo_models::ModelError),
    /// The model is there but the speech worker could not start with it.
    #[error(transparent)]
    Speech(#[from] leo_asr::AsrError),
    /// The recording is missing, damaged or empty.
    #[error(transparent)]
    Audio(#[from] AudioError),
    #[error(
        "the recording is only {seconds:.1} s long, too short for a reading: read the passage \
         again"
    )]
    TooShort { seconds: f64 },
    /// Silence or steady noise: the recogniser heard no words at all.
    #[error("no speech was heard in the recording: check the microphone and read again")]
    NothingHeard,
    #[error(transparent)]
    Assess(#[from] leo_assess::AssessError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The background task running the recogniser ended without an answer.
    #[error("the scoring task stopped unexpectedly: {0}")]
    Interrupted(String),
}

impl ScoreFailure {
    /// True when the recording itself holds nothing to score (empty, too short, silent), as
    /// opposed to a problem with the model or the computer.
    pub fn is_no_audio(&self) -> bool {
        matches!(
            self,
            ScoreFailure::TooShort { .. }
                | ScoreFailure::NothingHeard
                | ScoreFailure::Audio(AudioError::Empty { .. })
                | ScoreFailure::Speech(leo_asr::AsrError::EmptyAudio)
        )
    }
}

pub fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Es => "Spanish",
    }
}

pub fn languages_name(l: Languages) -> &'static str {
    match l {
        Languages::En => "English",
        Languages::Es => "Spanish",
        Languages::Both => "English and Spanish",
    }
}
