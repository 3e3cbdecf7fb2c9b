//! Turns captured device samples into the recording: downmix and resample to 16 kHz mono
//! (leo-audio's `StreamConverter`), write the WAV incrementally, and meter the level.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use leo_audio::{StreamConverter, TARGET_RATE};

use crate::error::CaptureError;
use crate::meter::LevelMeter;

/// Level readings per second of recorded audio.
pub const LEVELS_PER_SECOND: u32 = 20;

/// The WAV header is rewritten (and buffered samples written) at least this often, counted in
/// recorded samples, so a killed process leaves a valid file missing at most this much audio
/// plus what is still in flight (a few tens of milliseconds).
const FLUSH_EVERY_SAMPLES: u64 = TARGET_RATE as u64 / 2;

/// A level reading, with the position in the recording it was taken at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LevelReading {
    pub rms: f32,
    pub peak: f32,
    /// Recorded 16 kHz samples so far / 16000.
    pub seconds: f64,
}

type Writer = hound::WavWriter<BufWriter<File>>;

/// The recording in progress: converter state, plus the file and meter it feeds.
pub(crate) struct Pipeline {
    converter: StreamConverter,
    /// Converter output of one `push`, reused to avoid allocating per chunk.
    converted: Vec<f32>,
    recording: RecordingFile,
}

/// The 16 kHz side: WAV writer, meter and counts.
struct RecordingFile {
    writer: Writer,
    path: PathBuf,
    meter: LevelMeter,
    samples_written: u64,
    samples_since_flush: u64,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("path", &self.recording.path)
            .field("samples_written", &self.recording.samples_written)
            .finish_non_exhaustive()
    }
}

/// The format of every recording: what the recogniser reads.
pub fn wav_spec() -> hound::WavSpec {
    hound::WavSpec {
        channels: 1,
        sample_rate: TARGET_RATE,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    }
}

fn to_i16(sample: f32) -> i16 {
    // The converter already clamps to [-1, 1]; scaling by 32767 keeps +1 and -1 symmetric.
    (sample * f32::from(i16::MAX)).round() as i16
}

fn conversion_error(error: leo_audio::AudioError) -> CaptureError {
    CaptureError::Backend {
        detail: error.to_string(),
    }
}

impl Pipeline {
    /// Creates the WAV file (replacing any file at `path`) for input with `channels` channels
    /// at `sample_rate` Hz.
    pub fn create(path: &Path, channels: u16, sample_rate: u32) -> Result<Pipeline, CaptureError> {
        let converter = StreamConverter::new(channels, sample_rate).map_err(|error| {
            CaptureError::UnsupportedFormat {
                detail: error.to_string(),
            }
        })?;
        let writer = hound::WavWriter::create(path, wav_spec())
            .map_err(|error| CaptureError::from_wav(error, path.to_owned()))?;
        Ok(Pipeline {
            converter,
            // Room for a second of 16 kHz output: more than one drain ever produces.
            converted: Vec::with_capacity(TARGET_RATE as usize),
            recording: RecordingFile {
                writer,
                path: path.to_owned(),
                meter: LevelMeter::new((TARGET_RATE / LEVELS_PER_SECOND) as usize),
                samples_written: 0,
                samples_since_flush: 0,
            },
        })
    }

    /// 16 kHz samples written to the file so far.
    #[cfg(test)]
    pub fn samples_written(&self) -> u64 {
        self.recording.samples_written
    }

    pub fn path(&self) -> &Path {
        &self.recording.path
    }

    /// Feeds interleaved device samples (any split, even mid-frame) and calls `on_level` for
    /// each completed meter window.
    pub fn push(
        &mut self,
        interleaved: &[f32],
        on_level: &mut impl FnMut(LevelReading),
    ) -> Result<(), CaptureError> {
        self.converted.clear();
        self.converter
            .push(interleaved, &mut self.converted)
            .map_err(conversion_error)?;
        self.recording.write(&self.converted, on_level)
    }

