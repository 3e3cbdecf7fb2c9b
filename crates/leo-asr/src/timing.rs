//! Snapping word times to the audio. Times from the decoder's alignment are good to within a
//! word or so in running speech, but they smear across pauses: the last word before a pause
//! "ends" well into the silence and the first word after it "starts" late. A simple voice
//! activity mask from frame energies fixes both edges: a word's span is trimmed of silent
//! frames, and grown over adjacent voiced frames that no neighbouring word claims.

use crate::words::Word;

const RATE: f64 = 16_000.0;
/// 10 ms analysis hop, 25 ms window.
const HOP: usize = 160;
const WINDOW: usize = 400;

/// Frame-by-frame "someone is making sound" decisions.
#[derive(Debug, Clone)]
pub struct Activity {
    voiced: Vec<bool>,
    levels: Vec<f32>,
}

impl Activity {
    pub fn from_samples(samples: &[f32]) -> Activity {
        if samples.len() < WINDOW {
            let frames = samples.len().div_ceil(HOP);
            return Activity {
                voiced: vec![true; frames],
                levels: vec![0.0; frames],
            };
        }
        let levels: Vec<f32> = (0..=(samples.len() - WINDOW) / HOP)
            .map(|i| {
                let f = &samples[i * HOP..i * HOP + WINDOW];
                10.0 * (f.iter().map(|s| s * s).sum::<f32>() / WINDOW as f32 + 1e-10).log10()
            })
            .collect();
        let mut sorted = levels.clone();
        sorted.sort_by(f32::total_cmp);
        // The room's floor from the quietest frames: a fluent reader may pause for well under
        // a tenth of the time, so a higher percentile could land on speech.
        let floor = sorted[sorted.len() * 2 / 100];
        let loud = sorted[sorted.len() * 95 / 100];
        // Voiced: clearly above the floor, not too far below the reader's loud syllables (so
        // quiet breathing in a silent room does not count), and anything within 15 dB of the
        // loud syllables always counts.
        let threshold = (floor + 12.0).max(loud - 35.0).min(loud - 15.0);
        let mut voiced: Vec<bool> = levels.iter().map(|&l| l > threshold).collect();
        fill_short_runs(&mut voiced, false, 6); // gaps under 60 ms are stop consonants
        fill_short_runs(&mut voiced, true, 3); // blips under 30 ms are clicks
        Activity { voiced, levels }
    }

    /// Seconds of voiced frames between `from` and `to` seconds.
    pub fn voiced_seconds(&self, from: f64, to: f64) -> f64 {
        let (a, b) = (Self::frame(from), Self::frame(to).min(self.voiced.len()));
        if a >= b {
            return 0.0;
        }
        self.voiced[a..b].iter().filter(|&&v| v).count() as f64 * HOP as f64 / RATE
    }

    /// The best place to cut the audio between `from` and `to` seconds: the middle of the
    /// longest silence there, or the quietest frame when the reader never paused.
    pub fn quietest_point(&self, from: f64, to: f64) -> f64 {
        let (a, b) = (Self::frame(from), Self::frame(to).min(self.voiced.len()));
        if a >= b {
            return to;
        }
        let mut best: Option<(usize, usize)> = None;
        let mut run_start = None;
        for f in a..=b {
            let silent = f < b && !self.voiced[f];
            match (silent, run_start) {
                (true, None) => run_start = Some(f),
                (false, Some(s)) => {
                    if best.is_none_or(|(bs, be)| f - s > be - bs) {
                        best = Some((s, f));
                    }
                    run_start = None;
                }
                _ => {}
            }
        }
        let frame = match best {
            Some((s, e)) => (s + e) / 2,
            None => (a..b)
                .min_by(|&x, &y| self.levels[x].total_cmp(&self.levels[y]))
                .unwrap_or(b),
        };
        Self::time(frame)
    }

    fn frame(t: f64) -> usize {
        (t * RATE / HOP as f64).round().max(0.0) as usize
    }

    fn time(frame: usize) -> f64 {
        frame as f64 * HOP as f64 / RATE
    }

    fn is_voiced(&self, frame: usize) -> bool {
        self.voiced.get(frame).copied().unwrap_or(false)
    }
}

/// Replaces runs of `value` shorter than `max_len` frames (not touching the ends) by `!value`.
fn fill_short_runs(mask: &mut [bool], value: bool, max_len: usize) {
    let mut i = 0;
    while i < mask.len() {
        if mask[i] != value {
            i += 1;
            continue;
        }
        let start = i;
        while i < mask.len() && mask[i] == value {
            i += 1;
        }
        if start > 0 && i < mask.len() && i - start < max_len {
            mask[start..i].iter_mut().for_each(|m| *m = !value);
        }
    }
}

