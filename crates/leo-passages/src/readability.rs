//! Readability of English and Spanish text, and a level suggestion for a teacher's own passage.
//!
//! English uses the Flesch–Kincaid grade (a US school grade; higher is harder). Spanish uses
//! Fernández-Huerta's adaptation of Flesch reading ease (0–100-ish; higher is easier). Both
//! need words, sentences and syllables, so the splitting here is written for classroom text:
//! ¿¡ openers, dialogue dashes and quotes, abbreviations such as "Mr." and "Sra.", and numbers.

use std::sync::OnceLock;

use leo_text::Lang;
use leo_text::numbers::number_words;
use leo_text::syllables::count_syllables;

use crate::{Library, MAX_LEVEL};

/// What a readability score was computed from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Readability {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    /// Flesch–Kincaid grade for English, Fernández-Huerta ease for Spanish.
    pub score: f64,
    pub lang: Lang,
}

impl Readability {
    /// Measures `text` with the formula for `lang`. Text without words scores as if it had
    /// no sentence or word length at all; use `words` to tell that case apart.
    pub fn of(text: &str, lang: Lang) -> Readability {
        let words = split_words(text);
        let syllables: usize = words.iter().map(|w| word_syllables(w, lang)).sum();
        let sentences = if words.is_empty() {
            0
        } else {
            split_sentences(text)
                .iter()
                .filter(|s| !split_words(s).is_empty())
                .count()
                .max(1)
        };
        let words_per_sentence = ratio(words.len(), sentences);
        let syllables_per_word = ratio(syllables, words.len());
        let score = match lang {
            Lang::En => 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59,
            Lang::Es => 206.84 - 60.0 * syllables_per_word - 1.02 * words_per_sentence,
        };
        Readability {
            words: words.len(),
            sentences,
            syllables,
            score,
            lang,
        }
    }

    /// The score turned so that higher always means harder: the Flesch–Kincaid grade as
    /// it is, Fernández-Huerta ease negated. Only comparable within one language.
    pub fn difficulty(&self) -> f64 {
        match self.lang {
            Lang::En => self.score,
            Lang::Es => -self.score,
        }
    }
}

fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        0.0
    } else {
        numerator as f64 / denominator as f64
    }
}

/// Flesch–Kincaid grade level of English text:
/// 0.39 · words/sentence + 11.8 · syllables/word − 15.59.
pub fn flesch_kincaid_grade(text: &str) -> f64 {
    Readability::of(text, Lang::En).score
}

/// Fernández-Huerta reading ease of Spanish text:
/// 206.84 − 60 · syllables/word − 1.02 · words/sentence. About 90+ is very easy, 60 is
/// ordinary adult prose.
pub fn fernandez_huerta(text: &str) -> f64 {
    Readability::of(text, Lang::Es).score
}

/// Dashes that open or break dialogue rather than join a compound word.
const DASHES: &[char] = &['—', '–', '―'];

/// The words of `text`, trimmed of surrounding punctuation. A word has at least one letter or
/// digit; "1,500", "3.5" and "well-known" are one word each, a dialogue dash is none.
pub fn split_words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || DASHES.contains(&c))
        .map(|token| token.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|token| !token.is_empty())
        .collect()
}

/// Syllables of one word from `split_words`. Whole numbers written as digits ("3", "1,500")
/// count as their words in `lang`; other digit forms ("3.5", "10:30") are estimated from
/// their length.
fn word_syllables(word: &str, lang: Lang) -> usize {
    if word.chars().any(char::is_alphabetic) {
        return count_syllables(word, lang).max(1);
    }
    let grouped = lang == Lang::En && word.contains(',');
    let digits: String = word.chars().filter(|&c| !(grouped && c == ',')).collect();
    if let Some(spoken) = digits
        .parse::<u64>()
        .ok()
        .and_then(|n| number_words(n, lang))
    {
        return spoken
            .iter()
            .map(|w| count_syllables(w, lang))
            .sum::<usize>()
            .max(1);
    }
    // Roughly two syllables per digit group: "3.5" is "three point five".
    word.split(|c: char| !c.is_ascii_digit())
        .filter(|group| !group.is_empty())
        .count()
        .max(1)
        * 2
}

