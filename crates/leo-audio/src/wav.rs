//! WAV reading (streamed through the converter block by block) and writing.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

use hound::{SampleFormat, WavReader, WavSpec, WavWriter};

use crate::convert::{StreamConverter, check_layout, output_len};
use crate::sniff::{self, Container};
use crate::{Audio, AudioError, Input, TARGET_RATE};

/// Leading bytes kept for explaining a rejected header; fmt chunks sit well within this.
const HEAD_CAPTURE: usize = 64 * 1024;
/// Samples decoded before handing them to the converter, so a long 48 kHz stereo file is
/// never held in memory at its input size. Counted in samples, not frames, so a header
/// claiming 65 535 channels cannot inflate the buffer (the converter joins split frames).
const READ_SAMPLES: usize = 16 * 1024;
/// Cap on pre-allocation from the header's length claim, which a damaged file can inflate.
const MAX_RESERVE: u64 = TARGET_RATE as u64 * 60 * 10;

/// Reads any PCM/float WAV file and returns it as 16 kHz mono.
pub fn load_wav(path: &Path) -> Result<Audio, AudioError> {
    let input = Input::File(path.to_path_buf());
    let file = File::open(path).map_err(|source| match source.kind() {
        io::ErrorKind::NotFound => AudioError::NotFound {
            path: path.to_path_buf(),
        },
        _ => AudioError::Io {
            input: input.clone(),
            source,
        },
    })?;
    decode(file, input)
}

/// Like [`load_wav`], for WAV data from any reader (read sequentially, never seeked).
pub fn decode_wav(reader: impl Read) -> Result<Audio, AudioError> {
    decode(reader, Input::Stream)
}

/// Writes 16 kHz mono samples as 16-bit PCM. Values outside [-1, 1] are clipped.
pub fn write_wav_16k(path: &Path, samples: &[f32]) -> Result<(), AudioError> {
    let fail = |err: hound::Error| AudioError::Write {
        path: path.to_path_buf(),
        source: match err {
            hound::Error::IoError(source) => source,
            other => io::Error::other(other.to_string()),
        },
    };
    let spec = WavSpec {
        channels: 1,
        sample_rate: TARGET_RATE,
        bits_per_sample: 16,
        sample_format: SampleFormat::Int,
    };
    let mut writer = WavWriter::create(path, spec).map_err(fail)?;
    for &x in samples {
        // x * 32768 mirrors the reader's i16 / 32768, so write -> read round-trips exactly.
        let x = if x.is_finite() { x } else { 0.0 };
        let value = (x * 32768.0).round().clamp(-32768.0, 32767.0) as i16;
        writer.write_sample(value).map_err(fail)?;
    }
    writer.finalize().map_err(fail)
}

/// Passes reads through, keeping the first bytes and noting whether the underlying reader
/// itself failed. hound reports both a real I/O failure and running out of data as
/// `IoError`; this flag is how the two are told apart (broken disk vs truncated file).
struct Tap<R> {
    inner: R,
    head: Vec<u8>,
    failed: bool,
}

impl<R: Read> Read for Tap<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.inner.read(buf) {
            Ok(n) => {
                let keep = n.min(HEAD_CAPTURE - self.head.len());
                self.head.extend_from_slice(&buf[..keep]);
                Ok(n)
            }
            Err(err) => {
                // Interrupted reads are retried by the caller, so they are no failure.
                self.failed |= err.kind() != io::ErrorKind::Interrupted;
                Err(err)
            }
        }
    }
}

/// Why decoding stopped, before it is turned into a user-facing error.
enum Failure {
    Header(hound::Error),
    Samples {
        err: hound::Error,
        spec: WavSpec,
        frames_read: u64,
        frames_expected: u64,
    },
    Done(AudioError),
}

fn decode<R: Read>(reader: R, input: Input) -> Result<Audio, AudioError> {
    let mut tap = Tap {
        inner: reader,
        head: Vec::new(),
        failed: false,
    };
    let result = read_all(&mut tap, &input);
    result.map_err(|failure| explain(failure, &tap, input))
}

