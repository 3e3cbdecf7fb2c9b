//! Signal generators and measurements shared by the integration tests.
#![allow(dead_code)] // each test binary uses a different subset

use std::f64::consts::TAU;
use std::path::Path;

use hound::{SampleFormat, WavSpec, WavWriter};

/// Small deterministic generator, so failures reproduce without a `rand` dependency.
pub struct XorShift(pub u64);

impl XorShift {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// Uniform in [lo, hi).
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo)
    }
    /// Uniform in [-1, 1).
    pub fn signed(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 23) as f32 - 1.0
    }
}

pub fn sine(freq: f64, rate: u32, frames: usize, amp: f64) -> Vec<f64> {
    (0..frames)
        .map(|i| amp * (TAU * freq * i as f64 / f64::from(rate)).sin())
        .collect()
}

pub fn spec(channels: u16, rate: u32, bits: u16, format: SampleFormat) -> WavSpec {
    WavSpec {
        channels,
        sample_rate: rate,
        bits_per_sample: bits,
        sample_format: format,
    }
}

/// Writes interleaved integer samples (already in the file's integer range).
pub fn write_int(path: &Path, spec: WavSpec, interleaved: &[i32]) {
    let mut w = WavWriter::create(path, spec).unwrap();
    for &s in interleaved {
        match spec.bits_per_sample {
            8 => w.write_sample(s as i8).unwrap(),
            16 => w.write_sample(s as i16).unwrap(),
            _ => w.write_sample(s).unwrap(),
        }
    }
    w.finalize().unwrap();
}

pub fn write_f32(path: &Path, spec: WavSpec, interleaved: &[f32]) {
    let mut w = WavWriter::create(path, spec).unwrap();
    for &s in interleaved {
        w.write_sample(s).unwrap();
    }
    w.finalize().unwrap();
}

/// The same mono signal on every channel, interleaved.
pub fn interleave_same(mono: &[f64], channels: usize) -> Vec<f64> {
    mono.iter()
        .flat_map(|&x| std::iter::repeat_n(x, channels))
        .collect()
}

pub fn expected_len(frames: u64, rate: u32) -> usize {
    ((frames * 16_000 + u64::from(rate) / 2) / u64::from(rate)) as usize
}

/// Signal power at `freq` (Goertzel), normalised so a unit-amplitude sine gives ~0.25.
pub fn goertzel(x: &[f32], rate: u32, freq: f64) -> f64 {
    let coeff = 2.0 * (TAU * freq / f64::from(rate)).cos();
    let (mut s1, mut s2) = (0.0f64, 0.0f64);
    for &v in x {
        let s0 = f64::from(v) + coeff * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    let n = x.len() as f64;
    (s1 * s1 + s2 * s2 - coeff * s1 * s2) / (n * n)
}

pub fn zero_crossings(x: &[f32]) -> usize {
    x.windows(2)
        .filter(|w| (w[0] < 0.0) != (w[1] < 0.0))
        .count()
}

pub fn rms(x: &[f32]) -> f64 {
    (x.iter().map(|&v| f64::from(v).powi(2)).sum::<f64>() / x.len() as f64).sqrt()
}

/// Index of the largest absolute value.
pub fn argmax_abs(x: &[f32]) -> usize {
    let mut best = 0;
    for (i, v) in x.iter().enumerate() {
        if v.abs() > x[best].abs() {
            best = i;
        }
    }
    best
}

/// Asserts that the dominant frequency of `x` (at 16 kHz) is `freq`: the Goertzel power there
/// beats nearby and harmonic frequencies by a wide margin, and the zero-crossing count agrees.
pub fn assert_pitch(x: &[f32], freq: f64) {
    let at = goertzel(x, 16_000, freq);
    for other in [freq * 0.9, freq * 1.1, freq * 0.5, freq * 2.0] {
        let p = goertzel(x, 16_000, other);
        assert!(
            at > 100.0 * p,
            "power at {freq} Hz ({at}) vs {other} Hz ({p})"
        );
    }
    let secs = x.len() as f64 / 16_000.0;
    let crossings = zero_crossings(x) as f64;
    let expected = 2.0 * freq * secs;
    assert!(
        (crossings - expected).abs() <= 2.0,
        "{crossings} zero crossings in {secs} s, expected {expected} for {freq} Hz"
    );
}
