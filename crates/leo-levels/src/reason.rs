//! Short, concrete explanations in English and Spanish, shown to the student
//! and the teacher next to a decision or a recommended passage.

use serde::{Deserialize, Serialize};

use crate::level::{DecisionReason, LevelDecision};
use crate::words::fold;

/// One explanation in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    pub en: String,
    pub es: String,
}

impl Reason {
    fn new(en: String, es: String) -> Reason {
        Reason { en, es }
    }

    /// Joins sentences into one explanation ending in a full stop.
    pub fn sentences(parts: &[Reason]) -> Reason {
        let join = |pick: fn(&Reason) -> &str| {
            let mut text = parts.iter().map(pick).collect::<Vec<_>>().join(". ");
            if !text.is_empty() {
                text.push('.');
            }
            text
        };
        Reason::new(join(|reason| &reason.en), join(|reason| &reason.es))
    }
}

/// Whole percent, rounded down so that a shown "95%" is always really 95% or
/// more: with thresholds at whole percents the number shown never contradicts
/// the band, and only a perfect reading shows 100%.
pub fn whole_percent(accuracy: f64) -> u32 {
    let percent = (accuracy * 100.0 + 1e-9).floor();
    percent.clamp(0.0, 100.0) as u32
}

/// Words per minute as a whole number.
pub fn whole_wpm(wcpm: f64) -> u32 {
    wcpm.round().max(0.0) as u32
}

impl LevelDecision {
    /// What happened and what comes next, e.g. "98% accuracy at 104 words per
    /// minute — moving up to level 6".
    pub fn explain(&self) -> Reason {
        let percent = whole_percent(self.accuracy);
        let wpm = whole_wpm(self.wcpm);
        let level = self.new_level;
        let en_result = format!("{percent}% accuracy at {wpm} words per minute");
        let es_result = format!("{percent} % de precisión a {wpm} palabras por minuto");
        let (en, es) = match self.reason {
            DecisionReason::ReadyForNextLevel => (
                format!("{en_result} — moving up to level {level}"),
                format!("{es_result}: subes al nivel {level}"),
            ),
            DecisionReason::CountsTowardMovingUp { remaining: 1 } => (
                format!(
                    "{en_result} — one more reading like that moves you up to level {}",
                    level + 1
                ),
                format!(
                    "{es_result}: con una lectura más así, subes al nivel {}",
                    level + 1
                ),
            ),
            DecisionReason::CountsTowardMovingUp { remaining } => (
                format!(
                    "{en_result} — {remaining} more readings like that move you up to level {}",
                    level + 1
                ),
                format!(
                    "{es_result}: con {remaining} lecturas más así, subes al nivel {}",
                    level + 1
                ),
            ),
            DecisionReason::BuildingSpeed { expected_wcpm } => {
                let goal = whole_wpm(expected_wcpm);
                (
                    format!(
                        "{en_result} — staying at level {level} to build speed (goal: {goal} words per minute)"
                    ),
                    format!(
                        "{es_result}: sigues en el nivel {level} para ganar velocidad (meta: {goal} palabras por minuto)"
                    ),
                )
            }
            DecisionReason::Instructional => (
                format!("{en_result} — let's practise level {level} a bit more"),
                format!("{es_result}: practiquemos un poco más el nivel {level}"),
            ),
            DecisionReason::TooHard => (
                format!(
                    "{percent}% accuracy — that one was hard, so let's practise level {level} a bit more"
                ),
                format!(
                    "{percent} % de precisión: esa lectura fue difícil, así que practiquemos un poco más el nivel {level}"
                ),
            ),
            DecisionReason::HarderPassageTooHard => (
                format!(
                    "{percent}% accuracy on a level {} passage — that was a stretch, so let's keep practising level {level}",
                    self.passage_level
                ),
                format!(
                    "{percent} % de precisión en un texto de nivel {}: era un reto, así que seguimos practicando el nivel {level}",
                    self.passage_level
                ),
            ),
            DecisionReason::EasierPassage => (
                format!("{en_result} on an easier passage — staying at level {level}"),
                format!("{es_result} en un texto más fácil: sigues en el nivel {level}"),
            ),
            DecisionReason::TopLevel => (
                format!("{en_result} — you're at the top level, level {level}"),
                format!("{es_result}: ya estás en el nivel más alto, el {level}"),
            ),
            DecisionReason::NotScored => (
                format!("That reading couldn't be scored — staying at level {level}"),
                format!("No se pudo puntuar esa lectura: sigues en el nivel {level}"),
            ),
        };
        Reason::new(en, es)
    }
}

pub(crate) fn first_passage(level: u8, grade: u8) -> Reason {
    Reason::new(
        format!("A first passage at level {level} for grade {grade}"),
        format!("Un primer texto de nivel {level} para {grade}.º de primaria"),
    )
}

