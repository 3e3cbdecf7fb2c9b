use std::fmt;
use std::path::PathBuf;

/// Where the audio came from, so every message can name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    /// Data handed over in memory or through a reader (`decode_wav`, `to_mono_16k`).
    Stream,
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::File(path) => write!(f, "{}", path.display()),
            Input::Stream => f.write_str("the audio data"),
        }
    }
}

/// Everything that can go wrong while reading or converting audio. Each message says what the
/// user can do about it, because these are shown to teachers, not developers.
#[derive(Debug, thiserror::Error)]
pub enum AudioError {
    #[error("audio file not found: {path}. Check the file name and folder.")]
    NotFound { path: PathBuf },

    #[error(
        "cannot read {input}: {source}. Check that the file exists, that you may read it and \
         that it is not still being copied or recorded."
    )]
    Io {
        input: Input,
        #[source]
        source: std::io::Error,
    },

    #[error(
        "{input} is not a WAV file{}. Leo reads WAV recordings only: save or export the \
         recording as WAV and try again.",
        looks_like.map(|k| format!(" (it looks like {k})")).unwrap_or_default()
    )]
    NotWav {
        input: Input,
        /// A recognised other format, e.g. "an MP3 file".
        looks_like: Option<&'static str>,
    },

    #[error(
        "{input} is a damaged WAV file ({reason}). Export or copy the recording again, or \
         record it again."
    )]
    Corrupt { input: Input, reason: String },

    #[error(
        "{input} is incomplete: {detail}. The file was probably cut off while copying or \
         recording; copy it again or record it again."
    )]
    Truncated { input: Input, detail: String },

    #[error(
        "{input} uses an audio format Leo cannot read ({detail}). Export it as a 16-bit PCM \
         WAV file and try again."
    )]
    Unsupported { input: Input, detail: String },

    #[error("{input} contains no audio. Check that the microphone was recording and record again.")]
    Empty { input: Input },

    #[error(
        "cannot write {}: {source}. Check that the folder exists and that you may write there.",
        path.display()
    )]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// A bug in this crate or the resampler, kept as an error so bad input can never panic.
    #[error("internal audio conversion error: {0}. Please report this as a bug.")]
    Internal(String),
}
