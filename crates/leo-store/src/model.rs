//! The values the store hands out and takes in.

use std::fmt;

use chrono::{DateTime, Utc};
use leo_passages::Passage;
use leo_scoring::{Assessment, WordStatus};
use leo_text::Lang;
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
            sqlx::Type,
        )]
        #[serde(transparent)]
        #[sqlx(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// Row id of a class.
    ClassId
);
id_type!(
    /// Row id of a student.
    StudentId
);
id_type!(
    /// Row id of a reading (one recording of one passage by one student).
    ReadingId
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Class {
    pub id: ClassId,
    pub name: String,
    pub created_at: DateTime<Utc>,
}

/// The languages a student practises in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Languages {
    En,
    Es,
    Both,
}

impl Languages {
    pub fn as_str(self) -> &'static str {
        match self {
            Languages::En => "en",
            Languages::Es => "es",
            Languages::Both => "both",
        }
    }

    pub fn parse(s: &str) -> Option<Languages> {
        match s {
            "en" => Some(Languages::En),
            "es" => Some(Languages::Es),
            "both" => Some(Languages::Both),
            _ => None,
        }
    }

    pub fn includes(self, lang: Lang) -> bool {
        matches!(
            (self, lang),
            (Languages::Both, _) | (Languages::En, Lang::En) | (Languages::Es, Lang::Es)
        )
    }

    pub fn langs(self) -> Vec<Lang> {
        [Lang::En, Lang::Es]
            .into_iter()
            .filter(|l| self.includes(*l))
            .collect()
    }
}

/// How strictly pronunciation scores turn into a word judgement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Strictness {
    Lenient,
    Normal,
    Strict,
}

/// Accuracy bands that replace the defaults for one student (fractions 0–1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct AccuracyThresholds {
    /// At or above: the passage is easy for the student.
    pub independent: f64,
    /// At or above (and below `independent`): the right level for teaching.
    pub instructional: f64,
}

/// Per-student overrides of the scoring and levelling defaults. Unset means "use the default".
/// Stored as JSON so a new setting needs no migration; unknown keys are ignored on load.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StudentSettings {
    /// Seconds of silence before a word counts as a hesitation.
    pub hesitation_limit_s: Option<f64>,
    pub pronunciation_strictness: Option<Strictness>,
    pub accuracy_thresholds: Option<AccuracyThresholds>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Student {
    pub id: StudentId,
    pub class_id: ClassId,
    pub name: String,
    pub grade: u8,
    pub languages: Languages,
    pub settings: StudentSettings,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PassageSource {
    /// Shipped with Leo; kept in step with the built-in list by `sync_builtin_passages`.
    Builtin,
    /// Typed in by a teacher.
    Teacher,
}

impl PassageSource {
    pub fn as_str(self) -> &'static str {
        match self {
            PassageSource::Builtin => "builtin",
            PassageSource::Teacher => "teacher",
        }
    }
}

/// Figures computed from a passage's text when it is stored.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PassageMeasures {
    pub word_count: usize,
    pub readability: Option<f64>,
}

impl PassageMeasures {
    /// Counts whitespace-separated tokens that contain a letter or digit (so a lone dash or
    /// quote is not a word). For callers without the scorer's own tokeniser at hand.
    pub fn count_words(text: &str) -> usize {
        text.split_whitespace()
            .filter(|t| t.chars().any(char::is_alphanumeric))
            .count()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredPassage {
    pub passage: Passage,
    pub word_count: usize,
    pub readability: Option<f64>,
    pub source: PassageSource,
    /// A built-in passage no longer shipped, kept because readings refer to it.
    pub retired: bool,
    pub created_at: DateTime<Utc>,
}

/// What `sync_builtin_passages` changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PassageSync {
    pub added: usize,
    pub updated: usize,
    /// No longer shipped but read before: hidden from lists, kept for history.
    pub retired: usize,
    /// No longer shipped and never read: deleted.
    pub removed: usize,
    /// Built-in ids that a teacher passage already uses; the teacher's passage is kept.
    pub clashes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReadingStatus {
    /// Audio saved, not scored yet (or scoring was interrupted).
    Recorded,
    Scored,
    /// Scoring failed; `error` says why.
    Failed,
}

impl ReadingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ReadingStatus::Recorded => "recorded",
            ReadingStatus::Scored => "scored",
            ReadingStatus::Failed => "failed",
        }
    }

    pub(crate) fn parse(s: &str) -> Result<ReadingStatus> {
        match s {
            "recorded" => Ok(ReadingStatus::Recorded),
            "scored" => Ok(ReadingStatus::Scored),
            "failed" => Ok(ReadingStatus::Failed),
            other => Err(StoreError::bad_data(format!("reading status {other:?}"))),
        }
    }
}

