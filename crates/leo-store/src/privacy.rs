//! The privacy tools: delete everything about a student, hand a family everything about
//! their child, and stop keeping recordings longer than the school allows.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

use crate::classes::{STUDENT_COLUMNS, StudentRow};
use crate::error::{Result, StoreError};
use crate::levels::{history_of, levels_of};
use crate::overrides::overrides;
use crate::readings::{READING_COLUMNS, ReadingRow, rebuild};
use crate::{
    ExportSummary, LevelChange, LevelState, ReadingId, RetentionReport, Store, StoredReading,
    Student, StudentDeletion, StudentId, WordOverride, ensure_student, now,
};

/// Version of the export's JSON layout, raised when fields change meaning or disappear.
pub const EXPORT_FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Export<'a> {
    format: &'static str,
    format_version: u32,
    exported_at: DateTime<Utc>,
    student: &'a Student,
    class: &'a str,
    levels: &'a [LevelState],
    level_history: &'a [LevelChange],
    readings: &'a [ExportedReading],
}

#[derive(Serialize)]
struct ExportedReading {
    #[serde(flatten)]
    reading: StoredReading,
    passage_title: String,
    overrides: Vec<WordOverride>,
    /// Name of the recording inside the zip; None if it was removed or is missing.
    audio_file: Option<String>,
}

