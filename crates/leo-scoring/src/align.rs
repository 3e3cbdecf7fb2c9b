//! Alignment of what was heard to what was written, by dynamic programming over normalised
//! word tokens. Costs: identical tokens 0; a substitution costs less the more alike the two
//! words are (so a near-miss aligns to its word); an omitted passage token or an extra heard
//! token costs 1. One heard token may also stand for two or three passage tokens written as
//! one ("a las" → "alas"), when it is spelled much like them joined. Passage tokens skipped
//! after the last one reached are relabelled: a reader who stops early has words "not
//! reached", not omissions.

use leo_text::Lang;

use crate::similarity::{keyed_similarity, sound_key};

/// One normalised token of the passage, and the passage word it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct PassageToken {
    pub word: usize,
    pub text: String,
}

/// One normalised token of what was heard, and the heard word it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct HeardToken {
    pub heard: usize,
    pub text: String,
    pub start: f64,
    pub end: f64,
}

/// One step of the alignment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step {
    /// Passage token `p` read as heard token `h`; `similarity` is 1 for an exact match.
    Pair { p: usize, h: usize, similarity: f64 },
    /// Passage tokens `p .. p + count` written by the recogniser as the one heard token `h`;
    /// `similarity` compares the tokens joined with it.
    Joined {
        p: usize,
        count: usize,
        h: usize,
        similarity: f64,
    },
    /// Passage token not read (before the last token reached).
    Skipped { p: usize },
    /// Heard token matching no passage token.
    Extra { h: usize },
    /// Passage token after the last one reached.
    Unreached { p: usize },
}

const GAP: f64 = 1.0;
/// At most this many passage tokens are taken as written together as one word.
const MAX_JOINED: usize = 3;
/// A heard token stands for passage tokens joined only when it is spelled (or sounds) at
/// least this much like them and is about as long: "necromera" for "de comer a", but not
/// "big" for "a big" (the reader may really have skipped the "a").
const JOIN_SIMILARITY: f64 = 0.7;
const JOIN_LENGTH_RATIO: f64 = 0.8;
/// How much more like the joined tokens than like any one of them a heard token must be.
const JOIN_MARGIN: f64 = 0.1;

/// Similarity of a heard token to passage tokens joined, or `None` when they are too unlike
/// to be taken as one word.
fn join_similarity(joined: &str, joined_key: &str, heard: &str, heard_key: &str) -> Option<f64> {
    let (a, b) = (joined.chars().count(), heard.chars().count());
    if (a.min(b) as f64) < JOIN_LENGTH_RATIO * a.max(b) as f64 {
        return None;
    }
    let sim = keyed_similarity(joined, joined_key, heard, heard_key);
    (sim >= JOIN_SIMILARITY).then_some(sim)
}

fn pair_cost(sim: f64) -> f64 {
    if sim >= 1.0 {
        0.0
    } else {
        0.4 + 1.2 * (1.0 - sim)
    }
}

