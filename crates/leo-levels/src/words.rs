//! Word matching for missed-word practice: "Cómo" in one passage and "como"
//! in another are the same word to practise.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Case- and accent-insensitive form of a word. `ñ` stays `ñ`: in Spanish it
/// is a letter of its own, and "año" and "ano" are different words.
pub fn fold(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    for ch in trim_non_word(word).chars().flat_map(char::to_lowercase) {
        match ch {
            'ñ' => folded.push('ñ'),
            '’' | 'ʼ' => folded.push('\''),
            _ => folded.extend(ch.to_string().nfd().filter(|c| !is_combining_mark(*c))),
        }
    }
    folded
}

/// The words of a text in order, as they are written, without surrounding
/// punctuation. An apostrophe inside a word ("don't") belongs to it.
pub fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|ch: char| !is_word_char(ch))
        .map(trim_non_word)
        .filter(|word| !word.is_empty())
}

fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric() || is_combining_mark(ch) || matches!(ch, '\'' | '’' | 'ʼ')
}

fn trim_non_word(word: &str) -> &str {
    word.trim_matches(|ch: char| !(ch.is_alphanumeric() || is_combining_mark(ch)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents_but_keeps_enye() {
        let cases = [
            ("Cómo", "como"),
            ("PINGÜINO", "pinguino"),
            ("año", "año"),
            ("AÑO", "año"),
            ("Through,", "through"),
            ("¿Qué?", "que"),
            ("don’t", "don't"),
            ("cafe\u{301}", "cafe"),
        ];
        for (word, folded) in cases {
            assert_eq!(fold(word), folded, "{word}");
        }
        assert_ne!(fold("año"), fold("ano"));
    }

    #[test]
    fn splits_text_into_words_without_punctuation() {
        let words: Vec<&str> = words_of("¡Hola! «Mamá» dijo: don't—stop, 'now'.").collect();
        assert_eq!(words, ["Hola", "Mamá", "dijo", "don't", "stop", "now"]);
    }
}