/// Abbreviations whose full stop does not end a sentence (compared in lowercase).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "prof", "mt", "jr", "sr", "sra", "srta", "dra", "dña", "vs",
    "pág", "núm", "ud", "uds", "vd", "vds", "approx", "aprox", "e.g", "i.e", "p.ej",
];

/// Sentences of `text`, each trimmed. A sentence ends at `.`, `!`, `?` or `…` (with any closing
/// quotes) when the next word starts a new sentence: not after an abbreviation, not inside a
/// number, and not before a lowercase word, which is how dialogue continues ("Hi!" said Tom;
/// —¿Vienes? —preguntó Ana). A blank line always ends a sentence.
pub fn split_sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        let blank_line = c == '\n' && next_non_space_is_newline(&chars, i + 1);
        if !blank_line && !is_terminator(c) {
            i += 1;
            continue;
        }
        if c == '.' && !full_stop_ends_sentence(text, &chars, i) {
            i += 1;
            continue;
        }
        // Take the rest of a run like "?!", "..." or ".”" with the sentence.
        let mut end = i + 1;
        while end < chars.len() && (is_terminator(chars[end].1) || is_closer(chars[end].1)) {
            end += 1;
        }
        let end_byte = chars.get(end).map_or(text.len(), |&(b, _)| b);
        if blank_line || next_word_starts_sentence(&chars, end) {
            push_trimmed(&mut sentences, &text[start..end_byte]);
            start = end_byte;
        }
        i = end;
    }
    push_trimmed(&mut sentences, &text[start..]);
    sentences
}

fn push_trimmed<'a>(sentences: &mut Vec<&'a str>, piece: &'a str) {
    let piece = piece.trim();
    if !piece.is_empty() {
        sentences.push(piece);
    }
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '¿' | '¡' | '-'
    ) || DASHES.contains(&c)
}

fn next_non_space_is_newline(chars: &[(usize, char)], from: usize) -> bool {
    chars[from..]
        .iter()
        .map(|&(_, c)| c)
        .find(|c| *c == '\n' || !c.is_whitespace())
        == Some('\n')
}

fn next_word_starts_sentence(chars: &[(usize, char)], from: usize) -> bool {
    let first = chars[from..]
        .iter()
        .map(|&(_, c)| c)
        .find(|&c| !c.is_whitespace() && !is_opener(c));
    !first.is_some_and(char::is_lowercase)
}

/// A full stop inside "3.5", after "Mrs" or after an initial such as "J." does not end a
/// sentence.
fn full_stop_ends_sentence(text: &str, chars: &[(usize, char)], i: usize) -> bool {
    let before = i.checked_sub(1).map(|j| chars[j].1);
    let after = chars.get(i + 1).map(|&(_, c)| c);
    if before.is_some_and(|c| c.is_ascii_digit()) && after.is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    let word_start = chars[..i]
        .iter()
        .rposition(|&(_, c)| !(c.is_alphabetic() || c == '.'))
        .map_or(0, |j| j + 1);
    let word = &text[chars.get(word_start).map_or(0, |&(b, _)| b)..chars[i].0];
    let mut letters = word.chars();
    let single_capital =
        matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
    let lowered = word.to_lowercase();
    !(single_capital || ABBREVIATIONS.contains(&lowered.as_str()))
}

/// Median score and length of the built-in passages at each level, per language.
#[derive(Debug)]
struct LevelReference {
    /// (level, median difficulty, median word count), levels ascending.
    levels: Vec<(u8, f64, f64)>,
}

fn reference(lang: Lang) -> &'static LevelReference {
    static ENGLISH: OnceLock<LevelReference> = OnceLock::new();
    static SPANISH: OnceLock<LevelReference> = OnceLock::new();
    let cell = match lang {
        Lang::En => &ENGLISH,
        Lang::Es => &SPANISH,
    };
    cell.get_or_init(|| LevelReference::from_library(&Library::builtin(), lang))
}

