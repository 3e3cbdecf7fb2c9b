//! Privacy tools: deleting a student, exporting a student, and audio retention.

mod common;

use std::io::Read;

use leo_store::{Languages, LevelUpdate, ReadingStatus, Store, StoreError, StudentId};
use leo_text::Lang;

/// Two students with scored readings, recordings, a correction and levels.
async fn two_students(s: &Store) -> (StudentId, StudentId, Vec<String>) {
    let (class, ana) = common::seeded(s).await;
    let beto = s
        .create_student(class.id, "Beto", 3, Languages::Es)
        .await
        .unwrap();
    let mut ana_files = Vec::new();
    for (who, student, lang, passage) in [
        ("ana", ana.id, Lang::En, "en-01"),
        ("ana", ana.id, Lang::Es, "es-01"),
        ("beto", beto.id, Lang::Es, "es-01"),
    ] {
        for day in 1..=3u32 {
            let rel = format!("recordings/{who}/{}-{day}.wav", lang.code());
            let wav = common::write_wav(s, &rel, 2000);
            let id = s
                .begin_reading_at(student, passage, &wav, common::at(2025, 4, day))
                .await
                .unwrap();
            s.save_assessment(id, &common::assessment(lang, 30, u64::from(day)), "v", "m")
                .await
                .unwrap();
            if day == 1 {
                s.override_word(id, 0, leo_scoring::WordStatus::Omission, "teacher")
                    .await
                    .unwrap();
            }
            if who == "ana" {
                ana_files.push(rel);
            }
        }
        let update = LevelUpdate {
            level: 2,
            streak: 1,
            reason_en: "start",
            reason_es: "inicio",
            reading: None,
        };
        s.set_level(student, lang, &update).await.unwrap();
    }
    (ana.id, beto.id, ana_files)
}

async fn count(s: &Store, sql: &str) -> i64 {
    let mut conn: sqlx::SqliteConnection =
        sqlx::Connection::connect(&format!("sqlite://{}", s.db_path().display()))
            .await
            .unwrap();
    sqlx::query_scalar(sql).fetch_one(&mut conn).await.unwrap()
}

#[tokio::test]
async fn deleting_a_student_removes_their_rows_and_recordings_only() {
    let t = common::open().await;
    let s = &t.store;
    let (ana, beto, ana_files) = two_students(s).await;
    assert_eq!(count(s, "SELECT count(*) FROM word_results").await, 9 * 30);

    let deleted = s.delete_student(ana).await.unwrap();
    assert_eq!((deleted.readings, deleted.audio_files_removed), (6, 6));
    for rel in &ana_files {
        assert!(!common::exists(&s.audio_file(rel)), "{rel} still on disk");
    }
    assert!(
        !common::exists(&s.recordings_dir().join("ana")),
        "empty folder left"
    );
    assert!(matches!(
        s.student(ana).await.unwrap_err(),
        StoreError::StudentNotFound { .. }
    ));
    // Every table that mentions a student or reading: only Beto's rows remain.
    assert_eq!(count(s, "SELECT count(*) FROM readings").await, 3);
    assert_eq!(count(s, "SELECT count(*) FROM word_results").await, 3 * 30);
    assert_eq!(count(s, "SELECT count(*) FROM word_overrides").await, 1);
    assert_eq!(count(s, "SELECT count(*) FROM student_levels").await, 1);
    assert_eq!(count(s, "SELECT count(*) FROM level_history").await, 1);

    let beto_readings = s.student_readings(beto, None).await.unwrap();
    assert_eq!(beto_readings.len(), 3);
    for r in beto_readings {
        assert!(common::exists(
            &s.audio_file(r.audio_path.as_deref().unwrap())
        ));
        assert!(s.load_reading(r.id).await.unwrap().assessment.is_some());
    }
    // Deleted content is not left behind in the database files.
    for file in [s.db_path(), s.db_path().with_extension("db-wal")] {
        let bytes = std::fs::read(&file).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("Ana"),
            "{} still holds the name",
            file.display()
        );
    }
    assert!(matches!(
        s.delete_student(ana).await.unwrap_err(),
        StoreError::StudentNotFound { .. }
    ));
}

#[tokio::test]
async fn export_holds_the_whole_record_and_every_recording() {
    let t = common::open().await;
    let s = &t.store;
    let (ana, _, ana_files) = two_students(s).await;
    // One recording lost on disk, one reading not scored yet.
    std::fs::remove_file(s.audio_file(&ana_files[5])).unwrap();
    let wav = common::write_wav(s, "recordings/ana/pending.wav", 10);
    s.begin_reading(ana, "en-01", &wav).await.unwrap();

    let out = t.dir.path().join("ana-export.zip");
    let summary = s.export_student(ana, &out).await.unwrap();
    assert_eq!(summary.readings, 7);
    assert_eq!(summary.audio_files, 6);
    assert_eq!(summary.missing_audio, [ana_files[5].clone()]);
    assert!(!common::exists(
        &t.dir.path().join("ana-export.zip.partial")
    ));

    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut json = String::new();
    zip.by_name("student.json")
        .unwrap()
        .read_to_string(&mut json)
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["format"], "leo-student-export");
    assert_eq!(v["student"]["name"], "Ana");
    assert_eq!(v["class"], "3B");
    assert_eq!(v["levels"].as_array().unwrap().len(), 2);
    assert_eq!(v["level_history"].as_array().unwrap().len(), 2);
    let readings = v["readings"].as_array().unwrap();
    assert_eq!(readings.len(), 7);
    let with_words = readings
        .iter()
        .filter(|r| {
            r["assessment"]["words"]
                .as_array()
                .is_some_and(|w| w.len() == 30)
        })
        .count();
    assert_eq!(with_words, 6);
    let overrides: usize = readings
        .iter()
        .map(|r| r["overrides"].as_array().unwrap().len())
        .sum();
    assert_eq!(overrides, 2);
    assert!(!json.contains("Beto"));

    for rel in ana_files
        .iter()
        .take(5)
        .map(String::as_str)
        .chain(["recordings/ana/pending.wav"])
    {
        let mut entry = zip
            .by_name(rel)
            .unwrap_or_else(|_| panic!("{rel} not in the zip"));
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        assert_eq!(bytes, std::fs::read(s.audio_file(rel)).unwrap());
    }
    assert_eq!(zip.len(), 7);
}

