//! Failures from SQLite and the file system reach the caller as typed errors, told apart by
//! result codes: a full disk, a database locked by another program.

mod common;

use std::time::{Duration, Instant};

use leo_store::{Store, StoreError, StoreOptions};
use sqlx::Connection;
use sqlx::sqlite::SqliteConnection;

async fn other_program(store: &Store) -> SqliteConnection {
    SqliteConnection::connect(&format!("sqlite://{}", store.db_path().display()))
        .await
        .unwrap()
}

#[tokio::test]
async fn a_full_database_is_reported_as_disk_full() {
    let t = common::open().await;
    let mut conn = other_program(&t.store).await;
    // SQLite's page limit gives the same SQLITE_FULL result a full disk does.
    let pages: i64 = sqlx::query_scalar("PRAGMA page_count")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    sqlx::query(&format!("PRAGMA max_page_count = {pages}"))
        .execute(&mut conn)
        .await
        .unwrap();
    let err = sqlx::query("INSERT INTO classes (name, created_at) VALUES (?, 0)")
        .bind("x".repeat(100_000))
        .execute(&mut conn)
        .await
        .unwrap_err();
    let err = StoreError::from(err);
    assert!(matches!(err, StoreError::DiskFull), "{err:?}");
    assert!(err.to_string().contains("free some space"));
}

#[cfg(target_os = "linux")]
#[tokio::test]
async fn a_full_disk_during_export_is_reported_as_disk_full() {
    let t = common::open().await;
    let s = &t.store;
    let (_, ana) = common::seeded(s).await;
    let wav = common::write_wav(s, "recordings/a.wav", 50_000);
    s.begin_reading(ana.id, "en-01", &wav).await.unwrap();
    // Every write to /dev/full fails with ENOSPC.
    let out = t.dir.path().join("export.zip");
    std::os::unix::fs::symlink("/dev/full", t.dir.path().join("export.zip.partial")).unwrap();
    let err = s.export_student(ana.id, &out).await.unwrap_err();
    assert!(matches!(err, StoreError::DiskFull), "{err:?}");
    assert!(!common::exists(&out));
}

#[tokio::test]
async fn a_lock_held_by_another_program_gives_busy_after_the_timeout_but_reads_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let options = StoreOptions {
        busy_timeout: Duration::from_secs(1),
        ..StoreOptions::default()
    };
    let store = Store::open_with(dir.path(), options).await.unwrap();
    store.create_class("1A").await.unwrap();

    let mut other = other_program(&store).await;
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut other)
        .await
        .unwrap();
    sqlx::query("INSERT INTO classes (name, created_at) VALUES ('hidden', 0)")
        .execute(&mut other)
        .await
        .unwrap();

    // WAL: reads see the last committed state without waiting for the writer.
    let started = Instant::now();
    let names: Vec<String> = store
        .list_classes()
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["1A"]);
    assert!(
        started.elapsed() < Duration::from_millis(500),
        "the read waited for the lock"
    );

    let started = Instant::now();
    let err = store.create_class("2A").await.unwrap_err();
    assert!(matches!(err, StoreError::Busy), "{err:?}");
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "gave up before the timeout"
    );
    assert!(err.to_string().contains("another program"));

    // Once the other program lets go, writing works again.
    sqlx::query("COMMIT").execute(&mut other).await.unwrap();
    store.create_class("2A").await.unwrap();
    assert_eq!(store.list_classes().await.unwrap().len(), 3);
}

#[tokio::test]
async fn a_short_lock_is_waited_out() {
    let t = common::open().await;
    let mut other = other_program(&t.store).await;
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut other)
        .await
        .unwrap();
    let release = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(200)).await;
        sqlx::query("COMMIT").execute(&mut other).await.unwrap();
    });
    t.store.create_class("1A").await.unwrap();
    release.await.unwrap();
}
