//! Choosing the next passage: language, recency, level, missed words, ties,
//! and the reason given.

use leo_levels::{
    Date, DecisionReason, LevelChange, LevelDecision, PastReading, Recommendation, Settings,
    StudentView, recommend,
};
use leo_passages::Passage;
use leo_text::Lang;

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

fn today() -> Date {
    date("2026-02-20")
}

fn passage(id: &str, lang: Lang, level: u8, text: &str) -> Passage {
    Passage {
        id: id.to_string(),
        lang,
        level,
        title: id.to_string(),
        topic: "test".to_string(),
        text: text.to_string(),
    }
}

fn reading(passage_id: &str, day: &str, missed: &[&str]) -> PastReading {
    PastReading {
        passage_id: passage_id.to_string(),
        date: date(day),
        accuracy: 0.96,
        wcpm: 100.0,
        missed_words: missed.iter().map(|word| word.to_string()).collect(),
    }
}

fn student(lang: Lang, level: u8, readings: Vec<PastReading>) -> StudentView {
    StudentView {
        lang,
        level,
        grade: level.div_ceil(2),
        recent_readings: readings,
        latest_decision: None,
    }
}

fn library() -> Vec<Passage> {
    vec![
        passage(
            "en-05-kite",
            Lang::En,
            5,
            "The kite flew through the clouds.",
        ),
        passage("en-05-boat", Lang::En, 5, "A boat sat on the lake."),
        passage(
            "en-05-owl",
            Lang::En,
            5,
            "The owl thought about the night, through and through.",
        ),
        passage("en-04-frog", Lang::En, 4, "A frog jumped."),
        passage("en-06-bridge", Lang::En, 6, "The bridge was old."),
        passage("en-07-storm", Lang::En, 7, "The storm came in."),
        passage(
            "es-05-cometa",
            Lang::Es,
            5,
            "La cometa voló sobre el árbol.",
        ),
        passage(
            "es-05-barco",
            Lang::Es,
            5,
            "El barco cruzó el río y llegó a la isla.",
        ),
        passage("es-04-rana", Lang::Es, 4, "Una rana saltó."),
    ]
}

fn pick(student: &StudentView, candidates: &[Passage]) -> Recommendation {
    recommend(student, candidates, today(), &Settings::default()).expect("a recommendation")
}

#[test]
fn chooses_by_language_recency_level_and_missed_words() {
    // (name, student, expected passage id)
    let cases = [
        (
            "English student gets an English passage",
            student(Lang::En, 5, vec![]),
            "en-05-boat",
        ),
        (
            "Spanish student gets a Spanish passage",
            student(Lang::Es, 5, vec![]),
            "es-05-barco",
        ),
        (
            "a passage read recently is avoided",
            student(Lang::En, 5, vec![reading("en-05-boat", "2026-02-19", &[])]),
            "en-05-kite",
        ),
        (
            "among equals, a passage not read lately beats one read long ago",
            student(
                Lang::En,
                5,
                vec![
                    reading("en-05-boat", "2025-11-01", &[]),
                    reading("other-1", "2025-11-02", &[]),
                    reading("other-2", "2025-11-03", &[]),
                    reading("other-3", "2025-11-04", &[]),
                    reading("other-4", "2025-11-05", &[]),
                    reading("other-5", "2025-11-06", &[]),
                ],
            ),
            "en-05-kite",
        ),
        (
            "one of the last five passages is recent even when read long ago",
            student(
                Lang::En,
                5,
                vec![
                    reading("en-05-boat", "2025-10-01", &[]),
                    reading("en-04-frog", "2025-10-02", &[]),
                    reading("en-05-owl", "2025-10-03", &[]),
                ],
            ),
            "en-05-kite",
        ),
        (
            "the passage with the most missed words wins",
            student(
                Lang::En,
                5,
                vec![reading("en-04-frog", "2026-02-19", &["Through", "thought"])],
            ),
            "en-05-owl",
        ),
        (
            "missed words match whatever the case and accents",
            student(
                Lang::Es,
                5,
                vec![reading("es-04-rana", "2026-02-19", &["ARBOL"])],
            ),
            "es-05-cometa",
        ),
        (
            "missed words never pull in a passage of another level",
            student(
                Lang::En,
                5,
                vec![reading("en-04-frog", "2026-02-19", &["bridge"])],
            ),
            "en-05-boat",
        ),
        (
            "no new passage at the level: the level below first",
            student(
                Lang::En,
                5,
                vec![
                    reading("en-05-kite", "2026-02-18", &[]),
                    reading("en-05-boat", "2026-02-18", &[]),
                    reading("en-05-owl", "2026-02-19", &[]),
                ],
            ),
            "en-04-frog",
        ),
        (
            "no new passage at or below the level: the level above",
            student(
                Lang::En,
                5,
                vec![
                    reading("en-05-kite", "2026-02-18", &[]),
                    reading("en-05-boat", "2026-02-18", &[]),
                    reading("en-05-owl", "2026-02-19", &[]),
                    reading("en-04-frog", "2026-02-19", &[]),
                ],
            ),
            "en-06-bridge",
        ),
        (
            "nearest level when the student's level has none",
            student(Lang::En, 9, vec![]),
            "en-07-storm",
        ),
        (
            "a level outside 1–12 is treated as the nearest valid one",
            student(Lang::Es, 0, vec![]),
            "es-04-rana",
        ),
        (
            "every passage read recently: the one read longest ago at the level",
            student(
                Lang::Es,
                5,
                vec![
                    reading("es-05-barco", "2026-02-10", &[]),
                    reading("es-05-cometa", "2026-02-12", &[]),
                    reading("es-04-rana", "2026-02-19", &[]),
                ],
            ),
            "es-05-barco",
        ),
    ];
    for (name, student, expected) in cases {
        assert_eq!(pick(&student, &library()).passage_id, expected, "{name}");
    }
}