    /// Ends the recording: the resampler's tail is written and the file finalized. Returns the
    /// number of 16 kHz samples in the file.
    pub fn finish(self, on_level: &mut impl FnMut(LevelReading)) -> Result<u64, CaptureError> {
        let Pipeline {
            converter,
            mut converted,
            mut recording,
        } = self;
        converted.clear();
        converter.finish(&mut converted).map_err(conversion_error)?;
        recording.write(&converted, on_level)?;
        let samples = recording.samples_written;
        recording
            .writer
            .finalize()
            .map_err(|error| CaptureError::from_wav(error, recording.path))?;
        Ok(samples)
    }
}

impl RecordingFile {
    fn write(
        &mut self,
        samples: &[f32],
        on_level: &mut impl FnMut(LevelReading),
    ) -> Result<(), CaptureError> {
        for &sample in samples {
            self.writer
                .write_sample(to_i16(sample))
                .map_err(|error| CaptureError::from_wav(error, self.path.clone()))?;
            self.samples_written += 1;
            self.samples_since_flush += 1;
            if let Some(reading) = self.meter.push(sample) {
                on_level(LevelReading {
                    rms: reading.rms,
                    peak: reading.peak,
                    seconds: self.samples_written as f64 / f64::from(TARGET_RATE),
                });
            }
        }
        if self.samples_since_flush >= FLUSH_EVERY_SAMPLES {
            // Writes buffered samples and a header that matches them.
            self.samples_since_flush = 0;
            self.writer
                .flush()
                .map_err(|error| CaptureError::from_wav(error, self.path.clone()))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_back(path: &Path) -> (hound::WavSpec, Vec<i16>) {
        let mut reader = hound::WavReader::open(path).unwrap();
        let spec = reader.spec();
        (spec, reader.samples::<i16>().map(Result::unwrap).collect())
    }

    #[test]
    fn stereo_is_downmixed_by_averaging() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rec.wav");
        let mut pipeline = Pipeline::create(&path, 2, 16_000).unwrap();
        // Opposite channels cancel; equal channels keep their value. Split mid-frame on purpose.
        let frames: Vec<f32> = [[0.5, -0.5], [0.5, 0.5], [0.25, 0.75]].concat();
        pipeline.push(&frames[..3], &mut |_| {}).unwrap();
        pipeline.push(&frames[3..], &mut |_| {}).unwrap();
        assert_eq!(pipeline.finish(&mut |_| {}).unwrap(), 3);
        let (spec, samples) = read_back(&path);
        assert_eq!(spec, wav_spec());
        assert_eq!(samples, [0, 16384, 16384]);
    }

    #[test]
    fn resampled_length_matches_the_input_duration() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rec.wav");
        let mut pipeline = Pipeline::create(&path, 1, 48_000).unwrap();
        let mut levels = Vec::new();
        // 1.5 s of a 440 Hz tone at 48 kHz, in callback-sized pieces.
        let tone: Vec<f32> = (0..72_000)
            .map(|i| 0.5 * (2.0 * std::f32::consts::PI * 440.0 * i as f32 / 48_000.0).sin())
            .collect();
        for piece in tone.chunks(441) {
            pipeline
                .push(piece, &mut |level| levels.push(level))
                .unwrap();
        }
        let samples = pipeline.finish(&mut |level| levels.push(level)).unwrap();
        assert_eq!(samples, 24_000);
        assert_eq!(read_back(&path).1.len(), 24_000);
        assert_eq!(levels.len(), 30, "20 readings per second of audio");
        assert!((levels[29].seconds - 1.5).abs() < 1e-9);
        let middle = levels[15];
        assert!(
            (middle.rms - 0.354).abs() < 0.01 && (middle.peak - 0.5).abs() < 0.01,
            "{middle:?}"
        );
    }

    #[test]
    fn the_file_on_disk_is_readable_before_the_recording_ends() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rec.wav");
        let mut pipeline = Pipeline::create(&path, 1, 16_000).unwrap();
        for _ in 0..20 {
            pipeline.push(&[0.1; 1000], &mut |_| {}).unwrap();
        }
        // Not finished: the header must already describe at least the last flush.
        let (_, samples) = read_back(&path);
        let written = pipeline.samples_written() as usize;
        assert_eq!(written, 20_000);
        assert!(
            samples.len() >= written - FLUSH_EVERY_SAMPLES as usize,
            "{}",
            samples.len()
        );
        drop(pipeline);
    }
}
