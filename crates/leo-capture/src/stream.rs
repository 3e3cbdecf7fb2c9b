//! The capture stream: a thread of its own owns the cpal stream (cpal streams may not move
//! between threads on every platform), and the audio callback only copies samples into a
//! pre-allocated lock-free ring.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use cpal::traits::{DeviceTrait, StreamTrait};
use cpal::{FromSample, SampleFormat, SizedSample};
use crossbeam_channel::{Receiver, Sender};
use leo_audio::{MAX_INPUT_RATE, MIN_INPUT_RATE};

use crate::devices::{display_name, find_input_device};
use crate::error::{CaptureError, Stage, StreamErrorAction, stream_error_action};

/// Seconds of device audio the ring holds. The consumer drains it every few milliseconds;
/// this much slack means only a consumer stalled for seconds (a frozen disk) can overflow it.
const RING_SECONDS: usize = 8;

/// How long a backend that honours it may take to open the stream.
const OPEN_TIMEOUT: Duration = Duration::from_secs(5);

/// How long stopping waits for the stream to close. Closing normally takes milliseconds, but
/// when the PulseAudio server dies under ALSA's pulse plugin, the plugin's threads deadlock
/// and closing never returns: the recording must still end and its file be finalized.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(2);

/// Counters shared by the audio callback and the rest of the recorder.
#[derive(Debug, Default)]
pub(crate) struct StreamCounters {
    /// Device frames that did not fit in the ring and were lost.
    pub overflowed_frames: AtomicU64,
    /// Overruns reported by the driver (samples lost before they reached us).
    pub xruns: AtomicU64,
}

/// The opened device stream as the consumer sees it.
#[derive(Debug)]
pub(crate) struct OpenedStream {
    pub device_name: String,
    pub sample_rate: u32,
    pub channels: u16,
    /// Interleaved device samples, converted to `f32`.
    pub ring: rtrb::Consumer<f32>,
    pub counters: Arc<StreamCounters>,
    /// Errors after which the stream cannot go on (it has been closed).
    pub failures: Receiver<cpal::Error>,
}

enum Command {
    Stop,
    /// Sent by the stream's error callback.
    Failed(cpal::Error),
}

/// Handle on the thread that owns the stream.
#[derive(Debug)]
pub(crate) struct StreamThread {
    commands: Sender<Command>,
    thread: Option<JoinHandle<()>>,
    /// Disconnected when the thread has ended.
    exited: Receiver<()>,
}

impl std::fmt::Debug for Command {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Command::Stop => f.write_str("Stop"),
            Command::Failed(error) => write!(f, "Failed({error})"),
        }
    }
}

impl StreamThread {
    /// Opens the device and starts the stream on a new thread; returns once it plays (or
    /// failed to open).
    pub fn open(device_id: Option<String>) -> Result<(StreamThread, OpenedStream), CaptureError> {
        let (commands, command_rx) = crossbeam_channel::unbounded();
        let (opened_tx, opened_rx) = crossbeam_channel::bounded(1);
        let error_commands = commands.clone();
        let (exited_tx, exited) = crossbeam_channel::bounded::<()>(0);
        let thread = std::thread::Builder::new()
            .name("leo-capture-stream".to_owned())
            .spawn(move || {
                let _exited = exited_tx;
                let (failure_tx, failure_rx) = crossbeam_channel::bounded(1);
                match open_and_play(device_id.as_deref(), error_commands, failure_rx) {
                    Ok((stream, opened)) => {
                        if opened_tx.send(Ok(opened)).is_ok() {
                            run_until_stopped(stream, &command_rx, &failure_tx);
                        }
                    }
                    Err(error) => {
                        let _ = opened_tx.send(Err(error));
                    }
                }
            })
            .map_err(|error| CaptureError::Backend {
                detail: format!("cannot start the capture thread: {error}"),
            })?;
        let mut handle = StreamThread {
            commands,
            thread: Some(thread),
            exited,
        };
        match opened_rx.recv() {
            Ok(Ok(opened)) => Ok((handle, opened)),
            Ok(Err(error)) => {
                handle.stop();
                Err(error)
            }
            Err(_) => {
                handle.stop();
                Err(CaptureError::Backend {
                    detail: "the capture thread ended while opening the device".to_owned(),
                })
            }
        }
    }

    /// Closes the stream and waits for the thread, so no callback runs after this returns.
    /// A stream that does not close within [`CLOSE_TIMEOUT`] is left to its (blocked) thread.
    pub fn stop(&mut self) {
        let _ = self.commands.send(Command::Stop);
        let Some(thread) = self.thread.take() else {
            return;
        };
        if let Err(crossbeam_channel::RecvTimeoutError::Disconnected) =
            self.exited.recv_timeout(CLOSE_TIMEOUT)
        {
            let _ = thread.join();
        }
    }
}

