//! What the screens show: one reading with its words, corrections, level change, stars and
//! what to read next; a student's progress page with the grade-norm line.

use chrono::{DateTime, Utc};
use leo_levels::Norms;
use leo_scoring::WordStatus;
use leo_store::{
    ReadingId, ReadingStatus, ReadingSummary, Store, StoredPassage, StoredReading, Student,
    StudentId, WordOverride,
};
use leo_text::Lang;

use crate::Classroom;
use crate::days::school_day;
use crate::error::Result;
use crate::progress::{replayed_decisions, settings_for};
use crate::recommend::{NextPassage, recommended};
use crate::wav_recovery::is_unfinished;

/// A reading with everything the result and review screens show.
#[derive(Debug, Clone)]
pub struct ReadingView {
    /// With its assessment (words, WCPM, accuracy) once scored.
    pub reading: StoredReading,
    pub student: Student,
    pub passage: StoredPassage,
    /// Teacher corrections, oldest first.
    pub overrides: Vec<WordOverride>,
    /// The level before and after this reading, when it is known what the reading did.
    pub level_before: Option<u8>,
    pub level_after: Option<u8>,
    /// 1 to 3 once scored (see [`leo_levels::stars`]).
    pub stars: Option<u8>,
    /// What to read next in the reading's language.
    pub next: Option<NextPassage>,
    /// The recording was never finished (recording interrupted).
    pub unfinished_recording: bool,
}

/// One scored reading on the progress chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressPoint {
    pub reading_id: ReadingId,
    pub at: DateTime<Utc>,
    pub wcpm: f64,
    pub accuracy: f64,
}

/// The grade norm (50th-percentile WCPM) at a point's date.
#[derive(Debug, Clone, PartialEq)]
pub struct NormPoint {
    pub at: DateTime<Utc>,
    pub wcpm: f64,
}

/// A reading in the student's list, whatever its status.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadingRow {
    pub summary: ReadingSummary,
    /// Its recording was never finished (recording interrupted).
    pub unfinished_recording: bool,
}

/// A student's progress in one language.
#[derive(Debug, Clone)]
pub struct StudentPage {
    pub student: Student,
    pub lang: Lang,
    pub level: Option<u8>,
    /// Scored readings, oldest first.
    pub points: Vec<ProgressPoint>,
    /// The grade norm at the points' dates; dates the norms have no value for are left out
    /// (English grade 1 in the fall).
    pub norm: Vec<NormPoint>,
    /// Error words over all scored readings, by status.
    pub error_counts: Vec<(WordStatus, u32)>,
    /// Every reading in the language, oldest first, including unscored and failed ones.
    pub readings: Vec<ReadingRow>,
}

/// The stars of a scored reading, with the student's own accuracy bands.
pub fn reading_stars(
    student: &Student,
    lang: Lang,
    at: DateTime<Utc>,
    wcpm: f64,
    accuracy: f64,
) -> u8 {
    leo_levels::stars_with(
        accuracy,
        wcpm,
        student.grade,
        lang,
        school_day(at),
        Norms::builtin(),
        &settings_for(student),
    )
}

/// The level before and after a reading: from the level history when the reading changed
/// the level, else from replaying the student's readings.
async fn level_change(
    store: &Store,
    student: &Student,
    reading: &StoredReading,
) -> Result<(Option<u8>, Option<u8>)> {
    let history = store.level_history(student.id, Some(reading.lang)).await?;
    if let Some(change) = history.iter().find(|c| c.reading_id == Some(reading.id)) {
        return Ok((change.from_level, Some(change.to_level)));
    }
    if reading.status != ReadingStatus::Scored {
        return Ok((None, None));
    }
    let replayed = replayed_decisions(store, student, reading.lang).await?;
    Ok(replayed
        .and_then(|d| d.into_iter().find(|(id, _)| *id == reading.id))
        .map_or((None, None), |(_, d)| {
            (Some(d.previous_level), Some(d.new_level))
        }))
}

