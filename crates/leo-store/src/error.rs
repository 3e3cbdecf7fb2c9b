//! What can go wrong in the store, worded for the teacher or the school's IT person.
//!
//! SQLite failures are told apart by their result codes (never by message text), so a
//! translated or reworded SQLite message cannot change which error the app shows.

use std::io;
use std::path::PathBuf;

use crate::model::{ClassId, ReadingId, StudentId};

/// Everything the store can fail with.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the disk that holds Leo's data is full: free some space (for example delete old \
         recordings or files you no longer need) and try again"
    )]
    DiskFull,
    #[error(
        "Leo's database is in use by another program (a second copy of Leo, a backup tool or a \
         database viewer) and stayed locked too long: close that program and try again"
    )]
    Busy,
    #[error(
        "Leo's database (leo.db in Leo's data folder) is damaged or is not a Leo database: \
         restore it from a backup, or move it aside so Leo starts a new one"
    )]
    Corrupt,
    #[error(
        "Leo cannot write to its data folder: check that the folder is not read-only and that \
         this user account may write to it"
    )]
    ReadOnly,
    #[error("Leo cannot open its database {path}: {reason}")]
    CannotOpen { path: PathBuf, reason: String },
    #[error(
        "this database was last used by a newer version of Leo (it has upgrade step {version}, \
         which this version does not know): update Leo on this computer"
    )]
    NewerDatabase { version: i64 },
    #[error(
        "database upgrade step {version} in this copy of Leo differs from the one already \
         applied to this database: install an official Leo release"
    )]
    MigrationChanged { version: i64 },
    #[error("could not upgrade Leo's database: {0}")]
    Migration(String),
    #[error("could not read or write {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("Leo's database reported an error (SQLite code {code}): {message}")]
    Database { code: String, message: String },
    #[error(
        "Leo's database holds a value it cannot read ({what}); the file may have been changed by \
         another program"
    )]
    BadData { what: String },

    #[error("there is no class named {name:?}")]
    UnknownClass { name: String },
    #[error("class #{id} does not exist (it may have been deleted)")]
    ClassNotFound { id: ClassId },
    #[error("there is no student named {name:?}")]
    UnknownStudent { name: String },
    #[error("student #{id} does not exist (they may have been deleted)")]
    StudentNotFound { id: StudentId },
    #[error("there is no passage {id:?}")]
    UnknownPassage { id: String },
    #[error("reading #{id} does not exist (it may have been deleted)")]
    ReadingNotFound { id: ReadingId },
    #[error("a class named {name:?} already exists; choose another name")]
    DuplicateClass { name: String },
    #[error("class {class:?} already has a student named {name:?}; add a surname or initial")]
    DuplicateStudent { class: String, name: String },
    #[error("a passage with id {id:?} already exists; choose another id")]
    DuplicatePassage { id: String },
    #[error("class {name:?} still has {students} students; move or delete them first")]
    ClassNotEmpty { name: String, students: i64 },

    #[error("{what} must not be empty")]
    EmptyName { what: &'static str },
    #[error("grade {grade} is not valid: Leo is for grades 1 to 6")]
    InvalidGrade { grade: u8 },
    #[error("level {level} is not valid: passage levels go from 1 to 12")]
    InvalidLevel { level: u8 },
    #[error(
        "recording path {path:?} is not valid: it must be relative to Leo's data folder and stay \
         inside it"
    )]
    InvalidAudioPath { path: String },
    #[error(
        "the recording {path} is not in Leo's data folder (it may not have been saved): record \
         the reading again"
    )]
    MissingRecording { path: PathBuf },
    #[error("the assessment cannot be saved: {reason}")]
    InvalidAssessment { reason: String },
    #[error("reading #{id} has not been scored yet, so its words cannot be changed")]
    NotScored { id: ReadingId },
    #[error("reading #{reading} has {words} words; there is no word number {index}")]
    NoSuchWord {
        reading: ReadingId,
        index: usize,
        words: usize,
    },

    #[error("a PIN is 4 to 8 digits")]
    InvalidPin,
    #[error("no teacher PIN has been set yet")]
    PinNotSet,
    #[error("a teacher PIN is already set; change it with the current PIN instead")]
    PinAlreadySet,
    #[error("the PIN is not correct")]
    WrongPin,

    #[error("could not write the export file {path}: {reason}")]
    Export { path: PathBuf, reason: String },
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

