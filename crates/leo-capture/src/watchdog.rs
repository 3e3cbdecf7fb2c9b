//! Tells the UI when the first samples arrive, when samples stop and when they come back.
//! Pure logic with the clock passed in, so it is tested without audio.

use std::time::{Duration, Instant};

/// What the watchdog has to report after an observation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum WatchdogEvent {
    /// The first samples of the recording arrived.
    Started,
    /// Nothing arrived for `seconds` (since the stream opened, or since the last samples).
    NoAudio { seconds: f64 },
    /// Samples arrive again after a [`WatchdogEvent::NoAudio`].
    Resumed,
}

/// Silence-of-the-device detector. Reports `NoAudio` once `silence_limit` passes without
/// samples (counting from the stream opening when none came yet), then again every `repeat`
/// while it lasts, so the UI can show how long it has waited.
#[derive(Debug)]
pub(crate) struct Watchdog {
    silence_limit: Duration,
    repeat: Duration,
    /// When samples last arrived, or when the stream opened.
    last_audio: Instant,
    started: bool,
    silent: bool,
    /// Silence length at which the next `NoAudio` is due.
    next_report: Duration,
}

impl Watchdog {
    pub fn new(opened_at: Instant, silence_limit: Duration, repeat: Duration) -> Watchdog {
        Watchdog {
            silence_limit,
            repeat,
            last_audio: opened_at,
            started: false,
            silent: false,
            next_report: silence_limit,
        }
    }

    /// Records whether samples arrived since the last call, at time `now`.
    pub fn observe(&mut self, now: Instant, got_samples: bool) -> Option<WatchdogEvent> {
        if got_samples {
            self.last_audio = now;
            self.next_report = self.silence_limit;
            let was_silent = std::mem::replace(&mut self.silent, false);
            if !self.started {
                // `Started` also ends a `NoAudio` reported while waiting for the first samples.
                self.started = true;
                return Some(WatchdogEvent::Started);
            }
            return was_silent.then_some(WatchdogEvent::Resumed);
        }
        let waited = now.saturating_duration_since(self.last_audio);
        if waited < self.next_report {
            return None;
        }
        self.silent = true;
        self.next_report = waited + self.repeat;
        Some(WatchdogEvent::NoAudio {
            seconds: waited.as_secs_f64(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use WatchdogEvent::*;

    const LIMIT: Duration = Duration::from_secs(2);
    const REPEAT: Duration = Duration::from_secs(1);

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    /// Steps a watchdog through `(ms since opening, samples arrived)` ticks.
    fn run(ticks: &[(u64, bool)]) -> Vec<(u64, WatchdogEvent)> {
        let t0 = Instant::now();
        let mut dog = Watchdog::new(t0, LIMIT, REPEAT);
        ticks
            .iter()
            .filter_map(|&(at, got)| dog.observe(t0 + ms(at), got).map(|e| (at, e)))
            .collect()
    }

    #[test]
    fn first_samples_start_the_recording() {
        assert_eq!(
            run(&[(10, false), (1500, false), (1510, true), (1520, true)]),
            [(1510, Started)]
        );
    }

    #[test]
    fn nothing_after_opening_is_reported_at_the_limit() {
        let events = run(&[(1990, false), (2000, false), (2010, false)]);
        assert_eq!(events, [(2000, NoAudio { seconds: 2.0 })]);
    }

    #[test]
    fn late_first_samples_give_started_not_resumed() {
        let events = run(&[(2000, false), (2300, true), (2400, true)]);
        assert_eq!(events, [(2000, NoAudio { seconds: 2.0 }), (2300, Started)]);
    }

    #[test]
    fn silence_is_reported_again_every_second_until_samples_return() {
        let mut ticks = vec![(0, true)];
        ticks.extend((1..=45).map(|i| (i * 100, false)));
        ticks.push((4600, true));
        ticks.push((4700, true));
        let events = run(&ticks);
        assert_eq!(
            events,
            [
                (0, Started),
                (2000, NoAudio { seconds: 2.0 }),
                (3000, NoAudio { seconds: 3.0 }),
                (4000, NoAudio { seconds: 4.0 }),
                (4600, Resumed),
            ]
        );
    }

    #[test]
    fn short_gaps_are_not_reported() {
        let events = run(&[
            (0, true),
            (1900, false),
            (1950, true),
            (3900, false),
            (3940, true),
        ]);
        assert_eq!(events, [(0, Started)]);
    }

    #[test]
    fn a_second_silence_is_reported_from_its_own_start() {
        let events = run(&[
            (0, true),
            (2000, false),
            (2100, true),
            (4000, false),
            (4100, false),
        ]);
        assert_eq!(
            events,
            [
                (0, Started),
                (2000, NoAudio { seconds: 2.0 }),
                (2100, Resumed),
                (4100, NoAudio { seconds: 2.0 })
            ]
        );
    }
}