impl LevelReference {
    fn from_library(library: &Library, lang: Lang) -> LevelReference {
        let mut levels = Vec::new();
        let mut running_difficulty = f64::NEG_INFINITY;
        let mut running_length = f64::NEG_INFINITY;
        for level in 1..=MAX_LEVEL {
            let passages: Vec<_> = library.by_lang(lang).filter(|p| p.level == level).collect();
            if passages.is_empty() {
                continue;
            }
            let difficulty = median(
                passages
                    .iter()
                    .map(|p| Readability::of(&p.text, lang).difficulty()),
            );
            let length = median(passages.iter().map(|p| p.word_count() as f64));
            // Keep the curve monotonic so every score maps to one level.
            running_difficulty = running_difficulty.max(difficulty);
            running_length = running_length.max(length);
            levels.push((level, running_difficulty, running_length));
        }
        LevelReference { levels }
    }
}

fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut values: Vec<f64> = values.collect();
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    }
}

/// Reads `x` off a rising curve of (x, level) points, interpolating between neighbours and
/// clamping beyond the ends.
fn level_on_curve(points: &[(f64, f64)], x: f64) -> f64 {
    let (first, last) = (points[0], points[points.len() - 1]);
    if x <= first.0 {
        return first.1;
    }
    if x >= last.0 {
        return last.1;
    }
    for pair in points.windows(2) {
        let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
        if x <= x1 {
            return if x1 > x0 {
                y0 + (y1 - y0) * (x - x0) / (x1 - x0)
            } else {
                y1
            };
        }
    }
    last.1
}

/// Share of the suggestion that comes from length when a text is shorter than its
/// readability level's passages.
const LENGTH_WEIGHT: f64 = 0.25;

/// Suggests a level (1–12) for a teacher's own passage by comparing it with the built-in
/// library in the same language.
///
/// 1. Its readability (Flesch–Kincaid for English, Fernández-Huerta for Spanish) is placed on
///    the curve through the median readability of each built-in level, interpolating between
///    levels: a text as hard as the typical level-7 passage gets 7.
/// 2. Length is placed the same way on the median word counts. Readability formulas only see
///    sentence and word length, so a short text can look as hard as a long one; when the text
///    is shorter than its readability level's passages, the suggestion moves a quarter of the
///    way towards its length level. Longer texts are not pushed up: a teacher can stop a long
///    easy text at any point.
///
/// The result is rounded and clamped to 1–12. Text without words gets 1.
pub fn suggest_level(text: &str, lang: Lang) -> u8 {
    suggest_from(reference(lang), text, lang)
}

/// As [`suggest_level`], measured against the passages of `library` instead of the built-in
/// ones, e.g. a school's own collection. Levels without passages in `lang` are skipped; with
/// no passages at all the answer is 1.
pub fn suggest_level_against(library: &Library, text: &str, lang: Lang) -> u8 {
    suggest_from(&LevelReference::from_library(library, lang), text, lang)
}

fn suggest_from(reference: &LevelReference, text: &str, lang: Lang) -> u8 {
    let measured = Readability::of(text, lang);
    if measured.words == 0 || reference.levels.is_empty() {
        return 1;
    }
    let by_difficulty: Vec<(f64, f64)> = reference
        .levels
        .iter()
        .map(|&(level, d, _)| (d, f64::from(level)))
        .collect();
    let by_length: Vec<(f64, f64)> = reference
        .levels
        .iter()
        .map(|&(level, _, len)| (len, f64::from(level)))
        .collect();
    let readability_level = level_on_curve(&by_difficulty, measured.difficulty());
    let length_level = level_on_curve(&by_length, measured.words as f64);
    let level = if length_level < readability_level {
        readability_level + LENGTH_WEIGHT * (length_level - readability_level)
    } else {
        readability_level
    };
    level.round().clamp(1.0, f64::from(MAX_LEVEL)) as u8
}
