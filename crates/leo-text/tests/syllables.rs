use leo_text::Lang;
use leo_text::syllables::{count_syllables, count_text_syllables};

/// Dictionary syllable counts for words that appear in children's reading, chosen to cover the
/// English rules: silent e, -le, -ed, -es, y as vowel and consonant, hiatus, compounds.
const ENGLISH: &[(&str, usize)] = &[
    ("cat", 1),
    ("the", 1),
    ("I", 1),
    ("a", 1),
    ("school", 1),
    ("through", 1),
    ("thought", 1),
    ("make", 1),
    ("whale", 1),
    ("mouse", 1),
    ("there", 1),
    ("are", 1),
    ("eyes", 1),
    ("jumped", 1),
    ("played", 1),
    ("smiled", 1),
    ("games", 1),
    ("clothes", 1),
    ("friend", 1),
    ("queen", 1),
    ("guess", 1),
    ("tongue", 1),
    ("fruit", 1),
    ("don't", 1),
    ("you'll", 1),
    ("wanted", 2),
    ("needed", 2),
    ("boxes", 2),
    ("places", 2),
    ("table", 2),
    ("little", 2),
    ("apples", 2),
    ("purple", 2),
    ("orange", 2),
    ("happy", 2),
    ("money", 2),
    ("player", 2),
    ("beyond", 2),
    ("crayon", 2),
    ("flying", 2),
    ("going", 2),
    ("being", 2),
    ("goodbye", 2),
    ("giant", 2),
    ("quiet", 2),
    ("poem", 2),
    ("cruel", 2),
    ("ocean", 2),
    ("someone", 2),
    ("homework", 2),
    ("lovely", 2),
    ("careful", 2),
    ("ninety", 2),
    ("didn't", 2),
    ("language", 2),
    ("penguin", 2),
    ("tomatoes", 3),
    ("piano", 3),
    ("violin", 3),
    ("radio", 3),
    ("video", 3),
    ("stadium", 3),
    ("museum", 3),
    ("curious", 3),
    ("delicious", 3),
    ("beautiful", 3),
    ("bicycle", 3),
    ("library", 3),
    ("dinosaur", 3),
    ("yesterday", 3),
    ("happier", 3),
    ("excitement", 3),
    ("everyone", 3),
    ("adventure", 3),
    ("celebrate", 3),
    ("dangerous", 3),
    ("usually", 4),
    ("January", 4),
    ("experience", 4),
    ("especially", 4),
    ("vegetable", 4),
    ("caterpillar", 4),
    ("immediately", 5),
    ("electricity", 5),
    ("hippopotamus", 5),
];

/// Spanish counts follow the rules of the Real Academia: the written accent on í or ú breaks
/// a diphthong, silent u in que/qui/gue/gui, ü spoken, y as a vowel at the end of a word.
const SPANISH: &[(&str, usize)] = &[
    ("sol", 1),
    ("pan", 1),
    ("mar", 1),
    ("y", 1),
    ("hoy", 1),
    ("muy", 1),
    ("rey", 1),
    ("buey", 1),
    ("pie", 1),
    ("bien", 1),
    ("fui", 1),
    ("casa", 2),
    ("perro", 2),
    ("gato", 2),
    ("agua", 2),
    ("bueno", 2),
    ("cuatro", 2),
    ("ciudad", 2),
    ("queso", 2),
    ("quince", 2),
    ("guerra", 2),
    ("guapo", 2),
    ("leer", 2),
    ("creo", 2),
    ("feo", 2),
    ("día", 2),
    ("país", 2),
    ("Raúl", 2),
    ("reír", 2),
    ("búho", 2),
    ("reyes", 2),
    ("hielo", 2),
    ("huevo", 2),
    ("aire", 2),
    ("peine", 2),
    ("jaula", 2),
    ("Uruguay", 3),
    ("guitarra", 3),
    ("pingüino", 3),
    ("cigüeña", 3),
    ("vergüenza", 3),
    ("poeta", 3),
    ("maestro", 3),
    ("toalla", 3),
    ("oído", 3),
    ("actúa", 3),
    ("María", 3),
    ("tía", 2),
    ("río", 2),
    ("escuela", 3),
    ("ahora", 3),
    ("leones", 3),
    ("canción", 2),
    ("camión", 2),
    ("estudiáis", 3),
    ("ayer", 2),
    ("juguete", 3),
    ("mariposa", 4),
    ("océano", 4),
    ("aéreo", 4),
    ("zanahoria", 4),
    ("murciélago", 4),
    ("Paraguay", 3),
    ("bicicleta", 4),
    ("biblioteca", 4),
    ("hipopótamo", 5),
    ("cumpleaños", 4),
    ("ferrocarril", 4),
    ("electricidad", 5),
    ("extraordinario", 6),
    ("Ñandú", 2),
    ("ÁRBOL", 2),
];

