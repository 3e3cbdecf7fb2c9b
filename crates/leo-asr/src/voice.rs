//! The voice profile of a reading: the recogniser's encoder output, averaged over the frames
//! that hold the reading's audio, with its spread. The encoder's representation carries how
//! clearly and how natively the words were spoken, beyond which words they were; the
//! utterance models read it (see `docs/scoring.md`, "Voice profile").
//!
//! Reading it costs a copy: the encoder has already run for recognition and forcing.

#![allow(unsafe_code)]

use whisper_rs::whisper_rs_sys::{self, whisper_state};

use crate::error::AsrError;

/// One encoder frame covers 20 ms of audio.
const FRAME_S: f64 = 0.02;

/// Running sums over encoder frames, chunk after chunk.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct VoiceProfile {
    width: usize,
    frames: usize,
    sum: Vec<f64>,
    sum_sq: Vec<f64>,
}

impl VoiceProfile {
    /// `width`: floats per encoder frame (the model's audio state size).
    pub fn new(width: usize) -> VoiceProfile {
        VoiceProfile {
            width,
            frames: 0,
            sum: vec![0.0; width],
            sum_sq: vec![0.0; width],
        }
    }

    /// Adds the frames of the state's last encoding that hold `audio_s` seconds of audio (the
    /// rest of the 30 s window is padding).
    ///
    /// `state` must be the live state the encoder last ran on, with no other use of it during
    /// the call.
    pub fn add_last_encoding(
        &mut self,
        state: *mut whisper_state,
        window_frames: usize,
        audio_s: f64,
    ) -> Result<(), AsrError> {
        if state.is_null() {
            return Err(AsrError::Decode(
                "the encoder output was asked for before any encoder run".into(),
            ));
        }
        let mut buffer = vec![0.0f32; window_frames * self.width];
        let len = i32::try_from(buffer.len())
            .map_err(|_| AsrError::Decode("encoder output too large".into()))?;
        // SAFETY: `state` is the worker's state, alive and not in use elsewhere (the caller
        // holds it mutably); the function writes at most `len` floats into `buffer`.
        let frames = unsafe {
            whisper_rs_sys::whisper_get_encoder_output_from_state(state, buffer.as_mut_ptr(), len)
        };
        if frames <= 0 {
            return Err(AsrError::Decode(format!(
                "reading the encoder output failed ({frames})"
            )));
        }
        let frames = frames as usize;
        let used = ((audio_s / FRAME_S).ceil() as usize).clamp(1, frames);
        self.add_frames(&buffer[..used * self.width]);
        Ok(())
    }

    /// Adds frames laid out one after another, `width` floats each.
    fn add_frames(&mut self, frames: &[f32]) {
        for frame in frames.chunks_exact(self.width) {
            for (j, &v) in frame.iter().enumerate() {
                let v = v as f64;
                self.sum[j] += v;
                self.sum_sq[j] += v * v;
            }
            self.frames += 1;
        }
    }

    /// Mean of every dimension over all frames, then its standard deviation; `None` when no
    /// frame was added.
    pub fn finish(&self) -> Option<Vec<f32>> {
        if self.frames == 0 {
            return None;
        }
        let n = self.frames as f64;
        let mean = self.sum.iter().map(|s| s / n);
        let std = self
            .sum
            .iter()
            .zip(&self.sum_sq)
            .map(|(s, q)| (q / n - (s / n).powi(2)).max(0.0).sqrt());
        Some(mean.chain(std).map(|v| v as f32).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_is_the_mean_then_the_spread_of_every_dimension_across_chunks() {
        let mut p = VoiceProfile::new(2);
        assert_eq!(p.finish(), None);
        p.add_frames(&[1.0, 10.0, 3.0, 10.0]);
        p.add_frames(&[5.0, 10.0]);
        let out = p.finish().unwrap();
        assert_eq!(out.len(), 4);
        assert!((out[0] - 3.0).abs() < 1e-6);
        assert!((out[1] - 10.0).abs() < 1e-6);
        assert!((out[2] - (8.0f32 / 3.0).sqrt()).abs() < 1e-5);
        assert!(out[3].abs() < 1e-6);
    }

    #[test]
    fn a_null_state_is_an_error_not_a_crash() {
        let mut p = VoiceProfile::new(4);
        assert!(
            p.add_last_encoding(std::ptr::null_mut(), 1500, 3.0)
                .is_err()
        );
        assert_eq!(p.finish(), None);
    }
}
