//! The recorder: opens the stream, runs the consumer thread, stops and finalizes.

use std::sync::atomic::Ordering;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};

use crate::error::{CaptureError, Stage};
use crate::pipeline::{LevelReading, Pipeline};
use crate::stream::{OpenedStream, StreamThread};
use crate::watchdog::{Watchdog, WatchdogEvent};
use crate::{CaptureEvent, NO_AUDIO_AFTER, RecorderOptions, RecordingSummary, SAMPLE_RATE};

/// How often the consumer drains the ring. Short enough that level events leave evenly at
/// 20 Hz, long enough to cost nothing.
const DRAIN_INTERVAL: Duration = Duration::from_millis(10);

/// How often `NoAudio` is repeated while the silence lasts.
const NO_AUDIO_REPEAT: Duration = Duration::from_secs(1);

/// A running recording. Stop it with [`Recorder::stop`]; dropping it stops and finalizes too
/// (ignoring errors).
pub struct Recorder {
    stream: StreamThread,
    stop_consumer: Sender<()>,
    consumer: Option<JoinHandle<Result<RecordingSummary, CaptureError>>>,
}

impl std::fmt::Debug for Recorder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recorder")
            .field("stream", &self.stream)
            .field("running", &self.consumer.is_some())
            .finish()
    }
}

impl Recorder {
    /// Opens the device, creates the WAV file and starts recording. Returns once the stream
    /// is open, so a missing or refused device is an `Err` here, not an event. `events` is
    /// called from the recorder's own thread (first with [`CaptureEvent::Waiting`]).
    pub fn start(
        options: RecorderOptions,
        events: impl Fn(CaptureEvent) + Send + 'static,
    ) -> Result<Recorder, CaptureError> {
        let (mut stream, opened) = StreamThread::open(options.device_id)?;
        let pipeline =
            match Pipeline::create(&options.wav_path, opened.channels, opened.sample_rate) {
                Ok(pipeline) => pipeline,
                Err(error) => {
                    stream.stop();
                    return Err(error);
                }
            };
        let (stop_consumer, stop_rx) = crossbeam_channel::bounded(1);
        let consumer = std::thread::Builder::new()
            .name("leo-capture-consumer".to_owned())
            .spawn(move || consume(opened, pipeline, &stop_rx, &events));
        match consumer {
            Ok(consumer) => Ok(Recorder {
                stream,
                stop_consumer,
                consumer: Some(consumer),
            }),
            Err(error) => {
                stream.stop();
                Err(CaptureError::Backend {
                    detail: format!("cannot start the recording thread: {error}"),
                })
            }
        }
    }

    /// Stops recording, writes what is still buffered and finalizes the WAV file.
    ///
    /// A lost device is not an error here (the recording up to then is kept, see
    /// [`RecordingSummary::device_lost`]); a file that could not be written is.
    pub fn stop(mut self) -> Result<RecordingSummary, CaptureError> {
        self.shutdown()
    }

    fn shutdown(&mut self) -> Result<RecordingSummary, CaptureError> {
        // Stream first: once it is closed every captured sample is in the ring, and the
        // consumer's last drain gets them all.
        self.stream.stop();
        let _ = self.stop_consumer.send(());
        let consumer = self.consumer.take().ok_or_else(|| CaptureError::Backend {
            detail: "the recording was already stopped".to_owned(),
        })?;
        consumer.join().unwrap_or_else(|_| {
            Err(CaptureError::Backend {
                detail: "the recording thread panicked".to_owned(),
            })
        })
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        if self.consumer.is_some() {
            let _ = self.shutdown();
        }
    }
}

/// The consumer thread: drains, converts, writes, meters and watches until told to stop.
fn consume(
    mut opened: OpenedStream,
    pipeline: Pipeline,
    stop: &Receiver<()>,
    events: &impl Fn(CaptureEvent),
) -> Result<RecordingSummary, CaptureError> {
    events(CaptureEvent::Waiting);
    let mut watchdog = Watchdog::new(Instant::now(), NO_AUDIO_AFTER, NO_AUDIO_REPEAT);
    let mut emit_level = |level: LevelReading| {
        events(CaptureEvent::Level {
            rms: level.rms,
            peak: level.peak,
            seconds: level.seconds,
        })
    };
    let mut pipeline = Some(pipeline);
    let mut write_error = None;
    let mut device_lost = false;
    let path = pipeline
        .as_ref()
        .map(|p| p.path().to_owned())
        .unwrap_or_default();

    loop {
        let stopping = !matches!(
            stop.recv_timeout(DRAIN_INTERVAL),
            Err(RecvTimeoutError::Timeout)
        );
        let got_samples = match drain(&mut opened.ring, pipeline.as_mut(), &mut emit_level) {
            Ok(got) => got,
            Err(error) => {
                // Keep draining (and discarding) so the callback never sees a full ring, but
                // write nothing more: the file up to here is intact and gets finalized.
                events(CaptureEvent::Failed(error.clone()));
                write_error = Some(error);
                true
            }
        };
        if write_error.is_some() {
            pipeline = None;
        }
        if let Ok(failure) = opened.failures.try_recv() {
            device_lost = true;
            events(CaptureEvent::Failed(CaptureError::from_cpal(
                &failure,
                Stage::Recording,
            )));
        }
        if !device_lost && write_error.is_none() {
            match watchdog.observe(Instant::now(), got_samples) {
                Some(WatchdogEvent::Started) => events(CaptureEvent::Started {
                    device_name: opened.device_name.clone(),
                    sample_rate: opened.sample_rate,
                    channels: opened.channels,
                }),
                Some(WatchdogEvent::NoAudio { seconds }) => {
                    events(CaptureEvent::NoAudio { seconds })
                }
                Some(WatchdogEvent::Resumed) => events(CaptureEvent::Resumed),
                None => {}
            }
        }
        if stopping {
            break;
        }
    }

    if let Some(error) = write_error {
        return Err(error);
    }
    let samples_16k = match pipeline {
        Some(pipeline) => pipeline.finish(&mut emit_level)?,
        None => 0,
    };
    Ok(RecordingSummary {
        path,
        samples_16k,
        seconds: samples_16k as f64 / f64::from(SAMPLE_RATE),
        overflowed_frames: opened.counters.overflowed_frames.load(Ordering::Relaxed),
        xruns: opened.counters.xruns.load(Ordering::Relaxed),
        device_lost,
    })
}

/// Moves everything in the ring through the pipeline (or discards it when there is none).
/// Returns whether any samples were there.
fn drain(
    ring: &mut rtrb::Consumer<f32>,
    pipeline: Option<&mut Pipeline>,
    on_level: &mut impl FnMut(LevelReading),
) -> Result<bool, CaptureError> {
    let available = ring.slots();
    if available == 0 {
        return Ok(false);
    }
    let Ok(chunk) = ring.read_chunk(available) else {
        return Ok(false);
    };
    let result = match pipeline {
        Some(pipeline) => {
            let (first, second) = chunk.as_slices();
            pipeline
                .push(first, on_level)
                .and_then(|()| pipeline.push(second, on_level))
        }
        None => Ok(()),
    };
    chunk.commit_all();
    result.map(|()| true)
}
