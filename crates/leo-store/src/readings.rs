//! Readings: a recording is registered first (so it survives a crash before scoring), then
//! its assessment is saved, or the failure noted. Corrections are in `overrides.rs`.

use std::path::Path;

use chrono::{DateTime, Utc};
use leo_scoring::{
    Assessment, Insertion, ProsodySummary, Repetition, Scores, WordResult, WordStatus,
};
use leo_text::Lang;
use sqlx::{FromRow, QueryBuilder, Sqlite, SqliteConnection};

use crate::error::{Result, StoreError};
use crate::{
    ReadingId, ReadingStatus, ReadingSummary, Store, StoredReading, StudentId, ensure_student,
    from_ms, normalise_audio_path, now, parse_lang, to_ms,
};

/// `readings.recording` values (migration 0002).
const RECORDING: &str = "recording";
const COMPLETE: &str = "complete";
const INTERRUPTED: &str = "interrupted";

#[derive(FromRow)]
pub(crate) struct ReadingRow {
    pub(crate) id: ReadingId,
    pub(crate) student_id: StudentId,
    pub(crate) passage_id: String,
    pub(crate) lang: String,
    pub(crate) started_at: i64,
    pub(crate) audio_path: Option<String>,
    pub(crate) status: String,
    pub(crate) error: Option<String>,
    duration_s: Option<f64>,
    reading_time_s: Option<f64>,
    wcpm: Option<f64>,
    accuracy: Option<f64>,
    words_attempted: Option<i64>,
    words_correct: Option<i64>,
    score_accuracy: Option<f64>,
    score_fluency: Option<f64>,
    score_prosody: Option<f64>,
    score_completeness: Option<f64>,
    score_total: Option<f64>,
    prosody: Option<String>,
    insertions: Option<String>,
    repetitions: Option<String>,
    engine_version: Option<String>,
    model: Option<String>,
    scored_at: Option<i64>,
    recording: Option<String>,
}

pub(crate) const READING_COLUMNS: &str = "id, student_id, passage_id, lang, started_at, \
    audio_path, status, error, duration_s, reading_time_s, wcpm, accuracy, words_attempted, \
    words_correct, score_accuracy, score_fluency, score_prosody, score_completeness, \
    score_total, prosody, insertions, repetitions, engine_version, model, scored_at, recording";

#[derive(FromRow)]
struct WordRow {
    idx: i64,
    text: String,
    status: String,
    heard: Option<String>,
    start_s: Option<f64>,
    end_s: Option<f64>,
    pronunciation: Option<f64>,
}

#[derive(FromRow)]
struct SummaryRow {
    id: ReadingId,
    student_id: StudentId,
    passage_id: String,
    passage_title: String,
    lang: String,
    started_at: i64,
    status: String,
    audio_path: Option<String>,
    wcpm: Option<f64>,
    accuracy: Option<f64>,
    error: Option<String>,
    recording: Option<String>,
}

/// The summary query over `readings r` (with an optional index hint) joined to its passage.
fn summary_select(readings_hint: &str) -> String {
    format!(
        "SELECT r.id, r.student_id, r.passage_id, p.title AS passage_title, r.lang, \
         r.started_at, r.status, r.audio_path, r.wcpm, r.accuracy, r.error, r.recording \
         FROM readings r {readings_hint} JOIN passages p ON p.id = r.passage_id"
    )
}

impl SummaryRow {
    fn into_summary(self) -> Result<ReadingSummary> {
        Ok(ReadingSummary {
            id: self.id,
            student_id: self.student_id,
            passage_id: self.passage_id,
            passage_title: self.passage_title,
            lang: parse_lang(&self.lang)?,
            started_at: from_ms(self.started_at)?,
            status: ReadingStatus::parse(&self.status)?,
            audio_path: self.audio_path,
            wcpm: self.wcpm,
            accuracy: self.accuracy,
            error: self.error,
            interrupted: self.recording.as_deref() == Some(INTERRUPTED),
        })
    }
}

fn need<T>(v: Option<T>, what: &str, id: ReadingId) -> Result<T> {
    v.ok_or_else(|| StoreError::bad_data(format!("{what} of scored reading #{id} is missing")))
}

fn from_json<T: serde::de::DeserializeOwned>(
    s: Option<String>,
    what: &str,
    id: ReadingId,
) -> Result<T> {
    let s = need(s, what, id)?;
    serde_json::from_str(&s)
        .map_err(|e| StoreError::bad_data(format!("{what} of reading #{id}: {e}")))
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| StoreError::InvalidAssessment {
        reason: e.to_string(),
    })
}

fn count(n: Option<i64>, what: &str, id: ReadingId) -> Result<usize> {
    usize::try_from(need(n, what, id)?)
        .map_err(|_| StoreError::bad_data(format!("{what} of reading #{id} is negative")))
}

