//! What the commands share: the classroom (store and speech models), the recording in
//! progress, whether the teacher pages are unlocked, and the scoring queue.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use leo_capture::Recorder;
use leo_classroom::Classroom;
use leo_store::ReadingId;

use crate::error::{AppError, AppResult};
use crate::scoring::ScoringQueue;

/// Leo's folders on this machine: the same as the `leo` command line's, so both see one
/// classroom. `LEO_DATA_DIR` and `LEO_MODELS_DIR` override them.
#[derive(Debug, Clone)]
pub struct Paths {
    pub data_dir: PathBuf,
    pub models_dir: PathBuf,
    /// Where class CSVs and student exports are written for the teacher to take away.
    pub exports_dir: PathBuf,
}

impl Paths {
    pub fn from_env() -> Paths {
        let project = directories::ProjectDirs::from("org", "Leo", "leo");
        let data_dir = std::env::var_os("LEO_DATA_DIR")
            .map(PathBuf::from)
            .or_else(|| project.as_ref().map(|d| d.data_dir().to_path_buf()))
            .unwrap_or_else(|| PathBuf::from(".leo"));
        let models_dir = std::env::var_os("LEO_MODELS_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| data_dir.join("models"));
        let exports_dir = directories::UserDirs::new()
            .and_then(|u| u.document_dir().map(|d| d.join("Leo exports")))
            .filter(|_| std::env::var_os("LEO_DATA_DIR").is_none())
            .unwrap_or_else(|| data_dir.join("exports"));
        Paths {
            data_dir,
            models_dir,
            exports_dir,
        }
    }
}

/// The recording that is running: its recorder and the reading it belongs to.
#[derive(Debug)]
pub struct ActiveRecording {
    pub recorder: Recorder,
    pub reading: ReadingId,
}

#[derive(Debug)]
pub struct AppState {
    pub classroom: Arc<Classroom>,
    pub paths: Paths,
    pub scoring: ScoringQueue,
    /// Held only to put in or take out the recorder, never across an await.
    recording: Mutex<Option<ActiveRecording>>,
    teacher_unlocked: AtomicBool,
}

impl AppState {
    pub fn new(classroom: Arc<Classroom>, paths: Paths, scoring: ScoringQueue) -> AppState {
        AppState {
            classroom,
            paths,
            scoring,
            recording: Mutex::new(None),
            teacher_unlocked: AtomicBool::new(false),
        }
    }

    fn recording(&self) -> MutexGuard<'_, Option<ActiveRecording>> {
        // A panic elsewhere while holding the lock leaves a usable Option; keep going.
        self.recording.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn is_recording(&self) -> bool {
        self.recording().is_some()
    }

    /// Keeps `active` as the running recording; gives it back if one already runs.
    pub fn put_recording(&self, active: ActiveRecording) -> Result<(), ActiveRecording> {
        let mut slot = self.recording();
        if slot.is_some() {
            return Err(active);
        }
        *slot = Some(active);
        Ok(())
    }

    pub fn take_recording(&self) -> Option<ActiveRecording> {
        self.recording().take()
    }

    /// Takes the running recording only if it belongs to `reading`.
    pub fn take_recording_of(&self, reading: ReadingId) -> Option<ActiveRecording> {
        let mut slot = self.recording();
        if slot.as_ref().is_some_and(|a| a.reading == reading) {
            slot.take()
        } else {
            None
        }
    }

    pub fn unlock_teacher(&self) {
        self.teacher_unlocked.store(true, Ordering::SeqCst);
    }

    pub fn lock_teacher(&self) {
        self.teacher_unlocked.store(false, Ordering::SeqCst);
    }

    pub fn teacher_unlocked(&self) -> bool {
        self.teacher_unlocked.load(Ordering::SeqCst)
    }

    /// Teacher commands call this first.
    pub fn require_teacher(&self) -> AppResult<()> {
        if self.teacher_unlocked() {
            Ok(())
        } else {
            Err(AppError::locked())
        }
    }
}