#[tokio::test]
async fn export_to_an_unwritable_place_fails_cleanly() {
    let t = common::open().await;
    let s = &t.store;
    let (ana, _, _) = two_students(s).await;
    let out = t.dir.path().join("no-such-folder").join("x.zip");
    let err = s.export_student(ana, &out).await.unwrap_err();
    assert!(matches!(err, StoreError::Io { .. }), "{err:?}");
    assert!(!common::exists(&out));
}

#[tokio::test]
async fn retention_removes_old_audio_and_keeps_scores() {
    let t = common::open().await;
    let s = &t.store;
    let (class, _) = common::seeded(s).await;
    let eva = s
        .create_student(class.id, "Eva", 4, Languages::En)
        .await
        .unwrap();
    let mut ids = Vec::new();
    for (i, started) in [
        common::at(2025, 1, 1),
        common::at(2025, 1, 20),
        common::at(2025, 3, 1),
    ]
    .into_iter()
    .enumerate()
    {
        let wav = common::write_wav(s, &format!("recordings/eva/{i}.wav"), 1000);
        let id = s
            .begin_reading_at(eva.id, "en-01", &wav, started)
            .await
            .unwrap();
        ids.push(id);
    }
    let scored = common::assessment(Lang::En, 25, 5);
    s.save_assessment(ids[0], &scored, "v", "m").await.unwrap();
    // ids[1] stays unscored; ids[2] is recent.

    let report = s
        .apply_audio_retention(30, common::at(2025, 3, 10))
        .await
        .unwrap();
    assert_eq!(report.cutoff, common::at(2025, 2, 8));
    assert_eq!(report.readings, [ids[0], ids[1]]);
    assert_eq!((report.files_removed, report.files_missing), (2, 0));
    assert_eq!(report.bytes_freed, 2 * (1000 + 16));
    assert!(!common::exists(&s.audio_file("recordings/eva/0.wav")));
    assert!(!common::exists(&s.audio_file("recordings/eva/1.wav")));
    assert!(common::exists(&s.audio_file("recordings/eva/2.wav")));

    let old = s.load_reading(ids[0]).await.unwrap();
    assert_eq!(old.audio_path, None);
    assert_eq!(old.status, ReadingStatus::Scored);
    assert_eq!(old.assessment, Some(scored));
    let pending = s.load_reading(ids[1]).await.unwrap();
    assert_eq!(pending.status, ReadingStatus::Failed);
    assert!(pending.error.unwrap().contains("retention"));
    // Without audio there is nothing to retry.
    let queue: Vec<_> = s
        .unscored_readings()
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(queue, [ids[2]]);
    assert_eq!(
        s.load_reading(ids[2]).await.unwrap().audio_path.as_deref(),
        Some("recordings/eva/2.wav")
    );

    // Running again finds nothing more to remove.
    let again = s
        .apply_audio_retention(30, common::at(2025, 3, 10))
        .await
        .unwrap();
    assert!(again.readings.is_empty());
}

#[tokio::test]
async fn deleting_a_reading_removes_its_row_words_and_recording() {
    let t = common::open().await;
    let s = &t.store;
    let (_, ana) = common::seeded(s).await;
    let kept = common::write_wav(s, "recordings/ana/kept.wav", 100);
    let kept = s.begin_reading(ana.id, "en-01", &kept).await.unwrap();
    let rel = common::write_wav(s, "recordings/ana/cancelled.wav", 100);
    let id = s.begin_reading(ana.id, "en-01", &rel).await.unwrap();
    s.save_assessment(id, &common::assessment(Lang::En, 30, 1), "v", "m")
        .await
        .unwrap();

    assert!(s.delete_reading(id).await.unwrap());
    assert!(!s.data_dir().join(&rel).exists());
    assert!(matches!(
        s.load_reading(id).await,
        Err(StoreError::ReadingNotFound { .. })
    ));
    let words = format!("SELECT count(*) FROM word_results WHERE reading_id = {id}");
    assert_eq!(count(s, &words).await, 0);
    // The other reading and its folder stay.
    assert_eq!(
        s.load_reading(kept).await.unwrap().status,
        ReadingStatus::Recorded
    );
    assert!(s.data_dir().join("recordings/ana/kept.wav").exists());
    assert!(matches!(
        s.delete_reading(id).await,
        Err(StoreError::ReadingNotFound { .. })
    ));
}
