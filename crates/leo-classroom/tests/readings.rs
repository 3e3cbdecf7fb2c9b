//! Registering, cancelling and failing to score readings, on a real SQLite file. None of
//! these tests runs the recogniser: every failure here comes before a model is needed.

mod support;

use leo_classroom::{ClassroomError, ScoreFailure, ScoreStage};
use leo_store::{ReadingStatus, StoreError};
use leo_text::Lang;

#[tokio::test]
async fn begin_recording_registers_a_recorded_reading_and_its_file_in_the_data_folder() {
    let t = support::open().await;
    let c = &t.classroom;
    let (_, ana, _) = support::class_with_students(c).await;
    let passage = support::passage_at(c, Lang::En, 3).await;

    let pending = c.begin_recording(ana.id, &passage.id).await.unwrap();
    assert!(pending.wav_path.is_absolute(), "{:?}", pending.wav_path);
    assert!(pending.wav_path.starts_with(t.data_dir()));
    assert!(
        pending.wav_path.is_file(),
        "created before the first sample"
    );
    assert_eq!(t.data_dir().join(&pending.audio_rel), pending.wav_path);
    assert!(
        pending
            .audio_rel
            .starts_with(&format!("recordings/student-{}/", ana.id)),
        "{}",
        pending.audio_rel
    );

    let reading = c.store().load_reading(pending.reading_id).await.unwrap();
    assert_eq!(reading.status, ReadingStatus::Recorded);
    assert_eq!(
        reading.audio_path.as_deref(),
        Some(pending.audio_rel.as_str())
    );
    let queue = c.unscored_readings().await.unwrap();
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].id, pending.reading_id);

    // Two readings started at once get files of their own.
    let second = c.begin_recording(ana.id, &passage.id).await.unwrap();
    assert_ne!(second.wav_path, pending.wav_path);
}

#[tokio::test]
async fn a_passage_in_a_language_the_student_does_not_read_is_refused() {
    let t = support::open().await;
    let c = &t.classroom;
    let (_, ana, _) = support::class_with_students(c).await;
    let spanish = support::passage_at(c, Lang::Es, 3).await;
    let err = c.begin_recording(ana.id, &spanish.id).await.unwrap_err();
    assert!(
        matches!(err, ClassroomError::LanguageNotRead { .. }),
        "{err}"
    );
    assert!(err.to_string().contains("reads only in English"), "{err}");
    assert!(c.unscored_readings().await.unwrap().is_empty());
}

#[tokio::test]
async fn discarding_a_reading_removes_the_row_and_the_file() {
    let t = support::open().await;
    let c = &t.classroom;
    let (_, ana, _) = support::class_with_students(c).await;
    let passage = support::passage_at(c, Lang::En, 3).await;
    let pending = c.begin_recording(ana.id, &passage.id).await.unwrap();
    support::tone_wav(&pending.wav_path, 2.0);

    c.discard_reading(pending.reading_id).await.unwrap();
    assert!(!pending.wav_path.exists());
    assert!(matches!(
        c.store().load_reading(pending.reading_id).await,
        Err(StoreError::ReadingNotFound { .. })
    ));
    assert!(c.unscored_readings().await.unwrap().is_empty());

    // A scored reading is part of the record: not discarded.
    let a = support::assessment(&passage, 30.0, 1);
    let scored = support::scored_reading(c, &ana, &passage, &a).await;
    let err = c.discard_reading(scored).await.unwrap_err();
    assert!(matches!(err, ClassroomError::AlreadyScored { .. }), "{err}");
}

/// Scores a reading that must fail; checks it is marked failed, keeps its row and file.
async fn fails_and_keeps(
    c: &leo_classroom::Classroom,
    reading: leo_store::ReadingId,
) -> ScoreFailure {
    let stages = std::sync::Mutex::new(Vec::new());
    let err = c
        .score_reading(reading, |s| stages.lock().unwrap().push(s))
        .await
        .unwrap_err();
    assert!(!stages.lock().unwrap().contains(&ScoreStage::Done));
    let message = err.to_string();
    let ClassroomError::ScoringFailed {
        reading: failed,
        recording,
        cause,
    } = err
    else {
        panic!("not a scoring failure: {message}");
    };
    assert_eq!(failed, reading);
    assert!(message.contains("recording is kept"), "{message}");
    let stored = c.store().load_reading(reading).await.unwrap();
    assert_eq!(stored.status, ReadingStatus::Failed);
    assert_eq!(stored.audio_path.as_deref(), Some(recording.as_str()));
    assert!(stored.error.is_some());
    // Still in the queue for a retry.
    assert!(
        c.unscored_readings()
            .await
            .unwrap()
            .iter()
            .any(|r| r.id == reading)
    );
    *cause
}