#[test]
fn english_counts_match_the_dictionary_for_at_least_nine_in_ten_words() {
    assert!(ENGLISH.len() >= 60);
    let misses: Vec<String> = ENGLISH
        .iter()
        .filter_map(|&(word, expected)| {
            let got = count_syllables(word, Lang::En);
            (got != expected).then(|| format!("{word}: expected {expected}, got {got}"))
        })
        .collect();
    let exact = ENGLISH.len() - misses.len();
    assert!(
        exact * 10 >= ENGLISH.len() * 9,
        "{exact}/{} exact; misses: {misses:#?}",
        ENGLISH.len()
    );
}

#[test]
fn spanish_counts_are_exact() {
    assert!(SPANISH.len() >= 60);
    for &(word, expected) in SPANISH {
        assert_eq!(count_syllables(word, Lang::Es), expected, "{word}");
    }
}

#[test]
fn words_without_letters_have_no_syllables() {
    for lang in [Lang::En, Lang::Es] {
        assert_eq!(count_syllables("", lang), 0);
        assert_eq!(count_syllables("2024", lang), 0);
        assert_eq!(count_syllables("—", lang), 0);
        assert_eq!(count_syllables("'", lang), 0);
    }
}

#[test]
fn any_word_with_a_letter_has_at_least_one_syllable() {
    for word in ["Mr", "Sr", "hmm", "st", "x", "brr", "Sra."] {
        assert!(count_syllables(word, Lang::En) >= 1, "{word}");
        assert!(count_syllables(word, Lang::Es) >= 1, "{word}");
    }
}

#[test]
fn punctuation_around_a_word_does_not_change_its_count() {
    assert_eq!(count_syllables("¡Hola!", Lang::Es), 2);
    assert_eq!(count_syllables("¿Quién?", Lang::Es), 1);
    assert_eq!(count_syllables("\"Hello,\"", Lang::En), 2);
    assert_eq!(count_syllables("'table'", Lang::En), 2);
}

#[test]
fn joined_words_count_each_part() {
    assert_eq!(count_syllables("well-known", Lang::En), 2);
    assert_eq!(count_syllables("twenty-four", Lang::En), 3);
    assert_eq!(count_syllables("hispano-árabe", Lang::Es), 6);
}

#[test]
fn a_final_accented_e_is_spoken_in_english() {
    assert_eq!(count_syllables("café", Lang::En), 2);
    assert_eq!(count_syllables("cafe", Lang::En), 2);
    assert_eq!(count_syllables("safe", Lang::En), 1);
}

#[test]
fn text_counts_are_the_sum_of_word_counts() {
    assert_eq!(
        count_text_syllables("The cat sat on a little mat.", Lang::En),
        8
    );
    assert_eq!(
        count_text_syllables("—¿Vienes al río? —preguntó María.", Lang::Es),
        2 + 1 + 2 + 3 + 3
    );
    assert_eq!(count_text_syllables("I have 3 dogs.", Lang::En), 3);
    assert_eq!(count_text_syllables("", Lang::Es), 0);
}