/// Which of these recordings were never finished. Reads the start of each file: off the
/// runtime.
async fn unfinished_flags(store: &Store, audio: Vec<Option<String>>) -> Vec<bool> {
    let paths: Vec<_> = audio
        .into_iter()
        .map(|rel| rel.map(|rel| store.audio_file(&rel)))
        .collect();
    let count = paths.len();
    tokio::task::spawn_blocking(move || {
        paths
            .iter()
            .map(|p| p.as_deref().is_some_and(is_unfinished))
            .collect()
    })
    .await
    .unwrap_or_else(|_| vec![false; count])
}

/// How far the grade-norm line reaches before the first and after the last reading.
const NORM_MARGIN_DAYS: i64 = 14;

impl Classroom {
    pub async fn reading_view(&self, id: ReadingId) -> Result<ReadingView> {
        let store = self.store();
        let reading = store.load_reading(id).await?;
        let student = store.student(reading.student_id).await?;
        let passage = store.passage(&reading.passage_id).await?;
        let overrides = store.overrides_for(id).await?;
        let (level_before, level_after) = level_change(store, &student, &reading).await?;
        let stars = reading.assessment.as_ref().map(|a| {
            reading_stars(
                &student,
                reading.lang,
                reading.started_at,
                a.wcpm,
                a.accuracy,
            )
        });
        let next = if student.languages.includes(reading.lang) {
            recommended(store, &student, reading.lang).await?.next
        } else {
            None
        };
        let unfinished_recording = reading.interrupted
            || unfinished_flags(store, vec![reading.audio_path.clone()])
                .await
                .first()
                .copied()
                .unwrap_or(false);
        Ok(ReadingView {
            reading,
            student,
            passage,
            overrides,
            level_before,
            level_after,
            stars,
            next,
            unfinished_recording,
        })
    }

    /// A teacher's correction of one word: WCPM and accuracy are recounted and the change
    /// kept in the audit trail. Returns the reading as it now is.
    pub async fn override_word(
        &self,
        id: ReadingId,
        word_index: usize,
        status: WordStatus,
        changed_by: &str,
    ) -> Result<ReadingView> {
        self.store()
            .override_word(id, word_index, status, changed_by)
            .await?;
        self.reading_view(id).await
    }

    pub async fn student_page(&self, student_id: StudentId, lang: Lang) -> Result<StudentPage> {
        let store = self.store();
        let student = store.student(student_id).await?;
        let level = store.level(student.id, lang).await?.map(|l| l.level);
        let trend = store.student_trend(student.id, lang).await?;
        let school_year = settings_for(&student).school_year;
        // The norm at each reading's date, and NORM_MARGIN_DAYS either side of the readings,
        // so even a single reading is drawn against a stretch of the grade-norm line.
        let mut norm_dates: Vec<DateTime<Utc>> = trend.points.iter().map(|p| p.at).collect();
        if let (Some(&first), Some(&last)) = (norm_dates.first(), norm_dates.last()) {
            let margin = chrono::TimeDelta::days(NORM_MARGIN_DAYS);
            norm_dates.insert(0, first - margin);
            norm_dates.push(last + margin);
        }
        let norm = norm_dates
            .into_iter()
            .filter_map(|at| {
                let season = school_year.season_of(school_day(at));
                let wcpm = Norms::builtin().expected_wcpm(lang, student.grade, season)?;
                Some(NormPoint { at, wcpm })
            })
            .collect();
        let points = trend
            .points
            .iter()
            .map(|p| ProgressPoint {
                reading_id: p.reading_id,
                at: p.at,
                wcpm: p.wcpm,
                accuracy: p.accuracy,
            })
            .collect();
        let t = &trend.totals;
        let error_counts = vec![
            (WordStatus::Substitution, t.substitutions),
            (WordStatus::Omission, t.omissions),
            (WordStatus::Hesitation, t.hesitations),
            (WordStatus::SelfCorrection, t.self_corrections),
        ];
        let summaries = store.student_readings(student.id, Some(lang)).await?;
        let flags = unfinished_flags(
            store,
            summaries.iter().map(|r| r.audio_path.clone()).collect(),
        )
        .await;
        let readings = summaries
            .into_iter()
            .zip(flags)
            .map(|(summary, unfinished_header)| ReadingRow {
                unfinished_recording: summary.interrupted || unfinished_header,
                summary,
            })
            .collect();
        Ok(StudentPage {
            student,
            lang,
            level,
            points,
            norm,
            error_counts,
            readings,
        })
    }
}