// SQLite primary result codes (https://www.sqlite.org/rescode.html).
const SQLITE_PERM: i32 = 3;
const SQLITE_BUSY: i32 = 5;
const SQLITE_LOCKED: i32 = 6;
const SQLITE_READONLY: i32 = 8;
const SQLITE_CORRUPT: i32 = 11;
const SQLITE_FULL: i32 = 13;
const SQLITE_CANTOPEN: i32 = 14;
const SQLITE_NOTADB: i32 = 26;

/// Whether a file error means the disk is full. ENOSPC on Linux and macOS; Windows reports
/// ERROR_DISK_FULL (112) / ERROR_HANDLE_DISK_FULL (39).
pub fn is_disk_full(e: &io::Error) -> bool {
    if e.kind() == io::ErrorKind::StorageFull {
        return true;
    }
    match e.raw_os_error() {
        Some(code) if cfg!(windows) => code == 112 || code == 39,
        Some(code) => code == 28,
        None => false,
    }
}

impl StoreError {
    /// An I/O failure on a file of ours; a full disk becomes [`StoreError::DiskFull`].
    pub(crate) fn io(path: impl Into<PathBuf>, source: io::Error) -> StoreError {
        if is_disk_full(&source) {
            StoreError::DiskFull
        } else {
            StoreError::Io {
                path: path.into(),
                source,
            }
        }
    }

    pub(crate) fn bad_data(what: impl Into<String>) -> StoreError {
        StoreError::BadData { what: what.into() }
    }

    /// The SQLite extended result code of a database error, if it is one.
    pub(crate) fn sqlite_code(e: &sqlx::Error) -> Option<i32> {
        match e {
            sqlx::Error::Database(db) => db.code().and_then(|c| c.parse().ok()),
            _ => None,
        }
    }
}

/// True when a write failed on a UNIQUE or PRIMARY KEY constraint.
pub(crate) fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(db) if db.kind() == sqlx::error::ErrorKind::UniqueViolation)
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> StoreError {
        if let Some(code) = StoreError::sqlite_code(&e) {
            return match code & 0xff {
                SQLITE_FULL => StoreError::DiskFull,
                SQLITE_BUSY | SQLITE_LOCKED => StoreError::Busy,
                SQLITE_CORRUPT | SQLITE_NOTADB => StoreError::Corrupt,
                SQLITE_READONLY | SQLITE_PERM => StoreError::ReadOnly,
                SQLITE_CANTOPEN => StoreError::CannotOpen {
                    path: PathBuf::from(crate::DB_FILE),
                    reason: "the file or its folder cannot be opened".into(),
                },
                _ => {
                    let message = match &e {
                        sqlx::Error::Database(db) => db.message().to_owned(),
                        other => other.to_string(),
                    };
                    StoreError::Database {
                        code: code.to_string(),
                        message,
                    }
                }
            };
        }
        match e {
            // Our single write connection was busy for the whole queue timeout.
            sqlx::Error::PoolTimedOut => StoreError::Busy,
            sqlx::Error::Io(io) => StoreError::io(crate::DB_FILE, io),
            sqlx::Error::ColumnDecode { index, source } => {
                StoreError::bad_data(format!("column {index}: {source}"))
            }
            sqlx::Error::Decode(source) => StoreError::bad_data(source.to_string()),
            other => StoreError::Database {
                code: "none".into(),
                message: other.to_string(),
            },
        }
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(e: sqlx::migrate::MigrateError) -> StoreError {
        use sqlx::migrate::MigrateError as M;
        match e {
            M::VersionMissing(version) => StoreError::NewerDatabase { version },
            M::VersionMismatch(version) => StoreError::MigrationChanged { version },
            M::Execute(e) | M::ExecuteMigration(e, _) => StoreError::from(e),
            other => StoreError::Migration(other.to_string()),
        }
    }
}
