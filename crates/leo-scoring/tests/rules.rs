//! Each oral-reading rule of docs/scoring.md, on hand-made readings.

use leo_scoring::WordStatus::{self, *};
use leo_scoring::rules::{HeardWord, Judgement, RuleSettings, Strictness, WordAcoustics, judge};
use leo_text::{Lang, passage_words};
use proptest::prelude::*;

/// Heard words at 0.4 s each, 0.1 s apart; "|N|" inserts N seconds of silence.
fn heard(script: &str) -> Vec<HeardWord> {
    let mut t = 0.0;
    let mut out = Vec::new();
    for token in script.split_whitespace() {
        if let Some(pause) = token.strip_prefix('|').and_then(|s| s.strip_suffix('|')) {
            t += pause.parse::<f64>().unwrap();
            continue;
        }
        out.push(HeardWord {
            text: token.into(),
            start: t,
            end: t + 0.4,
            p: 0.9,
        });
        t += 0.5;
    }
    out
}

fn run_with(passage: &str, script: &str, lang: Lang, settings: RuleSettings) -> Judgement {
    judge(
        &passage_words(passage, lang),
        &heard(script),
        lang,
        &settings,
        &[],
    )
}

fn run(passage: &str, script: &str) -> Judgement {
    run_with(passage, script, Lang::En, RuleSettings::default())
}

fn statuses(j: &Judgement) -> Vec<WordStatus> {
    j.words.iter().map(|w| w.status).collect()
}

const PASSAGE: &str = "The little dog ran to the park.";

#[test]
fn correct_reading() {
    let j = run(PASSAGE, "the little dog ran to the park");
    assert_eq!(statuses(&j), vec![Correct; 7]);
    assert!((j.reading_time_s - 3.4).abs() < 1e-9);
    assert!(j.insertions.is_empty() && j.repetitions.is_empty());
}

#[test]
fn substitution_is_an_error_and_keeps_what_was_heard() {
    let j = run(PASSAGE, "the little dog ran to the part");
    assert_eq!(j.words[6].status, Substitution);
    assert_eq!(j.words[6].heard.as_deref(), Some("part"));
    let j = run(PASSAGE, "the little cat ran to the park");
    assert_eq!(j.words[2].status, Substitution);
}

#[test]
fn omission_is_an_error() {
    let j = run(PASSAGE, "the dog ran to the park");
    assert_eq!(
        statuses(&j),
        vec![
            Correct, Omission, Correct, Correct, Correct, Correct, Correct
        ]
    );
    assert_eq!(j.words[1].start, None);
}

#[test]
fn hesitation_over_the_limit_is_an_error_and_the_limit_is_a_setting() {
    let j = run(PASSAGE, "the little dog |3.5| ran to the park");
    assert_eq!(j.words[3].status, Hesitation);
    assert_eq!(statuses(&j).iter().filter(|s| **s == Hesitation).count(), 1);
    let j = run(PASSAGE, "the little dog |2.5| ran to the park");
    assert_eq!(j.words[3].status, Correct);
    let relaxed = RuleSettings {
        hesitation_limit_s: 5.0,
        ..Default::default()
    };
    let j = run_with(
        PASSAGE,
        "the little dog |3.5| ran to the park",
        Lang::En,
        relaxed,
    );
    assert_eq!(j.words[3].status, Correct);
    // A long wait before the first word is not a hesitation.
    let j = run(PASSAGE, "|4| the little dog ran to the park");
    assert_eq!(j.words[0].status, Correct);
}

#[test]
fn self_correction_counts_as_correct() {
    let j = run(PASSAGE, "the little dog ran to the part park");
    assert_eq!(j.words[6].status, SelfCorrection);
    assert!(j.words[6].status.is_correct());
    assert!(j.insertions.is_empty());
    // A false start is also corrected.
    let j = run(PASSAGE, "the lit little dog ran to the park");
    assert_eq!(j.words[1].status, SelfCorrection);
}

#[test]
fn repetition_is_counted_not_an_error() {
    let j = run(PASSAGE, "the little dog the little dog ran to the park");
    assert_eq!(statuses(&j), vec![Correct; 7]);
    assert_eq!(j.repetitions.len(), 3);
    let j = run(PASSAGE, "the little little dog ran to the park");
    assert_eq!(statuses(&j), vec![Correct; 7]);
    assert_eq!(j.repetitions.len(), 1);
    assert_eq!(j.repetitions[0].index, 1);
}

#[test]
fn insertion_is_listed_not_counted() {
    let j = run(PASSAGE, "the little brown dog ran to the park");
    assert_eq!(statuses(&j), vec![Correct; 7]);
    assert_eq!(j.insertions.len(), 1);
    assert_eq!(j.insertions[0].text, "brown");
    assert_eq!(j.insertions[0].after_index, Some(1));
}

