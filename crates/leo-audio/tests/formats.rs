//! Every supported WAV layout comes out as 16 kHz mono with the right length, pitch, level and
//! timing.

mod common;

use common::*;
use hound::SampleFormat::{Float, Int};
use leo_audio::{TARGET_RATE, load_wav, write_wav_16k};

fn to_int(x: &[f64], bits: u32) -> Vec<i32> {
    let full = f64::from(1u32 << (bits - 1));
    x.iter()
        .map(|&v| (v * full).round().clamp(-full, full - 1.0) as i32)
        .collect()
}

#[test]
fn cd_stereo_sine_keeps_length_pitch_level_and_click_timing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cd.wav");
    let frames = 2 * 44_100 + 22_050 + 17; // not a whole number of output samples
    let mut mono = sine(440.0, 44_100, frames, 0.1);
    mono[44_100] = 1.0; // the click, at exactly t = 1.000 s
    write_int(
        &path,
        spec(2, 44_100, 16, Int),
        &to_int(&interleave_same(&mono, 2), 16),
    );

    let audio = load_wav(&path).unwrap();
    assert_eq!(audio.sample_rate, TARGET_RATE);
    assert_eq!(audio.samples.len(), expected_len(frames as u64, 44_100));
    assert!((audio.duration_s() - frames as f64 / 44_100.0).abs() < 1.0 / 16_000.0);

    // Pitch and level, measured on a stretch without the click.
    let calm = &audio.samples[20_000..36_000];
    assert_pitch(calm, 440.0);
    let level = rms(calm) / (0.1 / 2f64.sqrt());
    assert!((level - 1.0).abs() < 0.02, "level ratio {level}");

    // The click's peak: 1 ms is 16 samples, we demand one.
    let peak = 8_000 + argmax_abs(&audio.samples[8_000..24_000]);
    assert!(peak.abs_diff(16_000) <= 1, "click moved to sample {peak}");
}

#[test]
fn float_48k_is_downsampled_at_unity_gain_without_aliasing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f32.wav");
    let frames = 48_000;
    // Left: 1 kHz speech-band tone. Right: 12 kHz, above the 8 kHz output Nyquist limit, so a
    // good resampler removes it instead of folding it down to 4 kHz.
    let low = sine(1_000.0, 48_000, frames, 0.5);
    let high = sine(12_000.0, 48_000, frames, 0.5);
    let interleaved: Vec<f32> = low
        .iter()
        .zip(&high)
        .flat_map(|(&l, &h)| [l as f32, h as f32])
        .collect();
    write_f32(&path, spec(2, 48_000, 32, Float), &interleaved);

    let audio = load_wav(&path).unwrap();
    assert_eq!(audio.samples.len(), 16_000);
    let middle = &audio.samples[2_000..14_000];
    assert_pitch(middle, 1_000.0);
    // Downmix halves the tone: amplitude 0.25.
    let level = rms(middle) / (0.25 / 2f64.sqrt());
    assert!((level - 1.0).abs() < 0.02, "level ratio {level}");
    let alias = goertzel(middle, 16_000, 4_000.0);
    let tone = goertzel(middle, 16_000, 1_000.0);
    assert!(
        alias < tone * 1e-6,
        "12 kHz folded to 4 kHz: {alias} vs {tone}"
    );
}

#[test]
fn unsigned_8bit_8k_is_upsampled() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("u8.wav");
    let frames = 8_000 + 3;
    let mono = sine(300.0, 8_000, frames, 0.5);
    write_int(&path, spec(1, 8_000, 8, Int), &to_int(&mono, 8));

    let audio = load_wav(&path).unwrap();
    assert_eq!(audio.samples.len(), expected_len(frames as u64, 8_000));
    let middle = &audio.samples[1_000..15_000];
    assert_pitch(middle, 300.0);
    let level = rms(middle) / (0.5 / 2f64.sqrt());
    assert!((level - 1.0).abs() < 0.03, "level ratio {level}");
    // Upsampling must not create images above the input's 4 kHz band.
    assert!(goertzel(middle, 16_000, 7_700.0) < goertzel(middle, 16_000, 300.0) * 1e-5);
}

#[test]
fn int24_96k_scales_to_unit_range() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("i24.wav");
    let frames = 96_000;
    let mono = sine(200.0, 96_000, frames, 0.8);
    write_int(&path, spec(1, 96_000, 24, Int), &to_int(&mono, 24));

    let audio = load_wav(&path).unwrap();
    assert_eq!(audio.samples.len(), 16_000);
    let middle = &audio.samples[1_000..15_000];
    assert_pitch(middle, 200.0);
    let level = rms(middle) / (0.8 / 2f64.sqrt());
    assert!((level - 1.0).abs() < 0.02, "level ratio {level}");
}

