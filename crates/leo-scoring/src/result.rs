//! The result of scoring one reading, as stored, shown and exported.

use leo_text::Lang;
use serde::{Deserialize, Serialize};

/// What happened to one passage word, by the oral-reading rules in `docs/scoring.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WordStatus {
    Correct,
    Substitution,
    Omission,
    Hesitation,
    SelfCorrection,
    NotReached,
}

impl WordStatus {
    pub const ALL: [WordStatus; 6] = [
        WordStatus::Correct,
        WordStatus::Substitution,
        WordStatus::Omission,
        WordStatus::Hesitation,
        WordStatus::SelfCorrection,
        WordStatus::NotReached,
    ];

    /// Counts toward words correct (a self-correction is a correct reading).
    pub fn is_correct(self) -> bool {
        matches!(self, WordStatus::Correct | WordStatus::SelfCorrection)
    }

    /// Counts as a reading error.
    pub fn is_error(self) -> bool {
        matches!(
            self,
            WordStatus::Substitution | WordStatus::Omission | WordStatus::Hesitation
        )
    }

    /// Part of the attempted words (everything up to the last word reached).
    pub fn is_attempted(self) -> bool {
        self != WordStatus::NotReached
    }

    pub fn as_str(self) -> &'static str {
        match self {
            WordStatus::Correct => "correct",
            WordStatus::Substitution => "substitution",
            WordStatus::Omission => "omission",
            WordStatus::Hesitation => "hesitation",
            WordStatus::SelfCorrection => "self_correction",
            WordStatus::NotReached => "not_reached",
        }
    }

    pub fn parse(s: &str) -> Option<WordStatus> {
        WordStatus::ALL.into_iter().find(|w| w.as_str() == s)
    }
}

/// One passage word and its judgement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordResult {
    /// Position in the passage, from 0.
    pub index: usize,
    /// The word as the passage shows it.
    pub text: String,
    pub status: WordStatus,
    /// What the recogniser heard for this word, if anything.
    pub heard: Option<String>,
    pub start: Option<f64>,
    pub end: Option<f64>,
    /// Pronunciation goodness 0–100, when there is acoustic evidence.
    pub pronunciation: Option<f32>,
}

/// A heard word that matches no passage word (not counted as an error).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Insertion {
    pub text: String,
    /// Index of the passage word it follows; None when before the first word.
    pub after_index: Option<usize>,
    pub start: f64,
}

/// A passage word read again after it was already read (not an error).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Repetition {
    pub index: usize,
    pub start: f64,
}

/// Utterance scores on a 0–100 scale.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub struct Scores {
    pub accuracy: f32,
    pub fluency: f32,
    pub prosody: f32,
    pub completeness: f32,
    pub total: f32,
}

/// Timing and intonation measures of the reading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ProsodySummary {
    pub pause_count: usize,
    pub pause_total_s: f64,
    pub pause_mean_s: f64,
    /// Pauses at a comma or sentence end, and inside phrases.
    pub pauses_at_punctuation: usize,
    pub pauses_within_phrases: usize,
    /// Syllables per second over the reading time, and excluding pauses.
    pub speech_rate: f64,
    pub articulation_rate: f64,
    /// Pitch range per sentence in semitones (None where no pitch was found).
    pub sentence_pitch_range_st: Vec<Option<f64>>,
    /// The reader's median pitch in Hz from the first word read to the last (None where too
    /// little was voiced). The voice scores are made blind to it.
    #[serde(default)]
    pub median_pitch_hz: Option<f64>,
    pub monotone: bool,
    /// For each question in the passage: whether the pitch rose at its end.
    pub question_rises: Vec<bool>,
    /// Sentence ends read straight through without a pause.
    pub missed_stops: usize,
}

/// Everything Leo knows about one scored reading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub lang: Lang,
    pub duration_s: f64,
    /// From the first word's start to the last word's end.
    pub reading_time_s: f64,
    pub wcpm: f64,
    /// Words correct over words attempted, 0–1.
    pub accuracy: f64,
    pub words_attempted: usize,
    pub words_correct: usize,
    pub words: Vec<WordResult>,
    pub insertions: Vec<Insertion>,
    pub repetitions: Vec<Repetition>,
    pub prosody: ProsodySummary,
    pub scores: Scores,
}

impl Assessment {
    /// Recomputes the counts, accuracy and WCPM from the word statuses, e.g. after a teacher
    /// changed a word's status.
    pub fn recount(&mut self) {
        self.words_attempted = self
            .words
            .iter()
            .filter(|w| w.status.is_attempted())
            .count();
        self.words_correct = self.words.iter().filter(|w| w.status.is_correct()).count();
        self.accuracy = if self.words_attempted == 0 {
            0.0
        } else {
            self.words_correct as f64 / self.words_attempted as f64
        };
        self.wcpm = if self.reading_time_s > 0.0 {
            self.words_correct as f64 * 60.0 / self.reading_time_s
        } else {
            0.0
        };
    }
}