/// Aligns heard tokens to passage tokens; the result lists every passage and heard token once,
/// in order.
pub fn align(passage: &[PassageToken], heard: &[HeardToken], lang: Lang) -> Vec<Step> {
    let (n, m) = (passage.len(), heard.len());
    let width = m + 1;
    // cost[i * width + j]: best cost of aligning passage[..i] with heard[..j].
    let mut cost = vec![0.0f64; (n + 1) * width];
    let mut sims = vec![0.0f64; n * m];
    let p_keys: Vec<String> = passage.iter().map(|t| sound_key(&t.text, lang)).collect();
    let h_keys: Vec<String> = heard.iter().map(|t| sound_key(&t.text, lang)).collect();
    // joins[(i, k)]: passage tokens i-k .. i joined, with its sound key (k = 2..=MAX_JOINED).
    let joins: Vec<Vec<(String, String)>> = (0..=n)
        .map(|i| {
            (2..=MAX_JOINED.min(i))
                .map(|k| {
                    let text: String = passage[i - k..i].iter().map(|t| t.text.as_str()).collect();
                    let key = sound_key(&text, lang);
                    (text, key)
                })
                .collect()
        })
        .collect();
    // join_sims[(i - 1) * m + j - 1][k - 2]: the similarity of a join ending at passage token
    // i - 1 with heard token j - 1, when it qualifies.
    let mut join_sims = vec![[None; MAX_JOINED - 1]; n * m];
    for (j, c) in cost.iter_mut().enumerate().take(m + 1) {
        *c = j as f64 * GAP;
    }
    for i in 1..=n {
        cost[i * width] = i as f64 * GAP;
        for j in 1..=m {
            let sim = keyed_similarity(
                &passage[i - 1].text,
                &p_keys[i - 1],
                &heard[j - 1].text,
                &h_keys[j - 1],
            );
            sims[(i - 1) * m + j - 1] = sim;
            let diag = cost[(i - 1) * width + j - 1] + pair_cost(sim);
            let up = cost[(i - 1) * width + j] + GAP;
            let left = cost[i * width + j - 1] + GAP;
            let mut best = diag.min(up).min(left);
            for (slot, (text, key)) in joins[i].iter().enumerate() {
                let k = slot + 2;
                // A join costs at least what came before it: skip the string comparisons
                // when that already loses.
                if cost[(i - k) * width + j - 1] >= best {
                    continue;
                }
                // A heard token about as like one of the parts alone is that part, and the
                // others were skipped ("found" for "found a").
                let best_part = (i - k..i).map(|t| sims[t * m + j - 1]).fold(0.0, f64::max);
                if let Some(sim) = join_similarity(text, key, &heard[j - 1].text, &h_keys[j - 1])
                    .filter(|&sim| sim > best_part + JOIN_MARGIN)
                {
                    join_sims[(i - 1) * m + j - 1][slot] = Some(sim);
                    best = best.min(cost[(i - k) * width + j - 1] + pair_cost(sim));
                }
            }
            cost[i * width + j] = best;
        }
    }
    let mut steps = Vec::with_capacity(n + m);
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let here = cost[i * width + j];
        // Once every heard token is placed, prefer leaving the remaining passage tokens
        // unread: a reader who stops early has read the beginning, not the end.
        if j == m && i > 0 && (cost[(i - 1) * width + j] + GAP - here).abs() < 1e-9 {
            steps.push(Step::Skipped { p: i - 1 });
            i -= 1;
            continue;
        }
        if i > 0 && j > 0 {
            let sim = sims[(i - 1) * m + j - 1];
            if (cost[(i - 1) * width + j - 1] + pair_cost(sim) - here).abs() < 1e-9 {
                steps.push(Step::Pair {
                    p: i - 1,
                    h: j - 1,
                    similarity: sim,
                });
                i -= 1;
                j -= 1;
                continue;
            }
            let joined =
                join_sims[(i - 1) * m + j - 1]
                    .iter()
                    .enumerate()
                    .find_map(|(slot, sim)| {
                        let (k, sim) = (slot + 2, (*sim)?);
                        ((cost[(i - k) * width + j - 1] + pair_cost(sim) - here).abs() < 1e-9)
                            .then_some((k, sim))
                    });
            if let Some((k, sim)) = joined {
                steps.push(Step::Joined {
                    p: i - k,
                    count: k,
                    h: j - 1,
                    similarity: sim,
                });
                i -= k;
                j -= 1;
                continue;
            }
        }
        // On ties an earlier heard token becomes the extra one, so for a self-correction
        // ("hose house") the final attempt is the one paired with the passage word.
        if j > 0 && (cost[i * width + j - 1] + GAP - here).abs() < 1e-9 {
            steps.push(Step::Extra { h: j - 1 });
            j -= 1;
        } else if i > 0 && (cost[(i - 1) * width + j] + GAP - here).abs() < 1e-9 {
            steps.push(Step::Skipped { p: i - 1 });
            i -= 1;
        } else {
            steps.push(Step::Extra { h: j - 1 });
            j -= 1;
        }
    }
    steps.reverse();
    // Passage tokens skipped after the last one paired were never reached.
    for step in steps.iter_mut().rev() {
        match *step {
            Step::Skipped { p } => *step = Step::Unreached { p },
            Step::Extra { .. } => {}
            _ => break,
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ptoks(text: &str) -> Vec<PassageToken> {
        text.split_whitespace()
            .enumerate()
            .map(|(i, t)| PassageToken {
                word: i,
                text: t.into(),
            })
            .collect()
    }

    fn htoks(text: &str) -> Vec<HeardToken> {
        text.split_whitespace()
            .enumerate()
            .map(|(i, t)| HeardToken {
                heard: i,
                text: t.into(),
                start: i as f64,
                end: i as f64 + 0.5,
            })
            .collect()
    }

    fn describe(steps: &[Step]) -> String {
        steps
            .iter()
            .map(|s| match s {
                Step::Pair { similarity, .. } if *similarity >= 1.0 => "=".to_string(),
                Step::Pair { .. } => "~".to_string(),
                Step::Joined { count, .. } => "j".repeat(*count),
                Step::Skipped { .. } => "-".to_string(),
                Step::Extra { .. } => "+".to_string(),
                Step::Unreached { .. } => ".".to_string(),
            })
            .collect()
    }

    fn run(p: &str, h: &str) -> String {
        describe(&align(&ptoks(p), &htoks(h), Lang::En))
    }

    #[test]
    fn alignment_shapes() {
        assert_eq!(
            run("the cat sat on the mat", "the cat sat on the mat"),
            "======"
        );
        assert_eq!(
            run("the cat sat on the mat", "the cat on the mat"),
            "==-==="
        );
        assert_eq!(
            run("the cat sat on the mat", "the cat sat down on the mat"),
            "===+==="
        );
        assert_eq!(run("the big house", "the big horse"), "==~");
        assert_eq!(run("the cat sat on the mat", "the cat sat"), "===...");
        assert_eq!(run("the cat sat", ""), "...");
        assert_eq!(run("", "hello there"), "++");
        assert_eq!(run("the horse ran", "the hose horse ran"), "=+==");
    }

    #[test]
    fn words_written_together_align_as_one() {
        assert_eq!(
            run(
                "damos de comer a las gallinas",
                "damos de comer alas gallinas"
            ),
            "===jj="
        );
        assert_eq!(run("damos de comer a las", "damos necromera las"), "=jjj=");
        assert_eq!(run("our class has", "overclass has"), "jj=");
        // A short word really skipped is an omission, not a join.
        assert_eq!(run("found a big leaf", "found big leaf"), "=-==");
        assert_eq!(run("we went back inside", "we went inside"), "==-=");
    }

    #[test]
    fn skipping_a_whole_line_is_omission_not_early_stop() {
        assert_eq!(run("a b c d e f g h", "a b g h"), "==----==");
    }
}
