//! Scores read from a reading's voice profile (the recogniser's encoder output pooled over the
//! reading), made blind to how high the reader's voice is.
//!
//! Why pitch is taken out: the profile also says who is reading. On the training corpus the
//! readers with higher voices (children and women) were scored higher by the experts, and a
//! model fitted there learns "higher voice, better reading". Every Leo reader is a child, and a
//! score that follows voice pitch would follow age and sex, not reading. So before the voice
//! models see a profile, each of its values has the part that moves linearly with the log of
//! the reader's median pitch removed, with slopes learned on the training readings.

use serde::{Deserialize, Serialize};

use crate::calibration::{AspectModels, LinearModel};

/// How each profile value moves with the log of the reader's median pitch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PitchNeutral {
    /// Mean of ln(median pitch in Hz) over the training readings.
    pub mean_log_hz: f64,
    /// Per profile value, its least-squares slope against ln(median pitch).
    pub slopes: Vec<f64>,
}

impl PitchNeutral {
    /// Slopes from the readings that have both a profile and a pitch. With fewer than two
    /// distinct pitches there is nothing to learn and the slopes are zero.
    pub fn fit(profiles: &[Vec<f64>], pitches_hz: &[Option<f64>]) -> PitchNeutral {
        let width = profiles.first().map_or(0, Vec::len);
        let pairs: Vec<(&Vec<f64>, f64)> = profiles
            .iter()
            .zip(pitches_hz)
            .filter_map(|(p, hz)| Some((p, log_hz(*hz)?)))
            .filter(|(p, _)| p.len() == width)
            .collect();
        let n = pairs.len().max(1) as f64;
        let mean_log_hz = pairs.iter().map(|(_, l)| l).sum::<f64>() / n;
        let spread: f64 = pairs.iter().map(|(_, l)| (l - mean_log_hz).powi(2)).sum();
        let slopes = (0..width)
            .map(|j| {
                if spread <= 1e-12 {
                    return 0.0;
                }
                let mean_j = pairs.iter().map(|(p, _)| p[j]).sum::<f64>() / n;
                let cov: f64 = pairs
                    .iter()
                    .map(|(p, l)| (p[j] - mean_j) * (l - mean_log_hz))
                    .sum();
                cov / spread
            })
            .collect();
        PitchNeutral {
            mean_log_hz,
            slopes,
        }
    }

    /// The profile as it would be at the training readers' mean pitch. Without a pitch (too
    /// little voicing to measure) the profile is left as it is.
    pub fn apply(&self, profile: &[f64], pitch_hz: Option<f64>) -> Vec<f64> {
        let Some(offset) = log_hz(pitch_hz).map(|l| l - self.mean_log_hz) else {
            return profile.to_vec();
        };
        profile
            .iter()
            .zip(self.slopes.iter().chain(std::iter::repeat(&0.0)))
            .map(|(v, slope)| v - slope * offset)
            .collect()
    }
}

fn log_hz(hz: Option<f64>) -> Option<f64> {
    hz.filter(|h| h.is_finite() && *h > 0.0).map(f64::ln)
}

/// One voice model per utterance aspect, reading the pitch-neutral profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoiceModels {
    pub pitch: PitchNeutral,
    #[serde(flatten)]
    pub aspects: AspectModels,
}

impl VoiceModels {
    /// Fits the pitch slopes, then one ridge model per target on the pitch-neutral profiles.
    /// `targets[k][i]` is aspect `k`'s expert score for reading `i`.
    pub fn fit(
        profiles: &[Vec<f64>],
        pitches_hz: &[Option<f64>],
        targets: &[Vec<f64>; 5],
        lambda: f64,
    ) -> VoiceModels {
        let pitch = PitchNeutral::fit(profiles, pitches_hz);
        let neutral: Vec<Vec<f64>> = profiles
            .iter()
            .zip(pitches_hz)
            .map(|(p, hz)| pitch.apply(p, *hz))
            .collect();
        let width = profiles.first().map_or(0, Vec::len) / 2;
        let target_refs: Vec<&[f64]> = targets.iter().map(Vec::as_slice).collect();
        let mut models = LinearModel::fit_each(
            &voice_profile_features(width),
            &neutral,
            &target_refs,
            lambda,
            0.0,
            10.0,
        )
        .into_iter();
        VoiceModels {
            pitch,
            aspects: AspectModels::from_fn(|_| {
                models.next().expect("five targets give five models")
            }),
        }
    }

    /// Number of values the models expect in a profile.
    pub fn width(&self) -> usize {
        self.aspects.total.weights.len()
    }

