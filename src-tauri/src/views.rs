//! What the screens receive: plain serialisable types, camelCase on the TypeScript side, built
//! from the engine's types. Times are Unix milliseconds; ids and counts fit in a JS number.
//! docs/desktop-api.md describes them for the UI.

use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Es,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum Languages {
    En,
    Es,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum WordStatus {
    Correct,
    Substitution,
    Omission,
    Hesitation,
    SelfCorrection,
    NotReached,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum ReadingStatus {
    Recorded,
    Scored,
    Failed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum PassageSource {
    Builtin,
    Teacher,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ModelsReady {
    pub en: bool,
    pub es: bool,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub exports_dir: String,
    pub models_ready: ModelsReady,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ClassInfo {
    pub id: u32,
    pub name: String,
    pub student_count: u32,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StudentInfo {
    pub id: u32,
    pub name: String,
    pub grade: u8,
    pub languages: Languages,
    pub initials: String,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PassageView {
    pub id: String,
    pub lang: Lang,
    pub level: u8,
    pub title: String,
    pub topic: String,
    pub text: String,
    pub word_count: u32,
    pub source: PassageSource,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NextPassage {
    pub passage: PassageView,
    pub level: u8,
    pub reread: bool,
    pub reason_en: String,
    pub reason_es: String,
    pub practice_words: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct InputDevice {
    pub id: String,
    pub name: String,
    pub is_default: bool,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RecordingStarted {
    pub reading_id: u32,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct WordView {
    pub index: u32,
    pub text: String,
    pub status: WordStatus,
    pub heard: Option<String>,
    pub start_s: Option<f64>,
    pub end_s: Option<f64>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct OverrideView {
    pub word_index: u32,
    pub old_status: WordStatus,
    pub new_status: WordStatus,
    pub changed_by: String,
    pub changed_at: f64,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReadingView {
    pub id: u32,
    pub status: ReadingStatus,
    pub error: Option<String>,
    pub student_id: u32,
    pub student_name: String,
    pub passage: PassageView,
    pub started_at: f64,
    pub duration_s: Option<f64>,
    pub wcpm: Option<f64>,
    pub accuracy: Option<f64>,
    pub words_correct: Option<u32>,
    pub words_attempted: Option<u32>,
    pub stars: Option<u8>,
    pub words: Vec<WordView>,
    pub level_before: Option<u8>,
    pub level_after: Option<u8>,
    pub next: Option<NextPassage>,
    pub overrides: Vec<OverrideView>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TeacherState {
    pub has_pin: bool,
    pub unlocked: bool,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LangLevel {
    pub lang: Lang,
    pub level: u8,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StudentRow {
    pub student_id: u32,
    pub name: String,
    pub initials: String,
    pub grade: u8,
    pub languages: Languages,
    pub levels: Vec<LangLevel>,
    pub last_wcpm: Option<f64>,
    pub last_accuracy: Option<f64>,
    pub last_reading_at: Option<f64>,
    /// WCPM of the latest scored readings, oldest first.
    pub trend: Vec<f64>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TrendPoint {
    pub reading_id: u32,
    pub at: f64,
    pub wcpm: f64,
    pub accuracy: f64,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NormPoint {
    pub at: f64,
    pub wcpm: f64,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ErrorCount {
    pub status: WordStatus,
    pub count: u32,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReadingRow {
    pub id: u32,
    pub at: f64,
    pub passage_title: String,
    pub status: ReadingStatus,
    pub wcpm: Option<f64>,
    pub accuracy: Option<f64>,
    /// The recording was cut short (the app closed while it ran).
    pub partial: bool,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StudentPage {
    pub student: StudentInfo,
    pub lang: Lang,
    pub level: Option<u8>,
    pub points: Vec<TrendPoint>,
    pub norm: Vec<NormPoint>,
    pub error_counts: Vec<ErrorCount>,
    pub readings: Vec<ReadingRow>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LevelSuggestion {
    pub level: u8,
    pub word_count: u32,
    pub readability: Option<f64>,
}
