//! The scoring engine end to end on synthetic readings with known miscues (espeak-ng speech,
//! real recognition): statuses and words correct per minute within the stated tolerances.
//!
//! Tolerances: every marked miscue is found with the right status (a self-correction may also
//! come out as plainly correct: both count as correct); at most one word per reading is marked
//! wrongly; WCPM within ±5 of the truth computed from the synthetic audio.

mod support;

use std::sync::OnceLock;

use leo_asr::SpeechWorker;
use leo_assess::{assess, calibration_for};
use leo_scoring::WordStatus;
use leo_scoring::rules::RuleSettings;
use leo_text::{Lang, passage_words};
use support::miscues::{Case, cases, expected_statuses, synthesize};

fn worker(lang: Lang) -> &'static SpeechWorker {
    static EN: OnceLock<SpeechWorker> = OnceLock::new();
    static ES: OnceLock<SpeechWorker> = OnceLock::new();
    let (cell, name) = match lang {
        Lang::En => (&EN, "tiny.en"),
        Lang::Es => (&ES, "base"),
    };
    cell.get_or_init(|| SpeechWorker::spawn(&support::model(name), Default::default()).unwrap())
}

#[test]
fn each_worker_is_scored_with_its_own_models_calibration() {
    // The kind comes from the loaded model, whatever its file is called.
    assert_eq!(worker(Lang::En).model_kind(), "tiny.en");
    assert_eq!(worker(Lang::Es).model_kind(), "base");
    assert!(
        calibration_for(worker(Lang::En))
            .trained_on
            .contains("tiny.en")
    );
    assert!(
        calibration_for(worker(Lang::Es))
            .trained_on
            .contains("base")
    );
}

fn voice(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en-us",
        Lang::Es => "es",
    }
}

fn check(case: &Case) {
    let dir = tempfile::tempdir().unwrap();
    let (samples, reading_time) = synthesize(case, voice(case.lang), 150, dir.path());
    let outcome = assess(
        worker(case.lang),
        case.passage,
        samples,
        case.lang,
        &RuleSettings::default(),
        &calibration_for(worker(case.lang)),
    )
    .unwrap();
    let a = &outcome.assessment;
    let n = passage_words(case.passage, case.lang).len();
    assert_eq!(a.words.len(), n);
    let expected = expected_statuses(case, n);
    let mut wrong = Vec::new();
    for (w, want) in a.words.iter().zip(&expected) {
        let ok = w.status == *want
            || (*want == WordStatus::SelfCorrection && w.status == WordStatus::Correct);
        if !ok {
            wrong.push(format!(
                "{} {:?}: {:?} heard {:?}",
                w.index, w.text, w.status, w.heard
            ));
        }
    }
    for &(i, want) in &case.expected {
        let got = a.words[i].status;
        assert!(
            got == want || (want == WordStatus::SelfCorrection && got == WordStatus::Correct),
            "{}: word {i} {:?} should be {want:?}, got {got:?}; heard: {}",
            case.name,
            a.words[i].text,
            outcome.transcript.text
        );
    }
    assert!(
        wrong.len() <= 1,
        "{}: wrongly marked {wrong:?}; heard: {}",
        case.name,
        outcome.transcript.text
    );
    let correct = expected.iter().filter(|s| s.is_correct()).count();
    let true_wcpm = correct as f64 * 60.0 / reading_time;
    assert!(
        (a.wcpm - true_wcpm).abs() <= 5.0,
        "{}: WCPM {:.1}, truth {true_wcpm:.1}",
        case.name,
        a.wcpm
    );
}

#[test]
fn an_english_reading_has_a_voice_profile_and_the_english_scores_read_it() {
    let case = cases().into_iter().find(|c| c.name == "en clean").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (samples, _) = synthesize(&case, voice(Lang::En), 150, dir.path());
    let calibration = calibration_for(worker(Lang::En));
    let outcome = assess(
        worker(Lang::En),
        case.passage,
        samples,
        Lang::En,
        &RuleSettings::default(),
        &calibration,
    )
    .unwrap();
    let profile = outcome.transcript.voice_profile.as_deref().unwrap();
    // tiny.en's encoder frames hold 384 values: their mean, then their spread.
    assert_eq!(profile.len(), 2 * 384);
    assert!(profile.iter().all(|v| v.is_finite()));
    assert!(profile[384..].iter().all(|&v| v >= 0.0));
    assert!(profile[384..].iter().filter(|&&v| v > 0.01).count() > 300);
    // The voice scores are made blind to the reader's pitch, so the reading must carry one.
    let pitch = outcome.assessment.prosody.median_pitch_hz;
    assert!(
        pitch.is_some_and(|hz| (70.0..400.0).contains(&hz)),
        "{pitch:?}"
    );
    let with = calibration.utterance_scores(&outcome.utterance_features, Some(profile), pitch);
    let without = calibration.utterance_scores(&outcome.utterance_features, None, pitch);
    assert_ne!(
        with, without,
        "the English calibration reads the voice profile"
    );
    assert_eq!(outcome.assessment.scores.total, (with[4] * 10.0) as f32);
    // The Spanish calibration does not: its voice models would be learned from English.
    assert!(calibration_for(worker(Lang::Es)).voice.is_none());
}

