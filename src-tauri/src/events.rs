//! What the app tells the screens while something runs: the recorder's events (a channel given
//! to `startRecording`) and scoring progress (an app-wide event, since scoring outlives the
//! screen that started it).

use serde::Serialize;
use specta::Type;

use crate::error::AppError;

#[derive(Debug, Clone, Serialize, Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum RecorderEvent {
    /// The microphone is open but no sound has arrived yet: "get ready".
    Waiting,
    /// Sound flows: recording is on from here (the timer starts).
    Started,
    /// About 20 times a second; `rms` and `peak` in 0..1, `seconds` of audio recorded.
    Level {
        rms: f32,
        peak: f32,
        seconds: f64,
    },
    /// Nothing has arrived from the microphone for `seconds`.
    NoAudio {
        seconds: f64,
    },
    Resumed,
    /// The recording stopped on its own (e.g. the microphone was unplugged); what was
    /// recorded is kept.
    Failed {
        error: AppError,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum ScoringStage {
    Queued,
    Listening,
    Scoring,
    Done,
    Failed,
}

#[derive(Debug, Clone, Serialize, Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct ScoringEvent {
    pub reading_id: u32,
    pub stage: ScoringStage,
    pub message: Option<String>,
}
