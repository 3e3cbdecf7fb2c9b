//! Features from the native-model check of pronunciation (goodness of pronunciation, GOP):
//! for each word read, the mean log-likelihood ratio per 10 ms frame between the word's
//! sounds and the best-matching sounds of a native English acoustic model. A value the
//! recording could not give (a Spanish reading, a word the dictionary lacks, no model
//! installed) is `NaN`, which the calibrated models read as average.

use crate::features::percentile;

/// The word model's feature.
pub const NATIVE_WORD_FEATURE: &str = "native_goodness";

/// The utterance models' features: the mean over the words, and its 25th percentile (the
/// experts judge a reading largely by its weakest words).
pub const NATIVE_UTTERANCE_FEATURES: [&str; 2] = ["native_goodness_mean", "native_goodness_low"];

/// Per passage word, the value the word model reads: the word's own goodness, or the
/// reading's mean where the word has none (so a word the dictionary lacks reads as the
/// reader's typical word, not as a perfect or a failed one).
pub fn native_word_values(goodness: &[Option<f64>]) -> Vec<f64> {
    let mean = mean_of_known(goodness);
    goodness.iter().map(|g| g.unwrap_or(mean)).collect()
}

/// The utterance models' values, in the order of [`NATIVE_UTTERANCE_FEATURES`].
pub fn native_utterance_values(goodness: &[Option<f64>]) -> [f64; 2] {
    let known: Vec<f64> = goodness.iter().flatten().copied().collect();
    [mean_of_known(goodness), percentile(&known, 0.25, f64::NAN)]
}

fn mean_of_known(goodness: &[Option<f64>]) -> f64 {
    let known: Vec<f64> = goodness.iter().flatten().copied().collect();
    if known.is_empty() {
        f64::NAN
    } else {
        known.iter().sum::<f64>() / known.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_without_a_value_reads_as_the_readers_mean() {
        let v = native_word_values(&[Some(-1.0), None, Some(-3.0)]);
        assert_eq!(v, vec![-1.0, -2.0, -3.0]);
    }

    #[test]
    fn no_values_at_all_read_as_unknown() {
        assert!(native_word_values(&[None, None]).iter().all(|v| v.is_nan()));
        assert!(native_utterance_values(&[None]).iter().all(|v| v.is_nan()));
        assert!(native_utterance_values(&[]).iter().all(|v| v.is_nan()));
    }

    #[test]
    fn the_low_value_follows_the_weakest_words() {
        let g: Vec<Option<f64>> = [-0.5, -0.6, -0.7, -4.0, -5.0]
            .into_iter()
            .map(Some)
            .collect();
        let [mean, low] = native_utterance_values(&g);
        assert!((mean - (-2.16)).abs() < 1e-9);
        assert!((low - (-4.0)).abs() < 1e-9, "{low}");
        let [_, one] = native_utterance_values(&[Some(-2.0), None]);
        assert_eq!(one, -2.0);
    }
}
