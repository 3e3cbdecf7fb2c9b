//! Numbers as words, so a passage's "3" matches a reader's "three" (and the recogniser's "3").
//! Both sides of a comparison go through the same expansion, so what matters is consistency;
//! the forms follow ordinary usage in each language.

use crate::Lang;

const EN_ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

const ES_ONES: [&str; 30] = [
    "cero",
    "uno",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciseis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
    "veintiuno",
    "veintidos",
    "veintitres",
    "veinticuatro",
    "veinticinco",
    "veintiseis",
    "veintisiete",
    "veintiocho",
    "veintinueve",
];
const ES_TENS: [&str; 10] = [
    "",
    "",
    "",
    "treinta",
    "cuarenta",
    "cincuenta",
    "sesenta",
    "setenta",
    "ochenta",
    "noventa",
];
const ES_HUNDREDS: [&str; 10] = [
    "",
    "ciento",
    "doscientos",
    "trescientos",
    "cuatrocientos",
    "quinientos",
    "seiscientos",
    "setecientos",
    "ochocientos",
    "novecientos",
];

/// The words for a whole number (accents folded), or None above 999,999,999.
pub fn number_words(n: u64, lang: Lang) -> Option<Vec<String>> {
    if n > 999_999_999 {
        return None;
    }
    let mut out = Vec::new();
    match lang {
        Lang::En => en(n, &mut out),
        Lang::Es => es(n, &mut out),
    }
    Some(out.into_iter().map(str::to_string).collect())
}

fn en(n: u64, out: &mut Vec<&'static str>) {
    if n < 20 {
        out.push(EN_ONES[n as usize]);
    } else if n < 100 {
        out.push(EN_TENS[(n / 10) as usize]);
        if n % 10 != 0 {
            out.push(EN_ONES[(n % 10) as usize]);
        }
    } else if n < 1000 {
        out.push(EN_ONES[(n / 100) as usize]);
        out.push("hundred");
        if n % 100 != 0 {
            en(n % 100, out);
        }
    } else {
        let (big, word, rest) = if n < 1_000_000 {
            (n / 1000, "thousand", n % 1000)
        } else {
            (n / 1_000_000, "million", n % 1_000_000)
        };
        en(big, out);
        out.push(word);
        if rest != 0 {
            en(rest, out);
        }
    }
}

fn es(n: u64, out: &mut Vec<&'static str>) {
    if n < 30 {
        out.push(ES_ONES[n as usize]);
    } else if n < 100 {
        out.push(ES_TENS[(n / 10) as usize]);
        if n % 10 != 0 {
            out.push("y");
            out.push(ES_ONES[(n % 10) as usize]);
        }
    } else if n == 100 {
        out.push("cien");
    } else if n < 1000 {
        out.push(ES_HUNDREDS[(n / 100) as usize]);
        if n % 100 != 0 {
            es(n % 100, out);
        }
    } else if n < 1_000_000 {
        let thousands = n / 1000;
        if thousands > 1 {
            es(thousands, out);
        }
        out.push("mil");
        if n % 1000 != 0 {
            es(n % 1000, out);
        }
    } else {
        let millions = n / 1_000_000;
        if millions == 1 {
            out.push("un");
            out.push("millon");
        } else {
            es(millions, out);
            out.push("millones");
        }
        if n % 1_000_000 != 0 {
            es(n % 1_000_000, out);
        }
    }
}

/// English ordinals written with digits ("1st", "22nd"), as words.
pub fn ordinal_words_en(n: u64) -> Option<Vec<String>> {
    let mut words = number_words(n, Lang::En)?;
    let last = words.pop()?;
    let ordinal = match last.as_str() {
        "one" => "first".to_string(),
        "two" => "second".to_string(),
        "three" => "third".to_string(),
        "five" => "fifth".to_string(),
        "eight" => "eighth".to_string(),
        "nine" => "ninth".to_string(),
        "twelve" => "twelfth".to_string(),
        w if w.ends_with('y') => format!("{}ieth", &w[..w.len() - 1]),
        w => format!("{w}th"),
    };
    words.push(ordinal);
    Some(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en_words(n: u64) -> String {
        number_words(n, Lang::En).unwrap().join(" ")
    }

    fn es_words(n: u64) -> String {
        number_words(n, Lang::Es).unwrap().join(" ")
    }

    #[test]
    fn english_cardinals() {
        assert_eq!(en_words(0), "zero");
        assert_eq!(en_words(7), "seven");
        assert_eq!(en_words(42), "forty two");
        assert_eq!(en_words(100), "one hundred");
        assert_eq!(en_words(115), "one hundred fifteen");
        assert_eq!(en_words(2024), "two thousand twenty four");
        assert_eq!(en_words(1_000_001), "one million one");
        assert!(number_words(1_000_000_000, Lang::En).is_none());
    }

    #[test]
    fn spanish_cardinals() {
        assert_eq!(es_words(1), "uno");
        assert_eq!(es_words(16), "dieciseis");
        assert_eq!(es_words(22), "veintidos");
        assert_eq!(es_words(35), "treinta y cinco");
        assert_eq!(es_words(100), "cien");
        assert_eq!(es_words(101), "ciento uno");
        assert_eq!(es_words(500), "quinientos");
        assert_eq!(es_words(1000), "mil");
        assert_eq!(es_words(2024), "dos mil veinticuatro");
        assert_eq!(es_words(1_500_000), "un millon quinientos mil");
        assert_eq!(es_words(3_000_000), "tres millones");
    }

    #[test]
    fn english_ordinals() {
        assert_eq!(ordinal_words_en(1).unwrap().join(" "), "first");
        assert_eq!(ordinal_words_en(22).unwrap().join(" "), "twenty second");
        assert_eq!(ordinal_words_en(30).unwrap().join(" "), "thirtieth");
        assert_eq!(ordinal_words_en(4).unwrap().join(" "), "fourth");
    }
}
