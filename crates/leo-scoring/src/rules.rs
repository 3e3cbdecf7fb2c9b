//! The oral-reading rules (see `docs/scoring.md`): from an alignment to a status for every
//! passage word, plus insertions, repetitions, words correct per minute and accuracy.

use leo_text::{Lang, PassageWord, normalise_heard};
use serde::{Deserialize, Serialize};

use crate::align::{HeardToken, PassageToken, Step, align};
use crate::result::{Insertion, Repetition, WordResult, WordStatus};
use crate::similarity::{is_false_start, similarity, sound_key, spelling_similarity};

/// One heard token paired with (part of) a passage word.
#[derive(Debug, Clone, Copy)]
struct Paired {
    h: usize,
    similarity: f64,
    /// The heard token stands for this word and its neighbours written as one.
    joined: bool,
}

/// A word as the recogniser heard it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeardWord {
    pub text: String,
    pub start: f64,
    pub end: f64,
    /// Recogniser confidence 0–1.
    pub p: f32,
}

/// How exactly a word must be pronounced to count as correct. Teachers relax this for young
/// readers, dyslexia and speech impairments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Strictness {
    /// Near-misses count as correct; no acoustic check.
    Lenient,
    /// Spelling-only differences of the same sounds count as correct; words with very poor
    /// acoustic evidence are errors.
    #[default]
    Normal,
    /// Only the exact word counts, and it must be clearly pronounced.
    Strict,
}

impl Strictness {
    fn accepts_near_miss(self, expected: &str, heard: &str, lang: Lang) -> bool {
        let same_sound = sound_key(expected, lang) == sound_key(heard, lang);
        let spelling = spelling_similarity(expected, heard);
        match self {
            Strictness::Lenient => {
                same_sound
                    || (spelling >= 0.75 && expected.chars().take(2).eq(heard.chars().take(2)))
            }
            // The sound key folds every vowel after the first letter, so "woods" and "weeds"
            // share one: normal also wants the spellings close ("colour"/"color").
            Strictness::Normal => same_sound && spelling >= 0.75,
            Strictness::Strict => false,
        }
    }

    /// Whether words the recogniser wrote as one ("necromera" for "de comer a") count as read:
    /// it writes a reading run together this way, so under `normal` a join spelled about like
    /// the words is taken as theirs; `strict` wants the words joined exactly ("alas").
    fn accepts_join(self, similarity: f64) -> bool {
        match self {
            Strictness::Lenient | Strictness::Normal => true,
            Strictness::Strict => similarity >= 1.0,
        }
    }

    /// Whether teacher-forced evidence is strong enough to overrule the recogniser when it
    /// heard a different word: the passage word's own log-probability (summed over its tokens)
    /// must come within `margin` of the heard word's, and average at least `floor` per token.
    /// Returns `(margin, floor)`.
    ///
    /// A recognition slip writes another word that fits the sound and the sentence ("a" for
    /// "Our", "on" for "under", "me" for "de"), 0.5 to 6.1 nats above the passage word on the
    /// development voices of the synthetic suite, while a different word read in its place
    /// leaves the passage word 8 to 17 nats below. A near miss ("leaves" for "leaf", "cosa"
    /// for "casa") falls among the slips (0.4 to 5.5 nats): the models cannot tell one vowel
    /// or ending from another reliably, so under `normal` such a misreading is usually taken
    /// for a slip and counted correct; `strict` never overrules.
    pub fn overrule_limits(self) -> Option<(f32, f32)> {
        match self {
            Strictness::Lenient => Some((8.0, -7.0)),
            Strictness::Normal => Some((6.5, -6.5)),
            Strictness::Strict => None,
        }
    }

