//! Shared by the capture integration tests: events with their arrival times.

#![allow(dead_code)]

use std::time::{Duration, Instant};

use crossbeam_channel::Receiver;
use leo_capture::{CaptureError, CaptureEvent, Recorder, RecorderOptions, RecordingSummary};

/// A recorder whose events are collected with the time they arrived.
pub struct Recording {
    recorder: Option<Recorder>,
    pub started_at: Instant,
    events: Receiver<(Instant, CaptureEvent)>,
    /// Every event received so far.
    pub log: Vec<(Instant, CaptureEvent)>,
}

impl Recording {
    pub fn start(options: RecorderOptions) -> Recording {
        let (sender, events) = crossbeam_channel::unbounded();
        let started_at = Instant::now();
        let recorder = Recorder::start(options, move |event| {
            let _ = sender.send((Instant::now(), event));
        })
        .expect("the recorder should start on the virtual microphone");
        Recording {
            recorder: Some(recorder),
            started_at,
            events,
            log: Vec::new(),
        }
    }

    /// Waits for the first event that `wanted` accepts, panicking after `timeout`.
    pub fn wait_for(
        &mut self,
        what: &str,
        timeout: Duration,
        wanted: impl Fn(&CaptureEvent) -> bool,
    ) -> (Instant, CaptureEvent) {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let Ok((at, event)) = self.events.recv_timeout(left) else {
                panic!(
                    "no {what} within {timeout:?}; events so far: {:?}",
                    self.summary()
                );
            };
            self.log.push((at, event.clone()));
            if wanted(&event) {
                return (at, event);
            }
        }
    }

    /// Waits until a level event reports at least `seconds` of recorded audio.
    pub fn wait_for_recorded(&mut self, seconds: f64, timeout: Duration) -> f64 {
        match self.wait_for(
            "level event",
            timeout,
            |event| matches!(event, CaptureEvent::Level { seconds: s, .. } if *s >= seconds),
        ) {
            (_, CaptureEvent::Level { seconds, .. }) => seconds,
            _ => unreachable!(),
        }
    }

    /// Stops the recorder and collects the events it sent until then.
    pub fn stop(&mut self) -> Result<RecordingSummary, CaptureError> {
        let recorder = self.recorder.take().expect("stopped twice");
        let result = recorder.stop();
        self.collect_pending();
        result
    }

    /// Moves events that already arrived into the log.
    pub fn collect_pending(&mut self) {
        while let Ok(entry) = self.events.try_recv() {
            self.log.push(entry);
        }
    }

    pub fn levels(&self) -> Vec<(f32, f32, f64)> {
        self.log
            .iter()
            .filter_map(|(_, event)| match event {
                CaptureEvent::Level { rms, peak, seconds } => Some((*rms, *peak, *seconds)),
                _ => None,
            })
            .collect()
    }

    /// When each level event arrived (wall time).
    pub fn level_arrivals(&self) -> Vec<Instant> {
        self.log
            .iter()
            .filter(|(_, event)| matches!(event, CaptureEvent::Level { .. }))
            .map(|(at, _)| *at)
            .collect()
    }

    /// Event names (levels left out) with milliseconds since start, for failure messages.
    pub fn summary(&self) -> Vec<String> {
        self.log
            .iter()
            .filter(|(_, event)| !matches!(event, CaptureEvent::Level { .. }))
            .map(|(at, event)| format!("{} ms: {event:?}", (*at - self.started_at).as_millis()))
            .collect()
    }
}

/// Reads a 16-bit mono WAV as samples in [-1, 1].
pub fn read_wav_16k(path: &std::path::Path) -> (hound::WavSpec, Vec<f32>) {
    let mut reader = hound::WavReader::open(path).expect("the WAV file should open");
    let spec = reader.spec();
    let samples = reader
        .samples::<i16>()
        .map(|s| f32::from(s.expect("readable sample")) / 32768.0)
        .collect();
    (spec, samples)
}

pub fn rms(samples: &[f32]) -> f32 {
    if samples.is_empty() {
        return 0.0;
    }
    (samples.iter().map(|s| s * s).sum::<f32>() / samples.len() as f32).sqrt()
}
