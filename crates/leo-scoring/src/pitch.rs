//! Fundamental-frequency (F0) tracking for prosody: pitch range per sentence, monotone reading,
//! rising pitch at question marks. Pure: 16 kHz mono samples in, one F0 estimate per 10 ms out.
//!
//! The estimator is YIN (de Cheveigné & Kawahara, 2002) run on a 2× decimated signal: 8 kHz
//! still resolves a 600 Hz period to ~13 samples, which parabolic interpolation refines well
//! below the 2 % we need, and it halves both the window and the lag range (4× less work).

use std::cmp::Ordering;

/// Input sample rate the tracker expects.
pub const SAMPLE_RATE: u32 = 16_000;
/// Rate YIN runs at, after low-pass and decimation.
const RATE: f64 = 8_000.0;
/// One frame per 10 ms, i.e. 80 samples at 8 kHz.
const HOP: usize = 80;
pub const HOP_S: f64 = HOP as f64 / RATE;
/// Search range. Children's voices reach 400+ Hz; 600 leaves headroom for excited reading.
pub const MIN_HZ: f64 = 70.0;
pub const MAX_HZ: f64 = 600.0;
/// Shortest and longest candidate period in 8 kHz samples.
const TAU_MIN: usize = (RATE / MAX_HZ) as usize; // 13
const TAU_MAX: usize = (RATE / MIN_HZ) as usize + 1; // 115
/// Integration window: 20 ms covers 1.4 periods at 70 Hz, the minimum YIN needs.
const WINDOW: usize = 160;
/// Samples one frame reads: the window plus the largest lag plus one for interpolation.
const SPAN: usize = WINDOW + TAU_MAX + 1;
/// YIN absolute threshold on the normalised difference: the first dip below it is the period.
const THRESHOLD: f32 = 0.15;
/// With no dip below the threshold, the deepest dip still counts as voiced up to this value.
/// Real speech changes pitch and loudness within a 35 ms span (espeak-ng vowel onsets sit at
/// 0.15–0.25); white noise stays above 0.65 and strongly low-passed noise above ~0.33.
const VOICING_MAX: f32 = 0.25;
/// In that case a dip this close to the deepest one counts too (see `fallback_dip`).
const FALLBACK_MARGIN: f32 = 0.1;
/// Frames this far below the loud frames are silence or breath: skip YIN there.
const SILENCE_DB: f64 = 40.0;
/// Below this mean square (−90 dBFS) a frame is silent whatever the recording level.
const ABS_FLOOR: f64 = 1e-9;
/// Voiced runs shorter than this (30 ms) are noise catching the threshold, not syllables.
const MIN_RUN: usize = 3;
/// Median smoothing width in frames, to remove isolated octave jumps.
const MEDIAN: usize = 5;
/// Statistics need at least this many voiced frames to mean anything.
pub const MIN_VOICED: usize = 5;
/// Anti-alias filter length (odd, so the delay is a whole number of samples).
const TAPS: usize = 31;

/// F0 per 10 ms frame; frame `i` is centred at `i * hop_s` seconds.
#[derive(Debug, Clone, PartialEq)]
pub struct PitchTrack {
    pub hop_s: f64,
    /// Hz per frame; `None` for unvoiced or silent frames.
    pub f0: Vec<Option<f32>>,
}

/// Semitones of `f` above `reference` (negative below). Non-positive inputs give −∞ or NaN.
pub fn hz_to_semitones(f: f64, reference: f64) -> f64 {
    12.0 * (f / reference).log2()
}

/// Tracks F0 over 16 kHz mono audio. Never panics; NaN and infinite samples count as 0.
pub fn track_pitch(samples: &[f32]) -> PitchTrack {
    let x = decimate(samples);
    let frames = samples.len().div_ceil(2 * HOP);
    let energy = Prefix::new(&x);
    // Level of the 20 ms around each frame centre.
    let levels: Vec<f64> = (0..frames)
        .map(|i| energy.mean_square((i * HOP).saturating_sub(WINDOW / 2), WINDOW))
        .collect();
    let gate = silence_gate(&levels);

    let mut diff = vec![0f32; TAU_MAX + 2];
    let mut f0: Vec<Option<f32>> = (0..frames)
        .map(|i| {
            let start = (i * HOP).checked_sub(SPAN / 2)?;
            if start + SPAN > x.len() || levels[i] < gate {
                return None;
            }
            yin(&x[start..start + SPAN], &energy, start, &mut diff)
        })
        .collect();
    drop_short_runs(&mut f0);
    let f0 = median_smooth(&f0);
    PitchTrack { hop_s: HOP_S, f0 }
}

