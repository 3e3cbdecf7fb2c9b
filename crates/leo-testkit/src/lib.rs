//! Test support shared by Leo's crates.
//!
//! * [`VirtualMic`]: a private PulseAudio server whose default source is the monitor of a null
//!   sink, so whatever [`VirtualMic::play`] plays comes out of the "microphone". ALSA's
//!   `default` device reaches it through Debian's pulse plugin (`libasound2-plugins`).
//! * [`speak`]: synthesises a sentence to a WAV file with espeak-ng.
//! * [`run_test_in_child`]: re-runs one test of the current test binary in a child process with
//!   extra environment variables. Audio libraries read `XDG_RUNTIME_DIR` and friends from the
//!   process environment, and changing the environment of a running (multi-threaded) test
//!   process is unsound, so tests that need a different environment run in a child instead.
//!
//! Debian packages needed: `pulseaudio pulseaudio-utils libasound2-plugins alsa-utils
//! espeak-ng`. Every helper panics with the name of the missing package rather than skipping.

mod child;
mod speech;
pub mod virtual_mic;

pub use child::{CHILD_MARKER, is_child_run, run_test_in_child};
pub use speech::{ESPEAK_DEFAULT_WPM, speak, speak_at};
pub use virtual_mic::VirtualMic;

use std::path::PathBuf;

/// Finds `program` on `PATH`, or panics naming the Debian package that provides it.
pub fn require_program(program: &str, debian_package: &str) -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
        .unwrap_or_else(|| {
            panic!(
                "`{program}` is not installed; this test needs the Debian package \
                 `{debian_package}` (apt-get install {debian_package})"
            )
        })
}
