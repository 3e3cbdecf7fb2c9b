//! The `leo` binary as a user runs it: output formats and error messages.

use std::path::Path;
use std::process::{Command, Output};

fn leo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_leo"))
        .args(args)
        .output()
        .unwrap()
}

fn models_dir() -> String {
    std::env::var("LEO_MODELS_DIR")
        .expect("LEO_MODELS_DIR is not set: run the tests with `make test`")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn speak(text: &str, out: &Path) {
    leo_testkit::speak_at(text, "en-gb", 150, out);
}

#[test]
fn transcribe_json_has_the_documented_fields() {
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("r.wav");
    speak("The little dog runs to the park.", &wav);
    let out = leo(&[
        "--models-dir",
        &models_dir(),
        "transcribe",
        wav.to_str().unwrap(),
        "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["language"], "en");
    assert!(v["duration_s"].as_f64().unwrap() > 1.0);
    assert!(v["text"].as_str().unwrap().to_lowercase().contains("dog"));
    let words = v["words"].as_array().unwrap();
    assert!(words.len() >= 6);
    for w in words {
        for key in ["text", "start", "end", "p"] {
            assert!(!w[key].is_null(), "word without {key}: {w}");
        }
    }
    let plain = leo(&[
        "--models-dir",
        &models_dir(),
        "transcribe",
        wav.to_str().unwrap(),
    ]);
    assert!(
        String::from_utf8_lossy(&plain.stdout)
            .to_lowercase()
            .contains("little dog")
    );
}

#[test]
fn a_corrupt_wav_is_a_clean_error() {
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("broken.wav");
    let mut bytes = b"RIFF\x24\x10\x00\x00WAVEfmt ".to_vec();
    bytes.extend([0x10, 0, 0, 0, 1, 0, 1, 0, 0x80, 0x3e, 0, 0]);
    std::fs::write(&wav, &bytes).unwrap();
    let out = leo(&[
        "--models-dir",
        &models_dir(),
        "transcribe",
        wav.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("error: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let junk = dir.path().join("junk.wav");
    std::fs::write(&junk, [7u8; 5000]).unwrap();
    let out = leo(&[
        "--models-dir",
        &models_dir(),
        "transcribe",
        junk.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not a WAV"), "{}", stderr(&out));
}

#[test]
fn a_missing_model_names_the_install_command() {
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("r.wav");
    speak("Hello there.", &wav);
    let out = leo(&[
        "--models-dir",
        dir.path().to_str().unwrap(),
        "transcribe",
        wav.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("leo models install tiny.en"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_unsupported_language_is_refused_with_the_choices() {
    let out = leo(&["transcribe", "x.wav", "--lang", "fr"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("fr") && err.contains("en") && err.contains("es"),
        "{err}"
    );
}

#[test]
fn empty_audio_is_reported_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("empty.wav");
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: 16_000,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    hound::WavWriter::create(&wav, spec)
        .unwrap()
        .finalize()
        .unwrap();
    let out = leo(&[
        "--models-dir",
        &models_dir(),
        "transcribe",
        wav.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).to_lowercase().contains("empty"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn silence_prints_no_words_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("quiet.wav");
    let spec = hound::WavSpec {
        channels: 2,
        sample_rate: 44_100,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut w = hound::WavWriter::create(&wav, spec).unwrap();
    for _ in 0..44_100 * 5 * 2 {
        w.write_sample(0i16).unwrap();
    }
    w.finalize().unwrap();
    let out = leo(&[
        "--models-dir",
        &models_dir(),
        "transcribe",
        wav.to_str().unwrap(),
        "--json",
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["words"].as_array().unwrap().len(), 0);
    assert_eq!(v["text"], "");
}

#[test]
fn models_list_shows_what_can_be_installed() {
    let dir = tempfile::tempdir().unwrap();
    let out = leo(&[
        "--models-dir",
        dir.path().to_str().unwrap(),
        "models",
        "list",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("(none)") && text.contains("tiny.en") && text.contains("base"),
        "{text}"
    );
}