#[test]
fn words_after_the_last_one_reached_are_not_reached() {
    let j = run(PASSAGE, "the little dog ran");
    assert_eq!(
        statuses(&j),
        vec![
            Correct, Correct, Correct, Correct, NotReached, NotReached, NotReached
        ]
    );
    let attempted = j.words.iter().filter(|w| w.status.is_attempted()).count();
    assert_eq!(attempted, 4);
}

#[test]
fn near_misses_follow_the_strictness_setting() {
    let passage = "My favourite colour is blue.";
    let reading = "my favorite color is blue";
    for (strictness, expected) in [
        (Strictness::Lenient, Correct),
        (Strictness::Normal, Correct),
        (Strictness::Strict, Substitution),
    ] {
        let settings = RuleSettings {
            strictness,
            ..Default::default()
        };
        let j = run_with(passage, reading, Lang::En, settings);
        assert_eq!(j.words[2].status, expected, "{strictness:?}");
    }
    // A different word is never a near-miss under the normal setting.
    let j = run("The big house.", "the big horse");
    assert_eq!(j.words[2].status, Substitution);
    // Same consonants, other vowels: another word, not another spelling.
    let j = run("Pull out the weeds.", "pull out the woods");
    assert_eq!(j.words[3].status, Substitution);
}

#[test]
fn poor_pronunciation_fails_the_check_when_strict() {
    let words = passage_words("The cat sat.", Lang::En);
    let pron: Vec<WordAcoustics> = [90.0, 20.0, 80.0]
        .iter()
        .map(|&p| WordAcoustics {
            pronunciation: Some(p),
            ..Default::default()
        })
        .collect();
    let h = heard("the cat sat");
    let normal = judge(&words, &h, Lang::En, &RuleSettings::default(), &pron);
    assert_eq!(normal.words[1].status, Correct);
    let strict = RuleSettings {
        strictness: Strictness::Strict,
        ..Default::default()
    };
    let j = judge(&words, &h, Lang::En, &strict, &pron);
    assert_eq!(j.words[1].status, Substitution);
    assert_eq!(j.words[1].pronunciation, Some(20.0));
}

#[test]
fn acoustic_evidence_overrules_a_recognition_slip_but_not_a_real_substitution() {
    let words = passage_words("We water the beans.", Lang::En);
    let h = heard("we walker the beans");
    let slip = WordAcoustics {
        pronunciation: None,
        expected_logprob: Some((-2.4, 1)),
        heard_logprob: Some(-2.2),
    };
    let real = WordAcoustics {
        pronunciation: None,
        expected_logprob: Some((-8.5, 1)),
        heard_logprob: Some(-0.3),
    };
    let mut acoustics = vec![WordAcoustics::default(); 4];
    acoustics[1] = slip;
    let j = judge(&words, &h, Lang::En, &RuleSettings::default(), &acoustics);
    assert_eq!(j.words[1].status, Correct, "{:?}", j.words[1]);
    acoustics[1] = real;
    let j = judge(&words, &h, Lang::En, &RuleSettings::default(), &acoustics);
    assert_eq!(j.words[1].status, Substitution);
    acoustics[1] = slip;
    let strict = RuleSettings {
        strictness: Strictness::Strict,
        ..Default::default()
    };
    assert_eq!(
        judge(&words, &h, Lang::En, &strict, &acoustics).words[1].status,
        Substitution
    );
}

#[test]
fn a_word_the_recogniser_dropped_counts_as_read_when_the_audio_holds_it() {
    let words = passage_words("Cerca de la montaña.", Lang::Es);
    let h = heard("cerca la montaña");
    let forced = |lp: f32| {
        let mut acoustics = vec![WordAcoustics::default(); 4];
        acoustics[1].expected_logprob = Some((lp, 1));
        acoustics
    };
    let judged = |settings: &RuleSettings, lp: f32| {
        judge(&words, &h, Lang::Es, settings, &forced(lp)).words[1].status
    };
    let normal = RuleSettings::default();
    assert_eq!(judged(&normal, -0.6), Correct);
    // Skipped by the reader: forcing finds the word far less likely.
    assert_eq!(judged(&normal, -12.0), Omission);
    let strict = RuleSettings {
        strictness: Strictness::Strict,
        ..Default::default()
    };
    assert_eq!(judged(&strict, -0.6), Omission);
    // Without forced evidence it stays an omission.
    assert_eq!(
        judge(&words, &h, Lang::Es, &normal, &[]).words[1].status,
        Omission
    );
}