fn read_all<R: Read>(tap: &mut Tap<R>, input: &Input) -> Result<Audio, Failure> {
    let mut wav = WavReader::new(BufReader::new(tap)).map_err(Failure::Header)?;
    let spec = wav.spec();
    let unsupported = |detail| {
        Failure::Done(AudioError::Unsupported {
            input: input.clone(),
            detail,
        })
    };
    check_layout(spec.channels, spec.sample_rate).map_err(unsupported)?;
    let bits = spec.bits_per_sample;
    match spec.sample_format {
        SampleFormat::Int if matches!(bits, 8 | 16 | 24 | 32) => {}
        SampleFormat::Float if bits == 32 => {}
        SampleFormat::Int => return Err(unsupported(format!("{bits}-bit integer samples"))),
        SampleFormat::Float => return Err(unsupported(format!("{bits}-bit float samples"))),
    }
    let frames_expected = u64::from(wav.duration());
    if frames_expected == 0 {
        return Err(Failure::Done(AudioError::Empty {
            input: input.clone(),
        }));
    }

    let mut converter =
        StreamConverter::new(spec.channels, spec.sample_rate).map_err(Failure::Done)?;
    let reserve = output_len(frames_expected, spec.sample_rate).min(MAX_RESERVE);
    let mut out = Vec::with_capacity(usize::try_from(reserve).unwrap_or(0));
    let mut pump = Pump {
        block: Vec::with_capacity(READ_SAMPLES),
        read: 0,
        converter: &mut converter,
        out: &mut out,
    };
    let pumped = match spec.sample_format {
        SampleFormat::Int => {
            // Full scale of a signed `bits`-bit integer; a power of two, so scaling is exact.
            let scale = 2f32.powi(1 - i32::from(bits));
            pump.run(wav.samples::<i32>().map(|s| s.map(|s| s as f32 * scale)))
        }
        SampleFormat::Float => pump.run(wav.samples::<f32>()),
    };
    let samples_read = pump.read;
    pumped.map_err(|err| match err {
        PumpError::Wav(err) => Failure::Samples {
            err,
            spec,
            frames_read: samples_read / u64::from(spec.channels),
            frames_expected,
        },
        PumpError::Convert(err) => Failure::Done(err),
    })?;
    converter.finish(&mut out).map_err(Failure::Done)?;
    Ok(Audio {
        samples: out,
        sample_rate: TARGET_RATE,
    })
}

enum PumpError {
    Wav(hound::Error),
    Convert(AudioError),
}

/// Moves decoded samples into the converter one block at a time.
struct Pump<'a> {
    block: Vec<f32>,
    read: u64,
    converter: &'a mut StreamConverter,
    out: &'a mut Vec<f32>,
}

impl Pump<'_> {
    fn run(&mut self, samples: impl Iterator<Item = hound::Result<f32>>) -> Result<(), PumpError> {
        for sample in samples {
            self.block.push(sample.map_err(PumpError::Wav)?);
            self.read += 1;
            if self.block.len() == READ_SAMPLES {
                self.flush()?;
            }
        }
        self.flush()
    }

    fn flush(&mut self) -> Result<(), PumpError> {
        let pushed = self.converter.push(&self.block, self.out);
        self.block.clear();
        pushed.map_err(PumpError::Convert)
    }
}

/// Turns a decoding failure into the error the user sees, using what the tap observed.
fn explain<R>(failure: Failure, tap: &Tap<R>, input: Input) -> AudioError {
    let io_or = |source: io::Error, otherwise: AudioError| {
        if tap.failed {
            AudioError::Io {
                input: input.clone(),
                source,
            }
        } else {
            otherwise
        }
    };
    match failure {
        Failure::Done(err) => err,
        Failure::Header(hound::Error::IoError(source)) if tap.failed => {
            AudioError::Io { input, source }
        }
        Failure::Header(err) => explain_header(err, &tap.head, input),
        Failure::Samples {
            err,
            spec,
            frames_read,
            frames_expected,
        } => match err {
            hound::Error::IoError(source) => {
                let rate = f64::from(spec.sample_rate);
                let detail = format!(
                    "only {:.2} s of the {:.2} s of audio its header announces are present",
                    frames_read as f64 / rate,
                    frames_expected as f64 / rate
                );
                let truncated = AudioError::Truncated {
                    input: input.clone(),
                    detail,
                };
                io_or(source, truncated)
            }
            hound::Error::FormatError(reason) => AudioError::Corrupt {
                input,
                reason: reason.to_owned(),
            },
            other => AudioError::Unsupported {
                input,
                detail: format!(
                    "{}-bit samples stored in an unusual layout ({other})",
                    spec.bits_per_sample
                ),
            },
        },
    }
}

/// Explains a header rejection that did not come from a failing reader.
fn explain_header(err: hound::Error, head: &[u8], input: Input) -> AudioError {
    if head.is_empty() {
        // A zero-byte file: most likely a recording that never started.
        return AudioError::Empty { input };
    }
    match sniff::container(head) {
        Container::NotWav(looks_like) => return AudioError::NotWav { input, looks_like },
        Container::UnsupportedWav(what) => {
            return AudioError::Unsupported {
                input,
                detail: what.to_owned(),
            };
        }
        Container::Wav => {}
    }
    if let Some(detail) = sniff::find_fmt(head)
        .as_ref()
        .and_then(sniff::unsupported_reason)
    {
        return AudioError::Unsupported { input, detail };
    }
    match err {
        // The reader did not fail, so hound ran out of bytes.
        hound::Error::IoError(_) => AudioError::Truncated {
            input,
            detail: "it ends before its audio data starts".to_owned(),
        },
        hound::Error::Unsupported => AudioError::Unsupported {
            input,
            detail: "an unusual WAV encoding".to_owned(),
        },
        hound::Error::FormatError(reason) => AudioError::Corrupt {
            input,
            reason: reason.to_owned(),
        },
        other => AudioError::Corrupt {
            input,
            reason: other.to_string(),
        },
    }
}
