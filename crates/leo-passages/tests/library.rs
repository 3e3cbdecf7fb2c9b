//! The built-in library: enough passages, on every level, well formed, and graded so that
//! length and readability rise with the level.

use std::collections::{BTreeMap, HashSet};

use leo_passages::readability::{Readability, suggest_level, suggest_level_against};
use leo_passages::{Library, MAX_LEVEL, Passage, id_is_well_formed, parse_passages};
use leo_text::Lang;

const ENGLISH_FILE: &str = include_str!("../../../assets/passages/en.toml");
const SPANISH_FILE: &str = include_str!("../../../assets/passages/es.toml");
const LANGS: [Lang; 2] = [Lang::En, Lang::Es];

fn passages(lang: Lang) -> Vec<Passage> {
    Library::builtin().by_lang(lang).cloned().collect()
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    }
}

/// Per level, the median of `measure` over that level's passages.
fn medians_by_level(lang: Lang, measure: impl Fn(&Passage) -> f64) -> BTreeMap<u8, f64> {
    let mut by_level: BTreeMap<u8, Vec<f64>> = BTreeMap::new();
    for passage in passages(lang) {
        by_level
            .entry(passage.level)
            .or_default()
            .push(measure(&passage));
    }
    by_level
        .into_iter()
        .map(|(level, values)| (level, median(values)))
        .collect()
}

/// Ranks starting at 1, ties sharing the mean of their ranks.
fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        let shared = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            ranks[k] = shared;
        }
        i = j + 1;
    }
    ranks
}

fn spearman(xs: &[f64], ys: &[f64]) -> f64 {
    let (rx, ry) = (ranks(xs), ranks(ys));
    let n = rx.len() as f64;
    let (mx, my) = (rx.iter().sum::<f64>() / n, ry.iter().sum::<f64>() / n);
    let cov: f64 = rx.iter().zip(&ry).map(|(a, b)| (a - mx) * (b - my)).sum();
    let vx: f64 = rx.iter().map(|a| (a - mx).powi(2)).sum();
    let vy: f64 = ry.iter().map(|b| (b - my).powi(2)).sum();
    cov / (vx * vy).sqrt()
}

fn level_and_score(lang: Lang) -> (Vec<f64>, Vec<f64>) {
    passages(lang)
        .iter()
        .map(|p| (f64::from(p.level), Readability::of(&p.text, lang).score))
        .unzip()
}

#[test]
fn the_shipped_files_parse() {
    assert!(parse_passages(Lang::En, ENGLISH_FILE).is_ok());
    assert!(parse_passages(Lang::Es, SPANISH_FILE).is_ok());
    let library = Library::builtin();
    assert_eq!(
        library.all().len(),
        library.by_lang(Lang::En).count() + library.by_lang(Lang::Es).count()
    );
}

#[test]
fn each_language_has_at_least_thirty_passages() {
    for lang in LANGS {
        let count = passages(lang).len();
        assert!(count >= 30, "{lang:?}: {count}");
    }
}

#[test]
fn every_level_has_at_least_two_passages_in_each_language() {
    for lang in LANGS {
        let passages = passages(lang);
        for level in 1..=MAX_LEVEL {
            let count = passages.iter().filter(|p| p.level == level).count();
            assert!(count >= 2, "{lang:?} level {level}: {count}");
        }
        let grades: HashSet<u8> = passages.iter().map(Passage::grade).collect();
        assert_eq!(grades, (1..=6).collect::<HashSet<u8>>(), "{lang:?}");
    }
}

#[test]
fn ids_are_unique_well_formed_and_match_their_file() {
    let library = Library::builtin();
    let mut seen = HashSet::new();
    for passage in library.all() {
        assert!(seen.insert(passage.id.as_str()), "duplicate {}", passage.id);
        assert!(
            id_is_well_formed(&passage.id, passage.lang, passage.level),
            "{}",
            passage.id
        );
    }
    // Each file's passages carry that file's language, all of them.
    for (lang, file) in [(Lang::En, ENGLISH_FILE), (Lang::Es, SPANISH_FILE)] {
        let from_file = parse_passages(lang, file).unwrap();
        assert_eq!(from_file.len(), file.matches("[[passage]]").count());
        assert!(from_file.iter().all(|p| p.lang == lang));
        let ids: Vec<&str> = library.by_lang(lang).map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            from_file.iter().map(|p| p.id.as_str()).collect::<Vec<_>>()
        );
    }
}

#[test]
fn get_finds_passages_by_id_only() {
    let library = Library::builtin();
    for passage in library.all() {
        assert_eq!(library.get(&passage.id), Some(passage));
    }
    assert_eq!(library.get("en-99-nothing"), None);
}

