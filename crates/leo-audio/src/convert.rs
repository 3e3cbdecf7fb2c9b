//! Downmixing and resampling to 16 kHz mono, in one go or incrementally.

use std::fmt;

use rubato::{FftFixedInOut, Resampler};

use crate::{AudioError, Input, MAX_INPUT_RATE, MIN_INPUT_RATE, TARGET_RATE};

/// Aim for about this many input frames per FFT block. The anti-aliasing filter is as long as
/// a block, so longer blocks give a sharper filter; shorter blocks keep live (microphone)
/// latency low. 1024 frames is ~21 ms at 48 kHz, with a filter cutting off at ~7.7 kHz.
const BLOCK_FRAMES: usize = 1024;

/// Checks a channel count and sample rate, returning a user-facing reason if unusable.
pub(crate) fn check_layout(channels: u16, rate: u32) -> Result<(), String> {
    if channels == 0 {
        return Err("it declares zero audio channels".to_owned());
    }
    if !(MIN_INPUT_RATE..=MAX_INPUT_RATE).contains(&rate) {
        return Err(format!(
            "sample rate {rate} Hz; supported rates are {MIN_INPUT_RATE} to {MAX_INPUT_RATE} Hz"
        ));
    }
    Ok(())
}

/// Number of 16 kHz samples that `frames` input frames at `rate` turn into, rounded to nearest.
pub(crate) fn output_len(frames: u64, rate: u32) -> u64 {
    let rate = u64::from(rate.max(1));
    (frames * u64::from(TARGET_RATE) + rate / 2) / rate
}

/// Converts a complete block of interleaved samples to 16 kHz mono.
///
/// The output has exactly `round(frames * 16000 / rate)` samples, aligned so that input time
/// `t` maps to output time `t`. Do not call this on successive pieces of one stream: each call
/// treats its input as a whole recording, so the joins would get small glitches and rounding
/// drift. Use [`StreamConverter`] for that; it gives bit-identical output to this function.
pub fn to_mono_16k(interleaved: &[f32], channels: u16, rate: u32) -> Result<Vec<f32>, AudioError> {
    let mut converter = StreamConverter::new(channels, rate)?;
    // (`is_multiple_of` would need Rust 1.87; the workspace targets 1.85.)
    let leftover = interleaved.len() % usize::from(channels);
    if leftover != 0 {
        return Err(AudioError::Unsupported {
            input: Input::Stream,
            detail: format!(
                "{} samples do not make whole {channels}-channel frames",
                interleaved.len()
            ),
        });
    }
    let frames = (interleaved.len() / usize::from(channels)) as u64;
    let mut out = Vec::with_capacity(usize::try_from(output_len(frames, rate)).unwrap_or(0));
    converter.push(interleaved, &mut out)?;
    converter.finish(&mut out)?;
    Ok(out)
}

/// Incremental downmix + resample to 16 kHz mono, for input that arrives in pieces (file
/// blocks, microphone callbacks). Pieces may have any length, even split frames; the
/// concatenated output equals [`to_mono_16k`] on the whole input.
pub struct StreamConverter {
    channels: usize,
    rate: u32,
    frames_in: u64,
    /// Samples of a frame split across two `push` calls.
    partial: Vec<f32>,
    /// `None` when the input is already at 16 kHz: then only the downmix is done, so
    /// 16 kHz mono input comes out bit for bit unchanged.
    fft: Option<FftStage>,
}

struct FftStage {
    resampler: FftFixedInOut<f32>,
    /// Mono input waiting for a full block.
    block: Vec<f32>,
    block_in: usize,
    out: Vec<Vec<f32>>,
    /// Output frames still to drop: the filter delays everything by this much, and dropping
    /// it is what keeps a click at 1.000 s at 1.000 s.
    skip: usize,
    emitted: u64,
}

impl fmt::Debug for StreamConverter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StreamConverter")
            .field("channels", &self.channels)
            .field("rate", &self.rate)
            .field("frames_in", &self.frames_in)
            .field("resampling", &self.fft.is_some())
            .finish()
    }
}

fn internal(what: impl fmt::Display) -> AudioError {
    AudioError::Internal(what.to_string())
}

