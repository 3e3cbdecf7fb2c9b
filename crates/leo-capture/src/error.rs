//! What can go wrong while capturing, mapped from cpal's error kinds (never from messages).

use std::path::PathBuf;
use std::sync::Arc;

use cpal::ErrorKind;

/// Everything that can stop a recording. The messages are shown to teachers, so each says what
/// to do; `detail` carries the audio system's own words for logs.
///
/// `Clone` so that the same error can travel in a [`CaptureEvent::Failed`](crate::CaptureEvent)
/// and be returned by [`Recorder::stop`](crate::Recorder::stop).
#[derive(Debug, Clone, thiserror::Error)]
pub enum CaptureError {
    /// No input device, the chosen one is gone, it cannot record, or no audio server answers.
    #[error(
        "no microphone is available ({detail}). Plug in a microphone, or choose another one, \
         and try again."
    )]
    NoDevice { detail: String },

    /// The system refused access to the microphone.
    #[error(
        "Leo is not allowed to use the microphone ({detail}). Allow microphone access in the \
         system settings and try again."
    )]
    PermissionDenied { detail: String },

    /// The microphone disappeared or its stream ended with an error while recording. What was
    /// recorded until then is kept in the WAV file.
    #[error(
        "the microphone stopped working during the recording ({detail}). Check its cable; what \
         was recorded so far is kept."
    )]
    DeviceLost { detail: String },

    /// The device only offers a sample format, rate or channel count that cannot be used.
    #[error("the microphone's audio format cannot be used ({detail}). Choose another microphone.")]
    UnsupportedFormat { detail: String },

    /// Opening the device failed in a way the audio system does not classify, or a thread
    /// could not be started.
    #[error("the audio system failed ({detail}). Try again, or restart the computer.")]
    Backend { detail: String },

    /// Creating or writing the recording's file failed.
    #[error(
        "cannot write the recording {}: {source}. Check that the disk is not full and that the \
         folder may be written.",
        path.display()
    )]
    Io {
        path: PathBuf,
        #[source]
        source: Arc<std::io::Error>,
    },

    /// The WAV encoder refused the data (a bug rather than a user problem).
    #[error("cannot write the recording {} as WAV: {detail}", path.display())]
    Wav { path: PathBuf, detail: String },
}

/// When an audio error happened: the same kind means different things before and after the
/// stream runs (a missing device while opening is "no device", while recording "device lost").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stage {
    Opening,
    Recording,
}

/// What the recording does about an error reported by a running stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StreamErrorAction {
    /// Samples were lost in the driver (overrun); the stream goes on.
    CountXrun,
    /// Informational (rerouted, no real-time priority); the stream goes on.
    Ignore,
    /// The stream cannot go on.
    Fail,
}

pub(crate) fn stream_error_action(kind: ErrorKind) -> StreamErrorAction {
    match kind {
        ErrorKind::Xrun => StreamErrorAction::CountXrun,
        ErrorKind::DeviceChanged | ErrorKind::RealtimeDenied => StreamErrorAction::Ignore,
        _ => StreamErrorAction::Fail,
    }
}

impl CaptureError {
    /// Maps a cpal error by its kind; `stage` tells opening from recording.
    pub(crate) fn from_cpal(error: &cpal::Error, stage: Stage) -> CaptureError {
        let detail = error.to_string();
        match (error.kind(), stage) {
            (ErrorKind::PermissionDenied, _) => CaptureError::PermissionDenied { detail },
            // Only errors that end the stream reach here while recording (see
            // `stream_error_action`), whatever their kind: a removed device shows up as
            // `DeviceNotAvailable` on some backends and as an unclassified I/O error
            // (`BackendError`) through ALSA's pulse plugin.
            (_, Stage::Recording) => CaptureError::DeviceLost { detail },
            (
                ErrorKind::DeviceNotAvailable
                | ErrorKind::HostUnavailable
                | ErrorKind::DeviceBusy
                // Asked to record from a device that only plays.
                | ErrorKind::UnsupportedOperation,
                Stage::Opening,
            ) => CaptureError::NoDevice { detail },
            (ErrorKind::UnsupportedConfig | ErrorKind::InvalidInput, Stage::Opening) => {
                CaptureError::UnsupportedFormat { detail }
            }
            (_, Stage::Opening) => CaptureError::Backend { detail },
        }
    }

    pub(crate) fn from_wav(error: hound::Error, path: PathBuf) -> CaptureError {
        match error {
            hound::Error::IoError(source) => CaptureError::Io {
                path,
                source: Arc::new(source),
            },
            other => CaptureError::Wav {
                path,
                detail: other.to_string(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(kind: ErrorKind, stage: Stage) -> CaptureError {
        // The message is deliberately misleading: mapping must use the kind only.
        CaptureError::from_cpal(&cpal::Error::with_message(kind, "permission denied"), stage)
    }

    #[test]
    fn kinds_map_to_the_errors_the_ui_knows() {
        use Stage::*;
        assert!(matches!(
            map(ErrorKind::DeviceNotAvailable, Opening),
            CaptureError::NoDevice { .. }
        ));
        assert!(matches!(
            map(ErrorKind::HostUnavailable, Opening),
            CaptureError::NoDevice { .. }
        ));
        assert!(matches!(
            map(ErrorKind::DeviceBusy, Opening),
            CaptureError::NoDevice { .. }
        ));
        assert!(matches!(
            map(ErrorKind::DeviceNotAvailable, Recording),
            CaptureError::DeviceLost { .. }
        ));
        assert!(matches!(
            map(ErrorKind::StreamInvalidated, Recording),
            CaptureError::DeviceLost { .. }
        ));
        assert!(matches!(
            map(ErrorKind::PermissionDenied, Opening),
            CaptureError::PermissionDenied { .. }
        ));
        assert!(matches!(
            map(ErrorKind::UnsupportedConfig, Opening),
            CaptureError::UnsupportedFormat { .. }
        ));
        assert!(matches!(
            map(ErrorKind::BackendError, Recording),
            CaptureError::DeviceLost { .. }
        ));
        assert!(matches!(
            map(ErrorKind::BackendError, Opening),
            CaptureError::Backend { .. }
        ));
    }

    #[test]
    fn overruns_and_reroutes_do_not_stop_the_recording() {
        assert_eq!(
            stream_error_action(ErrorKind::Xrun),
            StreamErrorAction::CountXrun
        );
        assert_eq!(
            stream_error_action(ErrorKind::DeviceChanged),
            StreamErrorAction::Ignore
        );
        assert_eq!(
            stream_error_action(ErrorKind::DeviceNotAvailable),
            StreamErrorAction::Fail
        );
        assert_eq!(
            stream_error_action(ErrorKind::BackendError),
            StreamErrorAction::Fail
        );
    }

    #[test]
    fn file_errors_keep_the_io_error() {
        let io = std::io::Error::new(std::io::ErrorKind::StorageFull, "disk full");
        let error = CaptureError::from_wav(hound::Error::IoError(io), PathBuf::from("a.wav"));
        assert!(
            matches!(error, CaptureError::Io { ref source, .. } if source.kind() == std::io::ErrorKind::StorageFull)
        );
    }
}