/// Low-pass (Hamming-windowed sinc, cut-off 3.4 kHz) then keep every second sample.
fn decimate(samples: &[f32]) -> Vec<f32> {
    use std::f64::consts::PI;
    let (half, fc) = (TAPS / 2, 3_400.0 / f64::from(SAMPLE_RATE));
    let mut taps: Vec<f32> = (0..TAPS)
        .map(|k| {
            let n = k as f64 - half as f64;
            let sinc = (2.0 * PI * fc * n).sin() / (PI * n);
            (sinc * (0.54 - 0.46 * (2.0 * PI * k as f64 / (TAPS - 1) as f64).cos())) as f32
        })
        .collect();
    taps[half] = (2.0 * fc) as f32; // the sinc's limit at 0, where the formula reads 0/0
    // Zero padding on both sides keeps every output a plain (vectorised) dot product.
    let mut padded = vec![0f32; half];
    padded.extend(samples.iter().map(|&s| if s.is_finite() { s } else { 0.0 }));
    padded.resize(padded.len() + half, 0.0);
    (0..samples.len().div_ceil(2))
        .map(|m| dot(&taps, &padded[2 * m..2 * m + TAPS]))
        .collect()
}

/// Prefix sums of squares, so any window's energy costs O(1) and YIN only needs the
/// cross-correlation term of the difference function.
struct Prefix(Vec<f64>);

impl Prefix {
    fn new(x: &[f32]) -> Self {
        let mut acc = 0.0;
        let mut sums = vec![0.0];
        sums.extend(x.iter().map(|&s| {
            acc += f64::from(s) * f64::from(s);
            acc
        }));
        Prefix(sums)
    }

    fn sum(&self, start: usize, len: usize) -> f64 {
        match (self.0.get(start), self.0.get(start + len)) {
            (Some(a), Some(b)) => (b - a).max(0.0),
            _ => 0.0,
        }
    }

    fn mean_square(&self, start: usize, len: usize) -> f64 {
        self.sum(start, len) / len as f64
    }
}

/// Mean-square level below which a frame is skipped: far below the loud frames (98th
/// percentile rather than the maximum, so one click cannot silence a whole reading).
fn silence_gate(levels: &[f64]) -> f64 {
    let mut levels = levels.to_vec();
    if levels.is_empty() {
        return ABS_FLOOR;
    }
    let k = (levels.len() - 1) * 98 / 100;
    let (_, loud, _) = levels.select_nth_unstable_by(k, f64::total_cmp);
    (*loud * 10f64.powf(-SILENCE_DB / 10.0)).max(ABS_FLOOR)
}

/// YIN on one span of `SPAN` samples starting at `start` in the decimated signal.
/// `diff` is scratch space reused across frames to avoid an allocation per frame.
fn yin(span: &[f32], energy: &Prefix, start: usize, diff: &mut [f32]) -> Option<f32> {
    let head = &span[..WINDOW];
    let e0 = energy.sum(start, WINDOW);
    let mut running = 0.0f64;
    diff[0] = 1.0;
    let mut found = None;
    for tau in 1..=TAU_MAX + 1 {
        // d(τ) = Σ(x_j − x_{j+τ})² = e(0) + e(τ) − 2·r(τ).
        let r = dot(head, &span[tau..tau + WINDOW]);
        let d = (e0 + energy.sum(start + tau, WINDOW) - 2.0 * f64::from(r)).max(0.0);
        running += d;
        // Cumulative mean normalisation: d'(τ) = d(τ)·τ / Σ_{j≤τ} d(j). A flat signal (d ≡ 0)
        // reads as aperiodic rather than as perfectly periodic at every lag.
        diff[tau] = if running > 0.0 {
            (d * tau as f64 / running) as f32
        } else {
            1.0
        };
        if tau <= TAU_MIN {
            continue;
        }
        let prev = tau - 1;
        if found.is_none() && diff[prev] < THRESHOLD {
            found = Some(prev);
        }
        // Once under the threshold, walk down to the local minimum and stop: the first dip
        // is the period, and not computing further lags makes voiced frames cheap.
        if let Some(best) = found {
            if diff[tau] < diff[best] && tau <= TAU_MAX {
                found = Some(tau);
            } else {
                break;
            }
        }
    }
    let tau = found.or_else(|| fallback_dip(diff))?;
    let (a, b, c) = (diff[tau - 1], diff[tau], diff[tau + 1]);
    // b is a local minimum, so the parabola opens upwards unless all three are equal.
    let shift = (0.5 * (a - c) / (a - 2.0 * b + c).max(f32::EPSILON)).clamp(-0.5, 0.5);
    let hz = RATE / (tau as f64 + f64::from(shift));
    (MIN_HZ..=MAX_HZ).contains(&hz).then_some(hz as f32)
}