pub(crate) fn more_practice(level: u8) -> Reason {
    Reason::new(
        format!("More practice at level {level}"),
        format!("Más práctica en el nivel {level}"),
    )
}

pub(crate) fn nearest_level(wanted: u8, chosen: u8) -> Reason {
    Reason::new(
        format!("No new level {wanted} passage is left, so this one is level {chosen}"),
        format!("No quedan textos nuevos de nivel {wanted}, así que este es de nivel {chosen}"),
    )
}

pub(crate) fn reread() -> Reason {
    Reason::new(
        "You read this one recently — reading it again builds fluency".to_string(),
        "Lo leíste hace poco: releerlo ayuda a leer con más fluidez".to_string(),
    )
}

/// At most this many words are named; more would stop being short.
const WORDS_NAMED: usize = 3;

/// "It has 'through' and 'thought', which were tricky last time".
pub(crate) fn practice_words(words: &[String], all_from_last_reading: bool) -> Reason {
    let words = &words[..words.len().min(WORDS_NAMED)];
    let quoted_en: Vec<String> = words.iter().map(|word| format!("'{word}'")).collect();
    let quoted_es: Vec<String> = words.iter().map(|word| format!("«{word}»")).collect();
    let spanish_and = match words.last() {
        Some(last) if starts_with_i_sound(last) => "e",
        _ => "y",
    };
    let single = words.len() == 1;
    let (en_when, es_when) = if all_from_last_reading {
        ("last time", "la última vez")
    } else {
        ("recently", "hace poco")
    };
    let en_verb = if single { "was" } else { "were" };
    let es_verb = if single { "costó" } else { "costaron" };
    Reason::new(
        format!(
            "It has {}, which {en_verb} tricky {en_when}",
            list(&quoted_en, "and")
        ),
        format!(
            "Tiene {}, que te {es_verb} {es_when}",
            list(&quoted_es, spanish_and)
        ),
    )
}

fn list(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// Spanish writes "e" instead of "y" before a word that starts with the
/// sound /i/ ("i-", "hi-"), but not before "hie-", "hia-" … where that sound
/// is a consonant-like glide ("agua y hielo").
fn starts_with_i_sound(word: &str) -> bool {
    let folded = fold(word);
    let mut chars = folded.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some('i'), next, _) => !matches!(next, Some('a' | 'e' | 'o' | 'u')),
        (Some('h'), Some('i'), next) => !matches!(next, Some('a' | 'e' | 'o' | 'u')),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_is_rounded_down_and_speed_to_nearest() {
        let percents = [
            (1.0, 100),
            (0.999, 99),
            (0.95, 95),
            (19.0 / 20.0, 95),
            (0.9499, 94),
            (0.0, 0),
            (1.5, 100),
        ];
        for (accuracy, percent) in percents {
            assert_eq!(whole_percent(accuracy), percent, "accuracy {accuracy}");
        }
        let speeds = [(104.4, 104), (103.5, 104), (0.0, 0), (-3.0, 0)];
        for (wcpm, wpm) in speeds {
            assert_eq!(whole_wpm(wcpm), wpm, "wcpm {wcpm}");
        }
    }

    #[test]
    fn practice_words_are_listed_naturally_in_both_languages() {
        let words = |list: &[&str]| list.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        let cases = [
            (
                words(&["through", "thought"]),
                true,
                "It has 'through' and 'thought', which were tricky last time",
                "Tiene «through» y «thought», que te costaron la última vez",
            ),
            (
                words(&["árbol"]),
                false,
                "It has 'árbol', which was tricky recently",
                "Tiene «árbol», que te costó hace poco",
            ),
            (
                words(&["agua", "isla"]),
                true,
                "It has 'agua' and 'isla', which were tricky last time",
                "Tiene «agua» e «isla», que te costaron la última vez",
            ),
            (
                words(&["agua", "hielo"]),
                true,
                "It has 'agua' and 'hielo', which were tricky last time",
                "Tiene «agua» y «hielo», que te costaron la última vez",
            ),
            (
                words(&["sol", "luna", "Historia", "mar"]),
                true,
                "It has 'sol', 'luna' and 'Historia', which were tricky last time",
                "Tiene «sol», «luna» e «Historia», que te costaron la última vez",
            ),
        ];
        for (words, last, en, es) in cases {
            let reason = practice_words(&words, last);
            assert_eq!(reason.en, en);
            assert_eq!(reason.es, es);
        }
    }

    #[test]
    fn sentences_are_joined_with_full_stops() {
        let joined = Reason::sentences(&[more_practice(4), reread()]);
        assert_eq!(
            joined.en,
            "More practice at level 4. You read this one recently — reading it again builds fluency."
        );
        assert_eq!(
            joined.es,
            "Más práctica en el nivel 4. Lo leíste hace poco: releerlo ayuda a leer con más fluidez."
        );
    }
}