#[test]
fn int24_in_4_byte_container_and_int32_read_exactly() {
    let dir = tempfile::tempdir().unwrap();
    // 24 valid bits in 4-byte containers (WAVE_FORMAT_EXTENSIBLE), at 16 kHz: no resampling,
    // so the values must be exact.
    let path = dir.path().join("i24in32.wav");
    let spec_ex = hound::WavSpecEx {
        spec: spec(1, 16_000, 24, Int),
        bytes_per_sample: 4,
    };
    let mut w =
        hound::WavWriter::new_with_spec_ex(std::fs::File::create(&path).unwrap(), spec_ex).unwrap();
    for s in [0, 1 << 22, -(1 << 23), (1 << 23) - 1] {
        w.write_sample(s).unwrap();
    }
    w.finalize().unwrap();
    let audio = load_wav(&path).unwrap();
    assert_eq!(audio.samples, [0.0, 0.5, -1.0, 1.0 - 2f32.powi(-23)]);

    let path = dir.path().join("i32.wav");
    write_int(
        &path,
        spec(1, 16_000, 32, Int),
        &[1 << 30, -(1 << 30), i32::MIN],
    );
    assert_eq!(load_wav(&path).unwrap().samples, [0.5, -0.5, -1.0]);
}

#[test]
fn six_channels_are_averaged() {
    let dir = tempfile::tempdir().unwrap();
    // At 16 kHz the downmix is visible exactly: channel c holds 1000 * (c + 1).
    let path = dir.path().join("six16k.wav");
    let frame: Vec<i32> = (1..=6).map(|c| 1000 * c).collect();
    let interleaved: Vec<i32> = frame.iter().copied().cycle().take(6 * 100).collect();
    write_int(&path, spec(6, 16_000, 16, Int), &interleaved);
    let audio = load_wav(&path).unwrap();
    assert_eq!(audio.samples.len(), 100);
    let mean = 3500.0 / 32768.0;
    assert!(audio.samples.iter().all(|&x| (x - mean).abs() < 1e-6));

    // At 48 kHz with a tone on one channel only: it arrives at a sixth of its amplitude.
    let path = dir.path().join("six48k.wav");
    let tone = sine(500.0, 48_000, 48_000, 0.6);
    let interleaved: Vec<f64> = tone
        .iter()
        .flat_map(|&t| [0.0, 0.0, t, 0.0, 0.0, 0.0])
        .collect();
    write_int(&path, spec(6, 48_000, 16, Int), &to_int(&interleaved, 16));
    let audio = load_wav(&path).unwrap();
    assert_eq!(audio.samples.len(), 16_000);
    let middle = &audio.samples[2_000..14_000];
    assert_pitch(middle, 500.0);
    let level = rms(middle) / (0.1 / 2f64.sqrt());
    assert!((level - 1.0).abs() < 0.02, "level ratio {level}");
}

#[test]
fn mono_16k_passes_through_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mono16k.wav");
    let mut rng = XorShift(0x1234_5678);
    let raw: Vec<i32> = (0..16_003)
        .map(|_| rng.range(0, 65_536) as i32 - 32_768)
        .collect();
    write_int(&path, spec(1, 16_000, 16, Int), &raw);

    let audio = load_wav(&path).unwrap();
    let expected: Vec<f32> = raw.iter().map(|&s| s as f32 / 32768.0).collect();
    assert_eq!(audio.samples, expected);
}

#[test]
fn write_then_load_round_trips_and_clips() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("written.wav");
    let mut rng = XorShift(99);
    let mut samples: Vec<f32> = (0..1000)
        .map(|_| (rng.signed() * 32768.0).round() / 32768.0)
        .collect();
    samples.extend([2.0, -2.0, f32::NAN, f32::INFINITY]);
    write_wav_16k(&path, &samples).unwrap();

    let spec = hound::WavReader::open(&path).unwrap().spec();
    assert_eq!(
        (spec.channels, spec.sample_rate, spec.bits_per_sample),
        (1, 16_000, 16)
    );
    let back = load_wav(&path).unwrap().samples;
    assert_eq!(back[..1000], samples[..1000]);
    assert_eq!(back[1000..], [32767.0 / 32768.0, -1.0, 0.0, 0.0]);
}

#[test]
fn timing_is_preserved_for_every_common_rate() {
    let dir = tempfile::tempdir().unwrap();
    // 44 101 Hz is deliberately awkward: coprime with 16 000, so the resampler needs its
    // largest block size.
    for rate in [
        8_000, 11_025, 22_050, 32_000, 44_100, 48_000, 96_000, 44_101,
    ] {
        let path = dir.path().join(format!("click{rate}.wav"));
        let frames = 2 * rate as usize + 5;
        let mut mono = vec![0.0f32; frames];
        mono[rate as usize] = 1.0; // t = 1.000 s
        write_f32(&path, spec(1, rate, 32, Float), &mono);
        let audio = load_wav(&path).unwrap();
        assert_eq!(
            audio.samples.len(),
            expected_len(frames as u64, rate),
            "{rate} Hz"
        );
        let peak = argmax_abs(&audio.samples);
        assert!(peak.abs_diff(16_000) <= 1, "{rate} Hz: click at {peak}");
        // Sub-sample check: a parabola through the peak and its neighbours puts the centre
        // on 16 000 to within 0.05 sample (3 µs); a half-input-sample filter offset fails this.
        let (l, c, r) = (
            f64::from(audio.samples[peak - 1]),
            f64::from(audio.samples[peak]),
            f64::from(audio.samples[peak + 1]),
        );
        let centre = peak as f64 + 0.5 * (l - r) / (l - 2.0 * c + r);
        assert!(
            (centre - 16_000.0).abs() < 0.05,
            "{rate} Hz: click centred at {centre}"
        );
        assert!(audio.samples.iter().all(|x| (-1.0..=1.0).contains(x)));
    }
}
