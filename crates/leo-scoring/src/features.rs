//! Features for the calibrated models: per word (pronunciation) and per reading (accuracy,
//! fluency, prosody, completeness, total). Both `leo score` and `leo calibrate` build them here,
//! so training and use see exactly the same numbers.

use leo_text::Lang;
use leo_text::syllables::count_syllables;

use crate::native::{NATIVE_UTTERANCE_FEATURES, NATIVE_WORD_FEATURE, native_utterance_values};
use crate::result::{ProsodySummary, WordResult, WordStatus};

/// Acoustic evidence for one passage word.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct WordEvidence {
    /// Teacher-forced log-probability of the word's tokens: sum, minimum, margin against the
    /// preferred token (sum), and token count.
    pub forced: Option<(f32, f32, f32, u32)>,
    /// The recogniser's confidence in the word it heard at this place.
    pub heard_p: Option<f32>,
    /// How alike the heard word is to the passage word (0–1; 1 when heard as written): a
    /// word heard as a near miss ("bare" for "bear") was likely said almost right.
    pub heard_similarity: Option<f64>,
    /// Seconds the word took per syllable: words a reader struggles with are drawn out.
    pub seconds_per_syllable: Option<f64>,
}

pub const WORD_FEATURES: [&str; 8] = [
    "forced_logprob_per_token",
    "forced_min_logprob",
    "forced_margin_per_token",
    "heard_confidence",
    "heard_as_written",
    "not_heard",
    "heard_similarity",
    "seconds_per_syllable",
];

/// Features of each passage word from the text and the reading's timing, rebuilt at every fit
/// from the judged words (like the utterance features): a longer word has more sounds to get
/// wrong; the experts judge words in longer sentences more severely; a pause before a word
/// and a word drawn out against the reader's own pace both mark a word the reader struggled
/// with. Length and syllables are capped where the calibration corpus ends.
pub const CONTEXT_FEATURES: [&str; 4] = [
    "syllables_capped",
    "log_words_capped",
    "pause_before_s",
    "relative_duration",
];

/// The longest word in the calibration corpus, in syllables.
const MAX_CALIBRATED_SYLLABLES: usize = 5;
/// Longest pause before a word that counts: beyond it the word is simply late.
const MAX_PAUSE_BEFORE_S: f64 = 2.0;
/// Most a word can be drawn out against the reader's median pace.
const MAX_RELATIVE_DURATION: f64 = 4.0;

pub fn context_features(words: &[WordResult], lang: Lang) -> Vec<Vec<f64>> {
    let syllables: Vec<usize> = words
        .iter()
        .map(|w| count_syllables(&w.text, lang).max(1))
        .collect();
    let pace: Vec<Option<f64>> = words
        .iter()
        .zip(&syllables)
        .map(|(w, &n)| {
            let (s, e) = (w.start?, w.end?);
            Some(((e - s) / n as f64).clamp(0.0, MAX_SECONDS_PER_SYLLABLE))
        })
        .collect();
    let paced: Vec<f64> = pace
        .iter()
        .flatten()
        .copied()
        .filter(|&p| p > 0.0)
        .collect();
    let median_pace = percentile(&paced, 0.5, 0.0);
    let mut previous_end: Option<f64> = None;
    let mut out = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let pause_before = match (previous_end, w.start) {
            (Some(end), Some(start)) => (start - end).clamp(0.0, MAX_PAUSE_BEFORE_S),
            _ => 0.0,
        };
        let relative_duration = match pace[i] {
            Some(p) if median_pace > 0.0 => (p / median_pace).min(MAX_RELATIVE_DURATION),
            _ => 1.0,
        };
        out.push(vec![
            syllables[i].min(MAX_CALIBRATED_SYLLABLES) as f64,
            log_words_capped(words.len()),
            pause_before,
            relative_duration,
        ]);
        previous_end = w.end.or(previous_end);
    }
    out
}

/// What the word model reads: the evidence from the recording, the context features, then the
/// native-model goodness (see [`crate::native`]).
pub fn word_model_input(evidence_features: &[f64], context: &[f64], native: f64) -> Vec<f64> {
    let mut input = evidence_features[..evidence_features.len().min(WORD_FEATURES.len())].to_vec();
    input.extend_from_slice(context);
    input.push(native);
    input
}

