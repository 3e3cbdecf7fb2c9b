//! Schema migrations: fresh database, re-open, the append-only guard, and databases Leo must
//! refuse (damaged, from a newer Leo, with an edited migration).

mod common;

use leo_store::{DB_FILE, MIGRATOR, RECORDINGS_DIR, Store, StoreError};
use sha2::{Digest, Sha384};
use sqlx::Connection;
use sqlx::sqlite::SqliteConnection;

async fn raw(path: &std::path::Path) -> SqliteConnection {
    SqliteConnection::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap()
}

const TABLES: [&str; 10] = [
    "classes",
    "level_history",
    "passages",
    "readings",
    "student_levels",
    "students",
    "teacher",
    "word_overrides",
    "word_results",
    "_sqlx_migrations",
];

#[tokio::test]
async fn fresh_database_gets_schema_folders_and_settings() {
    let t = common::open().await;
    let data = t.dir.path().join("data");
    assert!(data.join(DB_FILE).is_file());
    assert!(data.join(RECORDINGS_DIR).is_dir());

    let mut conn = raw(&data.join(DB_FILE)).await;
    let mut tables: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
            .fetch_all(&mut conn)
            .await
            .unwrap();
    tables.sort();
    let mut expected: Vec<String> = TABLES.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(tables, expected);
    // WAL is a property of the file, so any connection sees it.
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(mode, "wal");
    let applied: i64 = sqlx::query_scalar("SELECT count(*) FROM _sqlx_migrations")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(applied as usize, MIGRATOR.iter().count());
}

#[tokio::test]
async fn reopening_keeps_data_and_applies_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    store.create_class("2A").await.unwrap();
    store.close().await;

    for _ in 0..2 {
        let store = Store::open(dir.path()).await.unwrap();
        let classes = store.list_classes().await.unwrap();
        assert_eq!(classes.len(), 1);
        assert_eq!(classes[0].name, "2A");
        store.close().await;
    }
    let mut conn = raw(&dir.path().join(DB_FILE)).await;
    let applied: i64 = sqlx::query_scalar("SELECT count(*) FROM _sqlx_migrations")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(applied as usize, MIGRATOR.iter().count());
}

/// Applied migrations must never change: a school's database already ran them. The list in
/// `migrations.sha384` is committed with each migration; add a line for a new one, never edit
/// an existing line.
#[test]
fn migrations_are_append_only() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let lock = std::fs::read_to_string(dir.join("migrations.sha384")).unwrap_or_default();
    let locked: Vec<(i64, String)> = lock
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.split_whitespace();
            let version = parts.next().unwrap().parse().unwrap();
            (version, parts.next().unwrap().to_owned())
        })
        .collect();
    let embedded: Vec<(i64, String, String)> = MIGRATOR
        .iter()
        .map(|m| {
            (
                m.version,
                hex::encode(&m.checksum),
                m.description.to_string(),
            )
        })
        .collect();

    for (version, sum) in &locked {
        let Some((_, actual, desc)) = embedded.iter().find(|(v, _, _)| v == version) else {
            panic!("migration {version} is in migrations.sha384 but its file is gone");
        };
        assert_eq!(
            actual, sum,
            "migration {version} ({desc}) was edited after it was released; \
             restore it and put the change in a new migration"
        );
    }
    for (version, sum, desc) in &embedded {
        assert!(
            locked.iter().any(|(v, _)| v == version),
            "new migration {version} ({desc}): append this line to migrations.sha384:\n\
             {version} {sum} {desc}"
        );
    }
    // The embedded copies are the files in the tree (the build picked up the latest edit).
    for entry in std::fs::read_dir(dir.join("migrations")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let version: i64 = name.split('_').next().unwrap().parse().unwrap();
        let sum = hex::encode(Sha384::digest(std::fs::read(&path).unwrap()));
        let (_, embedded_sum, _) = embedded.iter().find(|(v, _, _)| *v == version).unwrap();
        assert_eq!(
            &sum, embedded_sum,
            "{name} differs from the embedded migration"
        );
    }
}

#[tokio::test]
async fn a_database_from_a_newer_leo_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    Store::open(dir.path()).await.unwrap().close().await;
    let mut conn = raw(&dir.path().join(DB_FILE)).await;
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES (9999, 'from the future', 1, x'00', 0)",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    conn.close().await.unwrap();

    let err = Store::open(dir.path()).await.unwrap_err();
    assert!(
        matches!(err, StoreError::NewerDatabase { version: 9999 }),
        "{err:?}"
    );
    assert!(err.to_string().contains("update Leo"));
}

#[tokio::test]
async fn an_edited_applied_migration_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    Store::open(dir.path()).await.unwrap().close().await;
    let mut conn = raw(&dir.path().join(DB_FILE)).await;
    sqlx::query("UPDATE _sqlx_migrations SET checksum = x'0102' WHERE version = 1")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();

    let err = Store::open(dir.path()).await.unwrap_err();
    assert!(
        matches!(err, StoreError::MigrationChanged { version: 1 }),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_damaged_database_file_is_reported_as_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(DB_FILE), vec![0x5a; 8192]).unwrap();
    let err = Store::open(dir.path()).await.unwrap_err();
    assert!(matches!(err, StoreError::Corrupt), "{err:?}");
    assert!(err.to_string().contains("backup"));
}

#[tokio::test]
async fn a_data_folder_that_cannot_be_created_names_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, b"x").unwrap();
    let err = Store::open(&file.join("data")).await.unwrap_err();
    match err {
        StoreError::Io { path, .. } => assert!(path.starts_with(&file)),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_database_path_that_cannot_be_opened_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(DB_FILE)).unwrap();
    let err = Store::open(dir.path()).await.unwrap_err();
    match &err {
        StoreError::CannotOpen { path, .. } => assert_eq!(path, &dir.path().join(DB_FILE)),
        other => panic!("{other:?}"),
    }
}
