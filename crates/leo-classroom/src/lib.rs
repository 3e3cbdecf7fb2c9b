//! The classroom work shared by the `leo` command line and the desktop app: registering
//! readings (before recording, or from a file), scoring them with the speech worker, saving
//! the assessment and moving the student's level, recommending the next passage with its
//! reason, the unscored queue, class and student reports, teachers' passages, and the privacy
//! tools. The callers only present the results.
//!
//! The API is async (the store is sqlx); the speech recogniser is synchronous and runs on
//! blocking threads, never inside an async task, and no lock is held across an await.
//!
//! ```text
//! begin_recording ──► (recorder writes the WAV) ──► score_reading ──► reading_view
//!        └──► discard_reading (cancel)               └─ on failure: reading marked failed,
//!                                                       recording kept; unscored_readings
//! ```

mod days;
mod error;
mod passages;
mod progress;
mod recommend;
mod recording;
mod reports;
mod scoring;
mod speech;
mod views;
mod wav_recovery;

use std::path::Path;
use std::sync::Arc;

use leo_levels::starting_level;
use leo_models::{ModelStore, default_model_for};
use leo_passages::Library;
use leo_store::{
    ClassId, ExportSummary, Languages, ReadingSummary, Store, Student, StudentDeletion, StudentId,
};
use leo_text::Lang;

pub use days::{school_day, today};
pub use error::{ClassroomError, Result, ScoreFailure, lang_name, languages_name};
pub use passages::{AddedPassage, LevelSuggestion, NewPassage, measure};
pub use progress::settings_for;
pub use recommend::{NextPassage, Recommended};
pub use recording::PendingReading;
pub use reports::{
    CLASS_CSV_HEADER, CSV_FILE_MARK, ReportRow, to_csv, trend_word, wcpm_change,
    write_file_atomically,
};
pub use scoring::{ENGINE_VERSION, MIN_READING_S, ScoreOptions, ScoreStage, ScoredReading};
pub use views::{NormPoint, ProgressPoint, ReadingRow, ReadingView, StudentPage, reading_stars};
pub use wav_recovery::{is_unfinished, load_recording};

use crate::speech::SpeechService;

/// An open data folder and the speech models to score with. Share it (e.g. in an `Arc`);
/// every method takes `&self`.
#[derive(Debug)]
pub struct Classroom {
    store: Store,
    speech: Arc<SpeechService>,
}

impl Classroom {
    /// Opens the data folder (creating it on first use), brings its copy of the built-in
    /// passages up to date with this version of Leo, and notes where the speech models are
    /// (they are loaded on first use).
    pub async fn open(data_dir: &Path, models_dir: &Path) -> Result<Classroom> {
        let store = Store::open(data_dir).await?;
        store
            .sync_builtin_passages(Library::builtin().all(), measure)
            .await?;
        Ok(Classroom {
            store,
            speech: Arc::new(SpeechService::new(ModelStore::new(models_dir))),
        })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn data_dir(&self) -> &Path {
        self.store.data_dir()
    }

    pub fn models_dir(&self) -> &Path {
        self.speech.models().dir()
    }

    /// Whether the speech model that scores `lang` is installed.
    pub fn model_ready(&self, lang: Lang) -> bool {
        self.speech
            .models()
            .require(default_model_for(lang.code()))
            .is_ok()
    }

    /// Closes the database cleanly, so SQLite folds its journal back into leo.db.
    pub async fn close(self) {
        self.store.close().await;
    }

    /// Adds a student; they start at the first level of their grade in each language they
    /// read. Returns the student and the levels set.
    pub async fn add_student(
        &self,
        class: ClassId,
        name: &str,
        grade: u8,
        languages: Languages,
    ) -> Result<(Student, Vec<(Lang, u8)>)> {
        let student = self
            .store
            .create_student(class, name, grade, languages)
            .await?;
        let placed = progress::place(&self.store, &student).await?;
        Ok((student, placed))
    }

    /// Readings still to score (recorded, or failed before) that have their recording,
    /// oldest first: the queue to work through at start-up.
    pub async fn unscored_readings(&self) -> Result<Vec<ReadingSummary>> {
        Ok(self.store.unscored_readings().await?)
    }

    /// The next passage for the student in `lang` and why; None when no passage in the
    /// language is available. A language the student does not read is refused.
    pub async fn next_passage(
        &self,
        student: StudentId,
        lang: Lang,
    ) -> Result<Option<NextPassage>> {
        Ok(self.recommendation(student, lang).await?.next)
    }

    /// As [`Classroom::next_passage`], with the student's level in the language.
    pub async fn recommendation(&self, student: StudentId, lang: Lang) -> Result<Recommended> {
        let student = self.store.student(student).await?;
        recommend::recommended(&self.store, &student, lang).await
    }

    /// The student's current level in `lang`, or where they would start.
    pub async fn level(&self, student: &Student, lang: Lang) -> Result<u8> {
        Ok(match self.store.level(student.id, lang).await? {
            Some(state) => state.level,
            None => starting_level(student.grade),
        })
    }

    /// Writes everything Leo holds about the student, recordings included, into one zip file.
    pub async fn export_student(&self, student: StudentId, out: &Path) -> Result<ExportSummary> {
        Ok(self.store.export_student(student, out).await?)
    }

    /// Erases the student: their details, readings, levels and recordings.
    pub async fn delete_student(&self, student: StudentId) -> Result<StudentDeletion> {
        Ok(self.store.delete_student(student).await?)
    }
}