/// Removes a file; a file already gone counts as removed. Returns the bytes freed.
fn remove_file(path: &Path) -> io::Result<Option<u64>> {
    let len = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    match std::fs::remove_file(path) {
        Ok(()) => Ok(Some(len)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

impl Store {
    /// Removes the folders a removal left empty, up to (not including) `recordings/`.
    fn prune_empty_dirs(&self, file: &Path) {
        let root = self.recordings_dir();
        let mut dir = file.parent();
        while let Some(d) = dir {
            if !d.starts_with(&root) || d == root || std::fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }

    /// Deletes the student, every row about them (readings, words, corrections, levels) and
    /// their recordings. Files are removed before the rows are committed, so a failure leaves
    /// the student in place to try again rather than recordings nobody can find.
    pub async fn delete_student(&self, student: StudentId) -> Result<StudentDeletion> {
        let mut tx = self.begin_write().await?;
        ensure_student(&mut tx, student).await?;
        let readings: Vec<(i64, Option<String>)> =
            sqlx::query_as("SELECT id, audio_path FROM readings WHERE student_id = ?")
                .bind(student)
                .fetch_all(&mut *tx)
                .await?;
        // ON DELETE CASCADE removes readings, word rows, corrections, levels and history.
        sqlx::query("DELETE FROM students WHERE id = ?")
            .bind(student)
            .execute(&mut *tx)
            .await?;
        let mut audio_files_removed = 0;
        for rel in readings.iter().filter_map(|(_, p)| p.as_deref()) {
            let path = self.audio_file(rel);
            match remove_file(&path) {
                Ok(Some(_)) => audio_files_removed += 1,
                Ok(None) => {}
                Err(e) => return Err(StoreError::io(path, e)),
            }
            self.prune_empty_dirs(&path);
        }
        tx.commit().await?;
        // secure_delete zeroed the freed pages; a checkpoint copies them over the old ones in
        // leo.db and empties the WAL, so the child's data is not left in either file.
        // Best effort: a busy reader only delays this until the next checkpoint.
        if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.write)
            .await
        {
            tracing::warn!("checkpoint after deleting a student failed: {e}");
        }
        Ok(StudentDeletion {
            readings: readings.len(),
            audio_files_removed,
        })
    }

    /// Deletes one reading (its words, corrections and level-history links go with it) and
    /// its recording: a reading cancelled while it was recorded. As for a student, the file
    /// is removed before the row is committed, so a failure leaves the reading to try again
    /// rather than a recording nobody can find. Returns whether a file was removed.
    pub async fn delete_reading(&self, id: ReadingId) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let audio: Option<Option<String>> =
            sqlx::query_scalar("SELECT audio_path FROM readings WHERE id = ?")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let audio = audio.ok_or(StoreError::ReadingNotFound { id })?;
        sqlx::query("DELETE FROM readings WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let mut removed = false;
        if let Some(rel) = audio {
            let path = self.audio_file(&rel);
            removed = remove_file(&path)
                .map_err(|e| StoreError::io(&path, e))?
                .is_some();
            self.prune_empty_dirs(&path);
        }
        tx.commit().await?;
        Ok(removed)
    }

    /// Writes one zip archive with everything about the student: `student.json` (profile,
    /// levels and their history, every reading with its words and corrections) and their
    /// recordings under the same relative paths as in the data folder. The archive appears
    /// under its name only when complete.
    pub async fn export_student(
        &self,
        student: StudentId,
        out_zip: &Path,
    ) -> Result<ExportSummary> {
        let mut tx = self.read.begin().await?;
        let sql = format!("SELECT {STUDENT_COLUMNS} FROM students WHERE id = ?");
        let profile = sqlx::query_as::<_, StudentRow>(&sql)
            .bind(student)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::StudentNotFound { id: student })?
            .into_student()?;
        let class: String = sqlx::query_scalar("SELECT name FROM classes WHERE id = ?")
            .bind(profile.class_id)
            .fetch_one(&mut *tx)
            .await?;
        let levels = levels_of(&mut tx, student).await?;
        let history = history_of(&mut tx, student, None).await?;
        let sql = format!(
            "SELECT {READING_COLUMNS} FROM readings WHERE student_id = ? ORDER BY started_at, id"
        );
        let rows = sqlx::query_as::<_, ReadingRow>(&sql)
            .bind(student)
            .fetch_all(&mut *tx)
            .await?;
        let mut readings = Vec::with_capacity(rows.len());
        let mut missing_audio = Vec::new();
        for row in rows {
            let passage_title: String =
                sqlx::query_scalar("SELECT title FROM passages WHERE id = ?")
                    .bind(&row.passage_id)
                    .fetch_one(&mut *tx)
                    .await?;
            let overrides = overrides(&mut tx, row.id).await?;
            let reading = rebuild(&mut tx, row).await?;
            let audio_file = match &reading.audio_path {
                Some(rel) if self.audio_file(rel).is_file() => Some(rel.clone()),
                Some(rel) => {
                    missing_audio.push(rel.clone());
                    None
                }
                None => None,
            };
            readings.push(ExportedReading {
                reading,
                passage_title,
                overrides,
                audio_file,
            });
        }
        tx.commit().await?;

        let json = serde_json::to_vec_pretty(&Export {
            format: "leo-student-export",
            format_version: EXPORT_FORMAT_VERSION,
            exported_at: now(),
            student: &profile,
            class: &class,
            levels: &levels,
            level_history: &history,
            readings: &readings,
        })
        .map_err(|e| StoreError::Export {
            path: out_zip.to_path_buf(),
            reason: e.to_string(),
        })?;
        let audio: Vec<(String, PathBuf)> = readings
            .iter()
            .filter_map(|r| r.audio_file.clone())
            .map(|rel| (rel.clone(), self.audio_file(&rel)))
            .collect();
        let summary = ExportSummary {
            readings: readings.len(),
            audio_files: audio.len(),
            missing_audio,
        };
        let out = out_zip.to_path_buf();
        tokio::task::spawn_blocking(move || write_zip(&out, &json, &audio))
            .await
            .map_err(|e| StoreError::Export {
                path: out_zip.to_path_buf(),
                reason: e.to_string(),
            })??;
        Ok(summary)
    }

    /// Deletes the recordings of readings started more than `days` days before `now`; their
    /// scores and words stay. A reading not yet scored cannot be scored without its audio, so
    /// it is marked failed with a note. Files that cannot be removed are left referenced (and
    /// logged) so the next run tries again; the rest are still removed.
    pub async fn apply_audio_retention(
        &self,
        days: u32,
        now: DateTime<Utc>,
    ) -> Result<RetentionReport> {
        let cutoff = now - TimeDelta::days(i64::from(days));
        let mut tx = self.begin_write().await?;
        let rows: Vec<(crate::ReadingId, String)> = sqlx::query_as(
            "SELECT id, audio_path FROM readings \
             WHERE audio_path IS NOT NULL AND started_at < ? ORDER BY started_at",
        )
        .bind(crate::to_ms(cutoff))
        .fetch_all(&mut *tx)
        .await?;
        let mut report = RetentionReport {
            cutoff,
            readings: Vec::new(),
            files_removed: 0,
            files_missing: 0,
            bytes_freed: 0,
        };
        for (id, rel) in rows {
            let path = self.audio_file(&rel);
            match remove_file(&path) {
                Ok(Some(bytes)) => {
                    report.files_removed += 1;
                    report.bytes_freed += bytes;
                }
                Ok(None) => report.files_missing += 1,
                Err(e) => {
                    tracing::warn!(path = %path.display(), "could not remove old recording: {e}");
                    continue;
                }
            }
            self.prune_empty_dirs(&path);
            sqlx::query(
                "UPDATE readings SET audio_path = NULL, \
                   error = CASE WHEN status = 'scored' THEN error \
                     ELSE 'the recording was deleted by the audio retention rule before it \
                           was scored' END, \
                   status = CASE WHEN status = 'scored' THEN status ELSE 'failed' END \
                 WHERE id = ?",
            )
            .bind(id)
            .execute(&mut *tx)
            .await?;
            report.readings.push(id);
        }
        tx.commit().await?;
        Ok(report)
    }
}

fn write_zip(out: &Path, json: &[u8], audio: &[(String, PathBuf)]) -> Result<()> {
    let mut partial = out.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let result = write_zip_to(&partial, json, audio)
        .and_then(|()| std::fs::rename(&partial, out).map_err(|e| StoreError::io(out, e)));
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

fn write_zip_to(path: &Path, json: &[u8], audio: &[(String, PathBuf)]) -> Result<()> {
    use std::io::Write;
    let zip_err = |e: zip::result::ZipError| match e {
        zip::result::ZipError::Io(e) => StoreError::io(path, e),
        other => StoreError::Export {
            path: path.to_path_buf(),
            reason: other.to_string(),
        },
    };
    let file = File::create(path).map_err(|e| StoreError::io(path, e))?;
    let mut zip = zip::ZipWriter::new(io::BufWriter::new(file));
    let deflate = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("student.json", deflate).map_err(zip_err)?;
    zip.write_all(json).map_err(|e| StoreError::io(path, e))?;
    // WAV barely compresses; storing it keeps the export fast.
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for (name, file) in audio {
        zip.start_file(name.as_str(), stored).map_err(zip_err)?;
        let mut src = File::open(file).map_err(|e| StoreError::io(file, e))?;
        io::copy(&mut src, &mut zip).map_err(|e| StoreError::io(path, e))?;
    }
    let mut buf = zip.finish().map_err(zip_err)?;
    buf.flush().map_err(|e| StoreError::io(path, e))?;
    buf.get_ref()
        .sync_all()
        .map_err(|e| StoreError::io(path, e))?;
    Ok(())
}
