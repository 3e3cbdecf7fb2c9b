//! Microphone capture for Leo: records the default or a chosen input device into a 16 kHz mono
//! 16-bit WAV file (what the recogniser reads), with a level meter and a no-audio watchdog.
//!
//! ```no_run
//! use leo_capture::{CaptureEvent, Recorder, RecorderOptions};
//!
//! let recorder = Recorder::start(
//!     RecorderOptions { device_id: None, wav_path: "reading.wav".into() },
//!     |event: CaptureEvent| println!("{event:?}"),
//! )?;
//! // ... the student reads ...
//! let summary = recorder.stop()?;
//! println!("{} s recorded", summary.seconds);
//! # Ok::<(), leo_capture::CaptureError>(())
//! ```
//!
//! Three threads: the audio callback (cpal's) only copies samples into a lock-free ring; a
//! thread owns the cpal stream; a consumer thread drains the ring every 10 ms, converts,
//! writes the WAV, meters and runs the watchdog. All events come from the consumer thread, in
//! order.
//!
//! Events, in the order they can come:
//! * [`CaptureEvent::Waiting`] first, once the stream is open. Some systems deliver the first
//!   samples seconds later (ALSA through PulseAudio: 1.4–2 s), so the UI should say "get
//!   ready" rather than "speak now".
//! * [`CaptureEvent::Started`] when the first samples arrive. Nothing is discarded: samples
//!   are written from the very first one.
//! * [`CaptureEvent::Level`] 20 times per second of recorded audio.
//! * [`CaptureEvent::NoAudio`] when no samples arrived for 2 s (also right after opening),
//!   repeated every further second; [`CaptureEvent::Resumed`] when they come back (after a
//!   `NoAudio` sent before the first samples, `Started` plays that role).
//! * [`CaptureEvent::Failed`] when the device is lost or the file cannot be written. The
//!   recording stops there; what was written is kept and finalized by
//!   [`Recorder::stop`] (or by dropping the recorder).

mod devices;
mod error;
mod meter;
mod pipeline;
mod recorder;
mod stream;
mod watchdog;

use std::path::PathBuf;
use std::time::Duration;

pub use devices::{InputDevice, list_input_devices};
pub use error::CaptureError;
pub use pipeline::LEVELS_PER_SECOND;
pub use recorder::Recorder;

/// Sample rate of every recording.
pub const SAMPLE_RATE: u32 = leo_audio::TARGET_RATE;

/// How long without samples before [`CaptureEvent::NoAudio`] is sent.
pub const NO_AUDIO_AFTER: Duration = Duration::from_secs(2);

/// What to record from and where to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecorderOptions {
    /// An [`InputDevice::id`], or `None` for the system's default input.
    pub device_id: Option<String>,
    /// The WAV file to write; created (or replaced) before the first sample.
    pub wav_path: PathBuf,
}

/// Progress of a recording, sent to the callback given to [`Recorder::start`].
#[derive(Debug, Clone)]
pub enum CaptureEvent {
    /// The stream is open; no samples yet.
    Waiting,
    /// The first samples arrived (the recording timer may start).
    Started {
        device_name: String,
        /// The device's own rate and channel count (the file is always 16 kHz mono).
        sample_rate: u32,
        channels: u16,
    },
    /// Level of the last 50 ms of recorded audio, both in 0..1.
    Level {
        rms: f32,
        peak: f32,
        /// Position in the recording: 16 kHz samples written / 16000 (not wall time).
        seconds: f64,
    },
    /// No samples arrived for `seconds` (wall time).
    NoAudio { seconds: f64 },
    /// Samples arrive again after [`CaptureEvent::NoAudio`].
    Resumed,
    /// The recording cannot go on; what was recorded is kept.
    Failed(CaptureError),
}

/// What a finished recording holds.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordingSummary {
    pub path: PathBuf,
    /// 16 kHz samples in the file.
    pub samples_16k: u64,
    /// `samples_16k / 16000`.
    pub seconds: f64,
    /// Device frames lost because the ring was full (0 in normal operation).
    pub overflowed_frames: u64,
    /// Overruns the driver reported (samples lost before they reached Leo).
    pub xruns: u64,
    /// The device was lost during the recording ([`CaptureEvent::Failed`] was sent); the file
    /// holds what came before.
    pub device_lost: bool,
}