    /// Below this pronunciation score (0–100) a recognised word is judged misread.
    pub fn pronunciation_floor(self) -> Option<f32> {
        match self {
            Strictness::Lenient => None,
            Strictness::Normal => Some(10.0),
            Strictness::Strict => Some(35.0),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RuleSettings {
    /// A pause longer than this before a word makes it a hesitation error (seconds).
    pub hesitation_limit_s: f64,
    pub strictness: Strictness,
}

impl Default for RuleSettings {
    fn default() -> Self {
        RuleSettings {
            hesitation_limit_s: 3.0,
            strictness: Strictness::Normal,
        }
    }
}

/// Acoustic evidence about one passage word, from the adapter that ran the recogniser.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct WordAcoustics {
    /// Pronunciation goodness 0–100.
    pub pronunciation: Option<f32>,
    /// Teacher-forced log-probability of the passage word (sum over tokens) and token count.
    pub expected_logprob: Option<(f32, u32)>,
    /// The recogniser's log-probability of the word it heard instead (sum over tokens).
    pub heard_logprob: Option<f32>,
}

impl WordAcoustics {
    /// True when the audio supports the passage word about as well as what was heard.
    pub fn supports_expected(&self, strictness: Strictness) -> bool {
        let (Some((lp, tokens)), Some(heard), Some((margin, floor))) = (
            self.expected_logprob,
            self.heard_logprob,
            strictness.overrule_limits(),
        ) else {
            return false;
        };
        tokens > 0 && lp >= heard - margin && lp / tokens as f32 >= floor
    }

    /// True when a passage word the recogniser did not write is nonetheless well supported
    /// by the audio in its place (forced between its neighbours). The recogniser drops short
    /// words run into their neighbours ("de", "has"); those keep the passage word within a
    /// few nats, while a word the reader skipped comes out far less likely (9 to 17 nats on
    /// the development voices of the synthetic suite).
    pub fn supports_unheard(&self, strictness: Strictness) -> bool {
        let (Some((lp, tokens)), Some((_, floor))) =
            (self.expected_logprob, strictness.overrule_limits())
        else {
            return false;
        };
        tokens > 0 && lp / tokens as f32 >= floor
    }
}

/// The word-level outcome of a reading.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub words: Vec<WordResult>,
    pub insertions: Vec<Insertion>,
    pub repetitions: Vec<Repetition>,
    pub reading_time_s: f64,
}

/// Heard tokens per heard word, normalised like passage words; a heard word's time span is
/// shared evenly among its tokens ("2024" → four tokens).
fn heard_tokens(heard: &[HeardWord], lang: Lang) -> Vec<HeardToken> {
    let mut out = Vec::new();
    for (i, w) in heard.iter().enumerate() {
        let forms = normalise_heard(&w.text, lang);
        let step = (w.end - w.start).max(0.0) / forms.len().max(1) as f64;
        for (k, text) in forms.into_iter().enumerate() {
            out.push(HeardToken {
                heard: i,
                text,
                start: w.start + k as f64 * step,
                end: w.start + (k + 1) as f64 * step,
            });
        }
    }
    out
}

/// Applies the rules. `acoustics` holds evidence per passage word where known (it may be
/// empty).
pub fn judge(
    passage: &[PassageWord],
    heard: &[HeardWord],
    lang: Lang,
    settings: &RuleSettings,
    acoustics: &[WordAcoustics],
) -> Judgement {
    let p_tokens: Vec<PassageToken> = passage
        .iter()
        .flat_map(|w| {
            w.spoken.iter().map(move |t| PassageToken {
                word: w.index,
                text: t.clone(),
            })
        })
        .collect();
    let h_tokens = heard_tokens(heard, lang);
    let steps = align(&p_tokens, &h_tokens, lang);

    // Per passage word: paired heard tokens, and whether any token was skipped or unreached.
    let mut paired: Vec<Vec<Paired>> = vec![Vec::new(); passage.len()];
    let mut skipped = vec![false; passage.len()];
    let mut unreached = vec![false; passage.len()];
    for step in &steps {
        match *step {
            Step::Pair { p, h, similarity } => paired[p_tokens[p].word].push(Paired {
                h,
                similarity,
                joined: false,
            }),
            Step::Joined {
                p,
                count,
                h,
                similarity,
            } => {
                for t in &p_tokens[p..p + count] {
                    paired[t.word].push(Paired {
                        h,
                        similarity,
                        joined: true,
                    });
                }
            }
            Step::Skipped { p } => skipped[p_tokens[p].word] = true,
            Step::Unreached { p } => unreached[p_tokens[p].word] = true,
            Step::Extra { .. } => {}
        }
    }

    let mut words: Vec<WordResult> = passage
        .iter()
        .map(|w| {
            let pairs = &paired[w.index];
            let heard_ids = distinct_heard(pairs.iter().map(|pair| h_tokens[pair.h].heard));
            let status = if pairs.is_empty() {
                if unreached[w.index] {
                    WordStatus::NotReached
                } else if acoustics
                    .get(w.index)
                    .is_some_and(|a| a.supports_unheard(settings.strictness))
                {
                    // The recogniser dropped a word the audio clearly holds.
                    WordStatus::Correct
                } else {
                    WordStatus::Omission
                }
            } else {
                let all_ok = !skipped[w.index]
                    && pairs.iter().zip(&w.spoken).all(|(pair, expected)| {
                        pair.similarity >= 1.0
                            || if pair.joined {
                                settings.strictness.accepts_join(pair.similarity)
                            } else {
                                settings.strictness.accepts_near_miss(
                                    expected,
                                    &h_tokens[pair.h].text,
                                    lang,
                                )
                            }
                    })
                    && pairs.len() == w.spoken.len();
                let supported = acoustics
                    .get(w.index)
                    .is_some_and(|a| a.supports_expected(settings.strictness));
                if all_ok || supported {
                    WordStatus::Correct
                } else {
                    WordStatus::Substitution
                }
            };
            WordResult {
                index: w.index,
                text: w.display.clone(),
                status,
                heard: (!heard_ids.is_empty()).then(|| {
                    heard_ids
                        .iter()
                        .map(|&i| heard[i].text.clone())
                        .collect::<Vec<_>>()
                        .join(" ")
                }),
                start: heard_ids.first().map(|&i| heard[i].start),
                end: heard_ids.last().map(|&i| heard[i].end),
                pronunciation: acoustics.get(w.index).and_then(|a| a.pronunciation),
            }
        })
        .collect();

    // Poorly pronounced words the recogniser wrote as the expected word are still misreadings.
    if let Some(floor) = settings.strictness.pronunciation_floor() {
        for w in words.iter_mut() {
            if w.status == WordStatus::Correct && w.pronunciation.is_some_and(|p| p < floor) {
                w.status = WordStatus::Substitution;
            }
        }
    }

    let (insertions, repetitions) = classify_extras(
        &steps, &p_tokens, &h_tokens, heard, passage, &mut words, lang,
    );
    mark_hesitations(&mut words, heard, settings.hesitation_limit_s);
    let reading_time_s = reading_time(&words, &repetitions);
    Judgement {
        words,
        insertions,
        repetitions,
        reading_time_s,
    }
}

fn distinct_heard(ids: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for i in ids {
        if out.last() != Some(&i) {
            out.push(i);
        }
    }
    out
}

/// Extra heard words become self-corrections (a wrong attempt right before the word, which
/// then counts as correct), repetitions (a word already read, or about to be), or insertions.
fn classify_extras(
    steps: &[Step],
    p_tokens: &[PassageToken],
    h_tokens: &[HeardToken],
    heard: &[HeardWord],
    passage: &[PassageWord],
    words: &mut [WordResult],
    lang: Lang,
) -> (Vec<Insertion>, Vec<Repetition>) {
    let mut insertions = Vec::new();
    let mut repetitions = Vec::new();
    let mut last_word: Option<usize> = None;
    let mut handled_heard: Vec<usize> = Vec::new();
    for (k, step) in steps.iter().enumerate() {
        let h = match *step {
            Step::Pair { p, .. } => {
                last_word = Some(p_tokens[p].word);
                continue;
            }
            Step::Joined { p, count, .. } => {
                last_word = Some(p_tokens[p + count - 1].word);
                continue;
            }
            Step::Extra { h } => h,
            _ => continue,
        };
        let heard_index = h_tokens[h].heard;
        if handled_heard.contains(&heard_index) {
            continue;
        }
        handled_heard.push(heard_index);
        let attempt = &h_tokens[h].text;
        let start = heard[heard_index].start;
        // The passage word paired right after this extra word, if any.
        let next_word = steps[k + 1..].iter().find_map(|s| match *s {
            Step::Pair { p, .. } | Step::Joined { p, .. } => Some(p_tokens[p].word),
            Step::Extra { .. } => None,
            _ => Some(usize::MAX),
        });
        let next_word = next_word.filter(|&w| w != usize::MAX);
        if let Some(w) = next_word {
            let target = &passage[w].spoken[0];
            let is_attempt = attempt != target
                && (similarity(attempt, target, lang) >= 0.5 || is_false_start(attempt, target));
            if is_attempt && words[w].status == WordStatus::Correct {
                words[w].status = WordStatus::SelfCorrection;
                words[w].start = Some(start);
                words[w].heard = Some(format!(
                    "{} {}",
                    heard[heard_index].text,
                    words[w].heard.clone().unwrap_or_default()
                ));
                continue;
            }
        }
        // A word just read, or one about to be read, said once more.
        let before = last_word
            .map(|l| l.saturating_sub(2)..=l)
            .into_iter()
            .flatten()
            .rev();
        let after = next_word
            .map(|n| n..=(n + 2).min(passage.len() - 1))
            .into_iter()
            .flatten();
        if let Some(index) = before.chain(after).find(|&i| {
            passage[i].spoken.iter().any(|t| t == attempt) && words[i].status.is_attempted()
        }) {
            repetitions.push(Repetition { index, start });
            continue;
        }
        insertions.push(Insertion {
            text: heard[heard_index].text.clone(),
            after_index: last_word,
            start,
        });
    }
    (insertions, repetitions)
}

/// A word read after more than `limit` seconds of silence is a hesitation error (the first
/// word read is exempt: getting started is not hesitating on a word).
fn mark_hesitations(words: &mut [WordResult], heard: &[HeardWord], limit: f64) {
    let mut first_read = true;
    for w in words.iter_mut() {
        let Some(start) = w.start else { continue };
        if first_read {
            first_read = false;
            continue;
        }
        let previous_end = heard
            .iter()
            .filter(|h| h.start < start - 1e-6)
            .map(|h| h.end)
            .fold(f64::NEG_INFINITY, f64::max);
        if previous_end.is_finite()
            && start - previous_end > limit
            && w.status != WordStatus::NotReached
        {
            w.status = WordStatus::Hesitation;
        }
    }
}

/// From the first passage word's start to the last passage word's end.
fn reading_time(words: &[WordResult], repetitions: &[Repetition]) -> f64 {
    let first = words
        .iter()
        .filter_map(|w| w.start)
        .fold(f64::INFINITY, f64::min);
    let first = repetitions.iter().map(|r| r.start).fold(first, f64::min);
    let last = words
        .iter()
        .filter_map(|w| w.end)
        .fold(f64::NEG_INFINITY, f64::max);
    if first.is_finite() && last.is_finite() && last > first {
        last - first
    } else {
        0.0
    }
}