/// Keeps the stream alive until told to stop. A fatal stream error closes it at once (some
/// backends keep reporting the error in a loop otherwise) and is passed on to the consumer.
fn run_until_stopped(
    stream: cpal::Stream,
    commands: &Receiver<Command>,
    failures: &Sender<cpal::Error>,
) {
    let mut stream = Some(stream);
    while let Ok(command) = commands.recv() {
        match command {
            Command::Stop => break,
            Command::Failed(error) => {
                if let Some(failed) = stream.take() {
                    // Tell the consumer first: closing a failed stream can block (see `stop`).
                    let _ = failures.try_send(error);
                    drop(failed);
                }
            }
        }
    }
    if let Some(stream) = stream {
        let _ = stream.pause();
    }
}

fn open_and_play(
    device_id: Option<&str>,
    commands: Sender<Command>,
    failures: Receiver<cpal::Error>,
) -> Result<(cpal::Stream, OpenedStream), CaptureError> {
    let opening = |error: cpal::Error| CaptureError::from_cpal(&error, Stage::Opening);
    let device = find_input_device(device_id)?;
    let supported = device.default_input_config().map_err(opening)?;
    let config = supported.config();
    let (channels, sample_rate) = (config.channels, config.sample_rate);
    if channels == 0 || !(MIN_INPUT_RATE..=MAX_INPUT_RATE).contains(&sample_rate) {
        return Err(CaptureError::UnsupportedFormat {
            detail: format!("{channels} channels at {sample_rate} Hz"),
        });
    }
    let capacity = sample_rate as usize * usize::from(channels) * RING_SECONDS;
    let (producer, ring) = rtrb::RingBuffer::new(capacity);
    let counters = Arc::new(StreamCounters::default());
    let capture = Capture {
        producer,
        channels: usize::from(channels),
        counters: counters.clone(),
    };
    let on_error = error_handler(commands, counters.clone());
    let stream = match supported.sample_format() {
        SampleFormat::F32 => build::<f32>(&device, &config, capture, on_error),
        SampleFormat::I16 => build::<i16>(&device, &config, capture, on_error),
        SampleFormat::I32 => build::<i32>(&device, &config, capture, on_error),
        SampleFormat::U16 => build::<u16>(&device, &config, capture, on_error),
        SampleFormat::U8 => build::<u8>(&device, &config, capture, on_error),
        SampleFormat::I8 => build::<i8>(&device, &config, capture, on_error),
        SampleFormat::F64 => build::<f64>(&device, &config, capture, on_error),
        other => {
            return Err(CaptureError::UnsupportedFormat {
                detail: format!("sample format {other}"),
            });
        }
    }
    .map_err(opening)?;
    stream.play().map_err(opening)?;
    let opened = OpenedStream {
        device_name: display_name(&device),
        sample_rate,
        channels,
        ring,
        counters,
        failures,
    };
    Ok((stream, opened))
}

/// What the audio callback owns.
struct Capture {
    producer: rtrb::Producer<f32>,
    channels: usize,
    counters: Arc<StreamCounters>,
}

impl Capture {
    /// Runs on the audio thread: no allocation, no lock, no logging, no blocking. Writes whole
    /// frames only, so a full ring never shifts the channel interleaving.
    fn copy_in<T>(&mut self, data: &[T])
    where
        T: SizedSample,
        f32: FromSample<T>,
    {
        let room = self.producer.slots().min(data.len());
        let fits = room - room % self.channels;
        if let Ok(chunk) = self.producer.write_chunk_uninit(fits) {
            chunk.fill_from_iter(data[..fits].iter().map(|&s| f32::from_sample_(s)));
        }
        let lost = data.len() - fits;
        if lost > 0 {
            self.counters
                .overflowed_frames
                .fetch_add((lost / self.channels) as u64, Ordering::Relaxed);
        }
    }
}

fn error_handler(
    commands: Sender<Command>,
    counters: Arc<StreamCounters>,
) -> impl FnMut(cpal::Error) + Send + 'static {
    move |error| match stream_error_action(error.kind()) {
        StreamErrorAction::CountXrun => {
            counters.xruns.fetch_add(1, Ordering::Relaxed);
        }
        StreamErrorAction::Ignore => {}
        StreamErrorAction::Fail => {
            let _ = commands.send(Command::Failed(error));
        }
    }
}

fn build<T>(
    device: &cpal::Device,
    config: &cpal::StreamConfig,
    mut capture: Capture,
    on_error: impl FnMut(cpal::Error) + Send + 'static,
) -> Result<cpal::Stream, cpal::Error>
where
    T: SizedSample,
    f32: FromSample<T>,
{
    device.build_input_stream::<T, _, _>(
        *config,
        move |data: &[T], _: &cpal::InputCallbackInfo| capture.copy_in(data),
        on_error,
        Some(OPEN_TIMEOUT),
    )
}
