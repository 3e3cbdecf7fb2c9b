//! Bad input gives the right error variant, with a message naming the file, and never panics.

mod common;

use std::path::Path;

use common::*;
use hound::SampleFormat::Int;
use leo_audio::{AudioError, Input, decode_wav, load_wav};

/// A valid 16 kHz mono 16-bit WAV of `frames` samples, as bytes (header is 44 bytes).
fn small_wav(frames: usize) -> Vec<u8> {
    let mut cursor = std::io::Cursor::new(Vec::new());
    let mut w = hound::WavWriter::new(&mut cursor, spec(1, 16_000, 16, Int)).unwrap();
    for i in 0..frames {
        w.write_sample((i as i16).wrapping_mul(97)).unwrap();
    }
    w.finalize().unwrap();
    cursor.into_inner()
}

/// A canonical 44-byte header with arbitrary fmt fields and `data` as the data chunk.
fn raw_wav(tag: u16, channels: u16, rate: u32, bits: u16, data: &[u8]) -> Vec<u8> {
    let align = channels.wrapping_mul(bits / 8);
    let mut v = b"RIFF".to_vec();
    v.extend(&(36 + data.len() as u32).to_le_bytes());
    v.extend(b"WAVEfmt ");
    v.extend(&16u32.to_le_bytes());
    v.extend(&tag.to_le_bytes());
    v.extend(&channels.to_le_bytes());
    v.extend(&rate.to_le_bytes());
    v.extend(&rate.wrapping_mul(u32::from(align)).to_le_bytes());
    v.extend(&align.to_le_bytes());
    v.extend(&bits.to_le_bytes());
    v.extend(b"data");
    v.extend(&(data.len() as u32).to_le_bytes());
    v.extend(data);
    v
}

fn load_bytes(dir: &Path, name: &str, bytes: &[u8]) -> Result<leo_audio::Audio, AudioError> {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let result = load_wav(&path);
    if let Err(err) = &result {
        // Every file-level message names the file, so a teacher knows which one to fix.
        assert!(err.to_string().contains(name), "{err}");
    }
    result
}

#[test]
fn missing_file_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.wav");
    match load_wav(&path) {
        Err(AudioError::NotFound { path: p }) => assert_eq!(p, path),
        other => panic!("expected NotFound, got {other:?}"),
    }
}

#[test]
fn directory_is_an_io_error_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    match load_wav(dir.path()) {
        Err(AudioError::Io { input, .. }) => assert_eq!(input, Input::File(dir.path().into())),
        other => panic!("expected Io, got {other:?}"),
    }
}

#[test]
fn random_bytes_are_not_wav() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = XorShift(7);
    let bytes: Vec<u8> = (0..4096).map(|_| rng.next_u64() as u8).collect();
    let err = load_bytes(dir.path(), "noise.bin", &bytes).unwrap_err();
    assert!(
        matches!(
            err,
            AudioError::NotWav {
                looks_like: None,
                ..
            }
        ),
        "{err:?}"
    );
    // Too short to hold a header at all, and not starting like one.
    let err = load_bytes(dir.path(), "tiny.bin", b"hi").unwrap_err();
    assert!(matches!(err, AudioError::NotWav { .. }), "{err:?}");
}

#[test]
fn other_audio_formats_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let err = load_bytes(dir.path(), "song.mp3", b"ID3\x04\0\0\0\0\0\x10rest-of-mp3").unwrap_err();
    assert!(matches!(
        err,
        AudioError::NotWav {
            looks_like: Some(_),
            ..
        }
    ));
    assert!(err.to_string().contains("MP3"), "{err}");
    let err = load_bytes(dir.path(), "big.wav", b"RF64\xff\xff\xff\xffWAVEds64").unwrap_err();
    assert!(matches!(err, AudioError::Unsupported { .. }), "{err:?}");
}

#[test]
fn truncated_data_is_reported_with_what_is_present() {
    let dir = tempfile::tempdir().unwrap();
    let full = small_wav(16_000); // 1 s
    let err = load_bytes(dir.path(), "half.wav", &full[..44 + 16_000]).unwrap_err();
    match &err {
        AudioError::Truncated { detail, .. } => {
            assert!(
                detail.contains("0.50 s") && detail.contains("1.00 s"),
                "{detail}"
            )
        }
        other => panic!("expected Truncated, got {other:?}"),
    }
    // Cut in the middle of a sample.
    let err = load_bytes(dir.path(), "odd.wav", &full[..44 + 1001]).unwrap_err();
    assert!(matches!(err, AudioError::Truncated { .. }), "{err:?}");
}

#[test]
fn truncated_header_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let full = small_wav(100);
    for cut in [6, 12, 30, 40] {
        let err = load_bytes(dir.path(), "cut.wav", &full[..cut]).unwrap_err();
        assert!(
            matches!(err, AudioError::Truncated { .. }),
            "cut {cut}: {err:?}"
        );
    }
}