/// The word model's feature names, in the order of `word_model_input`.
pub fn word_model_features() -> Vec<&'static str> {
    WORD_FEATURES
        .iter()
        .chain(&CONTEXT_FEATURES)
        .chain(&[NATIVE_WORD_FEATURE])
        .copied()
        .collect()
}

/// Longest time per syllable a word is credited with: beyond it a word is simply slow.
const MAX_SECONDS_PER_SYLLABLE: f64 = 1.0;

/// Values used where a word has no evidence at all (not read): worse than any real reading.
const NO_LOGPROB: f64 = -12.0;

pub fn word_features(status: WordStatus, evidence: &WordEvidence) -> Vec<f64> {
    let (lp, min_lp, margin) = match evidence.forced {
        Some((sum, min, margin, tokens)) if tokens > 0 => {
            let t = tokens as f64;
            (
                (sum as f64 / t).max(NO_LOGPROB),
                (min as f64).max(NO_LOGPROB),
                (margin as f64 / t).max(NO_LOGPROB),
            )
        }
        _ => (NO_LOGPROB, NO_LOGPROB, NO_LOGPROB),
    };
    vec![
        lp,
        min_lp,
        margin,
        evidence.heard_p.unwrap_or(0.0) as f64,
        f64::from(u8::from(status.is_correct())),
        f64::from(u8::from(matches!(
            status,
            WordStatus::Omission | WordStatus::NotReached
        ))),
        evidence.heard_similarity.unwrap_or(0.0),
        evidence
            .seconds_per_syllable
            .unwrap_or(0.0)
            .clamp(0.0, MAX_SECONDS_PER_SYLLABLE),
    ]
}

pub const UTTERANCE_FEATURES: [&str; 19] = [
    "mean_word_score",
    "low_word_score",
    "fraction_correct",
    "fraction_attempted",
    "mean_heard_confidence",
    "insertions_per_word",
    "speech_rate",
    "articulation_rate",
    "pause_fraction",
    "pauses_within_phrases_per_word",
    "hesitations_per_word",
    "median_pitch_range",
    "weak_words_forced_logprob",
    "log_words_capped",
    "mean_word_score_by_length",
    "speech_rate_squared",
    "articulation_rate_squared",
    NATIVE_UTTERANCE_FEATURES[0],
    NATIVE_UTTERANCE_FEATURES[1],
];

/// The longest utterance in the calibration corpus, in words. The experts score longer
/// sentences lower (more to get wrong, harder texts); beyond this length their scale is
/// unknown, so longer passages are scored as if this long.
const MAX_CALIBRATED_WORDS: usize = 10;

/// Linear-interpolated percentile (`q` in 0–1) of `values`, or `empty` when there are none.
pub(crate) fn percentile(values: &[f64], q: f64, empty: f64) -> f64 {
    let mut v: Vec<f64> = values.to_vec();
    if v.is_empty() {
        return empty;
    }
    v.sort_by(f64::total_cmp);
    let at = q * (v.len() - 1) as f64;
    let (lo, hi) = (at.floor() as usize, at.ceil() as usize);
    v[lo] + (v[hi] - v[lo]) * (at - lo as f64)
}

/// What the utterance models are computed from, for one reading.
#[derive(Debug, Clone, Copy)]
pub struct ReadingEvidence<'a> {
    pub lang: Lang,
    /// Every passage word, judged.
    pub words: &'a [WordResult],
    /// Every passage word's word-model features.
    pub word_features: &'a [Vec<f64>],
    /// The word model's predictions (0–10) for the words that have one.
    pub word_scores: &'a [f64],
    /// The recogniser's confidence in each word it heard.
    pub heard_confidences: &'a [f64],
    pub insertions: usize,
    pub prosody: &'a ProsodySummary,
    pub reading_time_s: f64,
    /// Every passage word's native-model goodness, where there is one.
    pub native_goodness: &'a [Option<f64>],
}