#[test]
fn an_english_reading_is_checked_against_the_native_model_and_a_spanish_one_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let native_of = |lang: Lang, name: &str| {
        let case = cases().into_iter().find(|c| c.name == name).unwrap();
        let (samples, _) = synthesize(&case, voice(lang), 150, dir.path());
        let calibration = calibration_for(worker(lang));
        let outcome = assess(
            worker(lang),
            case.passage,
            samples,
            lang,
            &RuleSettings::default(),
            &calibration,
        )
        .unwrap();
        let n = leo_scoring::features::UTTERANCE_FEATURES.len();
        let utterance = outcome.utterance_features[n - 2..].to_vec();
        (outcome.native_goodness, utterance, calibration)
    };
    let (english, utterance, calibration) = native_of(Lang::En, "en clean");
    let known: Vec<f64> = english.iter().flatten().copied().collect();
    assert!(
        known.len() * 10 >= english.len() * 8,
        "most words of a clean English reading are judged: {english:?}"
    );
    // A log-likelihood ratio against the best sound in each frame cannot be above 0.
    assert!(
        known.iter().all(|g| g.is_finite() && *g <= 0.0),
        "{known:?}"
    );
    assert!(utterance.iter().all(|v| v.is_finite()), "{utterance:?}");
    let weight = |c: &leo_scoring::calibration::Calibration| -> Vec<f64> {
        let total = &c.utterance.total;
        leo_scoring::native::NATIVE_UTTERANCE_FEATURES
            .iter()
            .map(|name| {
                let i = total.features.iter().position(|f| f == name).unwrap();
                total.weights[i]
            })
            .collect()
    };
    assert!(weight(&calibration).iter().any(|w| *w != 0.0));

    let (spanish, utterance, calibration) = native_of(Lang::Es, "es clean");
    assert!(spanish.iter().all(Option::is_none));
    assert!(utterance.iter().all(|v| v.is_nan()));
    // The Spanish calibration gives the feature no weight, so its scores do not wait on it.
    assert!(weight(&calibration).iter().all(|w| *w == 0.0));
}

fn run(name: &str) {
    let case = cases().into_iter().find(|c| c.name == name).unwrap();
    check(&case);
}

#[test]
fn en_clean() {
    run("en clean");
}

#[test]
fn en_omissions() {
    run("en omissions");
}

#[test]
fn en_substitutions() {
    run("en substitutions");
}

#[test]
fn en_insertions_and_repetitions() {
    run("en insertions and repetitions");
}

#[test]
fn en_self_correction() {
    run("en self-correction");
}

#[test]
fn en_hesitation() {
    run("en hesitation");
}

#[test]
fn en_stops_early() {
    run("en stops early");
}

#[test]
fn es_clean() {
    run("es clean");
}

#[test]
fn es_omission_and_substitution() {
    run("es omission and substitution");
}

#[test]
fn es_hesitation() {
    run("es hesitation");
}

#[test]
fn silence_scores_nothing_read_and_says_so() {
    let outcome = assess(
        worker(Lang::En),
        "The cat sat.",
        vec![0.0; 16_000 * 3],
        Lang::En,
        &RuleSettings::default(),
        &calibration_for(worker(Lang::En)),
    )
    .unwrap();
    assert!(
        outcome
            .assessment
            .words
            .iter()
            .all(|w| w.status == WordStatus::NotReached)
    );
    assert_eq!(outcome.assessment.wcpm, 0.0);
    assert!(outcome.notes.iter().any(|n| n.contains("No speech")));
    assert_eq!(outcome.transcript.voice_profile, None);
}

#[test]
fn an_empty_passage_is_refused() {
    let err = assess(
        worker(Lang::En),
        " ... ",
        vec![0.1; 16_000],
        Lang::En,
        &RuleSettings::default(),
        &calibration_for(worker(Lang::En)),
    )
    .unwrap_err();
    assert!(err.to_string().contains("no words"));
}
