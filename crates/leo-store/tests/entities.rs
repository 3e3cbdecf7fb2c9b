//! Round trips of classes, students, passages, the teacher PIN and levels, and the typed
//! errors for unknown names and duplicates.

mod common;

use leo_store::{
    AccuracyThresholds, ClassId, Languages, LevelUpdate, PassageMeasures, PassageSource,
    StoreError, Strictness, StudentId, StudentSettings,
};
use leo_text::Lang;

#[tokio::test]
async fn classes_round_trip_and_names_are_unique_in_any_case() {
    let t = common::open().await;
    let s = &t.store;
    let b = s.create_class("  3B ").await.unwrap();
    let a = s.create_class("2A").await.unwrap();
    assert_eq!(b.name, "3B");
    assert_eq!(s.list_classes().await.unwrap(), vec![a.clone(), b.clone()]);
    assert_eq!(s.find_class("3b").await.unwrap(), b);
    assert_eq!(s.class(a.id).await.unwrap(), a);

    let err = s.create_class("3b").await.unwrap_err();
    assert!(
        matches!(&err, StoreError::DuplicateClass { name } if name == "3b"),
        "{err:?}"
    );
    assert!(err.to_string().contains("already exists"));
    let err = s.find_class("4C").await.unwrap_err();
    assert!(
        matches!(&err, StoreError::UnknownClass { name } if name == "4C"),
        "{err:?}"
    );
    assert!(matches!(
        s.class(ClassId(999)).await.unwrap_err(),
        StoreError::ClassNotFound { .. }
    ));
    assert!(matches!(
        s.create_class("   ").await.unwrap_err(),
        StoreError::EmptyName { .. }
    ));
}

#[tokio::test]
async fn students_round_trip_with_settings() {
    let t = common::open().await;
    let s = &t.store;
    let class = s.create_class("1A").await.unwrap();
    let other = s.create_class("1B").await.unwrap();
    let luis = s
        .create_student(class.id, "Luis", 1, Languages::Es)
        .await
        .unwrap();
    let ana = s
        .create_student(class.id, "Ana", 2, Languages::Both)
        .await
        .unwrap();
    // The same name in another class is a different child.
    s.create_student(other.id, "Ana", 2, Languages::En)
        .await
        .unwrap();

    assert_eq!(
        s.list_students(class.id).await.unwrap(),
        vec![ana.clone(), luis.clone()]
    );
    assert_eq!(s.find_student(class.id, "ANA").await.unwrap(), ana);
    assert_eq!(s.student(luis.id).await.unwrap(), luis);
    assert_eq!(ana.settings, StudentSettings::default());

    let settings = StudentSettings {
        hesitation_limit_s: Some(2.5),
        pronunciation_strictness: Some(Strictness::Lenient),
        accuracy_thresholds: Some(AccuracyThresholds {
            independent: 0.97,
            instructional: 0.9,
        }),
    };
    s.set_student_settings(ana.id, &settings).await.unwrap();
    assert_eq!(s.student(ana.id).await.unwrap().settings, settings);

    let moved = s
        .update_student(ana.id, other.id, "Ana M.", 3, Languages::En)
        .await
        .unwrap();
    assert_eq!(
        (moved.class_id, moved.name.as_str(), moved.grade),
        (other.id, "Ana M.", 3)
    );
    assert_eq!(moved.languages, Languages::En);
    assert_eq!(moved.settings, settings);
}

#[tokio::test]
async fn student_errors_are_typed() {
    let t = common::open().await;
    let s = &t.store;
    let class = s.create_class("1A").await.unwrap();
    let ana = s
        .create_student(class.id, "Ana", 2, Languages::Both)
        .await
        .unwrap();

    let err = s
        .create_student(class.id, "ana", 2, Languages::En)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::DuplicateStudent { class, name } if class == "1A" && name == "ana"),
        "{err:?}"
    );
    let err = s.find_student(class.id, "Pedro").await.unwrap_err();
    assert!(
        matches!(&err, StoreError::UnknownStudent { name } if name.contains("Pedro")),
        "{err:?}"
    );
    assert!(matches!(
        s.student(StudentId(4242)).await.unwrap_err(),
        StoreError::StudentNotFound {
            id: StudentId(4242)
        }
    ));
    assert!(matches!(
        s.create_student(ClassId(77), "Eva", 2, Languages::En)
            .await
            .unwrap_err(),
        StoreError::ClassNotFound { id: ClassId(77) }
    ));
    for grade in [0, 7] {
        assert!(matches!(
            s.create_student(class.id, "Eva", grade, Languages::En)
                .await
                .unwrap_err(),
            StoreError::InvalidGrade { .. }
        ));
    }
    let err = s.delete_class(class.id).await.unwrap_err();
    assert!(
        matches!(err, StoreError::ClassNotEmpty { students: 1, .. }),
        "{err:?}"
    );
    s.delete_student(ana.id).await.unwrap();
    s.delete_class(class.id).await.unwrap();
    assert!(s.list_classes().await.unwrap().is_empty());
}

