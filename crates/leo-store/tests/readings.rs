//! Readings: registration, assessment round trip, failures and retries, concurrent writers,
//! teacher corrections, and the class overview and trend built from them.

mod common;

use leo_scoring::WordStatus;
use leo_store::{ReadingId, ReadingStatus, StoreError, StudentId};
use leo_text::Lang;

#[tokio::test]
async fn an_assessment_loads_back_equal_to_the_one_saved() {
    let t = common::open().await;
    let s = &t.store;
    let (_, ana) = common::seeded(s).await;
    let wav = common::write_wav(s, "recordings/ana/1.wav", 100);
    let started = common::at(2025, 3, 4);
    let id = s
        .begin_reading_at(ana.id, "es-01", &wav, started)
        .await
        .unwrap();

    let recorded = s.load_reading(id).await.unwrap();
    assert_eq!(recorded.status, ReadingStatus::Recorded);
    assert_eq!(recorded.assessment, None);
    assert_eq!(recorded.audio_path.as_deref(), Some("recordings/ana/1.wav"));
    assert_eq!(recorded.started_at, started);
    assert_eq!(recorded.lang, Lang::Es);

    let a = common::assessment(Lang::Es, 137, 7);
    s.save_assessment(id, &a, "leo 0.1.0", "whisper-small-q5")
        .await
        .unwrap();
    let loaded = s.load_reading(id).await.unwrap();
    assert_eq!(loaded.status, ReadingStatus::Scored);
    assert_eq!(loaded.assessment.as_ref(), Some(&a));
    assert_eq!(loaded.engine_version.as_deref(), Some("leo 0.1.0"));
    assert_eq!(loaded.model.as_deref(), Some("whisper-small-q5"));
    assert!(loaded.scored_at.is_some());

    // Scoring again replaces the words rather than adding to them.
    let b = common::assessment(Lang::Es, 20, 8);
    s.save_assessment(id, &b, "leo 0.1.1", "m").await.unwrap();
    assert_eq!(s.load_reading(id).await.unwrap().assessment, Some(b));
}

#[tokio::test]
async fn bad_input_to_readings_is_refused_with_typed_errors() {
    let t = common::open().await;
    let s = &t.store;
    let (_, ana) = common::seeded(s).await;
    let wav = common::write_wav(s, "recordings/x.wav", 10);
    for bad in ["../outside.wav", "/etc/passwd", ""] {
        let err = s
            .begin_reading(ana.id, "en-01", bad.as_ref())
            .await
            .unwrap_err();
        assert!(
            matches!(err, StoreError::InvalidAudioPath { .. }),
            "{bad}: {err:?}"
        );
    }
    let err = s
        .begin_reading(ana.id, "en-01", "recordings/never-saved.wav".as_ref())
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::MissingRecording { .. }),
        "{err:?}"
    );
    assert!(matches!(
        s.begin_reading(ana.id, "nope", &wav).await.unwrap_err(),
        StoreError::UnknownPassage { .. }
    ));
    assert!(matches!(
        s.begin_reading(StudentId(50), "en-01", &wav)
            .await
            .unwrap_err(),
        StoreError::StudentNotFound { .. }
    ));
    let id = s.begin_reading(ana.id, "en-01", &wav).await.unwrap();
    let err = s
        .save_assessment(id, &common::assessment(Lang::Es, 5, 1), "v", "m")
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::InvalidAssessment { .. }),
        "{err:?}"
    );
    let mut nan = common::assessment(Lang::En, 5, 1);
    nan.wcpm = f64::NAN;
    assert!(matches!(
        s.save_assessment(id, &nan, "v", "m").await.unwrap_err(),
        StoreError::InvalidAssessment { .. }
    ));
    assert!(matches!(
        s.save_assessment(
            ReadingId(999),
            &common::assessment(Lang::En, 5, 1),
            "v",
            "m"
        )
        .await
        .unwrap_err(),
        StoreError::ReadingNotFound { id: ReadingId(999) }
    ));
    // Nothing half-written by the refused saves.
    assert_eq!(
        s.load_reading(id).await.unwrap().status,
        ReadingStatus::Recorded
    );
}