/// Reads a reading's row by id inside a transaction or on a connection.
pub(crate) async fn reading_row(conn: &mut SqliteConnection, id: ReadingId) -> Result<ReadingRow> {
    let sql = format!("SELECT {READING_COLUMNS} FROM readings WHERE id = ?");
    sqlx::query_as::<_, ReadingRow>(&sql)
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or(StoreError::ReadingNotFound { id })
}

/// Rebuilds the stored reading, with its assessment if scored.
pub(crate) async fn rebuild(conn: &mut SqliteConnection, row: ReadingRow) -> Result<StoredReading> {
    let id = row.id;
    let lang = parse_lang(&row.lang)?;
    let status = ReadingStatus::parse(&row.status)?;
    let assessment = if status == ReadingStatus::Scored {
        let words = sqlx::query_as::<_, WordRow>(
            "SELECT idx, text, status, heard, start_s, end_s, pronunciation \
             FROM word_results WHERE reading_id = ? ORDER BY idx",
        )
        .bind(id)
        .fetch_all(conn)
        .await?
        .into_iter()
        .map(|w| {
            Ok(WordResult {
                index: usize::try_from(w.idx)
                    .map_err(|_| StoreError::bad_data(format!("word index {}", w.idx)))?,
                text: w.text,
                status: WordStatus::parse(&w.status)
                    .ok_or_else(|| StoreError::bad_data(format!("word status {:?}", w.status)))?,
                heard: w.heard,
                start: w.start_s,
                end: w.end_s,
                pronunciation: w.pronunciation.map(|p| p as f32),
            })
        })
        .collect::<Result<Vec<_>>>()?;
        Some(Assessment {
            lang,
            duration_s: need(row.duration_s, "duration", id)?,
            reading_time_s: need(row.reading_time_s, "reading time", id)?,
            wcpm: need(row.wcpm, "WCPM", id)?,
            accuracy: need(row.accuracy, "accuracy", id)?,
            words_attempted: count(row.words_attempted, "words attempted", id)?,
            words_correct: count(row.words_correct, "words correct", id)?,
            words,
            insertions: from_json::<Vec<Insertion>>(row.insertions, "insertions", id)?,
            repetitions: from_json::<Vec<Repetition>>(row.repetitions, "repetitions", id)?,
            prosody: from_json::<ProsodySummary>(row.prosody, "prosody", id)?,
            scores: Scores {
                accuracy: need(row.score_accuracy, "accuracy score", id)? as f32,
                fluency: need(row.score_fluency, "fluency score", id)? as f32,
                prosody: need(row.score_prosody, "prosody score", id)? as f32,
                completeness: need(row.score_completeness, "completeness score", id)? as f32,
                total: need(row.score_total, "total score", id)? as f32,
            },
        })
    } else {
        None
    };
    Ok(StoredReading {
        id,
        student_id: row.student_id,
        passage_id: row.passage_id,
        lang,
        started_at: from_ms(row.started_at)?,
        audio_path: row.audio_path,
        status,
        error: row.error,
        engine_version: row.engine_version,
        model: row.model,
        scored_at: row.scored_at.map(from_ms).transpose()?,
        interrupted: row.recording.as_deref() == Some(INTERRUPTED),
        assessment,
    })
}

/// SQLite stores NaN as NULL and JSON has no infinities, so such values would not load back.
fn check_assessment(a: &Assessment, lang: Lang) -> Result<()> {
    let bad = |reason: String| Err(StoreError::InvalidAssessment { reason });
    if a.lang != lang {
        return bad(format!(
            "it is for language {} but the passage is {}",
            a.lang.code(),
            lang.code()
        ));
    }
    let p = &a.prosody;
    let scalars = [
        ("duration", a.duration_s),
        ("reading time", a.reading_time_s),
        ("WCPM", a.wcpm),
        ("accuracy", a.accuracy),
        ("accuracy score", f64::from(a.scores.accuracy)),
        ("fluency score", f64::from(a.scores.fluency)),
        ("prosody score", f64::from(a.scores.prosody)),
        ("completeness score", f64::from(a.scores.completeness)),
        ("total score", f64::from(a.scores.total)),
        ("pause total", p.pause_total_s),
        ("pause mean", p.pause_mean_s),
        ("speech rate", p.speech_rate),
        ("articulation rate", p.articulation_rate),
    ];
    if let Some((what, _)) = scalars.iter().find(|(_, v)| !v.is_finite()) {
        return bad(format!("its {what} is not a finite number"));
    }
    if p.sentence_pitch_range_st
        .iter()
        .flatten()
        .any(|v| !v.is_finite())
        || a.insertions.iter().any(|i| !i.start.is_finite())
        || a.repetitions.iter().any(|r| !r.start.is_finite())
    {
        return bad("a pitch range or event time is not a finite number".into());
    }
    for (i, w) in a.words.iter().enumerate() {
        if i > 0 && w.index <= a.words[i - 1].index {
            return bad(format!(
                "word indexes are not increasing at word {}",
                w.index
            ));
        }
        let times = [w.start, w.end, w.pronunciation.map(f64::from)];
        if times.iter().flatten().any(|v| !v.is_finite()) {
            return bad(format!(
                "word {} has a time or score that is not finite",
                w.index
            ));
        }
    }
    Ok(())
}