/// The period when no dip reached the threshold (all lags were computed). Not simply the
/// deepest dip: the dip at twice the period is often a hair deeper than the true one, which
/// would read an octave low. Take the first dip close to the deepest instead.
fn fallback_dip(diff: &[f32]) -> Option<usize> {
    let deepest = diff[TAU_MIN..=TAU_MAX]
        .iter()
        .fold(f32::INFINITY, |m, &d| m.min(d));
    if deepest.is_nan() || deepest >= VOICING_MAX {
        return None;
    }
    let mut tau = (TAU_MIN..=TAU_MAX).find(|&t| diff[t] < deepest + FALLBACK_MARGIN)?;
    while tau < TAU_MAX && diff[tau + 1] < diff[tau] {
        tau += 1;
    }
    Some(tau)
}

/// Dot product with eight independent accumulators, which lets the compiler vectorise it
/// (a single float accumulator cannot be reordered). This loop is nearly all the run time.
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let mut tail = 0.0;
    for (x, y) in ca.remainder().iter().zip(cb.remainder()) {
        tail += x * y;
    }
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    acc.iter().sum::<f32>() + tail
}

fn drop_short_runs(f0: &mut [Option<f32>]) {
    let mut i = 0;
    while i < f0.len() {
        let run = f0[i..].iter().take_while(|v| v.is_some()).count();
        if run > 0 && run < MIN_RUN {
            f0[i..i + run].fill(None);
        }
        i += run.max(1);
    }
}

/// Median over the voiced frames of each 5-frame neighbourhood; unvoiced frames stay unvoiced
/// and do not vote, so smoothing never invents pitch in a pause.
fn median_smooth(f0: &[Option<f32>]) -> Vec<Option<f32>> {
    let half = MEDIAN / 2;
    let mut buf = Vec::with_capacity(MEDIAN);
    (0..f0.len())
        .map(|i| {
            f0[i]?;
            buf.clear();
            let near = i.saturating_sub(half)..(i + half + 1).min(f0.len());
            buf.extend(f0[near].iter().flatten());
            buf.sort_by(f32::total_cmp);
            // Lower middle on even counts: averaging a value with its octave gives neither.
            Some(buf[(buf.len() - 1) / 2])
        })
        .collect()
}

impl PitchTrack {
    /// Indices of the frames whose centre lies in `t0 ≤ t < t1` seconds.
    fn frames(&self, t0: f64, t1: f64) -> std::ops::Range<usize> {
        // Written with partial_cmp so NaN bounds or a NaN hop select nothing.
        let ordered = matches!(t0.partial_cmp(&t1), Some(Ordering::Less | Ordering::Equal));
        if !ordered || self.hop_s.partial_cmp(&0.0) != Some(Ordering::Greater) {
            return 0..0;
        }
        // The epsilon keeps a boundary exactly on a frame centre from rounding past it.
        let index = |t: f64| ((t / self.hop_s - 1e-9).ceil().max(0.0) as usize).min(self.f0.len());
        index(t0)..index(t1)
    }

    /// Hz of the voiced frames in `t0 ≤ t < t1`, in time order.
    pub fn voiced_in(&self, t0: f64, t1: f64) -> Vec<f32> {
        let frames = &self.f0[self.frames(t0, t1)];
        frames.iter().flatten().copied().collect()
    }

    /// (time, semitones above 100 Hz) of the voiced frames; `None` if there are too few.
    fn semitones_in(&self, t0: f64, t1: f64) -> Option<Vec<(f64, f64)>> {
        let points: Vec<(f64, f64)> = (self.frames(t0, t1))
            .filter_map(|i| Some((i as f64 * self.hop_s, f64::from(self.f0[i]?))))
            .map(|(t, f)| (t, hz_to_semitones(f, 100.0)))
            .collect();
        (points.len() >= MIN_VOICED).then_some(points)
    }

