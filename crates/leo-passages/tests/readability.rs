use leo_passages::readability::{
    Readability, fernandez_huerta, flesch_kincaid_grade, split_sentences, split_words,
};
use leo_text::Lang;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn words_drop_punctuation_and_keep_numbers_whole() {
    assert_eq!(
        split_words("¡Hola, Ana! ¿Tienes 3 perros?"),
        ["Hola", "Ana", "Tienes", "3", "perros"]
    );
    assert_eq!(
        split_words("\"Look!\" said Mr. Brown, holding 1,500 well-known stamps."),
        [
            "Look",
            "said",
            "Mr",
            "Brown",
            "holding",
            "1,500",
            "well-known",
            "stamps"
        ]
    );
    assert_eq!(
        split_words("—Dos euros —contesta Antonio—. Vale."),
        ["Dos", "euros", "contesta", "Antonio", "Vale"]
    );
    assert_eq!(
        split_words("It's 3.5 km… «Sí»."),
        ["It's", "3.5", "km", "Sí"]
    );
    assert!(split_words(" — ¿? ... ").is_empty());
}

#[test]
fn sentences_end_at_terminal_punctuation() {
    assert_eq!(
        split_sentences("The cat sat. The dog ran! Is it fun? Yes…"),
        ["The cat sat.", "The dog ran!", "Is it fun?", "Yes…"]
    );
    assert_eq!(split_sentences("Wait?! No way."), ["Wait?!", "No way."]);
}

#[test]
fn spanish_openers_start_sentences() {
    assert_eq!(
        split_sentences("Hoy llueve. ¿Salimos? ¡No! Mejor leemos."),
        ["Hoy llueve.", "¿Salimos?", "¡No!", "Mejor leemos."]
    );
}

#[test]
fn abbreviations_initials_and_decimals_do_not_end_sentences() {
    assert_eq!(
        split_sentences("Mr. Patel and Mrs. Green met Dr. Lee. They waited 2.5 hours."),
        [
            "Mr. Patel and Mrs. Green met Dr. Lee.",
            "They waited 2.5 hours."
        ]
    );
    assert_eq!(
        split_sentences("La Sra. Pérez y el Sr. Gil llegaron. J. R. vino después."),
        [
            "La Sra. Pérez y el Sr. Gil llegaron.",
            "J. R. vino después."
        ]
    );
}

#[test]
fn dialogue_tags_continue_the_sentence() {
    assert_eq!(
        split_sentences("\"Look, Grandpa!\" she called. \"It is flying!\""),
        ["\"Look, Grandpa!\" she called.", "\"It is flying!\""]
    );
    assert_eq!(
        split_sentences("—¿Vienes? —preguntó Ana—. Te espero. —Sí —dijo Luis."),
        ["—¿Vienes? —preguntó Ana—.", "Te espero.", "—Sí —dijo Luis."]
    );
}

#[test]
fn a_blank_line_ends_a_sentence_even_without_punctuation() {
    assert_eq!(
        split_sentences("A Title\n\nThe story starts here. It ends"),
        ["A Title", "The story starts here.", "It ends"]
    );
}

#[test]
fn flesch_kincaid_follows_its_formula() {
    // 8 words, 2 sentences, 8 syllables.
    let text = "I see a cat. The cat is big.";
    let measured = Readability::of(text, Lang::En);
    assert_eq!(
        (measured.words, measured.sentences, measured.syllables),
        (8, 2, 8)
    );
    assert!(close(measured.score, 0.39 * 4.0 + 11.8 * 1.0 - 15.59));
    assert!(close(flesch_kincaid_grade(text), measured.score));
    // 5 words, 1 sentence, 12 syllables: beautiful(3) elephants(3) carry(2) heavy(2) water(2).
    let harder = Readability::of("Beautiful elephants carry heavy water.", Lang::En);
    assert_eq!(harder.syllables, 12);
    assert!(close(harder.score, 0.39 * 5.0 + 11.8 * 12.0 / 5.0 - 15.59));
    assert!(harder.score > measured.score);
}

#[test]
fn fernandez_huerta_follows_its_formula() {
    // 6 words, 2 sentences; Mi(1) gato(2) come(2) ¡Qué(1) rico(2) está(2) = 10 syllables.
    let text = "Mi gato come. ¡Qué rico está!";
    let measured = Readability::of(text, Lang::Es);
    assert_eq!(
        (measured.words, measured.sentences, measured.syllables),
        (6, 2, 10)
    );
    assert!(close(
        measured.score,
        206.84 - 60.0 * 10.0 / 6.0 - 1.02 * 3.0
    ));
    assert!(close(fernandez_huerta(text), measured.score));
    let harder = fernandez_huerta(
        "La extraordinaria biodiversidad mediterránea constituye un patrimonio \
         irreemplazable que las administraciones deben proteger.",
    );
    assert!(harder < measured.score);
}

#[test]
fn difficulty_rises_with_hardness_in_both_languages() {
    let easy_en = Readability::of("The cat sat.", Lang::En);
    let hard_en = Readability::of(
        "Consequently, institutional investigations proliferated.",
        Lang::En,
    );
    assert!(hard_en.difficulty() > easy_en.difficulty());
    let easy_es = Readability::of("El sol sale.", Lang::Es);
    let hard_es = Readability::of(
        "Consecuentemente, las investigaciones institucionales proliferaron.",
        Lang::Es,
    );
    assert!(hard_es.difficulty() > easy_es.difficulty());
}

#[test]
fn numbers_count_as_words_with_spoken_syllables() {
    // I(1) have(1) three(1) dogs(1).
    let measured = Readability::of("I have 3 dogs.", Lang::En);
    assert_eq!((measured.words, measured.syllables), (4, 4));
    // one(1) thousand(2) five(1) hundred(2) stamps(1).
    assert_eq!(Readability::of("1,500 stamps.", Lang::En).syllables, 7);
    // En(1) dos(1) mil(1) veinticuatro(4) llovió(2).
    let year = Readability::of("En 2024 llovió.", Lang::Es);
    assert_eq!((year.words, year.syllables), (3, 9));
    // "3.5" is read as three words, not as thirty-five.
    assert_eq!(Readability::of("3.5", Lang::En).syllables, 4);
}

#[test]
fn text_without_words_measures_zero() {
    let measured = Readability::of(" ¿? — ", Lang::Es);
    assert_eq!(
        (measured.words, measured.sentences, measured.syllables),
        (0, 0, 0)
    );
    assert!(measured.score.is_finite());
}