/// Inserts word rows in multi-row statements: one round trip per few hundred words.
async fn insert_words(
    conn: &mut SqliteConnection,
    id: ReadingId,
    words: &[WordResult],
) -> Result<()> {
    // 8 parameters a row; SQLite allows 32766 per statement.
    for chunk in words.chunks(500) {
        let mut q = QueryBuilder::<Sqlite>::new(
            "INSERT INTO word_results \
             (reading_id, idx, text, status, heard, start_s, end_s, pronunciation) ",
        );
        q.push_values(chunk, |mut b, w| {
            b.push_bind(id)
                .push_bind(w.index as i64)
                .push_bind(w.text.clone())
                .push_bind(w.status.as_str())
                .push_bind(w.heard.clone())
                .push_bind(w.start)
                .push_bind(w.end)
                .push_bind(w.pronunciation.map(f64::from));
        });
        q.build().execute(&mut *conn).await?;
    }
    Ok(())
}

impl Store {
    /// Registers a recording that is already on disk at `audio_rel_path` (relative to the data
    /// folder), started now. Status `recorded` until scored. A missing file is refused with
    /// [`StoreError::MissingRecording`].
    pub async fn begin_reading(
        &self,
        student: StudentId,
        passage_id: &str,
        audio_rel_path: &Path,
    ) -> Result<ReadingId> {
        self.begin_reading_at(student, passage_id, audio_rel_path, now())
            .await
    }

    /// As [`Store::begin_reading`], for a recording about to be made live into the (empty)
    /// file: the reading stays marked as recording until [`Store::finish_recording`], so one
    /// cut short by a crash can be told apart ([`Store::mark_interrupted_recordings`]).
    pub async fn begin_live_reading(
        &self,
        student: StudentId,
        passage_id: &str,
        audio_rel_path: &Path,
    ) -> Result<ReadingId> {
        self.insert_reading(student, passage_id, audio_rel_path, now(), Some(RECORDING))
            .await
    }

    /// The live recording of the reading ended properly.
    pub async fn finish_recording(&self, id: ReadingId) -> Result<()> {
        sqlx::query("UPDATE readings SET recording = ? WHERE id = ? AND recording = ?")
            .bind(COMPLETE)
            .bind(id)
            .bind(RECORDING)
            .execute(&self.write)
            .await?;
        Ok(())
    }

    /// Marks every reading still being recorded as interrupted; returns how many. Call it
    /// when the recording app starts, before it records anything: no recording can be running
    /// then, so any left were cut short.
    pub async fn mark_interrupted_recordings(&self) -> Result<u64> {
        let done = sqlx::query("UPDATE readings SET recording = ? WHERE recording = ?")
            .bind(INTERRUPTED)
            .bind(RECORDING)
            .execute(&self.write)
            .await?;
        Ok(done.rows_affected())
    }

    /// As [`Store::begin_reading`], with the time the recording started.
    pub async fn begin_reading_at(
        &self,
        student: StudentId,
        passage_id: &str,
        audio_rel_path: &Path,
        started_at: DateTime<Utc>,
    ) -> Result<ReadingId> {
        self.insert_reading(student, passage_id, audio_rel_path, started_at, None)
            .await
    }