/// Adjusts word times in place using the activity mask. Words stay in order and never
/// overlap; a word whose span holds no voiced frame at all keeps its decoder times.
pub fn snap_to_activity(words: &mut [Word], activity: &Activity) {
    let n = words.len();
    for i in 0..n {
        let (mut s, mut e) = (
            Activity::frame(words[i].start),
            Activity::frame(words[i].end),
        );
        if e <= s {
            e = s + 1;
        }
        let voiced_inside = (s..e).any(|f| activity.is_voiced(f));
        if !voiced_inside {
            continue;
        }
        while s < e && !activity.is_voiced(s) {
            s += 1;
        }
        while e > s && !activity.is_voiced(e - 1) {
            e -= 1;
        }
        // Grow over voiced frames up to the neighbours' (already adjusted) edges.
        let lower = if i == 0 {
            0
        } else {
            Activity::frame(words[i - 1].end)
        };
        let upper = if i + 1 < n {
            Activity::frame(words[i + 1].start).max(e)
        } else {
            activity.voiced.len()
        };
        while s > lower && activity.is_voiced(s - 1) {
            s -= 1;
        }
        while e < upper && activity.is_voiced(e) {
            e += 1;
        }
        words[i].start = Activity::time(s).max(words[i].start.min(Activity::time(s)));
        words[i].end = Activity::time(e);
    }
    // Keep order and non-overlap after the edits.
    for i in 1..n {
        if words[i].start < words[i - 1].end {
            words[i].start = words[i - 1].end.min(words[i].end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, start: f64, end: f64) -> Word {
        Word {
            text: text.into(),
            start,
            end,
            p: 1.0,
            logprob: 0.0,
            tokens: 1,
        }
    }

    /// Tone bursts standing in for words, in a quiet room.
    fn bursts(spans: &[(f64, f64)], total: f64) -> Vec<f32> {
        let mut x: Vec<f32> = (0..(total * RATE) as usize)
            .map(|i| 0.0005 * ((i * 7919 % 97) as f32 / 97.0 - 0.5))
            .collect();
        for &(a, b) in spans {
            for (i, s) in x
                .iter_mut()
                .enumerate()
                .take((b * RATE) as usize)
                .skip((a * RATE) as usize)
            {
                *s += 0.3 * (i as f32 * 0.2).sin();
            }
        }
        x
    }

    #[test]
    fn a_pause_is_restored_on_both_sides() {
        let audio = bursts(&[(0.2, 0.6), (0.65, 1.0), (4.0, 4.4)], 5.0);
        let activity = Activity::from_samples(&audio);
        // The decoder smeared the pause: "mat" runs to 2.5 s, "now" starts at 4.2 s.
        let mut words = vec![
            word("the", 0.1, 0.62),
            word("mat", 0.62, 2.5),
            word("now", 4.2, 4.35),
        ];
        snap_to_activity(&mut words, &activity);
        assert!(
            (words[1].end - 1.0).abs() < 0.03,
            "mat ends {}",
            words[1].end
        );
        assert!(
            (words[2].start - 4.0).abs() < 0.03,
            "now starts {}",
            words[2].start
        );
        assert!((words[2].end - 4.4).abs() < 0.03);
        assert!((words[0].start - 0.2).abs() < 0.03);
    }

    #[test]
    fn words_in_silence_keep_their_times_and_order_holds() {
        let audio = bursts(&[(1.0, 1.5)], 3.0);
        let activity = Activity::from_samples(&audio);
        let mut words = vec![word("a", 1.0, 1.4), word("b", 2.2, 2.4)];
        snap_to_activity(&mut words, &activity);
        assert_eq!((words[1].start, words[1].end), (2.2, 2.4));
        assert!(words[0].end <= words[1].start);
    }

    #[test]
    fn cuts_fall_in_the_longest_silence() {
        let audio = bursts(&[(0.0, 10.0), (10.5, 20.0), (21.0, 29.0)], 30.0);
        let activity = Activity::from_samples(&audio);
        let cut = activity.quietest_point(5.0, 25.0);
        assert!((cut - 20.5).abs() < 0.05, "cut at {cut}");
        let steady = bursts(&[(0.0, 30.0)], 30.0);
        let cut = Activity::from_samples(&steady).quietest_point(5.0, 25.0);
        assert!((5.0..=25.0).contains(&cut));
    }

    #[test]
    fn short_gaps_inside_a_word_do_not_split_it() {
        let mut mask = vec![true, true, false, false, true, false, true, true];
        fill_short_runs(&mut mask, false, 3);
        assert_eq!(mask, vec![true; 8]);
    }
}
