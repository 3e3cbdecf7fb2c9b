//! Looks at the first bytes of a file that hound rejected, to tell the user *why*: another
//! audio format, a WAV variant we do not read, or a damaged WAV. This only chooses the error
//! variant and its wording; it never decides whether decoding succeeds.

/// What the leading bytes say about the container.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Container {
    /// RIFF/WAVE (or a prefix of it, when the file is shorter than its first 12 bytes).
    Wav,
    /// A WAV relative that hound cannot read.
    UnsupportedWav(&'static str),
    /// Not a WAV at all; maybe a format we recognise.
    NotWav(Option<&'static str>),
}

/// `true` if `data` and `magic` agree on their common length (a cut-off magic still counts).
fn starts_like(data: &[u8], magic: &[u8]) -> bool {
    let n = data.len().min(magic.len());
    data[..n] == magic[..n]
}

pub(crate) fn container(head: &[u8]) -> Container {
    let Some(id) = head.get(..4) else {
        return if starts_like(head, b"RIFF") {
            Container::Wav
        } else {
            Container::NotWav(None)
        };
    };
    match id {
        b"RIFF" => {
            let kind = head.get(8..).unwrap_or_default();
            if starts_like(kind, b"WAVE") {
                Container::Wav
            } else if starts_like(kind, b"AVI ") {
                Container::NotWav(Some("an AVI video"))
            } else {
                Container::NotWav(None)
            }
        }
        b"RF64" | b"BW64" => Container::UnsupportedWav("RF64/BW64 large-file WAV"),
        b"RIFX" => Container::UnsupportedWav("big-endian RIFX WAV"),
        b"riff" => Container::UnsupportedWav("Sony Wave64"),
        _ => Container::NotWav(other_format(head)),
    }
}

/// Recognises the formats a teacher is most likely to pick by mistake.
fn other_format(head: &[u8]) -> Option<&'static str> {
    let at = |offset: usize, magic: &[u8]| head.get(offset..offset + magic.len()) == Some(magic);
    if at(0, b"ID3") || matches!(head, [0xFF, b, ..] if b & 0xE0 == 0xE0) {
        Some("an MP3 file")
    } else if at(0, b"OggS") {
        Some("an Ogg/Opus file")
    } else if at(0, b"fLaC") {
        Some("a FLAC file")
    } else if at(4, b"ftyp") {
        Some("an M4A/MP4 file")
    } else if at(0, &[0x1A, 0x45, 0xDF, 0xA3]) {
        Some("a WebM/Matroska file")
    } else if at(0, b"FORM") && (at(8, b"AIFF") || at(8, b"AIFC")) {
        Some("an AIFF file")
    } else {
        None
    }
}

/// The few fmt-chunk fields needed to explain a rejection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fmt {
    /// Format tag; for WAVE_FORMAT_EXTENSIBLE, the tag embedded in the sub-format GUID.
    pub tag: u16,
    pub channels: u16,
    pub bits: u16,
}

const EXTENSIBLE: u16 = 0xFFFE;

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

/// Finds and parses the fmt chunk among the captured leading bytes, if it is there.
pub(crate) fn find_fmt(head: &[u8]) -> Option<Fmt> {
    let mut pos = 12usize;
    loop {
        let id = head.get(pos..pos + 4)?;
        let len = usize::try_from(u32_at(head, pos + 4)?).ok()?;
        let body = pos + 8;
        if id == b"fmt " {
            let mut tag = u16_at(head, body)?;
            if tag == EXTENSIBLE {
                tag = u16_at(head, body + 24)?;
            }
            return Some(Fmt {
                tag,
                channels: u16_at(head, body + 2)?,
                bits: u16_at(head, body + 14)?,
            });
        }
        // Chunks are padded to an even length.
        pos = body.checked_add(len)?.checked_add(len & 1)?;
    }
}

/// Why a WAV with this fmt chunk cannot be read, or `None` if the format itself looks fine
/// (then the file is damaged rather than unsupported).
pub(crate) fn unsupported_reason(fmt: &Fmt) -> Option<String> {
    if fmt.channels == 0 {
        return Some("it declares zero audio channels".to_owned());
    }
    let name = match fmt.tag {
        0x0001 if matches!(fmt.bits, 8 | 16 | 24 | 32) => return None,
        0x0001 => return Some(format!("{}-bit integer samples", fmt.bits)),
        0x0003 if fmt.bits == 32 => return None,
        0x0003 => return Some(format!("{}-bit floating-point samples", fmt.bits)),
        0x0002 => "Microsoft ADPCM compression",
        0x0011 => "IMA ADPCM compression",
        0x0006 => "A-law compression",
        0x0007 => "mu-law compression",
        0x0031 => "GSM 6.10 compression",
        0x0050 | 0x0055 => "MPEG/MP3 compression",
        tag => return Some(format!("WAV format code {tag:#06x}")),
    };
    Some(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_containers() {
        assert_eq!(container(b"RIFF\x24\0\0\0WAVEfmt "), Container::Wav);
        assert_eq!(container(b"RIF"), Container::Wav);
        assert_eq!(
            container(b"RIFF\0\0\0\0AVI LIST"),
            Container::NotWav(Some("an AVI video"))
        );
        assert_eq!(
            container(b"ID3\x04rest"),
            Container::NotWav(Some("an MP3 file"))
        );
        assert_eq!(
            container(b"\0\0\0\x20ftypM4A "),
            Container::NotWav(Some("an M4A/MP4 file"))
        );
        assert!(matches!(
            container(b"RF64xxxxWAVE"),
            Container::UnsupportedWav(_)
        ));
        assert_eq!(container(b"hello world!"), Container::NotWav(None));
        assert_eq!(container(b""), Container::Wav);
    }

    #[test]
    fn parses_fmt_after_other_chunks() {
        let mut wav = b"RIFF\0\0\0\0WAVE".to_vec();
        wav.extend_from_slice(b"JUNK\x03\0\0\0abc\0"); // odd length + pad byte
        wav.extend_from_slice(b"fmt \x10\0\0\0");
        wav.extend_from_slice(&[2, 0, 1, 0, 0x40, 0x1F, 0, 0, 0, 0, 0, 0, 1, 0, 4, 0]);
        let fmt = find_fmt(&wav).expect("fmt chunk");
        assert_eq!(
            fmt,
            Fmt {
                tag: 2,
                channels: 1,
                bits: 4
            }
        );
        assert_eq!(
            unsupported_reason(&fmt).as_deref(),
            Some("Microsoft ADPCM compression")
        );
        assert_eq!(find_fmt(&wav[..wav.len() - 3]), None);
    }
}
