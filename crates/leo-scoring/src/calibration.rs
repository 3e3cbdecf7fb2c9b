//! The small calibrated models that turn acoustic and timing features into scores on the
//! experts' scale. Coefficients live in data files (`models/scoring-calibration-MODEL.json`) that
//! `leo calibrate` reproduces from human-scored training data; fitting is plain ridge
//! regression on standardised features.

use serde::{Deserialize, Serialize};

pub use crate::voice_models::{VoiceModels, voice_profile_features};

/// A linear model on standardised features, with its output clamped to a range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinearModel {
    pub features: Vec<String>,
    pub mean: Vec<f64>,
    pub scale: Vec<f64>,
    pub weights: Vec<f64>,
    pub bias: f64,
    pub min: f64,
    pub max: f64,
}

impl LinearModel {
    /// The model's output for `x`. A value that is not a number (evidence the reading could
    /// not give) counts as the training average, so it moves the output neither way.
    pub fn predict(&self, x: &[f64]) -> f64 {
        let mut y = self.bias;
        for (i, &v) in x.iter().enumerate().take(self.weights.len()) {
            let z = if self.scale[i] > 0.0 && v.is_finite() {
                (v - self.mean[i]) / self.scale[i]
            } else {
                0.0
            };
            y += self.weights[i] * z;
        }
        y.clamp(self.min, self.max)
    }

    /// Ridge regression: minimises squared error + `lambda`·|w|² on standardised features.
    pub fn fit<S: AsRef<str>>(
        names: &[S],
        x: &[Vec<f64>],
        y: &[f64],
        lambda: f64,
        min: f64,
        max: f64,
    ) -> LinearModel {
        Self::fit_each(names, x, &[y], lambda, min, max)
            .pop()
            .expect("one target gives one model")
    }

    /// [`LinearModel::fit`] for several targets on the same features: the normal equations
    /// are built once, which matters for wide inputs such as the voice profile.
    pub fn fit_each<S: AsRef<str>>(
        names: &[S],
        x: &[Vec<f64>],
        targets: &[&[f64]],
        lambda: f64,
        min: f64,
        max: f64,
    ) -> Vec<LinearModel> {
        let n = x.len().max(1) as f64;
        let d = names.len();
        // Values that are not numbers (evidence missing for a reading) count as their
        // column's mean, as they do in `predict`: they sit at no distance from it. A column
        // with none at all is left out below.
        let mean: Vec<f64> = (0..d)
            .map(|j| {
                let known: Vec<f64> = x.iter().map(|r| r[j]).filter(|v| v.is_finite()).collect();
                known.iter().sum::<f64>() / known.len().max(1) as f64
            })
            .collect();
        let deviation = |v: f64, j: usize| if v.is_finite() { v - mean[j] } else { 0.0 };
        // A column that is constant up to rounding (e.g. a profile value that only followed
        // pitch, once pitch is taken out) is left out: standardising its rounding noise would
        // give it weight.
        let scale: Vec<f64> = (0..d)
            .map(|j| (x.iter().map(|r| deviation(r[j], j).powi(2)).sum::<f64>() / n).sqrt())
            .zip(&mean)
            .map(|(sd, m)| {
                if sd > 1e-9 * m.abs().max(1.0) {
                    sd
                } else {
                    0.0
                }
            })
            .collect();
        let z: Vec<Vec<f64>> = x
            .iter()
            .map(|r| {
                (0..d)
                    .map(|j| {
                        if scale[j] > 0.0 {
                            deviation(r[j], j) / scale[j]
                        } else {
                            0.0
                        }
                    })
                    .collect()
            })
            .collect();
        // Normal equations (ZᵀZ + λI) w = Zᵀ(y − ȳ), solved by Gaussian elimination.
        let mut gram = vec![vec![0.0; d]; d];
        for row in &z {
            for i in 0..d {
                if row[i] == 0.0 {
                    continue;
                }
                for j in i..d {
                    gram[i][j] += row[i] * row[j];
                }
            }
        }
        // Only the upper triangle was summed; mirror it and add the penalty.
        for i in 0..d {
            let (upper, lower) = gram.split_at_mut(i);
            for (j, row_j) in upper.iter().enumerate() {
                lower[0][j] = row_j[i];
            }
            lower[0][i] += lambda;
        }
        targets
            .iter()
            .map(|y| {
                let bias = y.iter().sum::<f64>() / n;
                let a: Vec<Vec<f64>> = gram
                    .iter()
                    .enumerate()
                    .map(|(i, g)| {
                        let mut r = g.clone();
                        r.push(z.iter().zip(*y).map(|(row, t)| row[i] * (t - bias)).sum());
                        r
                    })
                    .collect();
                LinearModel {
                    features: names.iter().map(|s| s.as_ref().to_string()).collect(),
                    mean: mean.clone(),
                    scale: scale.clone(),
                    weights: solve(a),
                    bias,
                    min,
                    max,
                }
            })
            .collect()
    }
}

