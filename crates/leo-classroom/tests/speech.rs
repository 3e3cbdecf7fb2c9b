//! One reading scored on the real speech model (LEO_MODELS_DIR), from a recording cut off by
//! a crash: the interrupted WAV is scored, the level moves, the views show it.

mod support;

use std::path::PathBuf;
use std::process::Command;

use leo_classroom::{Classroom, ScoreStage};
use leo_store::{Languages, ReadingStatus};
use leo_text::Lang;

fn models_dir() -> PathBuf {
    std::env::var_os("LEO_MODELS_DIR")
        .expect("LEO_MODELS_DIR is not set: run the tests with `make test`")
        .into()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interrupted_recording_of_real_speech_is_scored_and_levels_the_student() {
    let dir = tempfile::tempdir().unwrap();
    let c = Classroom::open(&dir.path().join("data"), &models_dir())
        .await
        .unwrap();
    assert!(c.model_ready(Lang::En));
    let class = c.store().create_class("2A").await.unwrap();
    let (leo, _) = c
        .add_student(class.id, "Leo", 2, Languages::En)
        .await
        .unwrap();
    let passage = support::passage_at(&c, Lang::En, 3).await;

    let pending = c.begin_recording(leo.id, &passage.id).await.unwrap();
    // The recorder's stand-in: synthetic speech written where the reading's file is, then the
    // header left as a crash leaves it (sizes never filled in).
    let spoken = dir.path().join("spoken.wav");
    let ok = Command::new("espeak-ng")
        .args(["-v", "en-us", "-s", "140", "-w"])
        .arg(&spoken)
        .arg(&passage.text)
        .status()
        .expect("espeak-ng is needed (make test installs it)")
        .success();
    assert!(ok, "espeak-ng failed");
    let audio = leo_audio::load_wav(&spoken).unwrap();
    leo_audio::write_wav_16k(&pending.wav_path, &audio.samples).unwrap();
    let mut bytes = std::fs::read(&pending.wav_path).unwrap();
    bytes[4..8].copy_from_slice(&0u32.to_le_bytes());
    bytes[40..44].copy_from_slice(&0u32.to_le_bytes());
    std::fs::write(&pending.wav_path, bytes).unwrap();
    assert!(leo_classroom::is_unfinished(&pending.wav_path));

    let stages = std::sync::Mutex::new(Vec::new());
    let scored = c
        .score_reading(pending.reading_id, |s| stages.lock().unwrap().push(s))
        .await
        .unwrap();
    assert_eq!(
        *stages.lock().unwrap(),
        [ScoreStage::Listening, ScoreStage::Scoring, ScoreStage::Done]
    );
    assert!(scored.unfinished_recording);
    assert!(
        scored.assessment.accuracy > 0.8,
        "clear synthetic speech: {:?}",
        scored.assessment.accuracy
    );
    assert_eq!(scored.decision.previous_level, 3);

    let view = c.reading_view(pending.reading_id).await.unwrap();
    assert_eq!(view.reading.status, ReadingStatus::Scored);
    assert!(view.stars.is_some());
    assert_eq!(view.level_after, Some(scored.decision.new_level));
    assert_eq!(view.level_before, Some(3));
    assert!(view.next.is_some());
    let page = c.student_page(leo.id, Lang::En).await.unwrap();
    assert_eq!(page.points.len(), 1);
    assert_eq!(
        page.norm.len(),
        3,
        "the reading's date and two weeks either side"
    );
    assert!(c.unscored_readings().await.unwrap().is_empty());
    c.close().await;
}