#[test]
fn recency_window_is_a_setting() {
    let student = student(Lang::En, 5, vec![reading("en-05-boat", "2026-02-10", &[])]);
    // The level-4 passage is chosen only when the level-5 one counts as recent.
    let candidates: Vec<Passage> = library()
        .into_iter()
        .filter(|p| p.id == "en-05-boat" || p.id == "en-04-frog")
        .collect();
    let by_window = |days: u32, passages: usize| {
        let settings = Settings {
            recent_days: days,
            recent_passages: passages,
            ..Settings::default()
        };
        recommend(&student, &candidates, today(), &settings)
            .unwrap()
            .passage_id
    };
    let cases = [
        (14, 0, "en-04-frog", "read 10 days ago is within 14 days"),
        (11, 0, "en-04-frog", "today is the first of the 11 days"),
        (10, 0, "en-05-boat", "read 10 days ago is outside 10 days"),
        (10, 1, "en-04-frog", "but it is the last passage read"),
        (0, 0, "en-05-boat", "no window: nothing is recent"),
    ];
    for (days, passages, expected, name) in cases {
        assert_eq!(by_window(days, passages), expected, "{name}");
    }
}

#[test]
fn no_passage_in_the_language_gives_nothing() {
    let english_only: Vec<Passage> = library()
        .into_iter()
        .filter(|p| p.lang == Lang::En)
        .collect();
    let view = student(Lang::Es, 5, vec![]);
    assert_eq!(
        recommend(&view, &english_only, today(), &Settings::default()),
        None
    );
    assert_eq!(recommend(&view, &[], today(), &Settings::default()), None);
}

#[test]
fn the_choice_does_not_depend_on_candidate_order() {
    let view = student(
        Lang::En,
        5,
        vec![reading("en-04-frog", "2026-02-19", &["night"])],
    );
    let mut passages = library();
    let expected = pick(&view, &passages);
    for _ in 0..passages.len() {
        passages.rotate_left(1);
        assert_eq!(pick(&view, &passages), expected);
        passages.reverse();
        assert_eq!(pick(&view, &passages), expected);
    }
}

#[test]
fn first_passage_reason_names_level_and_grade() {
    let chosen = pick(
        &student(Lang::En, 3, vec![]),
        &[passage("en-03-cat", Lang::En, 3, "A cat.")],
    );
    assert_eq!(chosen.reason.en, "A first passage at level 3 for grade 2.");
    assert_eq!(
        chosen.reason.es,
        "Un primer texto de nivel 3 para 2.º de primaria."
    );
    assert!(!chosen.reread);
}

