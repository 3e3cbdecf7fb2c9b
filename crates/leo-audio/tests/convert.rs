//! The in-memory and streaming conversion paths (used by microphone capture).

mod common;

use common::*;
use leo_audio::{AudioError, StreamConverter, to_mono_16k};

fn test_signal(channels: u16, rate: u32, frames: usize) -> Vec<f32> {
    let a = sine(440.0, rate, frames, 0.4);
    let b = sine(1_234.0, rate, frames, 0.3);
    let (a, b) = (&a, &b);
    (0..frames)
        .flat_map(|i| (0..channels).map(move |c| if c % 2 == 0 { a[i] } else { b[i] } as f32))
        .collect()
}

#[test]
fn streaming_in_any_pieces_equals_one_shot() {
    for (channels, rate) in [(2, 48_000), (1, 44_100), (2, 16_000), (3, 8_000)] {
        let input = test_signal(channels, rate, rate as usize * 3 / 2 + 7);
        let whole = to_mono_16k(&input, channels, rate).unwrap();
        assert_eq!(
            whole.len(),
            expected_len(input.len() as u64 / u64::from(channels), rate)
        );

        let mut rng = XorShift(u64::from(rate));
        let mut converter = StreamConverter::new(channels, rate).unwrap();
        let mut streamed = Vec::new();
        let mut rest = &input[..];
        while !rest.is_empty() {
            // Odd sizes split frames between calls, as a capture callback might.
            let n = (rng.range(0, 5_000) as usize).min(rest.len());
            converter.push(&rest[..n], &mut streamed).unwrap();
            rest = &rest[n..];
        }
        assert_eq!(
            converter.frames_in(),
            input.len() as u64 / u64::from(channels)
        );
        converter.finish(&mut streamed).unwrap();
        assert_eq!(streamed, whole, "{channels} ch at {rate} Hz");
    }
}

#[test]
fn stream_output_arrives_while_input_is_pushed() {
    // Live transcription needs samples before the stream ends, not only at `finish`.
    let mut converter = StreamConverter::new(1, 48_000).unwrap();
    let mut out = Vec::new();
    converter.push(&vec![0.1; 48_000], &mut out).unwrap();
    assert!(
        out.len() > 15_000 && out.len() <= 16_000,
        "{} ready",
        out.len()
    );
    converter.finish(&mut out).unwrap();
    assert_eq!(out.len(), 16_000);
}

#[test]
fn output_length_is_rounded_exactly() {
    for rate in [
        8_000, 11_025, 22_050, 32_000, 44_100, 48_000, 96_000, 12_345,
    ] {
        for frames in [1usize, 2, 3, 5, 100, 1_000, 4_567, 20_001] {
            let out = to_mono_16k(&vec![0.25; frames], 1, rate).unwrap();
            assert_eq!(
                out.len(),
                expected_len(frames as u64, rate),
                "{frames} @ {rate}"
            );
        }
    }
}

#[test]
fn bad_layouts_are_rejected_and_empty_input_is_fine() {
    for (channels, rate) in [(0, 16_000), (1, 0), (2, 3_999), (2, 384_001)] {
        let err = to_mono_16k(&[0.0; 4], channels, rate).unwrap_err();
        assert!(matches!(err, AudioError::Unsupported { .. }), "{err:?}");
        assert!(StreamConverter::new(channels, rate).is_err());
    }
    let err = to_mono_16k(&[0.0; 5], 2, 48_000).unwrap_err();
    assert!(matches!(err, AudioError::Unsupported { .. }), "{err:?}");
    assert_eq!(to_mono_16k(&[], 2, 48_000).unwrap(), Vec::<f32>::new());
}

#[test]
fn non_finite_and_loud_input_stays_in_range() {
    let mut input = test_signal(2, 48_000, 4_800);
    input[100] = f32::NAN;
    input[201] = f32::INFINITY;
    input[1_000..2_000].fill(5.0);
    for (channels, rate) in [(2, 48_000), (2, 16_000)] {
        let out = to_mono_16k(&input, channels, rate).unwrap();
        assert!(out.iter().all(|x| (-1.0..=1.0).contains(x)), "{rate} Hz");
    }
}