    /// Spread between the 10th and 90th percentile of pitch, in semitones: the pitch range
    /// without the few stray frames at voicing edges. `None` with fewer than 5 voiced frames.
    pub fn range_semitones(&self, t0: f64, t1: f64) -> Option<f64> {
        let mut st: Vec<f64> = self.semitones_in(t0, t1)?.iter().map(|p| p.1).collect();
        st.sort_by(f64::total_cmp);
        Some(percentile(&st, 0.9) - percentile(&st, 0.1))
    }

    /// Least-squares slope of pitch in semitones against time, over the voiced frames:
    /// positive for a rising contour (a question), negative for a falling one.
    pub fn slope_semitones_per_s(&self, t0: f64, t1: f64) -> Option<f64> {
        let points = self.semitones_in(t0, t1)?;
        let n = points.len() as f64;
        let (mt, ms) = points
            .iter()
            .fold((0.0, 0.0), |(a, b), (t, s)| (a + t / n, b + s / n));
        let (cov, var) = points.iter().fold((0.0, 0.0), |(c, v), (t, s)| {
            (c + (t - mt) * (s - ms), v + (t - mt) * (t - mt))
        });
        (var > 0.0).then(|| cov / var)
    }

    /// Median pitch in Hz of the voiced frames; `None` with fewer than 5 voiced frames.
    pub fn median_hz(&self, t0: f64, t1: f64) -> Option<f64> {
        let mut hz: Vec<f64> = self.voiced_in(t0, t1).into_iter().map(f64::from).collect();
        hz.sort_by(f64::total_cmp);
        (hz.len() >= MIN_VOICED).then(|| percentile(&hz, 0.5))
    }
}

