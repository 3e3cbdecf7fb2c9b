//! Scoring in the background, one reading at a time: Whisper gets the cores to itself (two
//! recognitions at once on a small laptop are each many times slower than one after the
//! other), and a reading is safe on disk before it is queued, so nothing waits on the screen.

use std::sync::Arc;

use leo_classroom::{Classroom, ScoreStage};
use leo_store::ReadingId;
use tauri::AppHandle;
use tauri_specta::Event;
use tokio::sync::mpsc;

use crate::error::AppError;
use crate::events::{ScoringEvent, ScoringStage};

#[derive(Debug, Clone)]
pub struct ScoringQueue {
    tx: mpsc::UnboundedSender<ReadingId>,
    app: AppHandle,
}

fn emit(app: &AppHandle, reading: ReadingId, stage: ScoringStage, message: Option<String>) {
    let event = ScoringEvent {
        reading_id: reading.0 as u32,
        stage,
        message,
    };
    if let Err(e) = event.emit(app) {
        tracing::warn!("cannot tell the screens about scoring: {e}");
    }
}

impl ScoringQueue {
    /// Starts the task that scores queued readings in order.
    pub fn start(app: AppHandle, classroom: Arc<Classroom>) -> ScoringQueue {
        let (tx, mut rx) = mpsc::unbounded_channel::<ReadingId>();
        let task_app = app.clone();
        tauri::async_runtime::spawn(async move {
            while let Some(reading) = rx.recv().await {
                let progress_app = task_app.clone();
                let progress = move |stage: ScoreStage| {
                    let stage = match stage {
                        ScoreStage::Listening => ScoringStage::Listening,
                        ScoreStage::Scoring => ScoringStage::Scoring,
                        // Sent below, once the outcome is known to the screens' commands.
                        ScoreStage::Done => return,
                    };
                    emit(&progress_app, reading, stage, None);
                };
                match classroom.score_reading(reading, progress).await {
                    Ok(_) => emit(&task_app, reading, ScoringStage::Done, None),
                    Err(e) => {
                        let error = AppError::from(e);
                        tracing::warn!("reading #{reading} not scored: {}", error.message);
                        emit(
                            &task_app,
                            reading,
                            ScoringStage::Failed,
                            Some(error.message),
                        );
                    }
                }
            }
        });
        ScoringQueue { tx, app }
    }

    pub fn submit(&self, reading: ReadingId) {
        emit(&self.app, reading, ScoringStage::Queued, None);
        if self.tx.send(reading).is_err() {
            tracing::error!("the scoring task has stopped; reading #{reading} stays unscored");
        }
    }
}
