//! How a passage would be written in ordinary sentence case. Some reading materials (and the
//! speechocean762 corpus) print every letter in capitals; the recogniser writes ordinary
//! text, so a word forced through it in capitals ("BEAR") looks unlikely for reasons that
//! have nothing to do with how it was read.

use crate::{Lang, PassageWord};

/// Each word as ordinary text would write it: unchanged when the passage uses lower case
/// anywhere, otherwise lower case with capitals at sentence starts (and English "I").
pub fn sentence_case(words: &[PassageWord], lang: Lang) -> Vec<String> {
    let has_lower = words
        .iter()
        .any(|w| w.display.chars().any(char::is_lowercase));
    let has_letters = words
        .iter()
        .any(|w| w.display.chars().any(char::is_alphabetic));
    if has_lower || !has_letters {
        return words.iter().map(|w| w.display.clone()).collect();
    }
    let mut previous_sentence = None;
    words
        .iter()
        .map(|w| {
            let lower = w.display.to_lowercase();
            let starts_sentence = previous_sentence != Some(w.sentence);
            previous_sentence = Some(w.sentence);
            if starts_sentence || (lang == Lang::En && is_english_i(&lower)) {
                capitalise(&lower)
            } else {
                lower
            }
        })
        .collect()
}

/// "I" and its contractions ("I'm", "I'll"), always written with a capital.
fn is_english_i(lower: &str) -> bool {
    lower == "i" || lower.starts_with("i'") || lower.starts_with("i’")
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passage_words;

    fn cased(text: &str, lang: Lang) -> Vec<String> {
        sentence_case(&passage_words(text, lang), lang)
    }

    #[test]
    fn capitals_become_sentence_case() {
        assert_eq!(
            cased("WE CALL IT BEAR. I'M SURE I SAW IT", Lang::En),
            ["We", "call", "it", "bear", "I'm", "sure", "I", "saw", "it"]
        );
        assert_eq!(
            cased("¿DÓNDE ESTÁ? AQUÍ ESTÁ", Lang::Es),
            ["Dónde", "está", "Aquí", "está"]
        );
    }

    #[test]
    fn ordinary_text_is_left_as_printed() {
        assert_eq!(
            cased("The BBC said I am here.", Lang::En),
            ["The", "BBC", "said", "I", "am", "here"]
        );
        assert_eq!(cased("2024 1999", Lang::En), ["2024", "1999"]);
    }
}