#[test]
fn two_words_written_as_one_are_both_read() {
    let j = run_with(
        "Damos de comer a las gallinas.",
        "damos de comer alas gallinas",
        Lang::Es,
        RuleSettings::default(),
    );
    assert_eq!(statuses(&j), vec![Correct; 6]);
    // A different word is still a substitution.
    let j = run_with(
        "Damos de comer a las gallinas.",
        "damos de comer alas pollos",
        Lang::Es,
        RuleSettings::default(),
    );
    assert_eq!(j.words[5].status, Substitution);
}

#[test]
fn words_run_together_and_misspelled_by_the_recogniser_are_read_unless_strict() {
    let passage = "Damos de comer a las gallinas.";
    let j = run_with(
        passage,
        "damos necromera las gallinas",
        Lang::Es,
        RuleSettings::default(),
    );
    assert_eq!(statuses(&j), vec![Correct; 6]);
    assert_eq!(j.words[2].heard.as_deref(), Some("necromera"));
    assert_eq!(j.words[1].start, j.words[3].start);
    let strict = RuleSettings {
        strictness: Strictness::Strict,
        ..Default::default()
    };
    let j = run_with(passage, "damos necromera las gallinas", Lang::Es, strict);
    assert_eq!(
        statuses(&j),
        vec![
            Correct,
            Substitution,
            Substitution,
            Substitution,
            Correct,
            Correct
        ]
    );
    let j = run_with(passage, "damos de comer alas gallinas", Lang::Es, strict);
    assert_eq!(statuses(&j), vec![Correct; 6]);
    // A word really skipped stays an omission.
    let j = run(
        "The little dog ran to the park.",
        "the little dog ran to park",
    );
    assert_eq!(j.words[5].status, Omission);
}

#[test]
fn spanish_is_matched_without_accents_and_numbers_as_words() {
    let j = run_with(
        "El niño tenía 3 años.",
        "el nino tenia tres anos",
        Lang::Es,
        RuleSettings::default(),
    );
    assert_eq!(statuses(&j), vec![Correct; 5]);
    let j = run_with(
        "Tengo 25 lápices.",
        "tengo 25 lapices",
        Lang::Es,
        RuleSettings::default(),
    );
    assert_eq!(statuses(&j), vec![Correct; 3]);
}

#[test]
fn a_one_word_passage_and_an_empty_reading() {
    let j = run("Hello.", "hello");
    assert_eq!(statuses(&j), vec![Correct]);
    let j = run("Hello.", "");
    assert_eq!(statuses(&j), vec![NotReached]);
    assert_eq!(j.reading_time_s, 0.0);
    let j = run("", "hello there");
    assert!(j.words.is_empty());
    assert_eq!(j.insertions.len(), 2);
}

#[test]
fn long_passage_early_stop() {
    let passage: String = (0..300).map(|i| format!("word{} ", i % 37)).collect();
    let script: String = (0..120).map(|i| format!("word{} ", i % 37)).collect();
    let j = run(&passage, &script);
    assert_eq!(j.words.len(), 300);
    assert!(j.words[..120].iter().all(|w| w.status == Correct));
    assert!(j.words[120..].iter().all(|w| w.status == NotReached));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever is heard: no panic, one status per passage word, counts add up, the
    /// not-reached words form a suffix, times are ordered.
    #[test]
    fn judgement_invariants(
        passage in proptest::collection::vec("[a-e]{1,3}", 0..40),
        reading in proptest::collection::vec("[a-e]{1,3}", 0..60),
        gaps in proptest::collection::vec(0.0f64..5.0, 60),
    ) {
        let text = passage.join(" ");
        let words = passage_words(&text, Lang::En);
        let mut t = 0.0;
        let heard: Vec<HeardWord> = reading.iter().zip(&gaps).map(|(w, g)| {
            t += g;
            let h = HeardWord { text: w.clone(), start: t, end: t + 0.3, p: 0.5 };
            t += 0.3;
            h
        }).collect();
        let j = judge(&words, &heard, Lang::En, &RuleSettings::default(), &[]);
        prop_assert_eq!(j.words.len(), words.len());
        for (i, w) in j.words.iter().enumerate() {
            prop_assert_eq!(w.index, i);
        }
        let first_unreached = j.words.iter().position(|w| w.status == NotReached).unwrap_or(j.words.len());
        prop_assert!(j.words[first_unreached..].iter().all(|w| w.status == NotReached));
        let correct = j.words.iter().filter(|w| w.status.is_correct()).count();
        let errors = j.words.iter().filter(|w| w.status.is_error()).count();
        prop_assert_eq!(correct + errors, first_unreached);
        prop_assert!(j.reading_time_s >= 0.0);
        // Every heard word stands for at most one passage word, or up to three it ran together.
        let mut starts: Vec<u64> = j.words.iter().filter_map(|w| w.start.map(f64::to_bits)).collect();
        starts.dedup();
        prop_assert!(starts.len() <= heard.len());
        prop_assert!(j.insertions.len() + j.repetitions.len() <= heard.len());
    }
}
