//! The passage table: Leo's built-in passages, kept in step with the shipped list, and the
//! teacher's own.

use std::collections::{HashMap, HashSet};

use leo_passages::Passage;
use leo_text::Lang;
use sqlx::FromRow;

use crate::error::{Result, StoreError, is_unique_violation};
use crate::{
    PassageMeasures, PassageSource, PassageSync, Store, StoredPassage, from_ms, now, parse_lang,
    to_ms,
};

#[derive(FromRow)]
struct PassageRow {
    id: String,
    lang: String,
    level: i64,
    title: String,
    topic: String,
    text: String,
    word_count: i64,
    readability: Option<f64>,
    source: String,
    retired: bool,
    created_at: i64,
}

const COLUMNS: &str =
    "id, lang, level, title, topic, text, word_count, readability, source, retired, created_at";

impl PassageRow {
    fn into_passage(self) -> Result<StoredPassage> {
        let source = match self.source.as_str() {
            "builtin" => PassageSource::Builtin,
            "teacher" => PassageSource::Teacher,
            other => return Err(StoreError::bad_data(format!("passage source {other:?}"))),
        };
        Ok(StoredPassage {
            passage: Passage {
                lang: parse_lang(&self.lang)?,
                level: u8::try_from(self.level)
                    .map_err(|_| StoreError::bad_data(format!("level {}", self.level)))?,
                id: self.id,
                title: self.title,
                topic: self.topic,
                text: self.text,
            },
            word_count: usize::try_from(self.word_count)
                .map_err(|_| StoreError::bad_data(format!("word count {}", self.word_count)))?,
            readability: self.readability,
            source,
            retired: self.retired,
            created_at: from_ms(self.created_at)?,
        })
    }

    /// Whether the stored built-in passage already equals the shipped one.
    fn same_as(&self, p: &Passage, m: &PassageMeasures) -> bool {
        self.lang == p.lang.code()
            && self.level == i64::from(p.level)
            && self.title == p.title
            && self.topic == p.topic
            && self.text == p.text
            && self.word_count == m.word_count as i64
            && self.readability == m.readability
            && !self.retired
    }
}

fn check_passage(p: &Passage) -> Result<()> {
    if !(1..=12).contains(&p.level) {
        return Err(StoreError::InvalidLevel { level: p.level });
    }
    if p.id.trim().is_empty() {
        return Err(StoreError::EmptyName {
            what: "a passage id",
        });
    }
    if p.title.trim().is_empty() {
        return Err(StoreError::EmptyName {
            what: "a passage title",
        });
    }
    if p.text.trim().is_empty() {
        return Err(StoreError::EmptyName {
            what: "a passage text",
        });
    }
    Ok(())
}

