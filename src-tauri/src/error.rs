//! The one error type commands return. The UI shows a translated message chosen by `code`;
//! `message` is the English detail, for the log and for the teacher's review.

use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    NoMicrophone,
    MicrophoneDenied,
    MicrophoneLost,
    MicrophoneFormat,
    /// The recording stopped before any sound arrived.
    NoAudio,
    NotFound,
    Invalid,
    /// A teacher command without the PIN.
    Locked,
    WrongPin,
    DiskFull,
    ModelMissing,
    ScoringFailed,
    /// A recording is already running.
    Busy,
    Internal,
}

#[derive(Debug, Clone, Serialize, Type, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{message}")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> AppError {
        AppError {
            code,
            message: message.into(),
        }
    }

    pub fn locked() -> AppError {
        AppError::new(
            ErrorCode::Locked,
            "the teacher pages are locked: enter the PIN",
        )
    }
}

pub type AppResult<T> = Result<T, AppError>;

impl From<leo_capture::CaptureError> for AppError {
    fn from(e: leo_capture::CaptureError) -> AppError {
        use leo_capture::CaptureError as C;
        let code = match &e {
            C::NoDevice { .. } => ErrorCode::NoMicrophone,
            C::PermissionDenied { .. } => ErrorCode::MicrophoneDenied,
            C::DeviceLost { .. } => ErrorCode::MicrophoneLost,
            C::UnsupportedFormat { .. } => ErrorCode::MicrophoneFormat,
            _ => ErrorCode::Internal,
        };
        AppError::new(code, e.to_string())
    }
}

/// The code for a store failure: the UI words "not found" and "invalid" differently from
/// "something broke".
fn store_code(e: &leo_store::StoreError) -> ErrorCode {
    use leo_store::StoreError as S;
    match e {
        S::DiskFull => ErrorCode::DiskFull,
        S::UnknownClass { .. }
        | S::ClassNotFound { .. }
        | S::UnknownStudent { .. }
        | S::StudentNotFound { .. }
        | S::UnknownPassage { .. }
        | S::ReadingNotFound { .. }
        | S::NoSuchWord { .. } => ErrorCode::NotFound,
        S::WrongPin => ErrorCode::WrongPin,
        S::DuplicateClass { .. }
        | S::DuplicateStudent { .. }
        | S::DuplicatePassage { .. }
        | S::ClassNotEmpty { .. }
        | S::EmptyName { .. }
        | S::InvalidGrade { .. }
        | S::InvalidLevel { .. }
        | S::InvalidPin
        | S::PinAlreadySet
        | S::NotScored { .. } => ErrorCode::Invalid,
        _ => ErrorCode::Internal,
    }
}

impl From<leo_store::StoreError> for AppError {
    fn from(e: leo_store::StoreError) -> AppError {
        AppError::new(store_code(&e), e.to_string())
    }
}

impl From<leo_classroom::ClassroomError> for AppError {
    fn from(e: leo_classroom::ClassroomError) -> AppError {
        use leo_classroom::{ClassroomError as C, ScoreFailure as F};
        let code = match &e {
            C::Store(inner) => store_code(inner),
            C::ScoringFailed { cause, .. } => match cause.as_ref() {
                F::ModelMissing(_) => ErrorCode::ModelMissing,
                F::Store(inner) => store_code(inner),
                f if f.is_no_audio() => ErrorCode::NoAudio,
                _ => ErrorCode::ScoringFailed,
            },
            C::LanguageNotRead { .. }
            | C::LanguageNotPractised { .. }
            | C::AlreadyScored { .. }
            | C::EmptyPassage
            | C::NoRecording { .. } => ErrorCode::Invalid,
            C::Recording { source, .. } | C::Write { source, .. }
                if leo_store::is_disk_full(source) =>
            {
                ErrorCode::DiskFull
            }
            _ => ErrorCode::Internal,
        };
        AppError::new(code, e.to_string())
    }
}