#[tokio::test]
async fn a_missing_or_damaged_recording_marks_the_reading_failed_and_keeps_it() {
    let t = support::open().await;
    let c = &t.classroom;
    let (_, ana, _) = support::class_with_students(c).await;
    let passage = support::passage_at(c, Lang::En, 3).await;

    let missing = c.begin_recording(ana.id, &passage.id).await.unwrap();
    std::fs::remove_file(&missing.wav_path).unwrap();
    let cause = fails_and_keeps(c, missing.reading_id).await;
    assert!(matches!(cause, ScoreFailure::Audio(_)), "{cause}");

    let corrupt = c.begin_recording(ana.id, &passage.id).await.unwrap();
    std::fs::write(&corrupt.wav_path, b"RIFF\x10\0\0\0WAVEjunkjunkjunkjunk").unwrap();
    let cause = fails_and_keeps(c, corrupt.reading_id).await;
    assert!(matches!(cause, ScoreFailure::Audio(_)), "{cause}");
    assert!(corrupt.wav_path.is_file(), "the damaged file is kept");
}

#[tokio::test]
async fn an_empty_or_too_short_recording_says_there_is_no_reading() {
    let t = support::open().await;
    let c = &t.classroom;
    let (_, ana, _) = support::class_with_students(c).await;
    let passage = support::passage_at(c, Lang::En, 3).await;

    // Stopped before the recorder wrote anything.
    let empty = c.begin_recording(ana.id, &passage.id).await.unwrap();
    let cause = fails_and_keeps(c, empty.reading_id).await;
    assert!(cause.is_no_audio(), "{cause}");
    assert!(cause.to_string().contains("no audio"), "{cause}");

    let short = c.begin_recording(ana.id, &passage.id).await.unwrap();
    support::tone_wav(&short.wav_path, 0.4);
    let cause = fails_and_keeps(c, short.reading_id).await;
    assert!(matches!(cause, ScoreFailure::TooShort { .. }), "{cause}");
    assert!(cause.is_no_audio());
}

#[tokio::test]
async fn a_missing_model_fails_with_the_models_name_and_keeps_the_reading() {
    let t = support::open().await;
    let c = &t.classroom;
    assert!(!c.model_ready(Lang::En));
    let (_, ana, _) = support::class_with_students(c).await;
    let passage = support::passage_at(c, Lang::En, 3).await;
    let pending = c.begin_recording(ana.id, &passage.id).await.unwrap();
    support::tone_wav(&pending.wav_path, 2.0);
    let cause = fails_and_keeps(c, pending.reading_id).await;
    assert!(matches!(cause, ScoreFailure::ModelMissing(_)), "{cause}");
    assert!(cause.to_string().contains("tiny.en"), "{cause}");
    assert!(!cause.is_no_audio());
}

#[tokio::test]
async fn importing_a_file_that_is_not_audio_saves_nothing() {
    let t = support::open().await;
    let c = &t.classroom;
    let (_, ana, _) = support::class_with_students(c).await;
    let passage = support::passage_at(c, Lang::En, 3).await;
    let not_wav = t.dir.path().join("notes.txt");
    std::fs::write(&not_wav, "not a recording").unwrap();
    let err = c
        .import_recording(ana.id, &passage.id, &not_wav)
        .await
        .unwrap_err();
    assert!(matches!(err, ClassroomError::Audio(_)), "{err}");
    assert!(c.unscored_readings().await.unwrap().is_empty());

    let wav = t.dir.path().join("reading.wav");
    support::tone_wav(&wav, 1.5);
    let pending = c.import_recording(ana.id, &passage.id, &wav).await.unwrap();
    assert!(pending.wav_path.starts_with(t.data_dir()));
    let copied = leo_audio::load_wav(&pending.wav_path).unwrap();
    assert_eq!(copied.samples.len(), 24_000);
}

/// The desktop shell spawns these futures on a multi-threaded runtime.
#[test]
fn the_async_api_can_run_on_any_thread() {
    fn send<T: Send>(_: &T) {}
    fn sync<T: Send + Sync>() {}
    sync::<leo_classroom::Classroom>();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let t = rt.block_on(support::open());
    let c = &t.classroom;
    send(&c.score_reading(leo_store::ReadingId(1), |_| {}));
    send(&c.begin_recording(leo_store::StudentId(1), "x"));
    send(&c.student_page(leo_store::StudentId(1), Lang::En));
    send(&c.reading_view(leo_store::ReadingId(1)));
    send(&c.next_passage(leo_store::StudentId(1), Lang::En));
}
