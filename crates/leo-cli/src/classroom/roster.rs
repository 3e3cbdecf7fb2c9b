//! Classes and students: add, list, and the privacy tools (delete, export).

use std::path::Path;

use anyhow::Result;
use leo_classroom::{lang_name, languages_name};
use leo_store::Languages;

use crate::classroom::Classroom;

pub fn add_class(c: &Classroom, name: &str) -> Result<()> {
    let class = c.block_on(c.store().create_class(name))?;
    println!("Added class {}.", class.name);
    Ok(())
}

pub fn list_classes(c: &Classroom) -> Result<()> {
    let store = c.store();
    let rows = c.block_on(async {
        let mut rows = Vec::new();
        for class in store.list_classes().await? {
            let students = store.list_students(class.id).await?.len();
            rows.push((class.name, students));
        }
        anyhow::Ok(rows)
    })?;
    if rows.is_empty() {
        eprintln!("No classes yet: add one with `leo class add NAME`.");
    }
    for (name, students) in rows {
        let noun = if students == 1 { "student" } else { "students" };
        println!("{name}\t{students} {noun}");
    }
    Ok(())
}

pub fn add_student(
    c: &Classroom,
    class: &str,
    name: &str,
    grade: u8,
    languages: Languages,
) -> Result<()> {
    let (class, student, placed) = c.block_on(async {
        let class = c.store().find_class(class).await?;
        let (student, placed) = c
            .engine()
            .add_student(class.id, name, grade, languages)
            .await?;
        anyhow::Ok((class, student, placed))
    })?;
    println!(
        "Added {} to class {} (grade {}, reads in {}).",
        student.name,
        class.name,
        student.grade,
        languages_name(student.languages)
    );
    for (lang, level) in placed {
        println!("  {}: starts at level {level}", lang_name(lang));
    }
    Ok(())
}

pub fn list_students(c: &Classroom, class: &str) -> Result<()> {
    let store = c.store();
    let rows = c.block_on(async {
        let class = store.find_class(class).await?;
        let mut rows = Vec::new();
        for student in store.list_students(class.id).await? {
            let levels = store.levels(student.id).await?;
            rows.push((student, levels));
        }
        anyhow::Ok(rows)
    })?;
    if rows.is_empty() {
        eprintln!("No students in this class yet: add one with `leo student add`.");
    }
    for (student, levels) in rows {
        let levels: Vec<String> = levels
            .iter()
            .map(|l| format!("{} level {}", l.lang.code(), l.level))
            .collect();
        println!(
            "{}\tgrade {}\t{}\t{}",
            student.name,
            student.grade,
            student.languages.as_str(),
            levels.join(", ")
        );
    }
    Ok(())
}

/// Erases the student without asking: the command itself is the teacher's decision, and a
/// prompt would stop scripts that clear a class at the end of the year.
pub fn delete_student(c: &Classroom, class: &str, name: &str) -> Result<()> {
    let store = c.store();
    let (class, student, removed) = c.block_on(async {
        let class = store.find_class(class).await?;
        let student = store.find_student(class.id, name).await?;
        let removed = c.engine().delete_student(student.id).await?;
        anyhow::Ok((class, student, removed))
    })?;
    println!(
        "Deleted {} (class {}): {} {}, {} {}, their levels and level history.",
        student.name,
        class.name,
        removed.readings,
        plural(removed.readings, "reading", "readings"),
        removed.audio_files_removed,
        plural(removed.audio_files_removed, "recording", "recordings"),
    );
    Ok(())
}

pub fn export_student(c: &Classroom, class: &str, name: &str, out: &Path) -> Result<()> {
    let store = c.store();
    let (class, student, summary) = c.block_on(async {
        let class = store.find_class(class).await?;
        let student = store.find_student(class.id, name).await?;
        let summary = c.engine().export_student(student.id, out).await?;
        anyhow::Ok((class, student, summary))
    })?;
    println!(
        "Exported {} (class {}) to {}: {} {}, {} {}.",
        student.name,
        class.name,
        out.display(),
        summary.readings,
        plural(summary.readings, "reading", "readings"),
        summary.audio_files,
        plural(summary.audio_files, "recording", "recordings"),
    );
    for missing in &summary.missing_audio {
        eprintln!("warning: the recording {missing} was not found in the data folder");
    }
    Ok(())
}

pub fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}