#[tokio::test]
async fn failed_and_interrupted_readings_are_queued_for_retry() {
    let t = common::open().await;
    let s = &t.store;
    let (_, ana) = common::seeded(s).await;
    let mut ids = Vec::new();
    for i in 0..3 {
        let wav = common::write_wav(s, &format!("recordings/{i}.wav"), 10);
        ids.push(
            s.begin_reading_at(ana.id, "en-01", &wav, common::at(2025, 1, 1 + i))
                .await
                .unwrap(),
        );
    }
    s.save_assessment(ids[0], &common::assessment(Lang::En, 10, 1), "v", "m")
        .await
        .unwrap();
    s.mark_failed(ids[2], "the recording is silent")
        .await
        .unwrap();
    // A late failure report does not undo a good score.
    s.mark_failed(ids[0], "late").await.unwrap();

    let queue = s.unscored_readings().await.unwrap();
    let got: Vec<(ReadingId, ReadingStatus)> = queue.iter().map(|r| (r.id, r.status)).collect();
    assert_eq!(
        got,
        [
            (ids[1], ReadingStatus::Recorded),
            (ids[2], ReadingStatus::Failed)
        ]
    );
    assert_eq!(queue[1].error.as_deref(), Some("the recording is silent"));
    assert_eq!(
        s.load_reading(ids[0]).await.unwrap().status,
        ReadingStatus::Scored
    );

    s.save_assessment(ids[2], &common::assessment(Lang::En, 10, 2), "v", "m")
        .await
        .unwrap();
    let retried = s.load_reading(ids[2]).await.unwrap();
    assert_eq!(
        (retried.status, retried.error),
        (ReadingStatus::Scored, None)
    );
    assert!(matches!(
        s.mark_failed(ReadingId(77), "x").await.unwrap_err(),
        StoreError::ReadingNotFound { .. }
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_writers_queue_instead_of_failing() {
    let t = common::open().await;
    let s = t.store.clone();
    let (class, _) = common::seeded(&s).await;
    let mut tasks = Vec::new();
    for task in 0..2 {
        let s = s.clone();
        let student = s
            .create_student(
                class.id,
                &format!("Writer {task}"),
                2,
                leo_store::Languages::En,
            )
            .await
            .unwrap();
        tasks.push(tokio::spawn(async move {
            for i in 0..50 {
                let wav = common::write_wav(&s, &format!("recordings/{task}/{i}.wav"), 10);
                let id = s.begin_reading(student.id, "en-01", &wav).await?;
                s.save_assessment(id, &common::assessment(Lang::En, 120, i), "v", "m")
                    .await?;
                // Reads in between the writes of the other task.
                s.student_trend(student.id, Lang::En).await?;
            }
            Ok::<_, StoreError>(student.id)
        }));
    }
    for task in tasks {
        let student = task.await.unwrap().expect("no error reaches the caller");
        let readings = s.student_readings(student, Some(Lang::En)).await.unwrap();
        assert_eq!(readings.len(), 50);
        assert!(readings.iter().all(|r| r.status == ReadingStatus::Scored));
    }
}

#[tokio::test]
async fn overriding_a_word_recounts_and_is_audited() {
    let t = common::open().await;
    let s = &t.store;
    let (_, ana) = common::seeded(s).await;
    let wav = common::write_wav(s, "recordings/o.wav", 10);
    let id = s.begin_reading(ana.id, "en-01", &wav).await.unwrap();
    let a = common::assessment(Lang::En, 60, 3);
    s.save_assessment(id, &a, "v", "m").await.unwrap();

    let target = a
        .words
        .iter()
        .find(|w| w.status == WordStatus::Substitution)
        .unwrap()
        .index;
    let updated = s
        .override_word(id, target, WordStatus::Correct, "Ms. García")
        .await
        .unwrap();
    assert_eq!(updated.words_correct, a.words_correct + 1);
    assert!(updated.wcpm > a.wcpm);
    assert!(updated.accuracy > a.accuracy);
    let mut expected = a.clone();
    expected.words[target].status = WordStatus::Correct;
    expected.recount();
    assert_eq!(updated, expected);
    assert_eq!(
        s.load_reading(id).await.unwrap().assessment,
        Some(updated.clone())
    );

    let audit = s.overrides_for(id).await.unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].word_index, target);
    assert_eq!(audit[0].old_status, WordStatus::Substitution);
    assert_eq!(audit[0].new_status, WordStatus::Correct);
    assert_eq!(audit[0].changed_by, "Ms. García");

    // No change, no audit row.
    s.override_word(id, target, WordStatus::Correct, "x")
        .await
        .unwrap();
    assert_eq!(s.overrides_for(id).await.unwrap().len(), 1);
    assert!(matches!(
        s.override_word(id, 60, WordStatus::Correct, "x")
            .await
            .unwrap_err(),
        StoreError::NoSuchWord {
            index: 60,
            words: 60,
            ..
        }
    ));
    let wav = common::write_wav(s, "recordings/p.wav", 10);
    let pending = s.begin_reading(ana.id, "en-01", &wav).await.unwrap();
    assert!(matches!(
        s.override_word(pending, 0, WordStatus::Correct, "x")
            .await
            .unwrap_err(),
        StoreError::NotScored { .. }
    ));
}

#[tokio::test]
async fn overview_and_trend_report_the_latest_readings_per_language() {
    let t = common::open().await;
    let s = &t.store;
    let (class, ana) = common::seeded(s).await;
    let beto = s
        .create_student(class.id, "Beto", 3, leo_store::Languages::En)
        .await
        .unwrap();
    let mut expected_wcpm = Vec::new();
    for day in 1..=12u32 {
        let wav = common::write_wav(s, &format!("recordings/{day}.wav"), 10);
        let id = s
            .begin_reading_at(ana.id, "en-01", &wav, common::at(2025, 2, day))
            .await
            .unwrap();
        let mut a = common::assessment(Lang::En, 40, u64::from(day));
        a.reading_time_s = 30.0 + f64::from(day);
        a.recount();
        expected_wcpm.push(a.wcpm);
        s.save_assessment(id, &a, "v", "m").await.unwrap();
    }
    // Unscored and Spanish readings stay out of the English figures.
    let wav = common::write_wav(s, "recordings/es.wav", 10);
    let es = s
        .begin_reading_at(ana.id, "es-01", &wav, common::at(2025, 3, 1))
        .await
        .unwrap();
    let es_assessment = common::assessment(Lang::Es, 30, 99);
    s.save_assessment(es, &es_assessment, "v", "m")
        .await
        .unwrap();
    s.begin_reading_at(ana.id, "en-01", &wav, common::at(2025, 3, 2))
        .await
        .unwrap();

    let overview = s.class_overview(class.id).await.unwrap();
    let names: Vec<&str> = overview.iter().map(|o| o.student.name.as_str()).collect();
    assert_eq!(names, ["Ana", "Beto"]);
    let en = overview[0]
        .langs
        .iter()
        .find(|l| l.lang == Lang::En)
        .unwrap();
    assert_eq!(en.scored_readings, 12);
    assert_eq!(en.recent_wcpm, expected_wcpm[2..]);
    assert_eq!(en.last_wcpm, expected_wcpm.last().copied());
    assert_eq!(en.last_read_at, Some(common::at(2025, 2, 12)));
    let es_line = overview[0]
        .langs
        .iter()
        .find(|l| l.lang == Lang::Es)
        .unwrap();
    assert_eq!(es_line.last_wcpm, Some(es_assessment.wcpm));
    assert_eq!(es_line.last_accuracy, Some(es_assessment.accuracy));
    assert_eq!(overview[1].student.id, beto.id);
    assert_eq!(overview[1].langs.len(), 1);
    assert_eq!(overview[1].langs[0].last_wcpm, None);

    let trend = s.student_trend(ana.id, Lang::En).await.unwrap();
    assert_eq!(trend.points.len(), 12);
    let wcpm: Vec<f64> = trend.points.iter().map(|p| p.wcpm).collect();
    assert_eq!(wcpm, expected_wcpm);
    assert!(trend.points.iter().all(|p| p.passage_level == 2));
    let first = common::assessment(Lang::En, 40, 1);
    let subs = first
        .words
        .iter()
        .filter(|w| w.status == WordStatus::Substitution)
        .count();
    assert_eq!(trend.points[0].errors.substitutions as usize, subs);
    assert_eq!(trend.points[0].errors.insertions, 2);
    assert_eq!(trend.points[0].errors.repetitions, 1);
    let total_omissions: u32 = trend.points.iter().map(|p| p.errors.omissions).sum();
    assert_eq!(trend.totals.omissions, total_omissions);
    assert_eq!(trend.totals.insertions, 24);

    // A correction shows up in the trend.
    let before = trend.points[0].errors;
    let w = first
        .words
        .iter()
        .find(|w| w.status == WordStatus::Omission)
        .unwrap();
    s.override_word(
        trend.points[0].reading_id,
        w.index,
        WordStatus::Correct,
        "t",
    )
    .await
    .unwrap();
    let after = s.student_trend(ana.id, Lang::En).await.unwrap().points[0].errors;
    assert_eq!(after.omissions + 1, before.omissions);
}

#[tokio::test]
async fn a_live_recording_left_unfinished_is_marked_interrupted_at_the_next_start() {
    let t = common::open().await;
    let s = &t.store;
    let (_, ana) = common::seeded(s).await;
    let finished_wav = common::write_wav(s, "recordings/finished.wav", 10);
    let cut_wav = common::write_wav(s, "recordings/cut.wav", 10);
    let imported_wav = common::write_wav(s, "recordings/imported.wav", 10);
    let finished = s
        .begin_live_reading(ana.id, "en-01", &finished_wav)
        .await
        .unwrap();
    let cut = s
        .begin_live_reading(ana.id, "en-01", &cut_wav)
        .await
        .unwrap();
    let imported = s
        .begin_reading(ana.id, "en-01", &imported_wav)
        .await
        .unwrap();
    s.finish_recording(finished).await.unwrap();

    // The app starts again while `cut` was still recording.
    assert_eq!(s.mark_interrupted_recordings().await.unwrap(), 1);
    assert_eq!(
        s.mark_interrupted_recordings().await.unwrap(),
        0,
        "only once"
    );
    // Finishing afterwards does not undo what the crash did.
    s.finish_recording(cut).await.unwrap();

    let interrupted: Vec<_> = s
        .student_readings(ana.id, None)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.id, r.interrupted))
        .collect();
    assert_eq!(
        interrupted,
        [(finished, false), (cut, true), (imported, false)]
    );
    assert!(s.load_reading(cut).await.unwrap().interrupted);
    assert!(!s.load_reading(finished).await.unwrap().interrupted);
}