    async fn insert_reading(
        &self,
        student: StudentId,
        passage_id: &str,
        audio_rel_path: &Path,
        started_at: DateTime<Utc>,
        recording: Option<&str>,
    ) -> Result<ReadingId> {
        let audio = normalise_audio_path(audio_rel_path)?;
        // A reading whose recording is not there could never be scored or played back.
        let file = self.audio_file(&audio);
        match tokio::fs::metadata(&file).await {
            Ok(m) if m.is_file() => {}
            Ok(_) => return Err(StoreError::MissingRecording { path: file }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StoreError::MissingRecording { path: file });
            }
            Err(e) => return Err(StoreError::io(file, e)),
        }
        let mut tx = self.begin_write().await?;
        ensure_student(&mut tx, student).await?;
        let lang: String = sqlx::query_scalar("SELECT lang FROM passages WHERE id = ?")
            .bind(passage_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| StoreError::UnknownPassage {
                id: passage_id.to_owned(),
            })?;
        let done = sqlx::query(
            "INSERT INTO readings \
             (student_id, passage_id, lang, started_at, audio_path, status, recording) \
             VALUES (?, ?, ?, ?, ?, 'recorded', ?)",
        )
        .bind(student)
        .bind(passage_id)
        .bind(lang)
        .bind(to_ms(started_at))
        .bind(audio)
        .bind(recording)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(ReadingId(done.last_insert_rowid()))
    }

    /// Saves a reading's assessment in one transaction: the reading becomes `scored` and its
    /// words are (re)written. Scoring a reading again replaces the earlier result; the
    /// correction audit of the earlier result is kept.
    pub async fn save_assessment(
        &self,
        id: ReadingId,
        assessment: &Assessment,
        engine_version: &str,
        model: &str,
    ) -> Result<()> {
        let a = assessment;
        let mut tx = self.begin_write().await?;
        let row = reading_row(&mut tx, id).await?;
        check_assessment(a, parse_lang(&row.lang)?)?;
        sqlx::query(
            "UPDATE readings SET status = 'scored', error = NULL, duration_s = ?, \
             reading_time_s = ?, wcpm = ?, accuracy = ?, words_attempted = ?, words_correct = ?, \
             score_accuracy = ?, score_fluency = ?, score_prosody = ?, score_completeness = ?, \
             score_total = ?, prosody = ?, insertions = ?, repetitions = ?, engine_version = ?, \
             model = ?, scored_at = ? WHERE id = ?",
        )
        .bind(a.duration_s)
        .bind(a.reading_time_s)
        .bind(a.wcpm)
        .bind(a.accuracy)
        .bind(a.words_attempted as i64)
        .bind(a.words_correct as i64)
        .bind(f64::from(a.scores.accuracy))
        .bind(f64::from(a.scores.fluency))
        .bind(f64::from(a.scores.prosody))
        .bind(f64::from(a.scores.completeness))
        .bind(f64::from(a.scores.total))
        .bind(to_json(&a.prosody)?)
        .bind(to_json(&a.insertions)?)
        .bind(to_json(&a.repetitions)?)
        .bind(engine_version)
        .bind(model)
        .bind(to_ms(now()))
        .bind(id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM word_results WHERE reading_id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        insert_words(&mut tx, id, &a.words).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Notes that scoring failed, with a message for the teacher; the audio is kept for a retry.
    pub async fn mark_failed(&self, id: ReadingId, message: &str) -> Result<()> {
        let done = sqlx::query(
            "UPDATE readings SET status = 'failed', error = ? WHERE id = ? AND status <> 'scored'",
        )
        .bind(message)
        .bind(id)
        .execute(&self.write)
        .await?;
        if done.rows_affected() == 0 {
            // Either unknown, or already scored (a late failure must not undo a good result).
            self.load_reading(id).await?;
        }
        Ok(())
    }

    /// Readings still to score (recorded, or failed earlier) whose audio is still there,
    /// oldest first: the retry queue at start-up.
    pub async fn unscored_readings(&self) -> Result<Vec<ReadingSummary>> {
        // Without the hint SQLite may walk every reading that still has audio instead.
        let sql = format!(
            "{} WHERE r.status <> 'scored' AND r.audio_path IS NOT NULL \
             ORDER BY r.started_at, r.id",
            summary_select("INDEXED BY readings_unscored")
        );
        sqlx::query_as::<_, SummaryRow>(&sql)
            .fetch_all(&self.read)
            .await?
            .into_iter()
            .map(SummaryRow::into_summary)
            .collect()
    }

    /// A reading with its assessment rebuilt (if scored).
    pub async fn load_reading(&self, id: ReadingId) -> Result<StoredReading> {
        // One read transaction: the row and its words come from the same snapshot.
        let mut tx = self.read.begin().await?;
        let row = reading_row(&mut tx, id).await?;
        let reading = rebuild(&mut tx, row).await?;
        tx.commit().await?;
        Ok(reading)
    }

    /// A student's readings, oldest first, in one language or all.
    pub async fn student_readings(
        &self,
        student: StudentId,
        lang: Option<Lang>,
    ) -> Result<Vec<ReadingSummary>> {
        self.student(student).await?;
        let sql = format!(
            "{} WHERE r.student_id = ?1 AND (?2 IS NULL OR r.lang = ?2) \
             ORDER BY r.started_at, r.id",
            summary_select("")
        );
        sqlx::query_as::<_, SummaryRow>(&sql)
            .bind(student)
            .bind(lang.map(Lang::code))
            .fetch_all(&self.read)
            .await?
            .into_iter()
            .map(SummaryRow::into_summary)
            .collect()
    }
}