#[test]
fn reason_explains_the_latest_decision_and_missed_words() {
    let mut view = student(
        Lang::En,
        6,
        vec![reading("en-05-kite", "2026-02-19", &["through", "thought"])],
    );
    view.latest_decision = Some(LevelDecision {
        previous_level: 5,
        new_level: 6,
        change: LevelChange::Up,
        reason: DecisionReason::ReadyForNextLevel,
        streak: 0,
        passage_level: 5,
        accuracy: 0.98,
        wcpm: 104.0,
    });
    let candidates = [
        passage(
            "en-06-maze",
            Lang::En,
            6,
            "They thought the path went through the maze.",
        ),
        passage("en-06-bridge", Lang::En, 6, "The bridge was old."),
    ];
    let chosen = pick(&view, &candidates);
    assert_eq!(chosen.passage_id, "en-06-maze");
    assert_eq!(chosen.practice_words, ["thought", "through"]);
    assert_eq!(
        chosen.reason.en,
        "98% accuracy at 104 words per minute — moving up to level 6. \
         It has 'thought' and 'through', which were tricky last time."
    );
    assert_eq!(
        chosen.reason.es,
        "98 % de precisión a 104 palabras por minuto: subes al nivel 6. \
         Tiene «thought» y «through», que te costaron la última vez."
    );
}

#[test]
fn reason_says_when_the_level_or_the_passage_is_a_fallback() {
    let view = student(
        Lang::Es,
        5,
        vec![
            reading("es-05-barco", "2026-02-10", &["isla"]),
            reading("es-05-cometa", "2026-02-12", &[]),
        ],
    );
    let chosen = pick(&view, &library());
    assert_eq!(chosen.passage_id, "es-04-rana");
    assert_eq!(
        chosen.reason.es,
        "Más práctica en el nivel 5. No quedan textos nuevos de nivel 5, así que este es de nivel 4."
    );
    assert_eq!(
        chosen.reason.en,
        "More practice at level 5. No new level 5 passage is left, so this one is level 4."
    );

    let only_read = [passage(
        "es-05-barco",
        Lang::Es,
        5,
        "El barco cruzó el río y llegó a la isla.",
    )];
    let chosen = pick(&view, &only_read);
    assert!(chosen.reread);
    assert_eq!(
        chosen.reason.es,
        "Más práctica en el nivel 5. Lo leíste hace poco: releerlo ayuda a leer con más fluidez. \
         Tiene «isla», que te costó hace poco."
    );
    assert_eq!(
        chosen.reason.en,
        "More practice at level 5. You read this one recently — reading it again builds fluency. \
         It has 'isla', which was tricky recently."
    );
}

#[test]
fn every_reason_is_non_empty_in_both_languages_and_carries_the_numbers() {
    let reasons = [
        DecisionReason::ReadyForNextLevel,
        DecisionReason::CountsTowardMovingUp { remaining: 1 },
        DecisionReason::BuildingSpeed {
            expected_wcpm: 97.0,
        },
        DecisionReason::Instructional,
        DecisionReason::TooHard,
        DecisionReason::HarderPassageTooHard,
        DecisionReason::EasierPassage,
        DecisionReason::TopLevel,
    ];
    for reason in reasons {
        let new_level = if reason == DecisionReason::TopLevel {
            12
        } else {
            5
        };
        let mut view = student(Lang::En, 5, vec![reading("en-05-kite", "2026-02-19", &[])]);
        view.latest_decision = Some(LevelDecision {
            previous_level: new_level,
            new_level,
            change: LevelChange::Stay,
            reason,
            streak: 0,
            passage_level: new_level,
            accuracy: 0.934,
            wcpm: 87.2,
        });
        let chosen = pick(&view, &library());
        for text in [&chosen.reason.en, &chosen.reason.es] {
            assert!(text.contains("93"), "{reason:?}: {text}");
            let level_named = match reason {
                DecisionReason::CountsTowardMovingUp { .. } => new_level + 1,
                _ => new_level,
            };
            assert!(
                text.contains(&level_named.to_string()),
                "{reason:?}: {text}"
            );
            let shows_speed = !matches!(
                reason,
                DecisionReason::TooHard | DecisionReason::HarderPassageTooHard
            );
            assert_eq!(text.contains("87"), shows_speed, "{reason:?}: {text}");
        }
    }
}
