//! Synthetic speech for tests that need a real voice signal.

use std::path::Path;
use std::process::Command;

use crate::require_program;

/// espeak-ng's own speaking rate, in words per minute.
pub const ESPEAK_DEFAULT_WPM: u32 = 175;

/// Speaks `text` with espeak-ng's `voice` (e.g. `"en-us"`, `"es"`) at its default rate into
/// the WAV file `out_wav` (espeak-ng writes 22050 Hz mono 16-bit PCM). Panics with the reason
/// if espeak-ng is missing or fails.
pub fn speak(text: &str, voice: &str, out_wav: &Path) {
    speak_at(text, voice, ESPEAK_DEFAULT_WPM, out_wav);
}

/// As [`speak`], at `words_per_minute` (children read slower than espeak-ng's default).
pub fn speak_at(text: &str, voice: &str, words_per_minute: u32, out_wav: &Path) {
    let espeak = require_program("espeak-ng", "espeak-ng");
    let output = Command::new(espeak)
        .args(["-v", voice, "-s", &words_per_minute.to_string(), "-w"])
        .arg(out_wav)
        .arg(text)
        .output()
        .expect("cannot run espeak-ng");
    assert!(
        output.status.success(),
        "espeak-ng failed ({}): {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
}
