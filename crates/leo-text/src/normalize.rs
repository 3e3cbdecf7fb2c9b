//! Normalised word forms for matching what was read against what was written: lower case,
//! accents folded (the recogniser often drops Spanish accents), apostrophes removed, hyphenated
//! words split, numbers spelled out.

use unicode_normalization::UnicodeNormalization;

use crate::Lang;
use crate::numbers::{number_words, ordinal_words_en};

/// Lower case with diacritics removed ("Había" → "habia", "niño" → "nino").
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

/// The spoken forms of one written word: usually one, several for numbers and hyphenated words,
/// none for pure punctuation.
pub fn spoken_forms(word: &str, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for part in word.split(['-', '‐', '–', '—', '/']) {
        let folded: String = fold(part)
            .chars()
            .filter(|c| c.is_alphanumeric() || is_apostrophe(*c))
            .filter(|c| !is_apostrophe(*c))
            .collect();
        if folded.is_empty() {
            continue;
        }
        out.extend(expand_digits(&folded, lang));
    }
    out
}

/// "3" → "three", "1st" → "first", "2,000" (already without separators) → words; letters kept.
fn expand_digits(token: &str, lang: Lang) -> Vec<String> {
    if !token.chars().any(|c| c.is_ascii_digit()) {
        return vec![token.to_string()];
    }
    let digits: String = token.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &token[digits.len()..];
    let Ok(n) = digits.parse::<u64>() else {
        return vec![token.to_string()];
    };
    if lang == Lang::En && matches!(suffix, "st" | "nd" | "rd" | "th") {
        if let Some(words) = ordinal_words_en(n) {
            return words;
        }
    }
    match number_words(n, lang) {
        Some(mut words) if suffix.chars().all(char::is_alphabetic) => {
            if !suffix.is_empty() {
                words.push(suffix.to_string());
            }
            words
        }
        _ => vec![token.to_string()],
    }
}

/// Words of a recognised transcript, normalised the same way as passage words. Thousands
/// separators inside numbers ("2,000", "2.000") are joined first.
pub fn normalise_heard(text: &str, lang: Lang) -> Vec<String> {
    text.split_whitespace()
        .flat_map(|w| spoken_forms(&join_number_separators(w), lang))
        .collect()
}

/// "2,000" / "2.000" → "2000"; a decimal or trailing punctuation is left alone.
pub fn join_number_separators(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let grouped = (c == ',' || c == '.')
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.len() >= i + 4
            && chars[i + 1..i + 4].iter().all(char::is_ascii_digit)
            && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if !grouped {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_forms() {
        assert_eq!(fold("Había"), "habia");
        assert_eq!(fold("NIÑO"), "nino");
        assert_eq!(spoken_forms("Don't", Lang::En), vec!["dont"]);
        assert_eq!(spoken_forms("Sam’s", Lang::En), vec!["sams"]);
        assert_eq!(spoken_forms("well-known", Lang::En), vec!["well", "known"]);
        assert_eq!(spoken_forms("¿Dónde", Lang::Es), vec!["donde"]);
        assert_eq!(spoken_forms("—", Lang::Es), Vec::<String>::new());
        assert_eq!(spoken_forms("3", Lang::Es), vec!["tres"]);
        assert_eq!(spoken_forms("21st", Lang::En), vec!["twenty", "first"]);
        assert_eq!(
            spoken_forms("2024", Lang::En),
            vec!["two", "thousand", "twenty", "four"]
        );
    }

    #[test]
    fn heard_text_is_normalised_like_passage_text() {
        assert_eq!(
            normalise_heard("We saw 2,000 birds, didn't we?", Lang::En),
            vec!["we", "saw", "two", "thousand", "birds", "didnt", "we"]
        );
        assert_eq!(
            normalise_heard("Tenía 2.000 ovejas.", Lang::Es),
            vec!["tenia", "dos", "mil", "ovejas"]
        );
        assert_eq!(join_number_separators("3.5"), "3.5");
        assert_eq!(join_number_separators("10,000."), "10000.");
    }
}