    /// Each aspect's voice score from a profile (as the recogniser gives it, in f32) and the
    /// reader's median pitch.
    pub fn predict(&self, profile: &[f32], pitch_hz: Option<f64>) -> [f64; 5] {
        let x: Vec<f64> = profile.iter().map(|&v| f64::from(v)).collect();
        let neutral = self.pitch.apply(&x, pitch_hz);
        self.aspects.all().map(|m| m.predict(&neutral))
    }
}

/// Names of the voice profile's values for a model whose encoder frames hold `width` floats.
pub fn voice_profile_features(width: usize) -> Vec<String> {
    (0..width)
        .map(|i| format!("mean_{i}"))
        .chain((0..width).map(|i| format!("spread_{i}")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 210 readings: the profile's first value follows the reader's pitch, the second the
    /// reading's quality; pitch and quality vary independently. The experts' score follows
    /// quality and, as on the training corpus, also favours higher voices.
    fn readings() -> (Vec<Vec<f64>>, Vec<Option<f64>>, Vec<f64>) {
        let (mut profiles, mut pitches, mut scores) = (vec![], vec![], vec![]);
        for i in 0..210i32 {
            let quality = f64::from(i % 10);
            let hz = 110.0 * 1.15f64.powi(i % 7);
            profiles.push(vec![3.0 * hz.ln(), 0.4 * quality, 1.0, 1.0]);
            pitches.push(Some(hz));
            scores.push(quality + 2.0 * (hz / 200.0).ln());
        }
        (profiles, pitches, scores)
    }

    #[test]
    fn the_neutral_profile_no_longer_follows_pitch() {
        let (profiles, pitches, _) = readings();
        let neutral = PitchNeutral::fit(&profiles, &pitches);
        assert!(
            (neutral.slopes[0] - 3.0).abs() < 1e-9,
            "{:?}",
            neutral.slopes
        );
        assert!(neutral.slopes[1].abs() < 1e-9, "{:?}", neutral.slopes);
        let after: Vec<Vec<f64>> = profiles
            .iter()
            .zip(&pitches)
            .map(|(p, hz)| neutral.apply(p, *hz))
            .collect();
        // The pitch value is flat now; the quality value is untouched.
        assert!(after.iter().all(|p| (p[0] - after[0][0]).abs() < 1e-9));
        for (a, p) in after.iter().zip(&profiles) {
            assert!((a[1] - p[1]).abs() < 1e-9);
        }
        // Without a pitch, or at the mean pitch, the profile is unchanged.
        assert_eq!(neutral.apply(&profiles[3], None), profiles[3]);
        let at_mean = Some(neutral.mean_log_hz.exp());
        for (a, b) in neutral
            .apply(&profiles[3], at_mean)
            .iter()
            .zip(&profiles[3])
        {
            assert!((a - b).abs() < 1e-9);
        }
    }

    #[test]
    fn voice_scores_do_not_follow_pitch() {
        let (profiles, pitches, scores) = readings();
        let targets = [0, 1, 2, 3, 4].map(|_| scores.clone());
        let models = VoiceModels::fit(&profiles, &pitches, &targets, 1.0);
        assert_eq!(models.width(), 4);
        let reading = |quality: f64, hz: f64| [3.0 * hz.ln(), 0.4 * quality, 1.0, 1.0];
        let score = |p: [f64; 4], hz: f64| models.predict(&p.map(|v| v as f32), Some(hz))[4];
        // Same reading, a voice an octave higher: the same score.
        let low = score(reading(5.0, 150.0), 150.0);
        let high = score(reading(5.0, 300.0), 300.0);
        assert!((low - high).abs() < 1e-3, "{low} against {high}");
        // A better reading at the same pitch scores higher.
        let better = score(reading(7.0, 150.0), 150.0);
        assert!(better > low + 1.5, "{better} against {low}");
        // Fitted on the raw profile, the model would reward the higher voice.
        let raw = LinearModel::fit(
            &voice_profile_features(2),
            &profiles,
            &scores,
            1.0,
            0.0,
            10.0,
        );
        let gap = raw.predict(&reading(5.0, 300.0)) - raw.predict(&reading(5.0, 150.0));
        assert!(gap > 1.0, "{gap}");
    }

    #[test]
    fn no_usable_pitch_gives_zero_slopes() {
        let profiles = vec![vec![1.0, 2.0], vec![3.0, 4.0]];
        for pitches in [vec![None, None], vec![Some(200.0), Some(200.0)]] {
            let neutral = PitchNeutral::fit(&profiles, &pitches);
            assert_eq!(neutral.slopes, vec![0.0, 0.0]);
        }
        let neutral = PitchNeutral::fit(&profiles, &[Some(f64::NAN), Some(-1.0)]);
        assert_eq!(neutral.apply(&[5.0, 6.0], Some(180.0)), vec![5.0, 6.0]);
        assert_eq!(PitchNeutral::fit(&[], &[]).slopes, Vec::<f64>::new());
    }
}
