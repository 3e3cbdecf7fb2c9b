//! `leo read` and `leo rescore`: the recording is copied into the data folder and registered
//! before it is scored, so a crash, a missing model or a scoring error never loses what the
//! child read; `leo rescore` picks such readings up later (leo-classroom does the work).

use anyhow::Result;
use leo_classroom::{ClassroomError, ScoreOptions, lang_name};
use leo_levels::{LevelChange, LevelDecision};
use leo_scoring::{Assessment, WordStatus};
use leo_store::Strictness;

use crate::classroom::{Classroom, CliError, find_student, percent};
use crate::classroom_cmd::{ReadArgs, RescoreArgs, StrictnessArg};

pub fn read(c: &Classroom, args: &ReadArgs) -> Result<()> {
    let store = c.store();
    let (class, student, passage) = c.block_on(async {
        let (class, student) = find_student(store, &args.student, args.class.as_deref()).await?;
        let passage = store.passage(args.passage.trim()).await?.passage;
        anyhow::Ok((class, student, passage))
    })?;
    let pending = c.block_on(
        c.engine()
            .import_recording(student.id, &passage.id, &args.audio),
    )?;
    println!(
        "{} (class {}) read \"{}\" ({}, level {}, {}).",
        student.name,
        class.name,
        passage.title,
        passage.id,
        passage.level,
        lang_name(passage.lang)
    );
    println!(
        "Recording saved as reading #{} ({}).",
        pending.reading_id, pending.audio_rel
    );
    let options = ScoreOptions {
        strictness: args.strictness.map(|s| match s {
            StrictnessArg::Lenient => Strictness::Lenient,
            StrictnessArg::Normal => Strictness::Normal,
            StrictnessArg::Strict => Strictness::Strict,
        }),
    };
    let scored = c.block_on(
        c.engine()
            .score_reading_with(pending.reading_id, options, |_| {}),
    )?;
    for note in &scored.notes {
        eprintln!("note: {note}");
    }
    print_result(&scored.assessment, &scored.decision);
    Ok(())
}

pub fn rescore(c: &Classroom, args: &RescoreArgs) -> Result<()> {
    let store = c.store();
    let pending = c.block_on(async {
        let only = match &args.student {
            Some(name) => Some(find_student(store, name, args.class.as_deref()).await?.1.id),
            None => None,
        };
        let pending = c.engine().unscored_readings().await?;
        anyhow::Ok(
            pending
                .into_iter()
                .filter(|r| only.is_none_or(|id| r.student_id == id))
                .collect::<Vec<_>>(),
        )
    })?;
    if pending.is_empty() {
        println!("Nothing to rescore: every reading that still has its recording is scored.");
        return Ok(());
    }
    let mut failed = 0;
    for r in &pending {
        match c.block_on(c.engine().score_reading(r.id, |_| {})) {
            Ok(s) => println!(
                "#{} {} \"{}\": {:.0} WCPM, accuracy {}; level {}",
                r.id,
                s.student.name,
                r.passage_title,
                s.assessment.wcpm,
                percent(s.assessment.accuracy),
                s.decision.new_level
            ),
            Err(e) => {
                failed += 1;
                let reason = match &e {
                    ClassroomError::ScoringFailed { cause, .. } => cause.to_string(),
                    other => other.to_string(),
                };
                eprintln!(
                    "#{} \"{}\": still not scored: {reason}",
                    r.id, r.passage_title
                );
            }
        }
    }
    if failed > 0 {
        return Err(CliError::RescoreFailed {
            failed,
            total: pending.len(),
        }
        .into());
    }
    Ok(())
}

fn status_words(status: WordStatus, n: usize) -> &'static str {
    let (one, many) = match status {
        WordStatus::Correct => ("correct", "correct"),
        WordStatus::Substitution => ("substitution", "substitutions"),
        WordStatus::Omission => ("omission", "omissions"),
        WordStatus::Hesitation => ("hesitation", "hesitations"),
        WordStatus::SelfCorrection => ("self-correction", "self-corrections"),
        WordStatus::NotReached => ("not reached", "not reached"),
    };
    if n == 1 { one } else { many }
}

fn print_result(a: &Assessment, decision: &LevelDecision) {
    println!("WCPM: {:.0} words correct per minute", a.wcpm);
    println!(
        "Accuracy: {} ({} of {} words attempted read correctly), reading time {:.1} s",
        percent(a.accuracy),
        a.words_correct,
        a.words_attempted,
        a.reading_time_s
    );
    let counts: Vec<String> = WordStatus::ALL
        .iter()
        .map(|&s| (s, a.words.iter().filter(|w| w.status == s).count()))
        .filter(|&(s, n)| n > 0 || s == WordStatus::Correct)
        .map(|(s, n)| format!("{n} {}", status_words(s, n)))
        .collect();
    println!("Words: {}", counts.join(", "));
    let missed: Vec<String> = a
        .words
        .iter()
        .filter(|w| w.status.is_error())
        .take(12)
        .map(|w| match &w.heard {
            Some(heard) => format!("{} (heard \"{heard}\")", w.text),
            None => format!("{} ({})", w.text, w.status.as_str()),
        })
        .collect();
    if !missed.is_empty() {
        println!("To practise: {}", missed.join(", "));
    }
    let change = match decision.change {
        LevelChange::Up => "up",
        LevelChange::Down => "down",
        LevelChange::Stay => "stays",
    };
    println!(
        "Level: {} -> {} ({change})",
        decision.previous_level, decision.new_level
    );
    let reason = decision.explain();
    println!("Why: {}", reason.en);
    println!("Por qué: {}", reason.es);
}
