//! How alike two normalised words are, in spelling and in sound. Alignment uses it so that a
//! near-miss ("hose" for "house") lines up with its passage word instead of becoming an
//! omission plus an insertion; the rules use the sound key to forgive spelling-only
//! differences ("colour"/"color") that a recogniser may produce.

use leo_text::Lang;

/// Levenshtein distance over chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut diag = row[0];
        row[0] = i;
        for j in 1..=b.len() {
            let up = row[j];
            row[j] = (diag + usize::from(a[i - 1] != b[j - 1]))
                .min(up + 1)
                .min(row[j - 1] + 1);
            diag = up;
        }
    }
    row[b.len()]
}

/// 1 for identical spellings, 0 for nothing in common.
pub fn spelling_similarity(a: &str, b: &str) -> f64 {
    let longest = a.chars().count().max(b.chars().count());
    if longest == 0 {
        return 1.0;
    }
    1.0 - edit_distance(a, b) as f64 / longest as f64
}

/// A coarse sound key: letters that spell the same sound are merged, doubled letters and
/// silent letters dropped, vowels reduced to one class after the first letter.
pub fn sound_key(word: &str, lang: Lang) -> String {
    let w = word.to_lowercase();
    let replaced = match lang {
        Lang::En => {
            let mut s = w
                .replace("ph", "f")
                .replace("ck", "k")
                .replace("wh", "w")
                .replace("gh", "")
                .replace("tch", "ch");
            if s.starts_with("kn") || s.starts_with("wr") {
                s.remove(0);
            }
            let mut out = String::new();
            let chars: Vec<char> = s.chars().collect();
            for (i, &c) in chars.iter().enumerate() {
                let next = chars.get(i + 1).copied();
                out.push(match c {
                    'c' if matches!(next, Some('e' | 'i' | 'y')) => 's',
                    'c' | 'q' => 'k',
                    'z' => 's',
                    'x' => 'k',
                    'y' if i > 0 => 'i',
                    c => c,
                });
            }
            out
        }
        Lang::Es => {
            let s = w
                .replace("qu", "k")
                .replace("ll", "y")
                .replace("gue", "ge")
                .replace("gui", "gi")
                .replace('h', "");
            let chars: Vec<char> = s.chars().collect();
            let mut out = String::new();
            for (i, &c) in chars.iter().enumerate() {
                let next = chars.get(i + 1).copied();
                out.push(match c {
                    'v' | 'w' => 'b',
                    'z' => 's',
                    'c' if matches!(next, Some('e' | 'i')) => 's',
                    'c' | 'q' => 'k',
                    'g' if matches!(next, Some('e' | 'i')) => 'j',
                    'x' => 'k',
                    'y' if next.is_none() => 'i',
                    c => c,
                });
            }
            out
        }
    };
    let mut key = String::new();
    for (i, c) in replaced.chars().enumerate() {
        let c = if i > 0 && "aeiou".contains(c) { 'a' } else { c };
        if key.ends_with(c) {
            continue;
        }
        key.push(c);
    }
    key
}

/// Overall likeness used for alignment costs: the better of spelling and sound.
pub fn similarity(a: &str, b: &str, lang: Lang) -> f64 {
    keyed_similarity(a, &sound_key(a, lang), b, &sound_key(b, lang))
}

/// [`similarity`] with the sound keys already computed (alignment compares every pair).
pub fn keyed_similarity(a: &str, a_key: &str, b: &str, b_key: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    spelling_similarity(a, b).max(0.9 * spelling_similarity(a_key, b_key))
}

/// True when one word looks like an unfinished attempt at the other ("ho" for "horse").
pub fn is_false_start(attempt: &str, word: &str) -> bool {
    let n = attempt.chars().count();
    n >= 1 && n < word.chars().count() && word.starts_with(attempt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_and_similarities() {
        assert_eq!(edit_distance("house", "horse"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert!((spelling_similarity("house", "horse") - 0.8).abs() < 1e-9);
        assert!(similarity("cat", "dog", Lang::En) < 0.35);
        assert_eq!(similarity("perro", "perro", Lang::Es), 1.0);
    }

    #[test]
    fn sound_keys_merge_spellings_of_one_sound() {
        assert_eq!(sound_key("colour", Lang::En), sound_key("color", Lang::En));
        assert_eq!(sound_key("phone", Lang::En), sound_key("fone", Lang::En));
        assert_ne!(sound_key("house", Lang::En), sound_key("horse", Lang::En));
        assert_eq!(sound_key("vaca", Lang::Es), sound_key("baca", Lang::Es));
        assert_eq!(sound_key("hola", Lang::Es), sound_key("ola", Lang::Es));
        assert_eq!(sound_key("cielo", Lang::Es), sound_key("sielo", Lang::Es));
        assert_eq!(sound_key("llave", Lang::Es), sound_key("yave", Lang::Es));
        assert_ne!(sound_key("perro", Lang::Es), sound_key("pelo", Lang::Es));
    }

    #[test]
    fn false_starts() {
        assert!(is_false_start("ho", "horse"));
        assert!(!is_false_start("horse", "horse"));
        assert!(!is_false_start("ha", "horse"));
    }
}
