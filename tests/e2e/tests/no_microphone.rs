//! On a computer with no capture device (no sound card, no audio server), pressing Record
//! shows the no-microphone message at once: no hang, no endless "get ready", and no reading
//! left behind.

use std::time::Duration;

use leo_e2e::{Driver, Screen, app_binary, artifacts_dir, seed_classroom};

#[tokio::test(flavor = "multi_thread")]
async fn without_a_microphone_the_student_is_told_what_to_do() {
    let artifacts = artifacts_dir("no-microphone");
    let screen = Screen::start();
    let data = artifacts.join("data");
    seed_classroom(&data).await;
    // An audio runtime folder with no server in it: ALSA's pulse plugin finds nothing, and
    // this machine has no sound card behind ALSA.
    let no_server = tempfile::tempdir().expect("temp dir");
    let env = vec![
        ("DISPLAY".into(), screen.display().into()),
        ("XDG_RUNTIME_DIR".into(), no_server.path().into()),
        (
            "PULSE_SERVER".into(),
            "unix:/nonexistent/pulse/native".into(),
        ),
        ("LEO_DATA_DIR".into(), data.clone().into()),
        ("LANG".into(), "en_US.UTF-8".into()),
    ];
    let driver = Driver::start(&env, &artifacts.join("driver.log"));
    let app = driver.launch(&app_binary(), &artifacts).await;

    app.click("class-1").await;
    app.click("student-1").await;
    app.wait("passage-text").await;
    app.click("record-button").await;
    let message = app.wait_for("mic-error", Duration::from_secs(10)).await;
    let text = message.text().await.expect("message text");
    app.screenshot("no-microphone").await;
    assert!(
        text.to_lowercase().contains("microphone"),
        "the message does not speak of the microphone: {text:?}"
    );
    assert_eq!(
        app.attr("mic-error", "data-code").await.as_deref(),
        Some("noMicrophone")
    );
    assert!(app.is_shown("mic-retry").await, "no way to try again");
    app.close().await;
    drop(driver);

    // The failed start left no reading and no recording behind.
    let recordings = data.join("recordings");
    let files = walk(&recordings);
    assert!(files.is_empty(), "files left behind: {files:?}");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .flat_map(|e| {
            let p = e.path();
            if p.is_dir() { walk(&p) } else { vec![p] }
        })
        .collect()
}
