//! How each level decision is explained, word for word, in both languages.

use leo_levels::{DecisionReason, LevelChange, LevelDecision, Reason};

use DecisionReason::*;
use LevelChange::{Down, Stay, Up};

fn decision(reason: DecisionReason, change: LevelChange, new_level: u8) -> LevelDecision {
    LevelDecision {
        previous_level: 5,
        new_level,
        change,
        reason,
        streak: 0,
        passage_level: 7,
        accuracy: 0.987,
        wcpm: 103.6,
    }
}

#[test]
fn decisions_are_explained_in_both_languages() {
    let cases = [
        (
            decision(ReadyForNextLevel, Up, 6),
            "98% accuracy at 104 words per minute — moving up to level 6.",
            "98 % de precisión a 104 palabras por minuto: subes al nivel 6.",
        ),
        (
            decision(CountsTowardMovingUp { remaining: 1 }, Stay, 5),
            "98% accuracy at 104 words per minute — one more reading like that moves you up to level 6.",
            "98 % de precisión a 104 palabras por minuto: con una lectura más así, subes al nivel 6.",
        ),
        (
            decision(CountsTowardMovingUp { remaining: 2 }, Stay, 5),
            "98% accuracy at 104 words per minute — 2 more readings like that move you up to level 6.",
            "98 % de precisión a 104 palabras por minuto: con 2 lecturas más así, subes al nivel 6.",
        ),
        (
            decision(
                BuildingSpeed {
                    expected_wcpm: 120.0,
                },
                Stay,
                5,
            ),
            "98% accuracy at 104 words per minute — staying at level 5 to build speed (goal: 120 words per minute).",
            "98 % de precisión a 104 palabras por minuto: sigues en el nivel 5 para ganar velocidad (meta: 120 palabras por minuto).",
        ),
        (
            decision(Instructional, Stay, 5),
            "98% accuracy at 104 words per minute — let's practise level 5 a bit more.",
            "98 % de precisión a 104 palabras por minuto: practiquemos un poco más el nivel 5.",
        ),
        (
            decision(TooHard, Down, 4),
            "98% accuracy — that one was hard, so let's practise level 4 a bit more.",
            "98 % de precisión: esa lectura fue difícil, así que practiquemos un poco más el nivel 4.",
        ),
        (
            decision(HarderPassageTooHard, Stay, 5),
            "98% accuracy on a level 7 passage — that was a stretch, so let's keep practising level 5.",
            "98 % de precisión en un texto de nivel 7: era un reto, así que seguimos practicando el nivel 5.",
        ),
        (
            decision(EasierPassage, Stay, 5),
            "98% accuracy at 104 words per minute on an easier passage — staying at level 5.",
            "98 % de precisión a 104 palabras por minuto en un texto más fácil: sigues en el nivel 5.",
        ),
        (
            decision(TopLevel, Stay, 12),
            "98% accuracy at 104 words per minute — you're at the top level, level 12.",
            "98 % de precisión a 104 palabras por minuto: ya estás en el nivel más alto, el 12.",
        ),
        (
            decision(NotScored, Stay, 5),
            "That reading couldn't be scored — staying at level 5.",
            "No se pudo puntuar esa lectura: sigues en el nivel 5.",
        ),
    ];
    for (decision, en, es) in cases {
        let reason = Reason::sentences(&[decision.explain()]);
        assert_eq!(reason.en, en);
        assert_eq!(reason.es, es);
    }
}
