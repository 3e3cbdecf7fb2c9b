//! The level meter: RMS and peak of the recorded (16 kHz mono) signal over fixed windows.

/// One meter reading.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Reading {
    /// Root mean square over the window, 0..1 (1 = a full-scale square wave).
    pub rms: f32,
    /// Largest absolute sample in the window, 0..1.
    pub peak: f32,
}

/// Accumulates samples and gives a [`Reading`] every `window` samples. Windows are counted in
/// samples, not wall time, so readings stay evenly spaced in the recording even when samples
/// arrive in bursts.
#[derive(Debug)]
pub(crate) struct LevelMeter {
    window: usize,
    count: usize,
    sum_of_squares: f64,
    peak: f32,
}

impl LevelMeter {
    pub fn new(window: usize) -> LevelMeter {
        LevelMeter {
            window: window.max(1),
            count: 0,
            sum_of_squares: 0.0,
            peak: 0.0,
        }
    }

    /// Adds one sample; returns a reading when it completes a window.
    pub fn push(&mut self, sample: f32) -> Option<Reading> {
        let sample = if sample.is_finite() {
            sample.clamp(-1.0, 1.0)
        } else {
            0.0
        };
        self.sum_of_squares += f64::from(sample) * f64::from(sample);
        self.peak = self.peak.max(sample.abs());
        self.count += 1;
        if self.count < self.window {
            return None;
        }
        let reading = Reading {
            rms: ((self.sum_of_squares / self.count as f64).sqrt() as f32).min(1.0),
            peak: self.peak,
        };
        self.count = 0;
        self.sum_of_squares = 0.0;
        self.peak = 0.0;
        Some(reading)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn readings(meter: &mut LevelMeter, samples: impl IntoIterator<Item = f32>) -> Vec<Reading> {
        samples.into_iter().filter_map(|s| meter.push(s)).collect()
    }

    #[test]
    fn one_reading_per_window() {
        let mut meter = LevelMeter::new(800);
        assert_eq!(readings(&mut meter, std::iter::repeat_n(0.0, 799)).len(), 0);
        assert_eq!(readings(&mut meter, [0.0]).len(), 1);
        assert_eq!(
            readings(&mut meter, std::iter::repeat_n(0.0, 16_000)).len(),
            20
        );
    }

    #[test]
    fn silence_reads_zero() {
        let mut meter = LevelMeter::new(100);
        let r = readings(&mut meter, std::iter::repeat_n(0.0, 100));
        assert_eq!(
            r,
            vec![Reading {
                rms: 0.0,
                peak: 0.0
            }]
        );
    }

    #[test]
    fn sine_has_rms_of_peak_over_root_two() {
        let mut meter = LevelMeter::new(1600);
        let sine = (0..1600)
            .map(|i| 0.5 * (2.0 * std::f32::consts::PI * 440.0 * i as f32 / 16_000.0).sin());
        let r = readings(&mut meter, sine)[0];
        assert!((r.rms - 0.5 / 2f32.sqrt()).abs() < 1e-3, "{r:?}");
        assert!((r.peak - 0.5).abs() < 1e-3, "{r:?}");
    }

    #[test]
    fn negative_peaks_count_and_readings_stay_in_range() {
        let mut meter = LevelMeter::new(4);
        let r = readings(&mut meter, [0.1, -0.9, 5.0, f32::NAN])[0];
        assert_eq!(r.peak, 1.0);
        assert!(r.rms > 0.0 && r.rms <= 1.0);
    }

    #[test]
    fn windows_are_independent() {
        let mut meter = LevelMeter::new(2);
        let r = readings(&mut meter, [1.0, 1.0, 0.0, 0.0]);
        assert_eq!(r[0].peak, 1.0);
        assert_eq!(
            r[1],
            Reading {
                rms: 0.0,
                peak: 0.0
            }
        );
    }
}
