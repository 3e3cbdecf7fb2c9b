//! The speech workers, one per model, loaded on first use (loading takes seconds) and kept
//! for the life of the classroom. Everything here blocks: callers run it on a blocking thread
//! (`tokio::task::spawn_blocking`), never inside an async task.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use leo_asr::{SpeechWorker, WorkerOptions};
use leo_models::ModelStore;

use crate::error::ScoreFailure;

/// One model's worker, loaded at most once. Its own lock, so loading one model never holds
/// up scoring with another.
type Slot = Arc<Mutex<Option<Arc<SpeechWorker>>>>;

#[derive(Debug)]
pub struct SpeechService {
    models: ModelStore,
    slots: Mutex<HashMap<String, Slot>>,
}

impl SpeechService {
    pub fn new(models: ModelStore) -> SpeechService {
        SpeechService {
            models,
            slots: Mutex::new(HashMap::new()),
        }
    }

    pub fn models(&self) -> &ModelStore {
        &self.models
    }

    /// The worker for `model`, loading it if needed. Blocking.
    pub fn worker(&self, model: &str) -> Result<Arc<SpeechWorker>, ScoreFailure> {
        let slot = {
            let mut slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
            Arc::clone(slots.entry(model.to_owned()).or_default())
        };
        // A panic while loading leaves the slot empty; the next caller loads again.
        let mut loaded = slot.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(worker) = loaded.as_ref() {
            return Ok(Arc::clone(worker));
        }
        let path = self.models.require(model)?;
        let worker = Arc::new(SpeechWorker::spawn(&path, WorkerOptions::default())?);
        *loaded = Some(Arc::clone(&worker));
        Ok(worker)
    }
}
