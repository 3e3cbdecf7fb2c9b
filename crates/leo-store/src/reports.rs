//! The teacher's views: the class overview and one student's trend. Both are read in one
//! snapshot and sized to stay well under 50 ms on a school year of data (see the benchmark).

use std::collections::HashMap;

use leo_scoring::WordStatus;
use leo_text::Lang;
use sqlx::FromRow;

use crate::classes::{STUDENT_COLUMNS, StudentRow};
use crate::error::{Result, StoreError};
use crate::{
    ClassId, ErrorCounts, LangOverview, LevelState, ReadingId, SPARKLINE_POINTS, Store, StudentId,
    StudentOverview, StudentTrend, TrendPoint, ensure_student, from_ms, parse_lang,
};

#[derive(FromRow)]
struct RecentRow {
    student_id: StudentId,
    lang: String,
    wcpm: f64,
    accuracy: f64,
    started_at: i64,
    n: i64,
}

#[derive(FromRow)]
struct LevelRow {
    student_id: StudentId,
    lang: String,
    level: i64,
    streak: i64,
    updated_at: i64,
}

#[derive(FromRow)]
struct PointRow {
    id: ReadingId,
    started_at: i64,
    level: i64,
    wcpm: f64,
    accuracy: f64,
    insertions: i64,
    repetitions: i64,
}

impl Store {
    /// One row per student of the class (by name): per language, the current level, the last
    /// WCPM and accuracy, and the last few WCPM values for a sparkline.
    pub async fn class_overview(&self, class: ClassId) -> Result<Vec<StudentOverview>> {
        let mut tx = self.read.begin().await?;
        let exists: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM classes WHERE id = ?)")
            .bind(class)
            .fetch_one(&mut *tx)
            .await?;
        if !exists {
            return Err(StoreError::ClassNotFound { id: class });
        }
        let sql =
            format!("SELECT {STUDENT_COLUMNS} FROM students WHERE class_id = ? ORDER BY name");
        let students = sqlx::query_as::<_, StudentRow>(&sql)
            .bind(class)
            .fetch_all(&mut *tx)
            .await?
            .into_iter()
            .map(StudentRow::into_student)
            .collect::<Result<Vec<_>>>()?;

        let mut levels: HashMap<(StudentId, Lang), LevelState> = HashMap::new();
        let rows = sqlx::query_as::<_, LevelRow>(
            "SELECT l.student_id, l.lang, l.level, l.streak, l.updated_at \
             FROM student_levels l JOIN students s ON s.id = l.student_id WHERE s.class_id = ?",
        )
        .bind(class)
        .fetch_all(&mut *tx)
        .await?;
        for r in rows {
            let lang = parse_lang(&r.lang)?;
            let state = LevelState {
                lang,
                level: u8::try_from(r.level)
                    .map_err(|_| StoreError::bad_data(format!("level {}", r.level)))?,
                streak: u32::try_from(r.streak)
                    .map_err(|_| StoreError::bad_data(format!("streak {}", r.streak)))?,
                updated_at: from_ms(r.updated_at)?,
            };
            levels.insert((r.student_id, lang), state);
        }

        // The newest few scored readings per student and language, each found by a short
        // backwards walk of `readings_student_lang_status_time` (as is the count), rather than
        // ranking the class's whole year of readings.
        let rows = sqlx::query_as::<_, RecentRow>(
            "SELECT k.student_id, k.lang, r.wcpm, r.accuracy, r.started_at, k.n \
             FROM (SELECT s.id AS student_id, l.lang, \
                     (SELECT count(*) FROM readings c WHERE c.student_id = s.id \
                        AND c.lang = l.lang AND c.status = 'scored') AS n \
                   FROM students s, (SELECT 'en' AS lang UNION ALL SELECT 'es') l \
                   WHERE s.class_id = ?1) k \
             JOIN readings r ON r.id IN ( \
               SELECT x.id FROM readings x WHERE x.student_id = k.student_id \
                 AND x.lang = k.lang AND x.status = 'scored' \
               ORDER BY x.started_at DESC, x.id DESC LIMIT ?2) \
             ORDER BY k.student_id, k.lang, r.started_at, r.id",
        )
        .bind(class)
        .bind(SPARKLINE_POINTS as i64)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;

