//! Scoring a registered reading: load its WAV, let the speech worker hear it (on a blocking
//! thread: Whisper never runs inside an async task), save the assessment, move the student's
//! level. Any failure marks the reading failed and keeps its recording for a retry.

use std::sync::Arc;

use leo_assess::{assess, calibration_for};
use leo_levels::LevelDecision;
use leo_models::default_model_for;
use leo_passages::Passage;
use leo_scoring::Assessment;
use leo_scoring::rules::{RuleSettings, Strictness};
use leo_store::{ReadingId, StoredReading, Strictness as StoredStrictness, Student};

use crate::Classroom;
use crate::days::school_day;
use crate::error::{ClassroomError, Result, ScoreFailure};
use crate::progress::{self, Scored};
use crate::speech::SpeechService;
use crate::wav_recovery::load_recording;

/// Written into each scored reading, so a result can be traced to the engine that made it.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Shorter than this, a recording cannot be a reading of a passage (a tap on the button and
/// straight back); the recogniser is not bothered with it.
pub const MIN_READING_S: f64 = 1.0;

/// Where scoring has got to, for a progress display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScoreStage {
    /// Loading the recording and the speech model, and recognising the words.
    Listening,
    /// Saving the result and applying the level rules.
    Scoring,
    Done,
}

/// How to score: the defaults come from the student's settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScoreOptions {
    /// Pronunciation strictness instead of the student's own (else normal).
    pub strictness: Option<StoredStrictness>,
}

/// A reading scored and saved, with the level decision it led to.
#[derive(Debug, Clone)]
pub struct ScoredReading {
    pub reading_id: ReadingId,
    pub student: Student,
    pub passage: Passage,
    pub assessment: Assessment,
    pub decision: LevelDecision,
    /// The speech model that heard it.
    pub model: String,
    /// Remarks on the reading (e.g. what was heard hardly matches the passage).
    pub notes: Vec<String>,
    /// The recording was never finished (recording interrupted); what it holds was scored.
    pub unfinished_recording: bool,
}

/// What the blocking part hands back.
struct Heard {
    assessment: Assessment,
    model: String,
    notes: Vec<String>,
    unfinished: bool,
}

impl Classroom {
    /// Scores a registered reading (recorded, failed, or scored before: it is scored again)
    /// from its WAV on disk and updates the student's level. On failure the reading is marked
    /// failed, its recording kept, and [`ClassroomError::ScoringFailed`] says why.
    pub async fn score_reading(
        &self,
        reading_id: ReadingId,
        progress: impl Fn(ScoreStage) + Send + Sync,
    ) -> Result<ScoredReading> {
        self.score_reading_with(reading_id, ScoreOptions::default(), progress)
            .await
    }

    pub async fn score_reading_with(
        &self,
        reading_id: ReadingId,
        options: ScoreOptions,
        progress: impl Fn(ScoreStage) + Send + Sync,
    ) -> Result<ScoredReading> {
        let store = self.store();
        let reading = store.load_reading(reading_id).await?;
        let Some(rel) = reading.audio_path.clone() else {
            return Err(ClassroomError::NoRecording {
                reading: reading_id,
            });
        };
        match self.try_score(&reading, options, &progress).await {
            Ok(scored) => {
                progress(ScoreStage::Done);
                Ok(scored)
            }
            Err(cause) => {
                // Not logged here: the caller reports the returned error its own way.
                store.mark_failed(reading_id, &cause.to_string()).await?;
                Err(ClassroomError::ScoringFailed {
                    reading: reading_id,
                    recording: rel,
                    cause: Box::new(cause),
                })
            }
        }
    }

    async fn try_score(
        &self,
        reading: &StoredReading,
        options: ScoreOptions,
        progress: &(impl Fn(ScoreStage) + Send + Sync),
    ) -> Result<ScoredReading, ScoreFailure> {
        let store = self.store();
        let student = store.student(reading.student_id).await?;
        let passage = store.passage(&reading.passage_id).await?.passage;
        let settings = rule_settings(&student, options.strictness);
        let wav = store.audio_file(reading.audio_path.as_deref().unwrap_or_default());
        progress(ScoreStage::Listening);
        let speech = Arc::clone(&self.speech);
        let text_passage = passage.clone();
        let heard =
            tokio::task::spawn_blocking(move || hear(&speech, &wav, &text_passage, &settings))
                .await
                .map_err(|e| ScoreFailure::Interrupted(e.to_string()))??;
        progress(ScoreStage::Scoring);
        store
            .save_assessment(reading.id, &heard.assessment, ENGINE_VERSION, &heard.model)
            .await?;
        let scored = Scored {
            reading: reading.id,
            lang: passage.lang,
            passage_level: passage.level,
            wcpm: heard.assessment.wcpm,
            accuracy: heard.assessment.accuracy,
            date: school_day(reading.started_at),
        };
        let decision = progress::apply(store, &student, &scored).await?;
        Ok(ScoredReading {
            reading_id: reading.id,
            student,
            passage,
            assessment: heard.assessment,
            decision,
            model: heard.model,
            notes: heard.notes,
            unfinished_recording: heard.unfinished,
        })
    }
}

/// Loads the recording and scores it with the passage language's model. Blocking.
fn hear(
    speech: &SpeechService,
    wav: &std::path::Path,
    passage: &Passage,
    settings: &RuleSettings,
) -> Result<Heard, ScoreFailure> {
    let (audio, unfinished) = load_recording(wav)?;
    let seconds = audio.duration_s();
    if seconds < MIN_READING_S {
        return Err(ScoreFailure::TooShort { seconds });
    }
    let model = default_model_for(passage.lang.code()).to_owned();
    let worker = speech.worker(&model)?;
    let outcome = assess(
        &worker,
        &passage.text,
        audio.samples,
        passage.lang,
        settings,
        &calibration_for(&worker),
    )?;
    // The recogniser skips silence and steady noise; a reading in which it heard nothing at
    // all is a microphone problem, not a reading to judge (and to move the level down for).
    if outcome.transcript.words.is_empty() {
        return Err(ScoreFailure::NothingHeard);
    }
    Ok(Heard {
        assessment: outcome.assessment,
        model,
        notes: outcome.notes,
        unfinished,
    })
}

/// The scoring rules for this student: the given strictness, else theirs, else normal.
fn rule_settings(student: &Student, strictness: Option<StoredStrictness>) -> RuleSettings {
    let mut settings = RuleSettings::default();
    if let Some(limit) = student.settings.hesitation_limit_s {
        settings.hesitation_limit_s = limit;
    }
    if let Some(s) = strictness.or(student.settings.pronunciation_strictness) {
        settings.strictness = match s {
            StoredStrictness::Lenient => Strictness::Lenient,
            StoredStrictness::Normal => Strictness::Normal,
            StoredStrictness::Strict => Strictness::Strict,
        };
    }
    settings
}