#[tokio::test]
async fn builtin_passages_sync_add_update_retire_and_remove() {
    let t = common::open().await;
    let s = &t.store;
    let mut list = vec![
        common::passage("en-01", Lang::En, 1),
        common::passage("en-02", Lang::En, 4),
        common::passage("es-01", Lang::Es, 2),
    ];
    let sync = s
        .sync_builtin_passages(&list, common::measures)
        .await
        .unwrap();
    assert_eq!(
        (sync.added, sync.updated, sync.retired, sync.removed),
        (3, 0, 0, 0)
    );
    // Unchanged list: nothing to do.
    let sync = s
        .sync_builtin_passages(&list, common::measures)
        .await
        .unwrap();
    assert_eq!((sync.added, sync.updated), (0, 0));

    let stored = s.passage("en-02").await.unwrap();
    assert_eq!(stored.passage, list[1]);
    assert_eq!(stored.word_count, 10);
    assert_eq!(stored.readability, Some(6.1));
    assert_eq!(stored.source, PassageSource::Builtin);
    assert_eq!(s.list_passages(Some(Lang::Es)).await.unwrap().len(), 1);

    // en-01 has a reading, es-01 none; both leave the shipped list; en-02 changes.
    let class = s.create_class("1A").await.unwrap();
    let ana = s
        .create_student(class.id, "Ana", 1, Languages::En)
        .await
        .unwrap();
    let wav = common::write_wav(s, "recordings/a.wav", 10);
    s.begin_reading(ana.id, "en-01", &wav).await.unwrap();
    list[1].title = "A new title".into();
    let sync = s
        .sync_builtin_passages(&list[1..2], common::measures)
        .await
        .unwrap();
    assert_eq!(
        (sync.added, sync.updated, sync.retired, sync.removed),
        (0, 1, 1, 1)
    );
    let ids: Vec<String> = s
        .list_passages(None)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.passage.id)
        .collect();
    assert_eq!(ids, ["en-02"]);
    assert!(s.passage("en-01").await.unwrap().retired);
    assert_eq!(
        s.passage("en-02").await.unwrap().passage.title,
        "A new title"
    );
    assert!(matches!(
        s.passage("es-01").await.unwrap_err(),
        StoreError::UnknownPassage { .. }
    ));
}