#[test]
fn empty_audio_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    let header_only = small_wav(0);
    assert_eq!(header_only.len(), 44);
    let err = load_bytes(dir.path(), "silent.wav", &header_only).unwrap_err();
    assert!(matches!(err, AudioError::Empty { .. }), "{err:?}");
    let err = load_bytes(dir.path(), "zero.wav", b"").unwrap_err();
    assert!(matches!(err, AudioError::Empty { .. }), "{err:?}");
}

#[test]
fn unsupported_formats_say_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, Vec<u8>, &str); 6] = [
        ("adpcm.wav", raw_wav(2, 1, 16_000, 8, &[0; 64]), "ADPCM"),
        ("alaw.wav", raw_wav(6, 1, 16_000, 8, &[0; 64]), "A-law"),
        ("f64.wav", raw_wav(3, 1, 16_000, 64, &[0; 64]), "64-bit"),
        (
            "nochan.wav",
            raw_wav(1, 0, 16_000, 16, &[0; 64]),
            "zero audio channels",
        ),
        ("slow.wav", raw_wav(1, 1, 1, 16, &[0; 64]), "1 Hz"),
        (
            "fast.wav",
            raw_wav(1, 1, 1_000_000, 16, &[0; 64]),
            "1000000 Hz",
        ),
    ];
    for (name, bytes, needle) in cases {
        let err = load_bytes(dir.path(), name, &bytes).unwrap_err();
        assert!(
            matches!(err, AudioError::Unsupported { .. }),
            "{name}: {err:?}"
        );
        assert!(err.to_string().contains(needle), "{name}: {err}");
    }
}

#[test]
fn inconsistent_header_is_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = small_wav(100);
    bytes[28] ^= 0x55; // byte rate no longer matches rate * block align
    let err = load_bytes(dir.path(), "bad.wav", &bytes).unwrap_err();
    assert!(matches!(err, AudioError::Corrupt { .. }), "{err:?}");
}

#[test]
fn reader_failures_are_io_errors() {
    struct Failing;
    impl std::io::Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
    }
    let err = decode_wav(Failing).unwrap_err();
    assert!(
        matches!(
            err,
            AudioError::Io {
                input: Input::Stream,
                ..
            }
        ),
        "{err:?}"
    );

    // Failing half way through the data is an I/O error too, not a truncated file.
    let bytes = small_wav(16_000);
    let reader = std::io::Read::chain(&bytes[..10_000], Failing);
    let err = decode_wav(reader).unwrap_err();
    assert!(matches!(err, AudioError::Io { .. }), "{err:?}");
}

/// Damaged files of every kind: whatever happens, no panic, and any success is sane.
#[test]
fn mangled_files_never_panic() {
    let base = small_wav(400);
    let check = |bytes: &[u8]| {
        if let Ok(audio) = decode_wav(bytes) {
            assert_eq!(audio.sample_rate, 16_000);
            assert!(!audio.samples.is_empty());
            assert!(audio.samples.iter().all(|x| (-1.0..=1.0).contains(x)));
        }
    };
    for cut in 0..base.len() {
        check(&base[..cut]);
    }
    let mut rng = XorShift(0xDEAD_BEEF);
    for _ in 0..3_000 {
        let mut bytes = base.clone();
        for _ in 0..rng.range(1, 5) {
            // Mostly the header, where the structure lives.
            let at = if rng.range(0, 4) == 0 {
                rng.range(0, bytes.len() as u64)
            } else {
                rng.range(0, 48)
            };
            bytes[at as usize] = rng.next_u64() as u8;
        }
        if rng.range(0, 3) == 0 {
            bytes.truncate(rng.range(0, bytes.len() as u64) as usize);
        }
        check(&bytes);
    }
}

/// Headers that are well-formed but declare random layouts, including rates that make the
/// resampler pick huge or odd block sizes.
#[test]
fn random_layouts_never_panic() {
    let mut rng = XorShift(0x5EED);
    for _ in 0..300 {
        let tag = [1, 3, 2, 0xFFFE][rng.range(0, 4) as usize];
        let channels = rng.range(0, 9) as u16;
        let bits = [0, 8, 12, 16, 24, 32, 40, 64][rng.range(0, 8) as usize];
        let rate = match rng.range(0, 3) {
            0 => rng.range(0, 1 << 32) as u32,
            1 => rng.range(3_000, 400_000) as u32,
            _ => [8_000, 16_000, 44_100, 48_000][rng.range(0, 4) as usize],
        };
        let data: Vec<u8> = (0..rng.range(0, 3_000))
            .map(|_| rng.next_u64() as u8)
            .collect();
        let _ = decode_wav(&raw_wav(tag, channels, rate, bits, &data)[..]);
    }
}

/// The most channels a WAV header can declare: decoded correctly, with buffers sized by
/// samples rather than frames (4096 frames of 65 535 channels would be a 1 GB buffer).
#[test]
fn maximum_channel_count_is_downmixed() {
    // 8-bit, every channel at +64 (stored as 192), 3 frames at 16 kHz.
    let data = vec![192u8; 65_535 * 3];
    let audio = decode_wav(&raw_wav(1, 65_535, 16_000, 8, &data)[..]).unwrap();
    assert_eq!(audio.samples, [0.5, 0.5, 0.5]);
}
