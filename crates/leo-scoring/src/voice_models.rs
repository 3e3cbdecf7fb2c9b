//! Scores read from a reading's voice profile (the recogniser's encoder output pooled over the
//! reading), made blind to how high the reader's voice is.
//!
//! Why pitch is taken out: the profile also says who is reading, and a model fitted on it can
//! use the voice as a stand-in for the reading. On the training corpus the readers with higher
//! voices (children and women) were scored higher by the experts, so "higher voice, better
//! reading" pays there; where it does not hold (among Leo's readers, who are all children) it
//! would score the voice. So before the voice models see a profile, each of its values loses
//! the part that moves with the log of the reader's median pitch *at equal expert scores*:
//! the slope is fitted with the experts' scores held fixed, so the part of the profile that
//! follows the reading stays even where better readers happen to have higher voices.

use serde::{Deserialize, Serialize};

use crate::calibration::{AspectModels, LinearModel};

/// How each profile value moves with the log of the reader's median pitch, at equal expert
/// scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PitchNeutral {
    /// Mean of ln(median pitch in Hz) over the training readings.
    pub mean_log_hz: f64,
    /// Per profile value, its least-squares slope against ln(median pitch) with the experts'
    /// scores as further regressors.
    pub slopes: Vec<f64>,
}

impl PitchNeutral {
    /// Slopes from the readings that have both a profile and a pitch; `scores[i]` are the
    /// experts' scores of reading `i` (any number, the same for every reading). With no
    /// pitch left to learn from once the scores are accounted for, the slopes are zero.
    pub fn fit(
        profiles: &[Vec<f64>],
        pitches_hz: &[Option<f64>],
        scores: &[Vec<f64>],
    ) -> PitchNeutral {
        let width = profiles.first().map_or(0, Vec::len);
        let readings: Vec<(&Vec<f64>, f64, &Vec<f64>)> = profiles
            .iter()
            .zip(pitches_hz)
            .zip(scores)
            .filter_map(|((p, hz), s)| Some((p, log_hz(*hz)?, s)))
            .filter(|(p, _, _)| p.len() == width)
            .collect();
        let n = readings.len().max(1) as f64;
        let mean_log_hz = readings.iter().map(|(_, l, _)| l).sum::<f64>() / n;
        // By Frisch–Waugh–Lovell, the pitch coefficient of profile ~ pitch + scores is the
        // slope of the profile on what of the pitch the scores do not explain.
        let score_rows: Vec<Vec<f64>> = readings.iter().map(|(_, _, s)| s.to_vec()).collect();
        let log_hz_values: Vec<f64> = readings.iter().map(|(_, l, _)| *l).collect();
        let names: Vec<String> = (0..score_rows.first().map_or(0, Vec::len))
            .map(|k| format!("score_{k}"))
            .collect();
        let from_scores = LinearModel::fit(
            &names,
            &score_rows,
            &log_hz_values,
            1e-9,
            f64::NEG_INFINITY,
            f64::INFINITY,
        );
        let unexplained: Vec<f64> = readings
            .iter()
            .map(|(_, l, s)| l - from_scores.predict(s))
            .collect();
        let spread: f64 = unexplained.iter().map(|r| r * r).sum();
        let slopes = (0..width)
            .map(|j| {
                if spread <= 1e-12 * n {
                    return 0.0;
                }
                let mean_j = readings.iter().map(|(p, _, _)| p[j]).sum::<f64>() / n;
                let cov: f64 = readings
                    .iter()
                    .zip(&unexplained)
                    .map(|((p, _, _), r)| (p[j] - mean_j) * r)
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
    /// Fits the pitch slopes (at equal targets), then one ridge model per target on the
    /// pitch-neutral profiles.
    /// `targets[k][i]` is aspect `k`'s expert score for reading `i`.
    pub fn fit(
        profiles: &[Vec<f64>],
        pitches_hz: &[Option<f64>],
        targets: &[Vec<f64>; 5],
        lambda: f64,
    ) -> VoiceModels {
        let scores: Vec<Vec<f64>> = (0..profiles.len())
            .map(|i| targets.iter().map(|column| column[i]).collect())
            .collect();
        let pitch = PitchNeutral::fit(profiles, pitches_hz, &scores);
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
    use crate::calibration::pearson;

    /// 210 readings: the profile's first value follows the reader's pitch, the second the
    /// reading's quality (with some noise). Better readers have higher voices, as on the
    /// training corpus; the experts score the reading only.
    fn readings() -> (Vec<Vec<f64>>, Vec<Option<f64>>, Vec<f64>) {
        let (mut profiles, mut pitches, mut scores) = (vec![], vec![], vec![]);
        for i in 0..210i32 {
            let quality = f64::from(i % 10);
            let hz = 110.0 * 1.06f64.powi(i % 10 + i % 7);
            let noise = f64::from((i * 37) % 11 - 5) * 0.25;
            profiles.push(vec![3.0 * hz.ln(), 0.4 * quality + noise, 1.0, 1.0]);
            pitches.push(Some(hz));
            scores.push(quality);
        }
        (profiles, pitches, scores)
    }

    fn columns(scores: &[f64]) -> Vec<Vec<f64>> {
        scores.iter().map(|&s| vec![s]).collect()
    }

    #[test]
    fn the_neutral_profile_no_longer_follows_pitch_but_still_follows_the_reading() {
        let (profiles, pitches, scores) = readings();
        let neutral = PitchNeutral::fit(&profiles, &pitches, &columns(&scores));
        assert!(
            (neutral.slopes[0] - 3.0).abs() < 1e-6,
            "{:?}",
            neutral.slopes
        );
        let after: Vec<Vec<f64>> = profiles
            .iter()
            .zip(&pitches)
            .map(|(p, hz)| neutral.apply(p, *hz))
            .collect();
        assert!(after.iter().all(|p| (p[0] - after[0][0]).abs() < 1e-6));
        // The quality value moves with pitch only through the reading: it keeps its link to
        // the scores. Fitted without the scores, the slope would take that link away.
        assert!(neutral.slopes[1].abs() < 0.3, "{:?}", neutral.slopes);
        let quality_after: Vec<f64> = after.iter().map(|p| p[1]).collect();
        assert!(pearson(&quality_after, &scores) > 0.8);
        let blind = PitchNeutral::fit(&profiles, &pitches, &vec![vec![]; profiles.len()]);
        let blind_after: Vec<f64> = profiles
            .iter()
            .zip(&pitches)
            .map(|(p, hz)| blind.apply(p, *hz)[1])
            .collect();
        assert!(pearson(&blind_after, &scores) < 0.6);
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
        assert!((low - high).abs() < 0.2, "{low} against {high}");
        // A better reading at the same pitch scores higher.
        let better = score(reading(7.0, 150.0), 150.0);
        assert!(better > low + 1.0, "{better} against {low}");
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
            let neutral = PitchNeutral::fit(&profiles, &pitches, &[vec![1.0], vec![2.0]]);
            assert_eq!(neutral.slopes, vec![0.0, 0.0]);
        }
        let neutral =
            PitchNeutral::fit(&profiles, &[Some(f64::NAN), Some(-1.0)], &[vec![], vec![]]);
        assert_eq!(neutral.apply(&[5.0, 6.0], Some(180.0)), vec![5.0, 6.0]);
        assert_eq!(PitchNeutral::fit(&[], &[], &[]).slopes, Vec::<f64>::new());
    }
}
