//! Each student's current passage level per language, and the history of changes with the
//! reasons shown to the teacher (in English and Spanish).

use leo_text::Lang;
use sqlx::{FromRow, SqliteConnection};

use crate::error::{Result, StoreError};
use crate::{
    LevelChange, LevelState, LevelUpdate, Store, StudentId, ensure_student, from_ms, now,
    parse_lang, to_ms,
};

#[derive(FromRow)]
struct LevelRow {
    lang: String,
    level: i64,
    streak: i64,
    updated_at: i64,
}

impl LevelRow {
    fn into_state(self) -> Result<LevelState> {
        Ok(LevelState {
            lang: parse_lang(&self.lang)?,
            level: level_u8(self.level)?,
            streak: u32::try_from(self.streak)
                .map_err(|_| StoreError::bad_data(format!("streak {}", self.streak)))?,
            updated_at: from_ms(self.updated_at)?,
        })
    }
}

#[derive(FromRow)]
struct ChangeRow {
    lang: String,
    from_level: Option<i64>,
    to_level: i64,
    reason_en: String,
    reason_es: String,
    reading_id: Option<i64>,
    at: i64,
}

fn level_u8(v: i64) -> Result<u8> {
    u8::try_from(v).map_err(|_| StoreError::bad_data(format!("level {v}")))
}

pub(crate) async fn levels_of(
    conn: &mut SqliteConnection,
    student: StudentId,
) -> Result<Vec<LevelState>> {
    sqlx::query_as::<_, LevelRow>(
        "SELECT lang, level, streak, updated_at FROM student_levels WHERE student_id = ? \
         ORDER BY lang",
    )
    .bind(student)
    .fetch_all(conn)
    .await?
    .into_iter()
    .map(LevelRow::into_state)
    .collect()
}

pub(crate) async fn history_of(
    conn: &mut SqliteConnection,
    student: StudentId,
    lang: Option<Lang>,
) -> Result<Vec<LevelChange>> {
    sqlx::query_as::<_, ChangeRow>(
        "SELECT lang, from_level, to_level, reason_en, reason_es, reading_id, at \
         FROM level_history WHERE student_id = ?1 AND (?2 IS NULL OR lang = ?2) \
         ORDER BY at, id",
    )
    .bind(student)
    .bind(lang.map(Lang::code))
    .fetch_all(conn)
    .await?
    .into_iter()
    .map(|r| {
        Ok(LevelChange {
            lang: parse_lang(&r.lang)?,
            from_level: r.from_level.map(level_u8).transpose()?,
            to_level: level_u8(r.to_level)?,
            reason_en: r.reason_en,
            reason_es: r.reason_es,
            reading_id: r.reading_id.map(crate::ReadingId),
            at: from_ms(r.at)?,
        })
    })
    .collect()
}

impl Store {
    /// The student's current level in `lang`, or None before their first placement.
    pub async fn level(&self, student: StudentId, lang: Lang) -> Result<Option<LevelState>> {
        Ok(self
            .levels(student)
            .await?
            .into_iter()
            .find(|l| l.lang == lang))
    }

    /// The student's current levels, one per language placed.
    pub async fn levels(&self, student: StudentId) -> Result<Vec<LevelState>> {
        self.student(student).await?;
        let mut conn = self.read.acquire().await?;
        levels_of(&mut conn, student).await
    }

    /// Sets the student's level and streak in `lang`. When the level changes (or is set for the
    /// first time) a history row keeps the reasons and the triggering reading, in the same
    /// transaction.
    pub async fn set_level(
        &self,
        student: StudentId,
        lang: Lang,
        update: &LevelUpdate<'_>,
    ) -> Result<LevelState> {
        if !(1..=12).contains(&update.level) {
            return Err(StoreError::InvalidLevel {
                level: update.level,
            });
        }
        let at = now();
        let mut tx = self.begin_write().await?;
        ensure_student(&mut tx, student).await?;
        if let Some(reading) = update.reading {
            let exists: bool =
                sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM readings WHERE id = ?)")
                    .bind(reading)
                    .fetch_one(&mut *tx)
                    .await?;
            if !exists {
                return Err(StoreError::ReadingNotFound { id: reading });
            }
        }
        let previous: Option<i64> = sqlx::query_scalar(
            "SELECT level FROM student_levels WHERE student_id = ? AND lang = ?",
        )
        .bind(student)
        .bind(lang.code())
        .fetch_optional(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO student_levels (student_id, lang, level, streak, updated_at) \
             VALUES (?, ?, ?, ?, ?) ON CONFLICT (student_id, lang) DO UPDATE SET \
             level = excluded.level, streak = excluded.streak, updated_at = excluded.updated_at",
        )
        .bind(student)
        .bind(lang.code())
        .bind(i64::from(update.level))
        .bind(i64::from(update.streak))
        .bind(to_ms(at))
        .execute(&mut *tx)
        .await?;
        if previous != Some(i64::from(update.level)) {
            sqlx::query(
                "INSERT INTO level_history \
                 (student_id, lang, from_level, to_level, reason_en, reason_es, reading_id, at) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(student)
            .bind(lang.code())
            .bind(previous)
            .bind(i64::from(update.level))
            .bind(update.reason_en)
            .bind(update.reason_es)
            .bind(update.reading)
            .bind(to_ms(at))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(LevelState {
            lang,
            level: update.level,
            streak: update.streak,
            updated_at: at,
        })
    }

    /// The student's level changes, oldest first, in one language or all.
    pub async fn level_history(
        &self,
        student: StudentId,
        lang: Option<Lang>,
    ) -> Result<Vec<LevelChange>> {
        self.student(student).await?;
        let mut conn = self.read.acquire().await?;
        history_of(&mut conn, student, lang).await
    }
}