        let mut recent: HashMap<(StudentId, Lang), LangOverview> = HashMap::new();
        for r in rows {
            let lang = parse_lang(&r.lang)?;
            let entry = recent
                .entry((r.student_id, lang))
                .or_insert_with(|| LangOverview {
                    lang,
                    level: None,
                    scored_readings: u32::try_from(r.n).unwrap_or(u32::MAX),
                    last_read_at: None,
                    last_wcpm: None,
                    last_accuracy: None,
                    recent_wcpm: Vec::new(),
                });
            // Rows come oldest first, so the last one seen is the newest.
            entry.recent_wcpm.push(r.wcpm);
            entry.last_wcpm = Some(r.wcpm);
            entry.last_accuracy = Some(r.accuracy);
            entry.last_read_at = Some(from_ms(r.started_at)?);
        }

        Ok(students
            .into_iter()
            .map(|student| {
                let mut langs: Vec<Lang> = student.languages.langs();
                for lang in [Lang::En, Lang::Es] {
                    let has_data = recent.contains_key(&(student.id, lang))
                        || levels.contains_key(&(student.id, lang));
                    if has_data && !langs.contains(&lang) {
                        langs.push(lang);
                    }
                }
                let langs = langs
                    .into_iter()
                    .map(|lang| {
                        let mut o = recent.remove(&(student.id, lang)).unwrap_or(LangOverview {
                            lang,
                            level: None,
                            scored_readings: 0,
                            last_read_at: None,
                            last_wcpm: None,
                            last_accuracy: None,
                            recent_wcpm: Vec::new(),
                        });
                        o.level = levels.remove(&(student.id, lang));
                        o
                    })
                    .collect();
                StudentOverview { student, langs }
            })
            .collect())
    }

    /// WCPM, accuracy and error counts of each scored reading in `lang`, oldest first.
    pub async fn student_trend(&self, student: StudentId, lang: Lang) -> Result<StudentTrend> {
        let mut tx = self.read.begin().await?;
        ensure_student(&mut tx, student).await?;
        let points = sqlx::query_as::<_, PointRow>(
            "SELECT r.id, r.started_at, p.level, r.wcpm, r.accuracy, \
               json_array_length(r.insertions) AS insertions, \
               json_array_length(r.repetitions) AS repetitions \
             FROM readings r JOIN passages p ON p.id = r.passage_id \
             WHERE r.student_id = ? AND r.lang = ? AND r.status = 'scored' \
             ORDER BY r.started_at, r.id",
        )
        .bind(student)
        .bind(lang.code())
        .fetch_all(&mut *tx)
        .await?;
        // Only error words are in the partial index `word_results_errors`, so this reads a
        // small fraction of the student's word rows.
        let counts: Vec<(ReadingId, String, i64)> = sqlx::query_as(
            "SELECT w.reading_id, w.status, count(*) \
             FROM readings r JOIN word_results w ON w.reading_id = r.id \
             WHERE r.student_id = ? AND r.lang = ? AND r.status = 'scored' \
               AND w.status IN ('substitution', 'omission', 'hesitation', 'self_correction') \
             GROUP BY w.reading_id, w.status",
        )
        .bind(student)
        .bind(lang.code())
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;

        let mut errors: HashMap<ReadingId, ErrorCounts> = HashMap::new();
        for (reading, status, n) in counts {
            let status = WordStatus::parse(&status)
                .ok_or_else(|| StoreError::bad_data(format!("word status {status:?}")))?;
            errors
                .entry(reading)
                .or_default()
                .add_status(status, u32::try_from(n).unwrap_or(0));
        }
        let mut totals = ErrorCounts::default();
        let points = points
            .into_iter()
            .map(|r| {
                let mut e = errors.remove(&r.id).unwrap_or_default();
                e.insertions = u32::try_from(r.insertions).unwrap_or(0);
                e.repetitions = u32::try_from(r.repetitions).unwrap_or(0);
                totals.add(&e);
                Ok(TrendPoint {
                    reading_id: r.id,
                    at: from_ms(r.started_at)?,
                    passage_level: u8::try_from(r.level)
                        .map_err(|_| StoreError::bad_data(format!("level {}", r.level)))?,
                    wcpm: r.wcpm,
                    accuracy: r.accuracy,
                    errors: e,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(StudentTrend {
            student_id: student,
            lang,
            points,
            totals,
        })
    }
}
