//! The app is killed (kill -9) while a student reads. What was recorded up to about a second
//! before is on disk as a readable WAV, the reading is in the database, and when the app
//! starts again the reading is listed for the teacher (scored from what was kept).

use std::process::Command;
use std::time::Duration;

use leo_e2e::{
    Driver, Screen, VirtualMic, app_binary, artifacts_dir, reading_env, seed_classroom, speak_at,
    unlock_teacher,
};

/// Seconds of reading recorded before the kill.
const READ_BEFORE_KILL_S: f64 = 6.0;

fn shown_seconds(clock: &str) -> f64 {
    let (m, s) = clock.trim().split_once(':').unwrap_or(("0", "0"));
    m.parse::<f64>().unwrap_or(0.0) * 60.0 + s.parse::<f64>().unwrap_or(0.0)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_recording_survives_the_app_being_killed() {
    let artifacts = artifacts_dir("crash");
    let screen = Screen::start();
    let mic = VirtualMic::start();
    let data = artifacts.join("data");
    seed_classroom(&data).await;
    let env = reading_env(&screen, &mic, &data);
    let driver = Driver::start(&env, &artifacts.join("driver.log"));
    let app_bin = app_binary();
    let app = driver.launch(&app_bin, &artifacts).await;

    app.click("class-1").await;
    app.click("student-1").await;
    let passage = app.text("passage-text").await;
    let wav = artifacts.join("spoken.wav");
    speak_at(&passage, "en-us", 140, &wav);
    let mut player = app.start_reading_aloud(&mic, &wav).await;
    // Counted in recorded audio (the timer shows samples written), not wall time.
    let start = std::time::Instant::now();
    while shown_seconds(&app.text("recording-timer").await) < READ_BEFORE_KILL_S {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the recording never reached {READ_BEFORE_KILL_S} s"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.screenshot("before-kill").await;
    let killed = Command::new("pkill")
        .args(["-KILL", "-f", &app_bin.display().to_string()])
        .status()
        .expect("pkill");
    assert!(killed.success(), "the app was not running");
    let _ = player.kill();
    let _ = player.wait();
    // The dead session cannot be closed cleanly; drop it.
    drop(app);

    // On disk: one reading, its WAV readable, holding what was read up to the last second.
    let recordings: Vec<_> = std::fs::read_dir(data.join("recordings/student-1"))
        .expect("the recordings folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "wav"))
        .collect();
    assert_eq!(recordings.len(), 1, "recordings: {recordings:?}");
    let reader = hound::WavReader::open(&recordings[0]).expect("the partial WAV opens");
    let kept_s = f64::from(reader.duration()) / f64::from(reader.spec().sample_rate);
    println!("kept {kept_s:.2} s of {READ_BEFORE_KILL_S} s shown before the kill");
    assert!(
        kept_s >= READ_BEFORE_KILL_S - 1.0,
        "only {kept_s:.2} s of the recording survived"
    );

    // The app starts again: the reading is listed, marked as cut short, and gets scored.
    let app = driver.launch(&app_bin, &artifacts).await;
    app.wait("class-1").await;
    unlock_teacher(&app).await;
    app.click("open-class-1").await;
    app.click("open-student-1").await;
    app.wait("reading-row-1").await;
    app.screenshot("after-restart").await;
    let row = app.text("reading-row-1").await;
    assert!(
        row.contains("Partial"),
        "the interrupted reading is not marked partial: {row:?}"
    );
    app.close().await;
    drop(driver);
}
