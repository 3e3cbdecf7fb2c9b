//! Input stage of the speech recogniser: turns WAV recordings of any common layout into the
//! 16 kHz mono `f32` samples that whisper expects.
//!
//! * [`load_wav`] / [`decode_wav`] read integer PCM (8/16/24/32-bit) and 32-bit float WAVs
//!   with any channel count and sample rate.
//! * [`to_mono_16k`] converts a block of interleaved samples in one go; [`StreamConverter`]
//!   does the same incrementally (microphone capture) and gives bit-identical output.
//! * [`write_wav_16k`] writes 16-bit PCM mono for tests and tools.
//!
//! Timing is preserved exactly: the resampler's delay is removed and the output is trimmed to
//! `round(frames * 16000 / rate)` samples, because word timings downstream are read straight
//! off sample indices.

mod convert;
mod error;
mod sniff;
mod wav;

pub use convert::{StreamConverter, to_mono_16k};
pub use error::{AudioError, Input};
pub use wav::{decode_wav, load_wav, write_wav_16k};

/// The sample rate the recogniser works at.
pub const TARGET_RATE: u32 = 16_000;

/// Lowest input rate accepted. Below 4 kHz (2 kHz bandwidth) speech is not intelligible, so
/// such a header is far more likely to be damaged than a real recording.
pub const MIN_INPUT_RATE: u32 = 4_000;

/// Highest input rate accepted (the top rate of studio interfaces). Also bounds the FFT size
/// the resampler may need for awkward rate ratios.
pub const MAX_INPUT_RATE: u32 = 384_000;

/// Mono audio samples in `[-1, 1]` at a known rate.
#[derive(Debug, Clone, PartialEq)]
pub struct Audio {
    pub samples: Vec<f32>,
    pub sample_rate: u32,
}

impl Audio {
    /// Length in seconds; 0 for a zero rate rather than infinity/NaN.
    pub fn duration_s(&self) -> f64 {
        if self.sample_rate == 0 {
            return 0.0;
        }
        self.samples.len() as f64 / f64::from(self.sample_rate)
    }
}