fn solve(mut a: Vec<Vec<f64>>) -> Vec<f64> {
    let d = a.len();
    for col in 0..d {
        let pivot = (col..d)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .unwrap_or(col);
        a.swap(col, pivot);
        let p = a[col][col];
        if p.abs() < 1e-12 {
            continue;
        }
        a[col][col..].iter_mut().for_each(|v| *v /= p);
        let pivot_row = a[col].clone();
        for (row, r) in a.iter_mut().enumerate() {
            if row != col {
                let f = r[col];
                r[col..]
                    .iter_mut()
                    .zip(&pivot_row[col..])
                    .for_each(|(v, pv)| *v -= f * pv);
            }
        }
    }
    a.iter().map(|r| r[d]).collect()
}

/// Pearson correlation (for reporting calibration quality).
pub fn pearson(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len().min(b.len()) as f64;
    if n < 2.0 {
        return 0.0;
    }
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let cov: f64 = a.iter().zip(b).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va: f64 = a.iter().map(|x| (x - ma).powi(2)).sum();
    let vb: f64 = b.iter().map(|y| (y - mb).powi(2)).sum();
    if va <= 0.0 || vb <= 0.0 {
        0.0
    } else {
        cov / (va * vb).sqrt()
    }
}

/// All calibrated models Leo scores with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    /// Where the coefficients came from (data set and split).
    pub trained_on: String,
    /// Word pronunciation, on the experts' 0–10 scale.
    pub word: LinearModel,
    /// The utterance models (their fields sit at the top level of the file).
    #[serde(flatten)]
    pub utterance: AspectModels,
    /// Per aspect, a score read from the reading's voice profile, which the utterance model
    /// of that aspect takes as its last feature ([`VOICE_SCORE`]). Absent where the
    /// calibration does not use the voice profile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<VoiceModels>,
}

/// The utterance models' last feature when the calibration reads the voice profile.
pub const VOICE_SCORE: &str = "voice_score";

/// One model per utterance aspect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AspectModels {
    pub accuracy: LinearModel,
    pub fluency: LinearModel,
    pub prosody: LinearModel,
    pub completeness: LinearModel,
    pub total: LinearModel,
}

impl AspectModels {
    /// Builds the five models from `fit`, called with each aspect's position: accuracy 0,
    /// fluency 1, prosody 2, completeness 3, total 4.
    pub fn from_fn(mut fit: impl FnMut(usize) -> LinearModel) -> AspectModels {
        AspectModels {
            accuracy: fit(0),
            fluency: fit(1),
            prosody: fit(2),
            completeness: fit(3),
            total: fit(4),
        }
    }

    /// The five models, in the order accuracy, fluency, prosody, completeness, total.
    pub fn all(&self) -> [&LinearModel; 5] {
        [
            &self.accuracy,
            &self.fluency,
            &self.prosody,
            &self.completeness,
            &self.total,
        ]
    }
}

