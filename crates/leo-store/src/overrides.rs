//! Teacher corrections of single words: the word's status changes, WCPM and accuracy are
//! recounted, and who changed what is kept as an audit trail.

use leo_scoring::{Assessment, WordStatus};
use sqlx::SqliteConnection;

use crate::error::{Result, StoreError};
use crate::readings::{reading_row, rebuild};
use crate::{ReadingId, Store, WordOverride, from_ms, now, to_ms};

impl Store {
    /// A teacher's correction of one word: changes its status, recounts WCPM and accuracy and
    /// records who changed what, all in one transaction. Returns the updated assessment.
    /// Setting the status a word already has changes nothing and records nothing.
    pub async fn override_word(
        &self,
        id: ReadingId,
        index: usize,
        new_status: WordStatus,
        changed_by: &str,
    ) -> Result<Assessment> {
        let mut tx = self.begin_write().await?;
        let row = reading_row(&mut tx, id).await?;
        let reading = rebuild(&mut tx, row).await?;
        let mut a = reading.assessment.ok_or(StoreError::NotScored { id })?;
        let words = a.words.len();
        let word = a
            .words
            .iter_mut()
            .find(|w| w.index == index)
            .ok_or(StoreError::NoSuchWord {
                reading: id,
                index,
                words,
            })?;
        let old_status = word.status;
        if old_status == new_status {
            return Ok(a);
        }
        word.status = new_status;
        a.recount();
        sqlx::query("UPDATE word_results SET status = ? WHERE reading_id = ? AND idx = ?")
            .bind(new_status.as_str())
            .bind(id)
            .bind(index as i64)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE readings SET wcpm = ?, accuracy = ?, words_attempted = ?, words_correct = ? \
             WHERE id = ?",
        )
        .bind(a.wcpm)
        .bind(a.accuracy)
        .bind(a.words_attempted as i64)
        .bind(a.words_correct as i64)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO word_overrides \
             (reading_id, word_index, old_status, new_status, changed_by, changed_at) \
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(index as i64)
        .bind(old_status.as_str())
        .bind(new_status.as_str())
        .bind(changed_by)
        .bind(to_ms(now()))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(a)
    }

    /// The corrections made to a reading, oldest first.
    pub async fn overrides_for(&self, id: ReadingId) -> Result<Vec<WordOverride>> {
        let mut conn = self.read.acquire().await?;
        reading_row(&mut conn, id).await?;
        overrides(&mut conn, id).await
    }
}

pub(crate) async fn overrides(
    conn: &mut SqliteConnection,
    id: ReadingId,
) -> Result<Vec<WordOverride>> {
    let rows: Vec<(i64, String, String, String, i64)> = sqlx::query_as(
        "SELECT word_index, old_status, new_status, changed_by, changed_at \
         FROM word_overrides WHERE reading_id = ? ORDER BY id",
    )
    .bind(id)
    .fetch_all(conn)
    .await?;
    let status = |s: &str| {
        WordStatus::parse(s).ok_or_else(|| StoreError::bad_data(format!("word status {s:?}")))
    };
    rows.into_iter()
        .map(|(index, old, new, by, at)| {
            Ok(WordOverride {
                reading_id: id,
                word_index: usize::try_from(index)
                    .map_err(|_| StoreError::bad_data(format!("word index {index}")))?,
                old_status: status(&old)?,
                new_status: status(&new)?,
                changed_by: by,
                changed_at: from_ms(at)?,
            })
        })
        .collect()
}
