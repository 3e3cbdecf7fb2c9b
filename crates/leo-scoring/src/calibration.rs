//! The small calibrated models that turn acoustic and timing features into scores on the
//! experts' scale. Coefficients live in data files (`models/scoring-calibration-MODEL.json`) that
//! `leo calibrate` reproduces from human-scored training data; fitting is plain ridge
//! regression on standardised features.

use serde::{Deserialize, Serialize};

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
    pub fn predict(&self, x: &[f64]) -> f64 {
        let mut y = self.bias;
        for (i, &v) in x.iter().enumerate().take(self.weights.len()) {
            let z = if self.scale[i] > 0.0 {
                (v - self.mean[i]) / self.scale[i]
            } else {
                0.0
            };
            y += self.weights[i] * z;
        }
        y.clamp(self.min, self.max)
    }

    /// Ridge regression: minimises squared error + `lambda`·|w|² on standardised features.
    pub fn fit(
        names: &[&str],
        x: &[Vec<f64>],
        y: &[f64],
        lambda: f64,
        min: f64,
        max: f64,
    ) -> LinearModel {
        let n = x.len().max(1) as f64;
        let d = names.len();
        let mean: Vec<f64> = (0..d)
            .map(|j| x.iter().map(|r| r[j]).sum::<f64>() / n)
            .collect();
        let scale: Vec<f64> = (0..d)
            .map(|j| (x.iter().map(|r| (r[j] - mean[j]).powi(2)).sum::<f64>() / n).sqrt())
            .collect();
        let z: Vec<Vec<f64>> = x
            .iter()
            .map(|r| {
                (0..d)
                    .map(|j| {
                        if scale[j] > 0.0 {
                            (r[j] - mean[j]) / scale[j]
                        } else {
                            0.0
                        }
                    })
                    .collect()
            })
            .collect();
        let bias = y.iter().sum::<f64>() / n;
        // Normal equations (ZᵀZ + λI) w = Zᵀ(y − ȳ), solved by Gaussian elimination.
        let mut a = vec![vec![0.0; d + 1]; d];
        for (row, &target) in z.iter().zip(y) {
            for i in 0..d {
                for j in 0..d {
                    a[i][j] += row[i] * row[j];
                }
                a[i][d] += row[i] * (target - bias);
            }
        }
        for (i, r) in a.iter_mut().enumerate() {
            r[i] += lambda;
        }
        let weights = solve(a);
        LinearModel {
            features: names.iter().map(|s| s.to_string()).collect(),
            mean,
            scale,
            weights,
            bias,
            min,
            max,
        }
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
    pub accuracy: LinearModel,
    pub fluency: LinearModel,
    pub prosody: LinearModel,
    pub completeness: LinearModel,
    pub total: LinearModel,
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn pearson_edge_cases() {
        assert_eq!(pearson(&[1.0], &[2.0]), 0.0);
        assert_eq!(pearson(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]), 0.0);
        assert!((pearson(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-12);
    }
}
