//! Recordings left unfinished: the desktop app writes a reading's WAV as it is recorded and
//! fixes the sizes in its header when recording stops. A crash or power cut in between leaves
//! a header whose sizes are zero, stale or too large, followed by good audio. Such a file is
//! still a reading: its sizes are recomputed from the file's length and the audio decoded.

use std::fs::File;
use std::io::{Cursor, Read, Seek, SeekFrom};
use std::path::Path;

use leo_audio::{Audio, AudioError, Input};

/// The chunks before the audio (format, and any metadata a recorder adds) fit in this.
const HEADER_SEARCH: usize = 64 * 1024;

/// Where the audio of an unfinished WAV lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Unfinished {
    /// Offset of the first audio byte (just after the `data` chunk's header).
    data_offset: u64,
    /// Audio bytes present, whole sample frames only.
    data_len: u64,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Looks at the start of a WAV file of `file_len` bytes. `Some` when it is a WAV whose sizes
/// do not match the file (an unfinished recording); `None` for a finished WAV or anything
/// that is not recognisably a WAV (left for the decoder to explain).
fn unfinished(head: &[u8], file_len: u64) -> Option<Unfinished> {
    if head.get(0..4)? != b"RIFF" || head.get(8..12)? != b"WAVE" {
        return None;
    }
    let riff_end = u64::from(u32_at(head, 4)?) + 8;
    let mut block_align = None;
    let mut pos = 12usize;
    loop {
        let id = head.get(pos..pos + 4)?;
        let len = u32_at(head, pos + 4)?;
        let body = pos + 8;
        if id == b"fmt " {
            block_align = u16_at(head, body + 12).filter(|&a| a > 0);
        }
        if id == b"data" {
            let data_offset = body as u64;
            let declared_end = data_offset + u64::from(len);
            // RIFF pads odd chunks with one byte.
            let finished = (riff_end == file_len || riff_end + 1 == file_len)
                && declared_end <= file_len
                && len != 0;
            if finished {
                return None;
            }
            let align = u64::from(block_align?);
            let present = file_len.saturating_sub(data_offset);
            return Some(Unfinished {
                data_offset,
                data_len: present - present % align,
            });
        }
        pos = body.checked_add(usize::try_from(len).ok()?)?;
        pos += pos % 2;
    }
}

fn read_head(file: &mut File) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(HEADER_SEARCH);
    file.take(HEADER_SEARCH as u64).read_to_end(&mut head)?;
    Ok(head)
}

fn io_error(path: &Path, source: std::io::Error) -> AudioError {
    match source.kind() {
        std::io::ErrorKind::NotFound => AudioError::NotFound {
            path: path.to_path_buf(),
        },
        _ => AudioError::Io {
            input: Input::File(path.to_path_buf()),
            source,
        },
    }
}

/// True when the recording at `path` was never finished (see the module comment). Reads only
/// the start of the file; a missing or unreadable file is not called unfinished.
pub fn is_unfinished(path: &Path) -> bool {
    let Ok(mut file) = File::open(path) else {
        return false;
    };
    let Ok(len) = file.metadata().map(|m| m.len()) else {
        return false;
    };
    read_head(&mut file).is_ok_and(|head| unfinished(&head, len).is_some())
}

