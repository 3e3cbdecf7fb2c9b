//! `leo recommend`: the next passage for a student in each language they read, with the reason
//! in English and Spanish (leo-classroom chooses it).

use anyhow::Result;
use leo_classroom::{NextPassage, lang_name};
use leo_text::Lang;

use crate::classroom::{Classroom, find_student};

pub fn run(c: &Classroom, name: &str, class: Option<&str>, lang: Option<Lang>) -> Result<()> {
    let (class, student) = c.block_on(find_student(c.store(), name, class))?;
    let langs = match lang {
        Some(lang) => vec![lang],
        None => student.languages.langs(),
    };
    for (i, lang) in langs.into_iter().enumerate() {
        let rec = c.block_on(c.engine().recommendation(student.id, lang))?;
        if i > 0 {
            println!();
        }
        println!(
            "{} (class {}), {}: level {}",
            student.name,
            class.name,
            lang_name(lang),
            rec.student_level
        );
        match rec.next {
            Some(next) => print_recommendation(&next),
            None => println!(
                "  No passage in {} is available: add one with `leo passages add`.",
                lang_name(lang)
            ),
        }
    }
    Ok(())
}

fn print_recommendation(next: &NextPassage) {
    println!(
        "  Next passage: {} \"{}\" (level {}, {} words){}",
        next.passage.passage.id,
        next.passage.passage.title,
        next.level,
        next.passage.word_count,
        if next.reread { ", a re-read" } else { "" }
    );
    println!("  Why: {}", next.reason_en);
    println!("  Por qué: {}", next.reason_es);
    if !next.practice_words.is_empty() {
        println!(
            "  Words to practise / Palabras para practicar: {}",
            next.practice_words.join(", ")
        );
    }
}
