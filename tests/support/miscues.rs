//! Synthetic readings with known miscues: a passage, a script of what the "reader" says (with
//! pauses), and the statuses a teacher would mark. Speech comes from espeak-ng.
#![allow(dead_code)]

use std::path::Path;

use leo_scoring::WordStatus;
use leo_text::Lang;

/// What the synthetic reader does.
#[derive(Debug, Clone)]
pub enum Part {
    Say(&'static str),
    Pause(f64),
}

#[derive(Debug, Clone)]
pub struct Case {
    pub name: &'static str,
    pub lang: Lang,
    pub passage: &'static str,
    pub script: Vec<Part>,
    /// Passage word index → expected status, for every word that is not plainly correct.
    pub expected: Vec<(usize, WordStatus)>,
}

pub const EN_PASSAGE: &str = "Our class has a garden behind the school. Every Monday we water the \
beans and pull out the weeds. Last week Maria found a green frog under a big leaf. We watched it \
jump into the pond, and then we went back inside to write about it.";

pub const ES_PASSAGE: &str = "Mi abuela vive en un pueblo pequeño cerca de la montaña. Cada \
verano voy a su casa con mis primos. Por la mañana damos de comer a las gallinas y por la tarde \
jugamos en el río. Por la noche ella nos cuenta historias antiguas.";

/// A prompt in the style of a verbatim transcript (false starts, repeats), which nudges the
/// recogniser to write what was said rather than what should have been said.
pub const VERBATIM_PROMPT_EN: &str =
    "Um, the- the dog, uh, ran to the, the park. I- I mean the pa- park.";

/// The cases used by the tests (the benchmark adds voices the tests never use).
pub fn cases() -> Vec<Case> {
    use Part::*;
    use WordStatus::*;
    vec![
        Case {
            name: "en clean",
            lang: Lang::En,
            passage: EN_PASSAGE,
            script: vec![Say(EN_PASSAGE)],
            expected: vec![],
        },
        Case {
            name: "en omissions",
            lang: Lang::En,
            passage: EN_PASSAGE,
            script: vec![Say(
                "Our class has a garden behind the school. Every Monday we water the beans and pull out the weeds. Last week Maria found a frog under a big leaf. We watched it jump into the pond, and then we went inside to write about it.",
            )],
            expected: vec![(24, Omission), (41, Omission)],
        },
        Case {
            name: "en substitutions",
            lang: Lang::En,
            passage: EN_PASSAGE,
            script: vec![Say(
                "Our class has a garden behind the house. Every Monday we water the beans and pull out the weeds. Last week Maria found a green dog under a big leaf. We watched it jump into the pond, and then we went back inside to write about it.",
            )],
            expected: vec![(7, Substitution), (25, Substitution)],
        },
        Case {
            name: "en insertions and repetitions",
            lang: Lang::En,
            passage: EN_PASSAGE,
            script: vec![Say(
                "Our class has a big garden behind the school. Every Monday we water the beans, we water the beans and pull out the weeds. Last week Maria found a green frog under a big leaf. We watched it jump into the pond, and then we went back inside to write about it.",
            )],
            expected: vec![],
        },
        Case {
            name: "en self-correction",
            lang: Lang::En,
            passage: EN_PASSAGE,
            script: vec![Say(
                "Our class has a garden behind the school. Every Monday we water the beans and pull out the weeds. Last week Maria found a green frog under a big leaf. We watched it jump into the pound, pond, and then we went back inside to write about it.",
            )],
            expected: vec![(36, SelfCorrection)],
        },
        Case {
            name: "en hesitation",
            lang: Lang::En,
            passage: EN_PASSAGE,
            script: vec![
                Say(
                    "Our class has a garden behind the school. Every Monday we water the beans and pull out the",
                ),
                Pause(3.5),
                Say(
                    "weeds. Last week Maria found a green frog under a big leaf. We watched it jump into the pond, and then we went back inside to write about it.",
                ),
            ],
            expected: vec![(18, Hesitation)],
        },
        Case {
            name: "en stops early",
            lang: Lang::En,
            passage: EN_PASSAGE,
            script: vec![Say(
                "Our class has a garden behind the school. Every Monday we water the beans and pull out the weeds.",
            )],
            expected: (19..47).map(|i| (i, NotReached)).collect(),
        },
        Case {
            name: "en near misses",
            lang: Lang::En,
            passage: EN_PASSAGE,
            script: vec![Say(
                "Our class has a garden behind the school. Every Monday we water the beans and pull out the woods. Last week Maria found a green frog under a big leaves. We watched it jumped into the pond, and then we went back inside to write about it.",
            )],
            expected: vec![(18, Substitution), (29, Substitution), (33, Substitution)],
        },
        Case {
            name: "es clean",
            lang: Lang::Es,
            passage: ES_PASSAGE,
            script: vec![Say(ES_PASSAGE)],
            expected: vec![],
        },
        Case {
            name: "es omission and substitution",
            lang: Lang::Es,
            passage: ES_PASSAGE,
            script: vec![Say(
                "Mi abuela vive en un pueblo pequeño cerca de la montaña. Cada verano voy a su casa con mis amigos. Por la mañana damos de comer a las gallinas y por la tarde jugamos en el río. Por la noche nos cuenta historias antiguas.",
            )],
            expected: vec![(19, Substitution), (40, Omission)],
        },
        Case {
            name: "es hesitation",
            lang: Lang::Es,
            passage: ES_PASSAGE,
            script: vec![
                Say(
                    "Mi abuela vive en un pueblo pequeño cerca de la montaña. Cada verano voy a su casa con mis primos. Por la mañana damos de comer a las",
                ),
                Pause(3.5),
                Say(
                    "gallinas y por la tarde jugamos en el río. Por la noche ella nos cuenta historias antiguas.",
                ),
            ],
            expected: vec![(28, Hesitation)],
        },
    ]
}

/// More Spanish cases for the benchmark (the tests keep to the three above).
pub fn more_spanish_cases() -> Vec<Case> {
    use Part::*;
    use WordStatus::*;
    vec![
        Case {
            name: "es near misses",
            lang: Lang::Es,
            passage: ES_PASSAGE,
            script: vec![Say(
                "Mi abuela vive en un pueblo pequeño cerca de la montaña. Cada verano voy a su cosa con mis primos. Por la manzana damos de comer a las gallinas y por la tarde jugamos en el río. Por la noche ella nos cuenta historia antiguas.",
            )],
            expected: vec![(16, Substitution), (22, Substitution), (43, Substitution)],
        },
        Case {
            name: "es repetition and self-correction",
            lang: Lang::Es,
            passage: ES_PASSAGE,
            script: vec![Say(
                "Mi abuela vive en un pueblo pequeño cerca de la montaña. Cada verano voy a su casa, a su casa con mis primos. Por la mañana damos de comer a las gallinas y por la tarde jugamos en el rato, río. Por la noche ella nos cuenta historias antiguas.",
            )],
            expected: vec![(36, SelfCorrection)],
        },
        Case {
            name: "es stops early",
            lang: Lang::Es,
            passage: ES_PASSAGE,
            script: vec![Say(
                "Mi abuela vive en un pueblo pequeño cerca de la montaña. Cada verano voy a su casa con mis primos.",
            )],
            expected: (20..45).map(|i| (i, NotReached)).collect(),
        },
    ]
}

/// Speaks the script and returns 16 kHz samples plus the true reading time (first to last
/// voiced sample of the speech parts).
pub fn synthesize(case: &Case, voice: &str, wpm: u32, dir: &Path) -> (Vec<f32>, f64) {
    let mut samples: Vec<f32> = Vec::new();
    let mut first_voiced: Option<usize> = None;
    let mut last_voiced = 0usize;
    for (i, part) in case.script.iter().enumerate() {
        match part {
            Part::Pause(s) => samples.extend(std::iter::repeat_n(0.0, (s * 16_000.0) as usize)),
            Part::Say(text) => {
                let wav = dir.join(format!("part{i}.wav"));
                super::speak(voice, wpm, text, &wav);
                let audio = leo_audio::load_wav(&wav).unwrap().samples;
                let voiced: Vec<usize> = audio
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.abs() > 0.02)
                    .map(|(k, _)| k)
                    .collect();
                let (a, b) = (
                    voiced.first().copied().unwrap_or(0),
                    voiced.last().copied().unwrap_or(0),
                );
                first_voiced.get_or_insert(samples.len() + a);
                last_voiced = samples.len() + b;
                samples.extend(audio);
            }
        }
    }
    let reading = (last_voiced - first_voiced.unwrap_or(0)) as f64 / 16_000.0;
    (samples, reading)
}

/// Statuses a teacher would mark for every passage word.
pub fn expected_statuses(case: &Case, n_words: usize) -> Vec<WordStatus> {
    let mut all = vec![WordStatus::Correct; n_words];
    for &(i, s) in &case.expected {
        all[i] = s;
    }
    all
}