#[test]
fn passages_grow_longer_with_level() {
    for lang in LANGS {
        for passage in passages(lang) {
            let words = passage.word_count();
            match passage.level {
                1 => assert!(words <= 40, "{}: {words} words", passage.id),
                12 => assert!(
                    (150..=250).contains(&words),
                    "{}: {words} words",
                    passage.id
                ),
                _ => {}
            }
        }
        let medians: Vec<f64> = medians_by_level(lang, |p| p.word_count() as f64)
            .into_values()
            .collect();
        for pair in medians.windows(2) {
            assert!(
                pair[1] >= pair[0],
                "{lang:?} median word counts fall: {medians:?}"
            );
        }
    }
}

#[test]
fn english_readability_rises_with_level() {
    let medians: Vec<f64> =
        medians_by_level(Lang::En, |p| Readability::of(&p.text, Lang::En).score)
            .into_values()
            .collect();
    for pair in medians.windows(2) {
        assert!(
            pair[1] >= pair[0] - 0.5,
            "Flesch–Kincaid medians dip: {medians:?}"
        );
    }
    let (levels, scores) = level_and_score(Lang::En);
    let rho = spearman(&levels, &scores);
    assert!(rho >= 0.9, "Spearman {rho:.3}");
}

#[test]
fn spanish_reading_ease_falls_with_level() {
    let medians: Vec<f64> =
        medians_by_level(Lang::Es, |p| Readability::of(&p.text, Lang::Es).score)
            .into_values()
            .collect();
    // Fernández-Huerta moves about 4 points per level here; half a level of slack.
    for pair in medians.windows(2) {
        assert!(
            pair[1] <= pair[0] + 2.0,
            "Fernández-Huerta medians rise: {medians:?}"
        );
    }
    let (levels, scores) = level_and_score(Lang::Es);
    let rho = spearman(&levels, &scores);
    assert!(rho <= -0.9, "Spearman {rho:.3}");
}

#[test]
fn spearman_helper_sees_order_and_ties() {
    assert!((spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]) - 1.0).abs() < 1e-9);
    assert!((spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-9);
    assert_eq!(ranks(&[5.0, 1.0, 5.0]), vec![2.5, 1.0, 2.5]);
}

/// Problems a careful proofreader would catch, as messages.
fn typos(passage: &Passage) -> Vec<String> {
    let text = &passage.text;
    let mut found = Vec::new();
    if text.contains("  ") {
        found.push("doubled space".to_string());
    }
    for line in text.lines() {
        if line != line.trim() {
            found.push(format!("space at the edge of {line:?}"));
        }
    }
    for mark in [",", ".", ";", ":", "!", "?", "»", ")"] {
        if text.contains(&format!(" {mark}")) {
            found.push(format!("space before {mark:?}"));
        }
    }
    for mark in ["«", "¿", "¡", "("] {
        if text.contains(&format!("{mark} ")) {
            found.push(format!("space after {mark:?}"));
        }
    }
    let ending = text.trim_end_matches(['"', '»', '”']);
    if !ending.ends_with(['.', '!', '?']) {
        found.push("no final punctuation".to_string());
    }
    let first = text.chars().find(|c| c.is_alphanumeric());
    if !first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
        found.push("does not start with a capital".to_string());
    }
    let tokens: Vec<&str> = text.split_whitespace().collect();
    for pair in tokens.windows(2) {
        let bare = pair[0].chars().all(char::is_alphabetic);
        if bare && pair[0].eq_ignore_ascii_case(pair[1]) {
            found.push(format!("repeated word {:?}", pair[0]));
        }
    }
    for (open, close) in [("¿", "?"), ("¡", "!"), ("«", "»"), ("(", ")")] {
        if passage.lang == Lang::Es && text.matches(open).count() != text.matches(close).count() {
            found.push(format!("unbalanced {open}{close}"));
        }
    }
    if text.matches('"').count() % 2 == 1 {
        found.push("unbalanced quotes".to_string());
    }
    found
}