impl Calibration {
    /// Utterance scores (0–10, in [`AspectModels::all`] order) from the reading's features
    /// and, where the calibration reads it, its voice profile with the reader's median pitch.
    /// A reading without a usable profile (nothing was heard, or the profile comes from a
    /// model of another width) has no voice score, which the model reads as its training
    /// average, so the other features decide.
    pub fn utterance_scores(
        &self,
        features: &[f64],
        voice_profile: Option<&[f32]>,
        median_pitch_hz: Option<f64>,
    ) -> [f64; 5] {
        let models = self.utterance.all();
        let Some(voice) = &self.voice else {
            return models.map(|m| m.predict(features));
        };
        let voice_scores = voice_profile
            .filter(|p| p.len() == voice.width())
            .map(|p| voice.predict(p, median_pitch_hz));
        let mut scores = [0.0; 5];
        for (k, model) in models.iter().enumerate() {
            let mut input = features.to_vec();
            input.push(voice_scores.map_or(f64::NAN, |v| v[k]));
            scores[k] = model.predict(&input);
        }
        scores
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::voice_models::PitchNeutral;

    #[test]
    fn ridge_recovers_a_linear_relation() {
        let x: Vec<Vec<f64>> = (0..200)
            .map(|i| vec![i as f64 / 10.0, ((i * 37) % 11) as f64])
            .collect();
        let y: Vec<f64> = x.iter().map(|r| 3.0 + 2.0 * r[0] - 0.5 * r[1]).collect();
        let m = LinearModel::fit(&["a", "b"], &x, &y, 1e-6, -1e9, 1e9);
        for (r, &t) in x.iter().zip(&y) {
            assert!((m.predict(r) - t).abs() < 1e-6);
        }
        let preds: Vec<f64> = x.iter().map(|r| m.predict(r)).collect();
        assert!((pearson(&preds, &y) - 1.0).abs() < 1e-9);
        let clamped = LinearModel {
            min: 0.0,
            max: 10.0,
            ..m
        };
        assert_eq!(clamped.predict(&[100.0, 0.0]), 10.0);
    }

    #[test]
    fn missing_values_count_as_average_in_fitting_and_use() {
        // y = 2a + b, with b missing in every third row: the fit uses the rows' mean there.
        let x: Vec<Vec<f64>> = (0..60)
            .map(|i| {
                let b = if i % 3 == 0 { f64::NAN } else { (i % 5) as f64 };
                vec![(i % 7) as f64, b]
            })
            .collect();
        let y: Vec<f64> = x
            .iter()
            .map(|r| 2.0 * r[0] + if r[1].is_nan() { 2.0 } else { r[1] })
            .collect();
        let m = LinearModel::fit(&["a", "b"], &x, &y, 1e-6, -99.0, 99.0);
        assert!(m.weights.iter().all(|w| w.is_finite()));
        assert!(m.mean[1].is_finite());
        let at_mean = m.predict(&[3.0, m.mean[1]]);
        assert_eq!(m.predict(&[3.0, f64::NAN]), at_mean);
        assert!(m.predict(&[3.0, 4.0]) > at_mean);
        // A column with no values at all gets no weight.
        let none: Vec<Vec<f64>> = x.iter().map(|r| vec![r[0], f64::NAN]).collect();
        let m = LinearModel::fit(&["a", "b"], &none, &y, 1.0, -99.0, 99.0);
        assert_eq!((m.scale[1], m.weights[1]), (0.0, 0.0));
        assert!(m.predict(&[1.0, f64::NAN]).is_finite());
    }

    #[test]
    fn pearson_edge_cases() {
        assert_eq!(pearson(&[1.0], &[2.0]), 0.0);
        assert_eq!(pearson(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]), 0.0);
        assert!((pearson(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-12);
    }

    fn constant(names: &[&str], weights: Vec<f64>, bias: f64) -> LinearModel {
        LinearModel {
            features: names.iter().map(|s| s.to_string()).collect(),
            mean: vec![0.0; weights.len()],
            scale: vec![1.0; weights.len()],
            weights,
            bias,
            min: 0.0,
            max: 10.0,
        }
    }

    #[test]
    fn fitting_several_targets_at_once_matches_fitting_each() {
        let x: Vec<Vec<f64>> = (0..50)
            .map(|i| vec![(i % 7) as f64, (i * i % 13) as f64, 1.0])
            .collect();
        let y1: Vec<f64> = x.iter().map(|r| r[0] - 2.0 * r[1]).collect();
        let y2: Vec<f64> = x.iter().map(|r| 0.5 * r[1] + 4.0).collect();
        let both = LinearModel::fit_each(&["a", "b", "c"], &x, &[&y1, &y2], 2.0, -99.0, 99.0);
        assert_eq!(
            both[0],
            LinearModel::fit(&["a", "b", "c"], &x, &y1, 2.0, -99.0, 99.0)
        );
        assert_eq!(
            both[1],
            LinearModel::fit(&["a", "b", "c"], &x, &y2, 2.0, -99.0, 99.0)
        );
        // A constant column is left out rather than dividing by zero, and so is one that is
        // constant up to rounding.
        assert_eq!(both[0].weights[2], 0.0);
        let nearly: Vec<Vec<f64>> = x
            .iter()
            .enumerate()
            .map(|(i, r)| vec![r[0], 3.0 + (i % 2) as f64 * 1e-15])
            .collect();
        let m = LinearModel::fit(&["a", "b"], &nearly, &y1, 2.0, -99.0, 99.0);
        assert_eq!((m.scale[1], m.weights[1]), (0.0, 0.0));
    }

    #[test]
    fn the_voice_score_is_the_utterance_models_last_input() {
        let utterance = constant(&["f", VOICE_SCORE], vec![1.0, 2.0], 5.0);
        let voice_model = constant(&["mean_0", "spread_0"], vec![1.0, 0.0], 0.0);
        let mut c = Calibration {
            trained_on: "test".into(),
            word: constant(&["w"], vec![0.0], 0.0),
            utterance: AspectModels::from_fn(|k| {
                if k == 4 {
                    LinearModel {
                        mean: vec![0.0, 1.5],
                        ..utterance.clone()
                    }
                } else {
                    utterance.clone()
                }
            }),
            voice: Some(VoiceModels {
                pitch: PitchNeutral {
                    mean_log_hz: 200f64.ln(),
                    slopes: vec![0.5, 0.0],
                },
                aspects: AspectModels::from_fn(|_| voice_model.clone()),
            }),
        };
        // 5 + 1·0.5 + 2·(profile mean 1.0), and for the total the voice score is centred on
        // its training mean 1.5.
        // At the training readers' mean pitch (or with no pitch) the profile is read as is.
        let with = c.utterance_scores(&[0.5], Some(&[1.0, 3.0]), Some(200.0));
        assert_eq!(with, [7.5, 7.5, 7.5, 7.5, 4.5]);
        assert_eq!(c.utterance_scores(&[0.5], Some(&[1.0, 3.0]), None), with);
        // An octave up, the profile's first value loses 0.5·ln 2 before the voice model reads
        // it, and the utterance model weighs the voice score by 2.
        let higher = c.utterance_scores(&[0.5], Some(&[1.0, 3.0]), Some(400.0));
        assert!(
            (with[0] - higher[0] - 2f64.ln()).abs() < 1e-12,
            "{higher:?}"
        );
        // No profile, or one of another width: the voice score sits at its training mean.
        let without = c.utterance_scores(&[0.5], None, Some(200.0));
        assert_eq!(without[0], 5.5);
        assert_eq!(without[4], 5.5);
        assert_eq!(
            c.utterance_scores(&[0.5], Some(&[1.0, 3.0, 0.0, 0.0]), Some(200.0)),
            without
        );
        // Without voice models the utterance features alone are read.
        c.voice = None;
        assert_eq!(
            c.utterance_scores(&[0.5], Some(&[1.0, 3.0]), Some(200.0)),
            [5.5; 5]
        );
        assert_eq!(
            voice_profile_features(2),
            ["mean_0", "mean_1", "spread_0", "spread_1"]
        );
    }
}
