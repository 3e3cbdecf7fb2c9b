//! Without any reachable audio server (and no sound card), opening the microphone fails at
//! once with `NoDevice`. Runs in a child process whose environment points PulseAudio clients
//! at an empty directory.

use std::ffi::OsString;
use std::time::{Duration, Instant};

use leo_capture::{CaptureError, Recorder, RecorderOptions};

const TEST: &str = "opening_fails_quickly_without_a_device";

#[test]
fn opening_fails_quickly_without_a_device() {
    if !leo_testkit::is_child_run(TEST) {
        let empty = tempfile::tempdir().unwrap();
        let mut server = OsString::from("unix:");
        server.push(empty.path().join("pulse/native"));
        let envs = vec![
            (
                "XDG_RUNTIME_DIR".to_owned(),
                empty.path().as_os_str().to_owned(),
            ),
            (
                "PULSE_RUNTIME_PATH".to_owned(),
                empty.path().join("pulse").into(),
            ),
            ("PULSE_SERVER".to_owned(), server),
        ];
        leo_testkit::run_test_in_child(TEST, &envs);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let wav_path = dir.path().join("never.wav");
    let began = Instant::now();
    let result = Recorder::start(
        RecorderOptions {
            device_id: None,
            wav_path: wav_path.clone(),
        },
        |event| panic!("no event expected, got {event:?}"),
    );
    let took = began.elapsed();
    println!("Recorder::start returned {result:?} after {took:?}");
    assert!(
        matches!(result, Err(CaptureError::NoDevice { .. })),
        "{result:?}"
    );
    assert!(took < Duration::from_secs(5), "took {took:?}");
    assert!(
        !wav_path.exists(),
        "no file is created when nothing can be recorded"
    );

    let unknown = Recorder::start(
        RecorderOptions {
            device_id: Some("alsa:no-such-device".to_owned()),
            wav_path,
        },
        |_| {},
    );
    assert!(
        matches!(unknown, Err(CaptureError::NoDevice { .. })),
        "{unknown:?}"
    );
}
