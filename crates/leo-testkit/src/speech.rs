//! Synthetic speech for tests that need a real voice signal.

use std::path::Path;
use std::process::Command;

use crate::require_program;

/// Speaks `text` with espeak-ng's `voice` (e.g. `"en-us"`, `"es"`) into the WAV file `out_wav`
/// (espeak-ng writes 22050 Hz mono 16-bit PCM). Panics with the reason if espeak-ng is missing
/// or fails.
pub fn speak(text: &str, voice: &str, out_wav: &Path) {
    let espeak = require_program("espeak-ng", "espeak-ng");
    let output = Command::new(espeak)
        .args(["-v", voice, "-w"])
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