/// A reading as listed (no word detail).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadingSummary {
    pub id: ReadingId,
    pub student_id: StudentId,
    pub passage_id: String,
    pub passage_title: String,
    pub lang: Lang,
    pub started_at: DateTime<Utc>,
    pub status: ReadingStatus,
    /// Relative to the data folder; None once audio retention removed it.
    pub audio_path: Option<String>,
    pub wcpm: Option<f64>,
    pub accuracy: Option<f64>,
    pub error: Option<String>,
    /// The live recording was cut short (the app stopped while it ran).
    pub interrupted: bool,
}

/// A reading with everything known about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredReading {
    pub id: ReadingId,
    pub student_id: StudentId,
    pub passage_id: String,
    pub lang: Lang,
    pub started_at: DateTime<Utc>,
    pub audio_path: Option<String>,
    pub status: ReadingStatus,
    pub error: Option<String>,
    pub engine_version: Option<String>,
    pub model: Option<String>,
    pub scored_at: Option<DateTime<Utc>>,
    /// The live recording was cut short (the app stopped while it ran).
    #[serde(default)]
    pub interrupted: bool,
    /// Present once scored.
    pub assessment: Option<Assessment>,
}

/// One teacher correction of a word's judgement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordOverride {
    pub reading_id: ReadingId,
    pub word_index: usize,
    pub old_status: WordStatus,
    pub new_status: WordStatus,
    pub changed_by: String,
    pub changed_at: DateTime<Utc>,
}

/// A student's current passage level in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelState {
    pub lang: Lang,
    pub level: u8,
    /// Readings in a row that point the same way (what counts is leo-levels' business).
    pub streak: u32,
    pub updated_at: DateTime<Utc>,
}

/// A new level state; when `level` differs from the current one a history row records why.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelUpdate<'a> {
    pub level: u8,
    pub streak: u32,
    pub reason_en: &'a str,
    pub reason_es: &'a str,
    /// The reading that triggered the change, if one did.
    pub reading: Option<ReadingId>,
}

/// One change of level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelChange {
    pub lang: Lang,
    /// None for the first placement.
    pub from_level: Option<u8>,
    pub to_level: u8,
    pub reason_en: String,
    pub reason_es: String,
    pub reading_id: Option<ReadingId>,
    pub at: DateTime<Utc>,
}

/// Counts of word judgements other than "correct", plus the non-error events.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorCounts {
    pub substitutions: u32,
    pub omissions: u32,
    pub hesitations: u32,
    pub self_corrections: u32,
    pub insertions: u32,
    pub repetitions: u32,
}

impl ErrorCounts {
    pub(crate) fn add_status(&mut self, status: WordStatus, n: u32) {
        match status {
            WordStatus::Substitution => self.substitutions += n,
            WordStatus::Omission => self.omissions += n,
            WordStatus::Hesitation => self.hesitations += n,
            WordStatus::SelfCorrection => self.self_corrections += n,
            WordStatus::Correct | WordStatus::NotReached => {}
        }
    }

    pub(crate) fn add(&mut self, other: &ErrorCounts) {
        self.substitutions += other.substitutions;
        self.omissions += other.omissions;
        self.hesitations += other.hesitations;
        self.self_corrections += other.self_corrections;
        self.insertions += other.insertions;
        self.repetitions += other.repetitions;
    }
}

/// Number of recent WCPM values in a class-overview sparkline.
pub const SPARKLINE_POINTS: usize = 10;

/// One language's line in the class overview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LangOverview {
    pub lang: Lang,
    pub level: Option<LevelState>,
    pub scored_readings: u32,
    pub last_read_at: Option<DateTime<Utc>>,
    pub last_wcpm: Option<f64>,
    pub last_accuracy: Option<f64>,
    /// Up to [`SPARKLINE_POINTS`] most recent WCPM values, oldest first.
    pub recent_wcpm: Vec<f64>,
}

/// One student's row in the class overview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudentOverview {
    pub student: Student,
    /// The student's languages, plus any other language they have readings in.
    pub langs: Vec<LangOverview>,
}

/// One scored reading on a student's trend chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint {
    pub reading_id: ReadingId,
    pub at: DateTime<Utc>,
    pub passage_level: u8,
    pub wcpm: f64,
    pub accuracy: f64,
    pub errors: ErrorCounts,
}

/// A student's progress in one language, oldest reading first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudentTrend {
    pub student_id: StudentId,
    pub lang: Lang,
    pub points: Vec<TrendPoint>,
    pub totals: ErrorCounts,
}

/// What `delete_student` removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StudentDeletion {
    pub readings: usize,
    pub audio_files_removed: usize,
}

/// What `export_student` wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportSummary {
    pub readings: usize,
    pub audio_files: usize,
    /// Recordings the database refers to whose file was not on disk.
    pub missing_audio: Vec<String>,
}

/// What `apply_audio_retention` removed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RetentionReport {
    /// Recordings started before this moment lost their audio.
    pub cutoff: DateTime<Utc>,
    pub readings: Vec<ReadingId>,
    pub files_removed: usize,
    /// Readings whose file was already gone; only the reference was cleared.
    pub files_missing: usize,
    pub bytes_freed: u64,
}