#[test]
fn passages_have_no_typos() {
    let problems: Vec<String> = Library::builtin()
        .all()
        .iter()
        .flat_map(|p| typos(p).into_iter().map(move |t| format!("{}: {t}", p.id)))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_typo_check_catches_typos() {
    let mut passage = passages(Lang::Es)[0].clone();
    passage.text = "el gato  come .¿Dónde está el el pez".to_string();
    let found = typos(&passage).join("; ");
    for expected in [
        "doubled space",
        "space before \".\"",
        "no final punctuation",
        "capital",
        "repeated word",
        "unbalanced ¿?",
    ] {
        assert!(found.contains(expected), "{expected} not in {found}");
    }
}

fn is_spanish_character(c: char) -> bool {
    c.is_ascii_alphanumeric() || "áéíóúüñÁÉÍÓÚÜÑ".contains(c) || " \n.,;:¿?¡!—«»()-".contains(c)
}

#[test]
fn spanish_passages_use_only_spanish_letters_and_punctuation() {
    for passage in passages(Lang::Es) {
        for field in [&passage.title, &passage.text] {
            let foreign: String = field
                .chars()
                .filter(|&c| !is_spanish_character(c))
                .collect();
            assert!(foreign.is_empty(), "{}: {foreign:?}", passage.id);
        }
    }
    assert!(!"señor’s café à".chars().all(is_spanish_character));
}

#[test]
fn english_passages_use_plain_letters_and_straight_quotes() {
    for passage in passages(Lang::En) {
        let odd: String = passage
            .text
            .chars()
            .filter(|&c| !(c.is_ascii_alphanumeric() || " \n.,;:?!\"'-()".contains(c)))
            .collect();
        assert!(odd.is_empty(), "{}: {odd:?}", passage.id);
    }
}

#[test]
fn suggested_levels_land_near_the_built_in_levels() {
    for lang in LANGS {
        let passages = passages(lang);
        let near = passages
            .iter()
            .filter(|p| suggest_level(&p.text, lang).abs_diff(p.level) <= 2)
            .count();
        assert!(
            near * 100 >= passages.len() * 85,
            "{lang:?}: {near}/{} within 2",
            passages.len()
        );
    }
}

#[test]
fn suggested_levels_hold_for_passages_the_reference_has_not_seen() {
    // Leave each passage out of the reference so the suggestion cannot simply recall it.
    let library = Library::builtin();
    for lang in LANGS {
        let passages = passages(lang);
        let near = passages
            .iter()
            .filter(|held_out| {
                let others: Vec<Passage> = library
                    .all()
                    .iter()
                    .filter(|p| p.id != held_out.id)
                    .cloned()
                    .collect();
                let reference = Library::from_passages(others);
                suggest_level_against(&reference, &held_out.text, lang).abs_diff(held_out.level)
                    <= 2
            })
            .count();
        assert!(
            near * 100 >= passages.len() * 85,
            "{lang:?}: {near}/{} within 2",
            passages.len()
        );
    }
}

const ACADEMIC_ENGLISH: &str = "Photosynthesis is the biochemical process through which \
    chlorophyll-containing organisms convert electromagnetic radiation into chemical energy, \
    synthesizing carbohydrates from atmospheric carbon dioxide and water while releasing \
    molecular oxygen as a byproduct. This transformation underpins virtually every terrestrial \
    and aquatic food web, and its evolutionary emergence fundamentally altered the composition \
    of the planetary atmosphere.";

const ACADEMIC_SPANISH: &str = "La fotosíntesis constituye el proceso bioquímico mediante el \
    cual los organismos fotosintéticos transforman la energía electromagnética procedente de la \
    radiación solar en energía química, sintetizando carbohidratos a partir del dióxido de \
    carbono atmosférico y liberando oxígeno molecular como subproducto. Esta transformación \
    sostiene prácticamente todas las cadenas tróficas terrestres y acuáticas.";

#[test]
fn easy_texts_get_low_levels_and_academic_texts_high_ones() {
    assert!(suggest_level("I see a cat. The cat is big.", Lang::En) <= 2);
    assert!(suggest_level("Veo un gato. El gato es grande.", Lang::Es) <= 2);
    assert!(suggest_level(ACADEMIC_ENGLISH, Lang::En) >= 9);
    assert!(suggest_level(ACADEMIC_SPANISH, Lang::Es) >= 9);
}

#[test]
fn suggestions_stay_within_the_level_range() {
    for lang in LANGS {
        assert_eq!(suggest_level("", lang), 1);
        assert_eq!(suggest_level("—¿?", lang), 1);
        let long_and_hard = [ACADEMIC_ENGLISH; 8].join(" ");
        assert_eq!(suggest_level(&long_and_hard, lang), MAX_LEVEL);
    }
}

#[test]
fn a_short_text_is_pulled_down_towards_its_length_level() {
    // The same hard sentences: alone they are short, repeated they are as long as level 12.
    let short = ACADEMIC_ENGLISH;
    let long = [ACADEMIC_ENGLISH; 4].join(" ");
    assert!(suggest_level(short, Lang::En) < suggest_level(&long, Lang::En));
}