/// Linear-interpolated percentile of sorted, non-empty data.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let pos = p * (sorted.len() - 1) as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f64::consts::{PI, TAU as TWO_PI};

    const SR: f64 = SAMPLE_RATE as f64;

    /// Sine whose frequency follows `hz(t)`, integrated so glides have no phase jumps.
    fn tone(seconds: f64, hz: impl Fn(f64) -> f64) -> Vec<f32> {
        let mut phase = 0.0;
        let step = |n: usize| {
            phase += TWO_PI * hz(n as f64 / SR) / SR;
            (0.5 * phase.sin()) as f32
        };
        (0..(seconds * SR) as usize).map(step).collect()
    }

    /// Deterministic uniform noise in [−a, a) (xorshift), so the tests need no rand crate.
    fn noise(n: usize, a: f32) -> Vec<f32> {
        let mut s = 0x2545_f491_4f6c_dd1du64;
        let step = |_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            a * ((s >> 40) as f32 / (1u64 << 23) as f32 - 1.0)
        };
        (0..n).map(step).collect()
    }

    /// Median over a 1 s track away from its edges, with the voiced fraction there.
    fn steady(track: &PitchTrack) -> (f64, f64) {
        let voiced = track.voiced_in(0.1, 0.9).len() as f64 / track.frames(0.1, 0.9).len() as f64;
        (track.median_hz(0.1, 0.9).expect("voiced"), voiced)
    }

    fn assert_near(got: f64, want: f64, tolerance: f64) {
        let ok = (got - want).abs() <= tolerance * want;
        assert!(ok, "got {got}, want {want} ± {tolerance}");
    }

    fn manual(f0: Vec<Option<f32>>) -> PitchTrack {
        PitchTrack { hop_s: 0.01, f0 }
    }

    fn voiced_frames(samples: &[f32]) -> usize {
        track_pitch(samples).f0.iter().flatten().count()
    }

    #[test]
    fn pure_tones_are_exact_and_steady() {
        for hz in [80.0, 110.0, 220.0, 330.0, 450.0, 580.0] {
            let track = track_pitch(&tone(1.0, |_| hz));
            assert_eq!((track.hop_s, track.f0.len()), (0.01, 100));
            let (median, voiced) = steady(&track);
            assert_near(median, hz, 0.02);
            assert!(voiced > 0.95, "{hz} Hz voiced only {voiced}");
            // Every voiced frame, not just the median, must be right: no octave errors, and
            // 0.5 % (measured ≤ 0.2 %) is only reachable with the parabolic interpolation.
            for f in track.voiced_in(0.0, 1.0) {
                assert_near(f64::from(f), hz, 0.005);
            }
            assert!(track.range_semitones(0.0, 1.0).unwrap() < 0.2);
            assert!(track.slope_semitones_per_s(0.0, 1.0).unwrap().abs() < 0.5);
        }
    }

    #[test]
    fn harmonic_rich_tone_gives_the_fundamental() {
        // Ten harmonics with falling amplitude and scattered phases, like a glottal source.
        let wave = |t: f64| {
            (1..=10).map(move |k| (TWO_PI * 180.0 * k as f64 * t + k as f64).sin() / k as f64)
        };
        let samples: Vec<f32> = (0..16_000)
            .map(|n| (0.3 * wave(n as f64 / SR).sum::<f64>()) as f32)
            .collect();
        let (median, voiced) = steady(&track_pitch(&samples));
        assert_near(median, 180.0, 0.02);
        assert!(voiced > 0.95);
    }

    #[test]
    fn glides_give_the_slope_and_range_in_semitones() {
        // 150 → 300 Hz exponentially: exactly 12 semitones in 1 s.
        let rising = track_pitch(&tone(1.0, |t| 150.0 * 2f64.powf(t)));
        let slope = rising.slope_semitones_per_s(0.0, 1.0).unwrap();
        assert!((slope - 12.0).abs() < 1.0, "rising slope {slope}");
        let range = rising.range_semitones(0.0, 1.0).unwrap();
        assert!((range - 12.0 * 0.8).abs() < 1.0, "range {range}");

        let falling = track_pitch(&tone(1.0, |t| 300.0 * 0.5f64.powf(t)));
        let slope = falling.slope_semitones_per_s(0.0, 1.0).unwrap();
        assert!((slope + 12.0).abs() < 1.0, "falling slope {slope}");
    }

    #[test]
    fn noise_and_silence_are_unvoiced() {
        assert_eq!(voiced_frames(&[0.0; 32_000]), 0);
        // At most 5 % of 200 frames (measured: none).
        let voiced = voiced_frames(&noise(32_000, 0.5));
        assert!(voiced <= 10, "{voiced} noise frames voiced");
    }

    #[test]
    fn noisy_tone_is_still_tracked() {
        // About 2 dB SNR: no dip reaches the 0.15 threshold, so this needs the fallback.
        let mut samples = tone(1.0, |_| 200.0);
        samples
            .iter_mut()
            .zip(noise(16_000, 0.5))
            .for_each(|(s, n)| *s += n);
        let (median, voiced) = steady(&track_pitch(&samples));
        assert_near(median, 200.0, 0.02);
        assert!(voiced > 0.8, "voiced only {voiced}");
    }

    #[test]
    fn fallback_takes_the_first_dip_near_the_deepest() {
        let mut diff = vec![1.0f32; TAU_MAX + 2];
        // True period 40 at 0.20, its double at 80 a little deeper: 40 wins.
        diff[39..=41].copy_from_slice(&[0.3, 0.2, 0.3]);
        diff[79..=81].copy_from_slice(&[0.3, 0.17, 0.3]);
        assert_eq!(fallback_dip(&diff), Some(40));
        // A shallow dip far above the deepest one is not a candidate.
        diff[40] = 0.5;
        assert_eq!(fallback_dip(&diff), Some(80));
        diff[80] = 0.3;
        assert_eq!(fallback_dip(&diff), None);
    }

    #[test]
    fn quiet_frames_next_to_loud_ones_are_skipped() {
        // A faint tone 50 dB under a loud one is treated as silence, not tracked.
        let mut samples = tone(0.5, |_| 200.0);
        samples.extend(tone(0.5, |_| 300.0).iter().map(|s| s * 0.003));
        let track = track_pitch(&samples);
        assert!(track.median_hz(0.1, 0.4).is_some());
        assert!(track.voiced_in(0.55, 1.0).is_empty());
    }

    #[test]
    fn speech_like_pulses_through_a_resonance_with_gaps() {
        // 200 Hz pulse train through a 700 Hz resonance (a crude first formant), in 200 ms
        // syllables separated by 30 ms of silence.
        let (r, theta) = ((-PI * 100.0 / SR).exp(), TWO_PI * 700.0 / SR);
        let (mut y1, mut y2) = (0.0, 0.0);
        let mut resonate = |n: usize| {
            let pulse = f64::from(u8::from(n % 3_680 < 3_200 && n % 80 == 0));
            let y = pulse + 2.0 * r * theta.cos() * y1 - r * r * y2;
            (y2, y1) = (y1, y);
            (0.05 * y) as f32
        };
        let track = track_pitch(&(0..16_000).map(&mut resonate).collect::<Vec<_>>());
        for f in track.voiced_in(0.0, 1.0) {
            assert_near(f64::from(f), 200.0, 0.02);
        }
        // Mid-syllable frames voiced; the frame in the middle of each gap is not.
        for syllable in 0..4 {
            let start = syllable as f64 * 0.23;
            let voiced = track.voiced_in(start + 0.05, start + 0.15).len();
            assert!(voiced >= 9, "syllable {syllable}: {voiced}");
            let gap = track.f0[syllable * 23 + 21];
            assert_eq!(gap, None, "gap after syllable {syllable}");
        }
    }

    #[test]
    fn tiny_and_hostile_inputs_do_not_panic() {
        assert!(track_pitch(&[]).f0.is_empty());
        assert_eq!(track_pitch(&[0.1; 10]).f0, vec![None]);
        assert_eq!(track_pitch(&vec![0.0; 8001]).f0.len(), 51);
        let mut hostile = tone(0.5, |_| 200.0);
        for i in (0..hostile.len()).step_by(997) {
            hostile[i] = [f32::NAN, f32::INFINITY, f32::NEG_INFINITY][i % 3];
        }
        // Isolated bad samples become zeros: the tone is still found.
        let median = track_pitch(&hostile).median_hz(0.1, 0.4).unwrap();
        assert_near(median, 200.0, 0.02);
        assert_eq!(voiced_frames(&[f32::NAN; 4_000]), 0);
        let huge = track_pitch(&[f32::MAX, f32::MIN].repeat(2_000));
        assert_eq!(huge.f0.len(), 25);
    }

    #[test]
    fn statistics_need_enough_voiced_frames() {
        let four = manual(vec![Some(200.0); 4]);
        assert_eq!(four.median_hz(0.0, 1.0), None);
        assert_eq!(four.range_semitones(0.0, 1.0), None);
        assert_eq!(four.slope_semitones_per_s(0.0, 1.0), None);
        let five = manual(vec![Some(200.0); 5]);
        assert_eq!(five.median_hz(0.0, 1.0), Some(200.0));
    }

    #[test]
    fn time_windows_select_frame_centres_half_open() {
        let track = manual((0..10).map(|i| Some(100.0 + i as f32)).collect());
        assert_eq!(track.voiced_in(0.02, 0.05), vec![102.0, 103.0, 104.0]);
        assert_eq!(track.voiced_in(0.015, 0.035), vec![102.0, 103.0]);
        assert_eq!(track.voiced_in(0.08, 5.0), vec![108.0, 109.0]);
        assert_eq!(track.voiced_in(-1.0, 0.02), vec![100.0, 101.0]);
        assert!(track.voiced_in(0.05, 0.02).is_empty());
        assert!(track.voiced_in(f64::NAN, 1.0).is_empty());
    }

    #[test]
    fn slope_uses_frame_times_and_semitones() {
        assert!((hz_to_semitones(440.0, 220.0) - 12.0).abs() < 1e-12);
        assert!((hz_to_semitones(220.0, 440.0) + 12.0).abs() < 1e-12);
        // One semitone per frame from frame 3 on: 100 semitones per second.
        let rising = |i| (i >= 3).then(|| 100.0 * 2f32.powf(i as f32 / 12.0));
        let track = manual((0..10).map(rising).collect());
        let slope = track.slope_semitones_per_s(0.0, 1.0).unwrap();
        assert!((slope - 100.0).abs() < 1e-3, "{slope}");
    }

    #[test]
    fn smoothing_removes_octave_jumps_and_short_blips() {
        let mut f0 = vec![Some(200.0); 9];
        f0[4] = Some(400.0);
        f0.extend([None, Some(150.0), Some(150.0), None]);
        drop_short_runs(&mut f0);
        let smooth = median_smooth(&f0);
        assert!(smooth[..9].iter().all(|f| *f == Some(200.0)));
        assert!(smooth[9..].iter().all(Option::is_none));
    }
}