impl Store {
    /// Makes the built-in passages in the database match `builtin` (call after opening, with
    /// Leo's shipped list): new ones are added, changed ones updated, ones no longer shipped
    /// are deleted, or, if a reading refers to them, hidden but kept for history.
    /// `measure` gives each passage's word count and readability.
    pub async fn sync_builtin_passages(
        &self,
        builtin: &[Passage],
        measure: impl Fn(&Passage) -> PassageMeasures,
    ) -> Result<PassageSync> {
        for p in builtin {
            check_passage(p)?;
        }
        let mut tx = self.begin_write().await?;
        let sql = format!("SELECT {COLUMNS} FROM passages");
        let existing: HashMap<String, PassageRow> = sqlx::query_as::<_, PassageRow>(&sql)
            .fetch_all(&mut *tx)
            .await?
            .into_iter()
            .map(|r| (r.id.clone(), r))
            .collect();
        let mut sync = PassageSync::default();
        let created_at = to_ms(now());
        for p in builtin {
            let m = measure(p);
            match existing.get(&p.id) {
                Some(row) if row.source != PassageSource::Builtin.as_str() => {
                    tracing::warn!(id = %p.id, "built-in passage id is taken by a teacher passage");
                    sync.clashes.push(p.id.clone());
                    continue;
                }
                Some(row) if row.same_as(p, &m) => continue,
                Some(_) => sync.updated += 1,
                None => sync.added += 1,
            }
            sqlx::query(
                "INSERT INTO passages \
                 (id, lang, level, title, topic, text, word_count, readability, source, retired, \
                  created_at) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'builtin', 0, ?) \
                 ON CONFLICT (id) DO UPDATE SET lang = excluded.lang, level = excluded.level, \
                 title = excluded.title, topic = excluded.topic, text = excluded.text, \
                 word_count = excluded.word_count, readability = excluded.readability, \
                 retired = 0",
            )
            .bind(&p.id)
            .bind(p.lang.code())
            .bind(i64::from(p.level))
            .bind(&p.title)
            .bind(&p.topic)
            .bind(&p.text)
            .bind(m.word_count as i64)
            .bind(m.readability)
            .bind(created_at)
            .execute(&mut *tx)
            .await?;
        }
        let shipped: HashSet<&str> = builtin.iter().map(|p| p.id.as_str()).collect();
        for row in existing.values() {
            if row.source != PassageSource::Builtin.as_str() || shipped.contains(row.id.as_str()) {
                continue;
            }
            let used: bool =
                sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM readings WHERE passage_id = ?)")
                    .bind(&row.id)
                    .fetch_one(&mut *tx)
                    .await?;
            if used {
                if !row.retired {
                    sqlx::query("UPDATE passages SET retired = 1 WHERE id = ?")
                        .bind(&row.id)
                        .execute(&mut *tx)
                        .await?;
                    sync.retired += 1;
                }
            } else {
                sqlx::query("DELETE FROM passages WHERE id = ?")
                    .bind(&row.id)
                    .execute(&mut *tx)
                    .await?;
                sync.removed += 1;
            }
        }
        tx.commit().await?;
        Ok(sync)
    }

    /// Stores a passage a teacher wrote. Its id must not be in use.
    pub async fn add_teacher_passage(
        &self,
        passage: &Passage,
        measures: PassageMeasures,
    ) -> Result<StoredPassage> {
        check_passage(passage)?;
        let created_at = now();
        let res = sqlx::query(
            "INSERT INTO passages \
             (id, lang, level, title, topic, text, word_count, readability, source, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'teacher', ?)",
        )
        .bind(&passage.id)
        .bind(passage.lang.code())
        .bind(i64::from(passage.level))
        .bind(&passage.title)
        .bind(&passage.topic)
        .bind(&passage.text)
        .bind(measures.word_count as i64)
        .bind(measures.readability)
        .bind(to_ms(created_at))
        .execute(&self.write)
        .await;
        match res {
            Ok(_) => Ok(StoredPassage {
                passage: passage.clone(),
                word_count: measures.word_count,
                readability: measures.readability,
                source: PassageSource::Teacher,
                retired: false,
                created_at,
            }),
            Err(e) if is_unique_violation(&e) => Err(StoreError::DuplicatePassage {
                id: passage.id.clone(),
            }),
            Err(e) => Err(e.into()),
        }
    }

    /// Passages to choose from (retired ones left out), by language, level and title.
    pub async fn list_passages(&self, lang: Option<Lang>) -> Result<Vec<StoredPassage>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM passages WHERE retired = 0 AND (?1 IS NULL OR lang = ?1) \
             ORDER BY lang, level, title"
        );
        sqlx::query_as::<_, PassageRow>(&sql)
            .bind(lang.map(Lang::code))
            .fetch_all(&self.read)
            .await?
            .into_iter()
            .map(PassageRow::into_passage)
            .collect()
    }

    /// Any passage by id, retired ones included (old readings show them).
    pub async fn passage(&self, id: &str) -> Result<StoredPassage> {
        let sql = format!("SELECT {COLUMNS} FROM passages WHERE id = ?");
        sqlx::query_as::<_, PassageRow>(&sql)
            .bind(id)
            .fetch_optional(&self.read)
            .await?
            .ok_or_else(|| StoreError::UnknownPassage { id: id.to_owned() })?
            .into_passage()
    }
}