/// Reading-level features.
///
/// The weakest words carry the experts' judgement, but a plain minimum falls as passages get
/// longer; low percentiles do not: the 25th percentile of word scores, and the 10th of the
/// words' forced log-probability per token. The passage length itself is a feature, capped at
/// the longest calibrated utterance, and it scales the mean word score (a mean over more words
/// is a surer measure). Pace enters squared as well: the experts mark down both rushing and
/// dragging, which a straight line in the rate cannot express.
pub fn utterance_features(reading: &ReadingEvidence) -> Vec<f64> {
    let ReadingEvidence {
        lang,
        words,
        word_features,
        word_scores,
        heard_confidences,
        insertions,
        prosody,
        reading_time_s,
        native_goodness,
    } = *reading;
    let n = words.len().max(1) as f64;
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let speech_rate = english_equivalent_rate(prosody.speech_rate, lang);
    let articulation_rate = english_equivalent_rate(prosody.articulation_rate, lang);
    let correct = words.iter().filter(|w| w.status.is_correct()).count() as f64;
    let attempted = words
        .iter()
        .filter(|w| w.status.is_attempted() && w.status != WordStatus::Omission)
        .count() as f64;
    let hesitations = words
        .iter()
        .filter(|w| w.status == WordStatus::Hesitation)
        .count() as f64;
    let forced: Vec<f64> = word_features
        .iter()
        .filter_map(|f| f.first().copied())
        .collect();
    let mut ranges: Vec<f64> = prosody
        .sentence_pitch_range_st
        .iter()
        .flatten()
        .copied()
        .collect();
    ranges.sort_by(f64::total_cmp);
    let [native_mean, native_low] = native_utterance_values(native_goodness);
    vec![
        mean(word_scores),
        percentile(word_scores, 0.25, 0.0),
        correct / n,
        attempted / n,
        mean(heard_confidences),
        insertions as f64 / n,
        speech_rate,
        articulation_rate,
        if reading_time_s > 0.0 {
            prosody.pause_total_s / reading_time_s
        } else {
            0.0
        },
        prosody.pauses_within_phrases as f64 / n,
        hesitations / n,
        ranges.get(ranges.len() / 2).copied().unwrap_or(0.0),
        percentile(&forced, 0.10, NO_LOGPROB),
        log_words_capped(words.len()),
        mean(word_scores) * log_words_capped(words.len()),
        speech_rate.powi(2),
        articulation_rate.powi(2),
        native_mean,
        native_low,
    ]
}

/// Fastest pace the models were calibrated on (syllables per second, English scale): the
/// fastest readers of the corpus are just under it.
const MAX_CALIBRATED_RATE: f64 = 5.0;

/// A syllable rate on the English scale the models were calibrated on. Spanish syllables are
/// shorter: typical rates are about 7.8 syllables per second against 6.2 for English
/// (Pellegrino, Coupé and Marsico, Language 87(3), 2011), so a Spanish reader at the same
/// ease reads more syllables per second. Without this, fluent Spanish reading would sit past
/// the calibrated range and be taken for rushing.
fn english_equivalent_rate(rate: f64, lang: Lang) -> f64 {
    let factor = match lang {
        Lang::En => 1.0,
        Lang::Es => 6.19 / 7.82,
    };
    (rate * factor).clamp(0.0, MAX_CALIBRATED_RATE)
}