/// Reads a recording as 16 kHz mono, recovering the audio of an unfinished one. Returns the
/// audio and whether the file was unfinished.
pub fn load_recording(path: &Path) -> Result<(Audio, bool), AudioError> {
    let mut file = File::open(path).map_err(|e| io_error(path, e))?;
    let len = file.metadata().map_err(|e| io_error(path, e))?.len();
    let head = read_head(&mut file).map_err(|e| io_error(path, e))?;
    let Some(u) = unfinished(&head, len) else {
        return Ok((leo_audio::load_wav(path)?, false));
    };
    if u.data_len == 0 {
        return Err(AudioError::Empty {
            input: Input::File(path.to_path_buf()),
        });
    }
    // The header as it should have been written: the same chunks, with the sizes of the
    // audio actually present.
    let offset = usize::try_from(u.data_offset).expect("inside the header search window");
    let mut header = head[..offset].to_vec();
    let data_len = u32::try_from(u.data_len).unwrap_or(u32::MAX);
    let riff_len = u32::try_from(u.data_offset - 8 + u.data_len).unwrap_or(u32::MAX);
    header[4..8].copy_from_slice(&riff_len.to_le_bytes());
    header[offset - 4..offset].copy_from_slice(&data_len.to_le_bytes());
    file.seek(SeekFrom::Start(u.data_offset))
        .map_err(|e| io_error(path, e))?;
    let audio = leo_audio::decode_wav(Cursor::new(header).chain(file.take(u64::from(data_len))))?;
    tracing::debug!(
        "{} was not finished (recording interrupted); scoring the {:.1} s it holds",
        path.display(),
        audio.duration_s()
    );
    Ok((audio, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(n: usize) -> Vec<f32> {
        (0..n).map(|i| (i as f32 * 0.05).sin() * 0.5).collect()
    }

    fn finished_wav(dir: &Path, n: usize) -> (std::path::PathBuf, Vec<u8>) {
        let path = dir.join("reading.wav");
        leo_audio::write_wav_16k(&path, &tone(n)).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        (path, bytes)
    }

    #[test]
    fn a_finished_recording_is_read_as_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let (path, _) = finished_wav(dir.path(), 16_000);
        assert!(!is_unfinished(&path));
        let (audio, unfinished) = load_recording(&path).unwrap();
        assert!(!unfinished);
        assert_eq!(audio, leo_audio::load_wav(&path).unwrap());
    }

    #[test]
    fn an_unfinished_recording_gives_the_audio_it_holds() {
        let dir = tempfile::tempdir().unwrap();
        let (path, bytes) = finished_wav(dir.path(), 16_000);
        let full = leo_audio::load_wav(&path).unwrap().samples;
        // Sizes never written (zero), written as "unknown" (all ones), or stale from the
        // last flush, with the file cut mid-sample.
        for (riff, data, cut) in [
            (0u32, 0u32, 0usize),
            (u32::MAX, u32::MAX, 0),
            (36 + 8_000, 8_000, 1),
        ] {
            let mut b = bytes.clone();
            b[4..8].copy_from_slice(&riff.to_le_bytes());
            b[40..44].copy_from_slice(&data.to_le_bytes());
            b.truncate(b.len() - cut);
            std::fs::write(&path, &b).unwrap();
            assert!(is_unfinished(&path), "sizes {riff}/{data}");
            let (audio, unfinished) = load_recording(&path).unwrap();
            assert!(unfinished);
            let expected = if cut == 0 { full.len() } else { full.len() - 1 };
            assert_eq!(audio.samples.len(), expected, "sizes {riff}/{data}");
            assert_eq!(audio.samples[..100], full[..100]);
        }
    }

    #[test]
    fn an_unfinished_recording_without_audio_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let (path, bytes) = finished_wav(dir.path(), 100);
        let mut b = bytes[..44].to_vec();
        b[4..8].copy_from_slice(&0u32.to_le_bytes());
        b[40..44].copy_from_slice(&0u32.to_le_bytes());
        std::fs::write(&path, &b).unwrap();
        assert!(matches!(
            load_recording(&path),
            Err(AudioError::Empty { .. })
        ));
        // A file that is not a WAV at all is left to the decoder to explain.
        std::fs::write(&path, b"ID3 not a wav").unwrap();
        assert!(!is_unfinished(&path));
        assert!(matches!(
            load_recording(&path),
            Err(AudioError::NotWav { .. })
        ));
        std::fs::write(&path, b"").unwrap();
        assert!(matches!(
            load_recording(&path),
            Err(AudioError::Empty { .. })
        ));
    }
}
