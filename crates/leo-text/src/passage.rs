//! A passage as a list of words: each keeps its display form, its normalised spoken forms, and
//! the punctuation after it (which prosody needs: pauses belong at commas and sentence ends,
//! pitch should rise at a question).

use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::normalize::{join_number_separators, spoken_forms};

/// Punctuation that follows a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Boundary {
    /// A comma, semicolon, colon or dash: a phrase boundary.
    pub comma: bool,
    /// The word ends a sentence (full stop, question or exclamation mark, ellipsis).
    pub sentence_end: bool,
    pub question: bool,
    pub exclamation: bool,
}

impl Boundary {
    /// A place where a reader is expected to pause.
    pub fn is_pause_point(&self) -> bool {
        self.comma || self.sentence_end
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PassageWord {
    pub index: usize,
    /// The word as printed, without the punctuation around it.
    pub display: String,
    /// Punctuation printed before and after it ("¿", "?"), for showing the passage.
    pub before: String,
    pub after: String,
    /// Normalised spoken forms, e.g. ["two", "thousand"] for "2000".
    pub spoken: Vec<String>,
    pub boundary: Boundary,
    /// Which sentence (from 0) the word belongs to.
    pub sentence: usize,
}

/// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "sr", "sra", "srta", "dra", "prof", "etc", "vs", "ud", "uds",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '‐')
}

/// Splits a passage into words. Punctuation-only tokens (a lone dash, an ellipsis) attach to
/// the neighbouring word; thousands separators inside numbers are kept inside the word.
pub fn passage_words(text: &str, lang: Lang) -> Vec<PassageWord> {
    let mut words: Vec<PassageWord> = Vec::new();
    let mut sentence = 0;
    let mut pending_before = String::new();
    // Em and en dashes separate words even without spaces ("—Hola —dijo").
    let spaced = text.replace(['—', '–'], " — ");
    for raw in spaced.split_whitespace() {
        let raw = join_number_separators(raw);
        let chars: Vec<char> = raw.chars().collect();
        let Some(first) = chars.iter().position(|&c| c.is_alphanumeric()) else {
            attach_punctuation(&mut words, &mut pending_before, &raw);
            continue;
        };
        let last = chars
            .iter()
            .rposition(|&c| c.is_alphanumeric())
            .unwrap_or(first);
        let mut end = last + 1;
        while end < chars.len() && is_word_char(chars[end]) && chars[end].is_alphanumeric() {
            end += 1;
        }
        let display: String = chars[first..end].iter().collect();
        let before: String = pending_before
            .drain(..)
            .chain(chars[..first].iter().copied())
            .collect();
        let after: String = chars[end..].iter().collect();
        let spoken = spoken_forms(&display, lang);
        let mut boundary = boundary_of(&after);
        if boundary.sentence_end
            && after.starts_with('.')
            && !after.contains(['!', '?'])
            && ABBREVIATIONS.contains(&crate::normalize::fold(&display).as_str())
        {
            boundary.sentence_end = false;
        }
        words.push(PassageWord {
            index: words.len(),
            display,
            before,
            after,
            spoken,
            boundary,
            sentence,
        });
        if boundary.sentence_end {
            sentence += 1;
        }
    }
    // The last word ends the final sentence even without a full stop.
    if let Some(last) = words.last_mut() {
        last.boundary.sentence_end = true;
    }
    words
}

fn boundary_of(punct: &str) -> Boundary {
    Boundary {
        comma: punct.contains([',', ';', ':', '—', '–']),
        sentence_end: punct.contains(['.', '!', '?', '…']),
        question: punct.contains('?'),
        exclamation: punct.contains('!'),
    }
}

/// A punctuation-only token: opening marks (¿ ¡ « “ ( —) wait for the next word; closing ones
/// (… » ” ) . , —) belong to the previous word.
fn attach_punctuation(words: &mut [PassageWord], pending_before: &mut String, token: &str) {
    let opening = token
        .chars()
        .all(|c| matches!(c, '¿' | '¡' | '«' | '“' | '"' | '(' | '['));
    match words.last_mut() {
        Some(prev) if !opening => {
            prev.after.push(' ');
            prev.after.push_str(token);
            let extra = boundary_of(token);
            prev.boundary.comma |= extra.comma;
            prev.boundary.question |= extra.question;
            prev.boundary.exclamation |= extra.exclamation;
            prev.boundary.sentence_end |= extra.sentence_end;
        }
        _ => pending_before.push_str(token),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_words_keep_display_and_punctuation() {
        let w = passage_words(
            "\"Look!\" said Mr. Brown. Don't run, it's 3 o'clock?",
            Lang::En,
        );
        let shown: Vec<&str> = w.iter().map(|w| w.display.as_str()).collect();
        assert_eq!(
            shown,
            vec![
                "Look", "said", "Mr", "Brown", "Don't", "run", "it's", "3", "o'clock"
            ]
        );
        assert!(w[0].boundary.exclamation && w[0].boundary.sentence_end);
        assert_eq!(w[0].before, "\"");
        assert!(!w[2].boundary.sentence_end, "Mr. is an abbreviation");
        assert!(w[3].boundary.sentence_end);
        assert!(w[5].boundary.comma);
        assert_eq!(w[7].spoken, vec!["three"]);
        assert!(w[8].boundary.question);
        assert_eq!(w[8].sentence, 2);
        assert_eq!(w[4].spoken, vec!["dont"]);
    }

    #[test]
    fn spanish_questions_dialogue_and_numbers() {
        let w = passage_words(
            "—¿Dónde está el perro? —preguntó Ana. Tenía 2.000 ovejas…",
            Lang::Es,
        );
        let shown: Vec<&str> = w.iter().map(|w| w.display.as_str()).collect();
        assert_eq!(
            shown,
            vec![
                "Dónde",
                "está",
                "el",
                "perro",
                "preguntó",
                "Ana",
                "Tenía",
                "2000",
                "ovejas"
            ]
        );
        assert_eq!(w[0].before, "—¿");
        assert_eq!(w[0].spoken, vec!["donde"]);
        assert!(w[3].boundary.question);
        assert!(w[3].boundary.sentence_end);
        assert_eq!(w[4].sentence, 1);
        assert_eq!(w[7].spoken, vec!["dos", "mil"]);
        assert!(w[8].boundary.sentence_end);
    }

    #[test]
    fn edge_cases_do_not_panic() {
        assert!(passage_words("", Lang::En).is_empty());
        assert!(passage_words(" ... — ", Lang::Es).is_empty());
        let one = passage_words("Hola", Lang::Es);
        assert_eq!(one.len(), 1);
        assert!(one[0].boundary.sentence_end);
    }
}
