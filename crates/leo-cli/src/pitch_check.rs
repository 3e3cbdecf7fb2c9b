//! Whether a score follows how high the reader's voice is. A reading score should not: on
//! speechocean762 higher voices belong mostly to children and women, and for Leo every reader
//! is a child. `leo calibrate` and `leo evaluate-scoring` print this beside the agreement.

use std::collections::BTreeMap;

use leo_scoring::calibration::pearson;

/// Pearson correlation of a score with ln(median pitch): over the readings that have a
/// pitch, and over each speaker's means (the speakers' levels are most of what the experts'
/// scores vary by). `None` when fewer than two readings have a pitch (e.g. features cached
/// before the pitch was measured).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PitchFollowing {
    pub readings: f64,
    pub speakers: f64,
}

pub fn follows_pitch(
    speakers: &[&str],
    pitch_hz: &[Option<f64>],
    scores: &[f64],
) -> Option<PitchFollowing> {
    let mut pairs = (Vec::new(), Vec::new());
    let mut by_speaker: BTreeMap<&str, (f64, f64, f64)> = BTreeMap::new();
    for ((&who, hz), &score) in speakers.iter().zip(pitch_hz).zip(scores) {
        let Some(log_hz) = hz.filter(|h| *h > 0.0).map(f64::ln) else {
            continue;
        };
        pairs.0.push(log_hz);
        pairs.1.push(score);
        let sums = by_speaker.entry(who).or_default();
        *sums = (sums.0 + log_hz, sums.1 + score, sums.2 + 1.0);
    }
    let (means_log_hz, means_score): (Vec<f64>, Vec<f64>) =
        by_speaker.values().map(|(l, s, n)| (l / n, s / n)).unzip();
    (pairs.0.len() >= 2).then(|| PitchFollowing {
        readings: pearson(&pairs.0, &pairs.1),
        speakers: pearson(&means_log_hz, &means_score),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_that_rises_with_pitch_follows_it_and_one_that_does_not_does_not() {
        let speakers = ["a", "a", "b", "b", "c", "c", "d"];
        let hz = [
            Some(110.0),
            Some(120.0),
            Some(200.0),
            Some(210.0),
            Some(300.0),
            Some(280.0),
            None,
        ];
        let rising: Vec<f64> = hz.iter().map(|h| h.map_or(0.0, |h: f64| h.ln())).collect();
        let f = follows_pitch(&speakers, &hz, &rising).unwrap();
        assert!(f.readings > 0.99 && f.speakers > 0.99, "{f:?}");
        // Each speaker's mean is the same: nothing to follow between speakers.
        let flat = [4.0, 6.0, 6.0, 4.0, 5.0, 5.0, 9.0];
        let f = follows_pitch(&speakers, &hz, &flat).unwrap();
        assert!(f.speakers.abs() < 1e-9, "{f:?}");
        // Readings without a pitch are left out; with none, there is nothing to say.
        assert_eq!(follows_pitch(&["a", "b"], &[None, None], &[1.0, 2.0]), None);
    }
}