fn gcd(mut a: usize, mut b: usize) -> usize {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Replaces NaN/infinity (seen in damaged float WAVs) by silence and clips to [-1, 1].
fn clean(x: f32) -> f32 {
    if x.is_finite() {
        x.clamp(-1.0, 1.0)
    } else {
        0.0
    }
}

fn downmix(frame: &[f32]) -> f32 {
    if let [only] = frame {
        return clean(*only);
    }
    frame.iter().map(|&x| clean(x)).sum::<f32>() / frame.len() as f32
}

impl FftStage {
    fn new(rate: u32) -> Result<Self, AudioError> {
        let (rate, target) = (rate as usize, TARGET_RATE as usize);
        // The FFT resampler works on blocks of `unit_in` input -> `unit_out` output frames.
        // An even number of units makes both block sizes even, so the filter's centre lies
        // exactly on a sample and its delay is exactly `block_out / 2` output frames.
        let unit_in = rate / gcd(rate, target);
        let units = BLOCK_FRAMES.div_ceil(unit_in).max(2).next_multiple_of(2);
        let block_in = units * unit_in;
        let resampler = FftFixedInOut::<f32>::new(rate, target, block_in, 1).map_err(internal)?;
        if resampler.input_frames_next() != block_in {
            return Err(internal("resampler chose an unexpected block size"));
        }
        let skip = resampler.output_delay();
        let out = resampler.output_buffer_allocate(true);
        Ok(FftStage {
            resampler,
            block: Vec::with_capacity(block_in),
            block_in,
            out,
            skip,
            emitted: 0,
        })
    }

    /// Resamples the (full) block and appends the result, dropping the delay and stopping
    /// at `limit` output frames if given.
    fn run_block(&mut self, out: &mut Vec<f32>, limit: Option<u64>) -> Result<(), AudioError> {
        let (_, produced) = self
            .resampler
            .process_into_buffer(&[&self.block], &mut self.out, None)
            .map_err(internal)?;
        self.block.clear();
        let fresh = self.out[0].get(..produced).unwrap_or_default();
        let dropped = self.skip.min(fresh.len());
        self.skip -= dropped;
        let mut fresh = &fresh[dropped..];
        if let Some(limit) = limit {
            let room = usize::try_from(limit.saturating_sub(self.emitted)).unwrap_or(usize::MAX);
            fresh = &fresh[..fresh.len().min(room)];
        }
        // Clamp again: the filter can ring slightly past full scale near clipped input.
        out.extend(fresh.iter().map(|&y| y.clamp(-1.0, 1.0)));
        self.emitted += fresh.len() as u64;
        Ok(())
    }
}

impl StreamConverter {
    /// Prepares a converter for interleaved input with `channels` channels at `rate` Hz.
    pub fn new(channels: u16, rate: u32) -> Result<Self, AudioError> {
        check_layout(channels, rate).map_err(|detail| AudioError::Unsupported {
            input: Input::Stream,
            detail,
        })?;
        let fft = if rate == TARGET_RATE {
            None
        } else {
            Some(FftStage::new(rate)?)
        };
        Ok(StreamConverter {
            channels: usize::from(channels),
            rate,
            frames_in: 0,
            partial: Vec::with_capacity(usize::from(channels)),
            fft,
        })
    }

    /// Input frames received so far (complete frames only).
    pub fn frames_in(&self) -> u64 {
        self.frames_in
    }

    /// Feeds interleaved samples; appends whatever 16 kHz output is ready to `out`.
    pub fn push(&mut self, interleaved: &[f32], out: &mut Vec<f32>) -> Result<(), AudioError> {
        let mut rest = interleaved;
        if !self.partial.is_empty() {
            let take = (self.channels - self.partial.len()).min(rest.len());
            self.partial.extend_from_slice(&rest[..take]);
            rest = &rest[take..];
            if self.partial.len() < self.channels {
                return Ok(());
            }
            let frame = std::mem::take(&mut self.partial);
            self.push_frames(&frame, out)?;
            self.partial = frame;
            self.partial.clear();
        }
        let whole = rest.len() - rest.len() % self.channels;
        self.push_frames(&rest[..whole], out)?;
        self.partial.extend_from_slice(&rest[whole..]);
        Ok(())
    }

    /// `frames` holds whole frames only.
    fn push_frames(&mut self, frames: &[f32], out: &mut Vec<f32>) -> Result<(), AudioError> {
        self.frames_in += (frames.len() / self.channels) as u64;
        let mono = frames.chunks_exact(self.channels).map(downmix);
        match &mut self.fft {
            None => out.extend(mono),
            Some(stage) => {
                for sample in mono {
                    stage.block.push(sample);
                    if stage.block.len() == stage.block_in {
                        // No limit yet: a full block never yields more than its share of
                        // output minus the delay, so it cannot overshoot the final length.
                        stage.run_block(out, None)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Ends the stream: flushes the resampler and appends the remaining output, so that the
    /// total equals `round(frames_in * 16000 / rate)`. An incomplete trailing frame is dropped.
    pub fn finish(mut self, out: &mut Vec<f32>) -> Result<(), AudioError> {
        let target = output_len(self.frames_in, self.rate);
        if let Some(stage) = &mut self.fft {
            // Zero-pad the last partial block, then push silence until the delayed tail is out.
            while stage.emitted < target {
                stage.block.resize(stage.block_in, 0.0);
                stage.run_block(out, Some(target))?;
            }
        }
        Ok(())
    }
}
