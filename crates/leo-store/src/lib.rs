//! Leo's local database: classes, students, passages, readings with their word-by-word scores,
//! teacher corrections, levels, and the privacy tools (delete a student, export a student,
//! audio retention). Everything stays in one folder on the school's computer:
//!
//! ```text
//! <data dir>/leo.db          SQLite database (WAL mode: also leo.db-wal, leo.db-shm)
//! <data dir>/recordings/     the children's recordings; readings refer to them by relative path
//! ```
//!
//! All writes go through one connection, so two tasks that write at once queue instead of one
//! of them failing with "database is locked"; reads use their own connections and, thanks to
//! WAL, never wait for a write.

mod classes;
mod error;
mod levels;
mod model;
mod overrides;
mod passages;
mod privacy;
mod readings;
mod reports;
mod teacher;

use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use leo_text::Lang;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

pub use error::{Result, StoreError, is_disk_full};
pub use model::*;
pub use privacy::EXPORT_FORMAT_VERSION;

/// The database file's name inside the data folder.
pub const DB_FILE: &str = "leo.db";
/// The folder, inside the data folder, for recordings.
pub const RECORDINGS_DIR: &str = "recordings";

/// The schema migrations, embedded at build time. Applied ones are never edited (a test
/// compares their checksums with `migrations.sha384`); a schema change is a new file.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Tuning for [`Store::open_with`]; [`Store::open`] uses the defaults.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    /// How long SQLite waits for another program's lock before giving up with
    /// [`StoreError::Busy`].
    pub busy_timeout: Duration,
    /// How long a write waits for its turn on Leo's own write connection.
    pub write_queue_timeout: Duration,
    /// Connections for reads; reads run in parallel with each other and with the writer.
    pub read_connections: u32,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            busy_timeout: Duration::from_secs(5),
            write_queue_timeout: Duration::from_secs(120),
            read_connections: 4,
        }
    }
}

/// Handle to the data folder. Cheap to clone; clones share the connections.
#[derive(Debug, Clone)]
pub struct Store {
    data_dir: PathBuf,
    /// Exactly one connection: the queue that serialises writers.
    write: SqlitePool,
    /// Read-only connections.
    read: SqlitePool,
}

impl Store {
    /// Opens (creating if needed) the data folder, its database and its recordings folder,
    /// and brings the schema up to date.
    pub async fn open(data_dir: &Path) -> Result<Store> {
        Store::open_with(data_dir, StoreOptions::default()).await
    }

    pub async fn open_with(data_dir: &Path, options: StoreOptions) -> Result<Store> {
        let recordings = data_dir.join(RECORDINGS_DIR);
        std::fs::create_dir_all(&recordings).map_err(|e| StoreError::io(&recordings, e))?;
        let db_path = data_dir.join(DB_FILE);
        let base = SqliteConnectOptions::new()
            .filename(&db_path)
            .foreign_keys(true)
            .busy_timeout(options.busy_timeout)
            // In WAL mode NORMAL loses at most the last commits on power loss, never
            // consistency, and saves an fsync per reading.
            .synchronous(SqliteSynchronous::Normal)
            // Deleted rows are overwritten with zeros instead of lingering in free pages: a
            // deleted child's data must not be recoverable from the file.
            .pragma("secure_delete", "ON");

        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .acquire_timeout(options.write_queue_timeout)
            .connect_with(
                base.clone()
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal),
            )
            .await
            .map_err(|e| open_error(&db_path, e))?;
        MIGRATOR.run(&write).await?;

        // Opened after the writer so the WAL files exist for read-only connections.
        let read = SqlitePoolOptions::new()
            .max_connections(options.read_connections.max(1))
            .acquire_timeout(options.write_queue_timeout)
            .connect_with(base.read_only(true))
            .await
            .map_err(|e| open_error(&db_path, e))?;

        Ok(Store {
            data_dir: data_dir.to_path_buf(),
            write,
            read,
        })
    }

    /// Closes all connections (SQLite folds the WAL back into leo.db when the last one closes).
    pub async fn close(self) {
        self.read.close().await;
        self.write.close().await;
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn db_path(&self) -> PathBuf {
        self.data_dir.join(DB_FILE)
    }

    pub fn recordings_dir(&self) -> PathBuf {
        self.data_dir.join(RECORDINGS_DIR)
    }

    /// The absolute path of a recording stored as `rel` (as in [`StoredReading::audio_path`]).
    pub fn audio_file(&self, rel: &str) -> PathBuf {
        self.data_dir.join(rel)
    }

    /// Starts a write transaction on the single write connection. IMMEDIATE takes SQLite's
    /// write lock at once, so a transaction never fails half-way trying to upgrade a read lock
    /// when another program (e.g. a second Leo) wrote in between.
    pub(crate) async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
        Ok(self.write.begin_with("BEGIN IMMEDIATE").await?)
    }
}

/// Fails with [`StoreError::StudentNotFound`] unless the student exists (inside a transaction,
/// so the answer holds for the rest of it).
pub(crate) async fn ensure_student(
    conn: &mut sqlx::SqliteConnection,
    student: StudentId,
) -> Result<()> {
    let exists: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM students WHERE id = ?)")
        .bind(student)
        .fetch_one(conn)
        .await?;
    if exists {
        Ok(())
    } else {
        Err(StoreError::StudentNotFound { id: student })
    }
}

/// A class's name, or [`StoreError::ClassNotFound`].
pub(crate) async fn class_name(conn: &mut sqlx::SqliteConnection, id: ClassId) -> Result<String> {
    sqlx::query_scalar("SELECT name FROM classes WHERE id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or(StoreError::ClassNotFound { id })
}

fn open_error(db_path: &Path, e: sqlx::Error) -> StoreError {
    match StoreError::from(e) {
        StoreError::CannotOpen { reason, .. } => StoreError::CannotOpen {
            path: db_path.to_path_buf(),
            reason,
        },
        StoreError::Io { source, .. } => StoreError::io(db_path, source),
        other => other,
    }
}

/// Timestamps are stored as Unix milliseconds (UTC): compact, fast to index and compare.
pub(crate) fn to_ms(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

pub(crate) fn from_ms(ms: i64) -> Result<DateTime<Utc>> {
    DateTime::from_timestamp_millis(ms).ok_or_else(|| StoreError::bad_data(format!("time {ms}")))
}

/// The current time at the stored (millisecond) precision, so values compare equal after a
/// round trip.
pub(crate) fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(Utc::now().timestamp_millis()).unwrap_or_else(Utc::now)
}

pub(crate) fn parse_lang(s: &str) -> Result<Lang> {
    match s {
        "en" => Ok(Lang::En),
        "es" => Ok(Lang::Es),
        other => Err(StoreError::bad_data(format!("language {other:?}"))),
    }
}

/// Checks a recording path given by the caller and returns it in the stored form: relative,
/// inside the data folder, with `/` separators (so a database copied between Windows and
/// other systems still finds its files).
pub(crate) fn normalise_audio_path(rel: &Path) -> Result<String> {
    let invalid = || StoreError::InvalidAudioPath {
        path: rel.display().to_string(),
    };
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(p) => parts.push(p.to_str().ok_or_else(invalid)?.to_owned()),
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => {
                return Err(invalid());
            }
        }
    }
    if parts.is_empty() {
        return Err(invalid());
    }
    Ok(parts.join("/"))
}

/// Trims a name and rejects an empty one.
pub(crate) fn clean_name(name: &str, what: &'static str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::EmptyName { what });
    }
    Ok(name.to_owned())
}