fn log_words_capped(passage_words: usize) -> f64 {
    (passage_words.clamp(1, MAX_CALIBRATED_WORDS) as f64).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_like_the_usual_definition() {
        let v = [4.0, 1.0, 3.0, 2.0, 5.0];
        assert_eq!(percentile(&v, 0.0, 9.0), 1.0);
        assert_eq!(percentile(&v, 0.25, 9.0), 2.0);
        assert!((percentile(&v, 0.10, 9.0) - 1.4).abs() < 1e-12);
        assert_eq!(percentile(&v, 1.0, 9.0), 5.0);
        assert_eq!(percentile(&[], 0.5, 9.0), 9.0);
    }

    #[test]
    fn word_features_have_the_declared_shape_and_floor() {
        let none = word_features(WordStatus::Omission, &WordEvidence::default());
        assert_eq!(none.len(), WORD_FEATURES.len());
        assert_eq!(none[0], NO_LOGPROB);
        assert_eq!(none[5], 1.0);
        let good = word_features(
            WordStatus::Correct,
            &WordEvidence {
                forced: Some((-0.4, -0.3, 0.0, 2)),
                heard_p: Some(0.9),
                heard_similarity: Some(1.0),
                seconds_per_syllable: Some(3.0),
            },
        );
        assert!((good[0] + 0.2).abs() < 1e-6);
        assert_eq!(good[4], 1.0);
        assert_eq!(good[6], 1.0);
        assert_eq!(good[7], MAX_SECONDS_PER_SYLLABLE);
    }

    fn read_words(n: usize) -> Vec<WordResult> {
        (0..n)
            .map(|index| WordResult {
                index,
                text: "word".into(),
                status: WordStatus::Correct,
                heard: Some("word".into()),
                start: Some(index as f64),
                end: Some(index as f64 + 0.5),
                pronunciation: None,
            })
            .collect()
    }

    #[test]
    fn passage_length_counts_up_to_the_longest_calibrated_utterance() {
        let length = |n: usize| {
            let words = read_words(n);
            let feats = vec![vec![-0.5; WORD_FEATURES.len()]; n];
            let f = utterance_features(&ReadingEvidence {
                lang: Lang::En,
                words: &words,
                word_features: &feats,
                word_scores: &vec![9.0; n],
                heard_confidences: &vec![0.9; n],
                insertions: 0,
                prosody: &ProsodySummary::default(),
                reading_time_s: n as f64,
                native_goodness: &vec![Some(-1.0); n],
            });
            assert_eq!(f.len(), UTTERANCE_FEATURES.len());
            assert_eq!(f[14], 9.0 * f[13]);
            f[13]
        };
        assert_eq!(length(1), 0.0);
        assert!(length(4) < length(8));
        assert_eq!(length(MAX_CALIBRATED_WORDS), length(300));
        assert_eq!(length(0), 0.0);
    }

    #[test]
    fn rates_are_put_on_the_english_scale_and_capped() {
        assert_eq!(english_equivalent_rate(3.0, Lang::En), 3.0);
        assert!((english_equivalent_rate(4.73, Lang::Es) - 3.744).abs() < 1e-3);
        assert_eq!(english_equivalent_rate(9.0, Lang::En), MAX_CALIBRATED_RATE);
        let prosody = ProsodySummary {
            speech_rate: 4.0,
            articulation_rate: 5.0,
            ..Default::default()
        };
        let words = read_words(4);
        let feats = vec![vec![-0.5; WORD_FEATURES.len()]; 4];
        let f = |lang| {
            utterance_features(&ReadingEvidence {
                lang,
                words: &words,
                word_features: &feats,
                word_scores: &[9.0; 4],
                heard_confidences: &[0.9; 4],
                insertions: 0,
                prosody: &prosody,
                reading_time_s: 4.0,
                native_goodness: &[None; 4],
            })
        };
        let (en, es) = (f(Lang::En), f(Lang::Es));
        assert_eq!((en[6], en[7], en[15], en[16]), (4.0, 5.0, 16.0, 25.0));
        assert!(es[6] < en[6] && es[16] < en[16]);
    }

    #[test]
    fn context_features_follow_length_pauses_and_pace() {
        // Five one-syllable words at 0.5 s each, a 1.5 s pause before the fourth, the fifth
        // drawn out to 1.0 s, and a last word never reached.
        let mut words = read_words(6);
        let times = [(0.0, 0.5), (0.5, 1.0), (1.0, 1.5), (3.0, 3.5), (3.5, 4.5)];
        for (w, (s, e)) in words.iter_mut().zip(times) {
            w.text = "cat".into();
            (w.start, w.end) = (Some(s), Some(e));
        }
        words[5].text = "elephant".into();
        (words[5].start, words[5].end) = (None, None);
        words[5].status = WordStatus::NotReached;
        let f = context_features(&words, Lang::En);
        assert_eq!(f.len(), 6);
        assert!(f.iter().all(|w| w.len() == CONTEXT_FEATURES.len()));
        assert_eq!(f[0], vec![1.0, 6f64.ln(), 0.0, 1.0]);
        assert_eq!(f[3][2], 1.5);
        assert_eq!(f[4][3], 2.0);
        assert_eq!(f[5][0], 3.0);
        assert_eq!(f[5][3], 1.0);
        let long = context_features(&read_words(300), Lang::En);
        assert_eq!(long[0][1], log_words_capped(MAX_CALIBRATED_WORDS));
        let input = word_model_input(&[0.5; WORD_FEATURES.len()], &f[3], -1.5);
        assert_eq!(input.len(), word_model_features().len());
        assert_eq!(input.last(), Some(&-1.5));
        // Cached inputs that already carry context features are not extended twice.
        assert_eq!(word_model_input(&input, &f[3], -1.5), input);
    }
}
