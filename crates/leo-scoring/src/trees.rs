//! Gradient-boosted regression trees: the part of each calibrated model that bends where a
//! straight line cannot (a forced log-probability matters more near zero than far below it;
//! a reading pace is best in a middle band). Each tree is small and complete, stored in heap
//! order so that a calibration file holds plain arrays.

use serde::{Deserialize, Serialize};

/// How an ensemble is grown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TreeSettings {
    pub trees: usize,
    pub depth: u32,
    pub learning_rate: f64,
    /// Fraction of the rows each tree is grown on (drawn without replacement).
    pub subsample: f64,
    /// Fewest rows a leaf may hold: smaller groups are noise.
    pub min_leaf: usize,
    /// Seed of the row draws, so that a refit gives the same file.
    pub seed: u64,
}

/// One complete tree of fixed depth, in heap order: node `i` has children `2i+1` and `2i+2`.
/// A node that could not be split sends every row left (`threshold` = the largest `f32`; JSON
/// has no infinity), and its unused right side repeats the node's value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tree {
    pub feature: Vec<u16>,
    pub threshold: Vec<f32>,
    pub leaf: Vec<f32>,
}

impl Tree {
    pub fn predict(&self, x: &[f64]) -> f64 {
        let mut node = 0;
        while node < self.feature.len() {
            let v = x.get(self.feature[node] as usize).copied().unwrap_or(0.0);
            node = if v <= self.threshold[node] as f64 {
                2 * node + 1
            } else {
                2 * node + 2
            };
        }
        self.leaf[node - self.feature.len()] as f64
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoostedTrees {
    pub base: f64,
    pub learning_rate: f64,
    pub trees: Vec<Tree>,
}

impl BoostedTrees {
    pub fn predict(&self, x: &[f64]) -> f64 {
        self.base + self.learning_rate * self.trees.iter().map(|t| t.predict(x)).sum::<f64>()
    }

    /// Least-squares boosting: each tree is fitted to what the trees before it left unexplained.
    pub fn fit(x: &[Vec<f64>], y: &[f64], settings: &TreeSettings) -> BoostedTrees {
        let n = y.len();
        let base = if n == 0 {
            0.0
        } else {
            y.iter().sum::<f64>() / n as f64
        };
        let mut fitted = vec![base; n];
        let mut rng = XorShift(settings.seed.max(1));
        let draw = ((n as f64 * settings.subsample).round() as usize).clamp(1.min(n), n);
        let mut trees = Vec::with_capacity(settings.trees);
        for _ in 0..settings.trees {
            let residual: Vec<f64> = y.iter().zip(&fitted).map(|(t, f)| t - f).collect();
            let rows = rng.sample(n, draw);
            let tree = grow(x, &residual, rows, settings);
            for (f, row) in fitted.iter_mut().zip(x) {
                *f += settings.learning_rate * tree.predict(row);
            }
            trees.push(tree);
        }
        BoostedTrees {
            base,
            learning_rate: settings.learning_rate,
            trees,
        }
    }
}

fn grow(x: &[Vec<f64>], target: &[f64], rows: Vec<usize>, settings: &TreeSettings) -> Tree {
    let internal = (1usize << settings.depth) - 1;
    let mut tree = Tree {
        feature: vec![0; internal],
        threshold: vec![f32::MAX; internal],
        leaf: vec![0.0; internal + 1],
    };
    // Rows reaching each node, level by level.
    let mut at: Vec<Vec<usize>> = vec![Vec::new(); 2 * internal + 1];
    let mut value = vec![0.0; 2 * internal + 1];
    value[0] = mean_of(target, &rows);
    at[0] = rows;
    for node in 0..internal {
        let rows = std::mem::take(&mut at[node]);
        let (left, right) = match best_split(x, target, &rows, settings.min_leaf) {
            Some((feature, threshold)) => {
                tree.feature[node] = feature as u16;
                tree.threshold[node] = threshold as f32;
                // Partition with the stored (f32) threshold, as prediction will.
                rows.iter()
                    .partition(|&&r| x[r][feature] <= threshold as f32 as f64)
            }
            None => (rows, Vec::new()),
        };
        for (child, part) in [(2 * node + 1, left), (2 * node + 2, right)] {
            value[child] = if part.is_empty() {
                value[node]
            } else {
                mean_of(target, &part)
            };
            at[child] = part;
        }
    }
    for (i, leaf) in tree.leaf.iter_mut().enumerate() {
        *leaf = value[internal + i] as f32;
    }
    tree
}

/// The split that most reduces the squared error, leaving at least `min_leaf` rows each side.
fn best_split(
    x: &[Vec<f64>],
    target: &[f64],
    rows: &[usize],
    min_leaf: usize,
) -> Option<(usize, f64)> {
    let n = rows.len();
    if n < 2 * min_leaf.max(1) {
        return None;
    }
    let total: f64 = rows.iter().map(|&r| target[r]).sum();
    let mut best: Option<(f64, usize, f64)> = None;
    let mut order = rows.to_vec();
    for f in 0..x[rows[0]].len() {
        let value = |row: usize| x[row].get(f).copied().unwrap_or(0.0);
        order.sort_by(|&a, &b| value(a).total_cmp(&value(b)));
        let mut left_sum = 0.0;
        for (i, pair) in order.windows(2).enumerate() {
            left_sum += target[pair[0]];
            let (lo, hi) = (value(pair[0]), value(pair[1]));
            let left_n = i + 1;
            if left_n < min_leaf.max(1) || n - left_n < min_leaf.max(1) || lo == hi {
                continue;
            }
            let right_sum = total - left_sum;
            // Reduction in squared error, up to a constant: Σ²/n on each side.
            let gain =
                left_sum * left_sum / left_n as f64 + right_sum * right_sum / (n - left_n) as f64;
            if best.is_none_or(|(g, _, _)| gain > g + 1e-12) {
                best = Some((gain, f, lo + (hi - lo) / 2.0));
            }
        }
    }
    let parent_gain = total * total / n as f64;
    best.filter(|&(g, _, _)| g > parent_gain + 1e-12)
        .map(|(_, f, t)| (f, t))
}

fn mean_of(target: &[f64], rows: &[usize]) -> f64 {
    if rows.is_empty() {
        0.0
    } else {
        rows.iter().map(|&r| target[r]).sum::<f64>() / rows.len() as f64
    }
}

/// A small deterministic generator for the row draws (xorshift64).
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// `k` distinct row indices out of `n`, in ascending order (partial Fisher–Yates).
    fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        for i in 0..k.min(n) {
            let j = i + (self.next() % (n - i) as u64) as usize;
            all.swap(i, j);
        }
        all.truncate(k.min(n));
        all.sort_unstable();
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> TreeSettings {
        TreeSettings {
            trees: 150,
            depth: 2,
            learning_rate: 0.1,
            subsample: 0.8,
            min_leaf: 5,
            seed: 7,
        }
    }

    #[test]
    fn boosting_learns_a_step_a_line_cannot() {
        // The score jumps at 0.5 and is flat on either side.
        let x: Vec<Vec<f64>> = (0..200).map(|i| vec![i as f64 / 200.0]).collect();
        let y: Vec<f64> = x
            .iter()
            .map(|r| if r[0] > 0.5 { 8.0 } else { 2.0 })
            .collect();
        let m = BoostedTrees::fit(&x, &y, &settings());
        assert!(
            (m.predict(&[0.2]) - 2.0).abs() < 0.2,
            "{}",
            m.predict(&[0.2])
        );
        assert!(
            (m.predict(&[0.9]) - 8.0).abs() < 0.2,
            "{}",
            m.predict(&[0.9])
        );
    }

    #[test]
    fn the_informative_feature_is_chosen_and_noise_is_not() {
        let x: Vec<Vec<f64>> = (0..300)
            .map(|i| vec![((i * 7919) % 101) as f64, i as f64])
            .collect();
        let y: Vec<f64> = x
            .iter()
            .map(|r| if r[1] > 150.0 { 1.0 } else { 0.0 })
            .collect();
        let m = BoostedTrees::fit(&x, &y, &settings());
        assert!(m.trees[0].feature[0] == 1);
        assert!((m.trees[0].threshold[0] - 150.5).abs() < 1.0);
    }

    #[test]
    fn refits_are_identical_and_leaves_respect_the_minimum() {
        let x: Vec<Vec<f64>> = (0..60).map(|i| vec![(i % 10) as f64, i as f64]).collect();
        let y: Vec<f64> = x.iter().map(|r| r[0] * 0.5 + (r[1] / 7.0).sin()).collect();
        let a = BoostedTrees::fit(&x, &y, &settings());
        let b = BoostedTrees::fit(&x, &y, &settings());
        assert_eq!(a, b);
        let strict = TreeSettings {
            min_leaf: 40,
            ..settings()
        };
        // 48 rows per tree cannot give two leaves of 40: every tree is a constant.
        let c = BoostedTrees::fit(&x, &y, &strict);
        assert!(
            c.trees
                .iter()
                .all(|t| t.threshold.iter().all(|&v| v == f32::MAX))
        );
        let text = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<BoostedTrees>(&text).unwrap(), c);
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        let empty = BoostedTrees::fit(&[], &[], &settings());
        assert_eq!(empty.predict(&[1.0]), 0.0);
        let flat = BoostedTrees::fit(&[vec![1.0], vec![1.0]], &[3.0, 5.0], &settings());
        assert!((flat.predict(&[1.0]) - 4.0).abs() < 1e-9);
        // A row shorter than the tree expects reads missing features as 0.
        assert!(flat.predict(&[]).is_finite());
    }

    #[test]
    fn draws_are_distinct_rows() {
        let mut rng = XorShift(3);
        let rows = rng.sample(10, 8);
        assert_eq!(rows.len(), 8);
        let mut d = rows.clone();
        d.dedup();
        assert_eq!(d, rows);
        assert!(rows.iter().all(|&r| r < 10));
    }
}