#[tokio::test]
async fn teacher_passages_round_trip_and_keep_their_ids() {
    let t = common::open().await;
    let s = &t.store;
    let mine = common::passage("mi-cuento", Lang::Es, 5);
    let stored = s
        .add_teacher_passage(
            &mine,
            PassageMeasures {
                word_count: 9,
                readability: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(stored, s.passage("mi-cuento").await.unwrap());
    assert_eq!(stored.source, PassageSource::Teacher);

    let err = s
        .add_teacher_passage(
            &mine,
            PassageMeasures {
                word_count: 9,
                readability: None,
            },
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::DuplicatePassage { id } if id == "mi-cuento"),
        "{err:?}"
    );
    // A built-in with the same id does not replace the teacher's passage.
    let sync = s
        .sync_builtin_passages(
            &[common::passage("mi-cuento", Lang::En, 1)],
            common::measures,
        )
        .await
        .unwrap();
    assert_eq!(sync.clashes, ["mi-cuento"]);
    assert_eq!(s.passage("mi-cuento").await.unwrap(), stored);

    let mut bad = common::passage("x", Lang::En, 13);
    assert!(matches!(
        s.add_teacher_passage(&bad, common::measures(&bad))
            .await
            .unwrap_err(),
        StoreError::InvalidLevel { level: 13 }
    ));
    bad.level = 3;
    bad.text = "  ".into();
    assert!(matches!(
        s.add_teacher_passage(&bad, common::measures(&bad))
            .await
            .unwrap_err(),
        StoreError::EmptyName { .. }
    ));
}

#[tokio::test]
async fn teacher_pin_is_hashed_and_can_be_changed() {
    let t = common::open().await;
    let s = &t.store;
    assert!(!s.has_pin().await.unwrap());
    assert!(matches!(
        s.verify_pin("1234").await.unwrap_err(),
        StoreError::PinNotSet
    ));
    assert!(matches!(
        s.set_pin("12a4").await.unwrap_err(),
        StoreError::InvalidPin
    ));
    assert!(matches!(
        s.set_pin("123").await.unwrap_err(),
        StoreError::InvalidPin
    ));
    s.set_pin("2468").await.unwrap();
    assert!(s.has_pin().await.unwrap());
    assert!(s.verify_pin("2468").await.unwrap());
    assert!(!s.verify_pin("2469").await.unwrap());
    assert!(matches!(
        s.set_pin("1111").await.unwrap_err(),
        StoreError::PinAlreadySet
    ));

    assert!(matches!(
        s.change_pin("0000", "1357").await.unwrap_err(),
        StoreError::WrongPin
    ));
    s.change_pin("2468", "135790").await.unwrap();
    assert!(s.verify_pin("135790").await.unwrap());
    assert!(!s.verify_pin("2468").await.unwrap());

    // The file holds an Argon2id hash, not the PIN.
    let db = std::fs::read(s.db_path()).unwrap();
    let wal = std::fs::read(s.db_path().with_extension("db-wal")).unwrap_or_default();
    for bytes in [db, wal] {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("135790"));
    }
    let mut conn: sqlx::SqliteConnection =
        sqlx::Connection::connect(&format!("sqlite://{}", s.db_path().display()))
            .await
            .unwrap();
    let hash: String = sqlx::query_scalar("SELECT pin_hash FROM teacher")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert!(hash.starts_with("$argon2id$"), "{hash}");
}

#[tokio::test]
async fn levels_keep_current_state_and_history_of_changes() {
    let t = common::open().await;
    let s = &t.store;
    let (_, ana) = common::seeded(s).await;
    assert_eq!(s.level(ana.id, Lang::En).await.unwrap(), None);

    let update = |level, streak| LevelUpdate {
        level,
        streak,
        reason_en: "placement",
        reason_es: "ubicación",
        reading: None,
    };
    s.set_level(ana.id, Lang::En, &update(3, 0)).await.unwrap();
    // Same level, new streak: state changes, no history row.
    s.set_level(ana.id, Lang::En, &update(3, 2)).await.unwrap();
    let wav = common::write_wav(s, "recordings/r.wav", 10);
    let reading = s.begin_reading(ana.id, "en-01", &wav).await.unwrap();
    let up = LevelUpdate {
        level: 4,
        streak: 0,
        reason_en: "3 readings at 98% accuracy",
        reason_es: "3 lecturas con 98 % de precisión",
        reading: Some(reading),
    };
    let state = s.set_level(ana.id, Lang::En, &up).await.unwrap();
    s.set_level(ana.id, Lang::Es, &update(2, 1)).await.unwrap();

    assert_eq!(s.level(ana.id, Lang::En).await.unwrap(), Some(state));
    assert_eq!(s.level(ana.id, Lang::Es).await.unwrap().unwrap().streak, 1);
    let history = s.level_history(ana.id, Some(Lang::En)).await.unwrap();
    let steps: Vec<(Option<u8>, u8)> = history.iter().map(|h| (h.from_level, h.to_level)).collect();
    assert_eq!(steps, [(None, 3), (Some(3), 4)]);
    assert_eq!(history[1].reason_es, "3 lecturas con 98 % de precisión");
    assert_eq!(history[1].reading_id, Some(reading));
    assert_eq!(s.level_history(ana.id, None).await.unwrap().len(), 3);

    assert!(matches!(
        s.set_level(ana.id, Lang::En, &update(0, 0))
            .await
            .unwrap_err(),
        StoreError::InvalidLevel { level: 0 }
    ));
    assert!(matches!(
        s.set_level(StudentId(99), Lang::En, &update(2, 0))
            .await
            .unwrap_err(),
        StoreError::StudentNotFound { .. }
    ));
}
