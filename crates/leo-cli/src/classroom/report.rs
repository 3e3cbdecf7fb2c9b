//! `leo report` (the class report as a table or CSV; leo-classroom builds the rows) and
//! `leo retention`.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use chrono::Utc;
use leo_classroom::{CSV_FILE_MARK, ReportRow, school_day, to_csv, write_file_atomically};

use crate::classroom::Classroom;
use crate::classroom::roster::plural;

pub fn report(c: &Classroom, class: &str, csv: bool, out: Option<&Path>) -> Result<()> {
    let (class, rows) = c.block_on(async {
        let class = c.store().find_class(class).await?;
        anyhow::Ok(c.engine().class_report(class.id).await?)
    })?;
    let mut text = Vec::new();
    if csv {
        if out.is_some() {
            text.extend_from_slice(CSV_FILE_MARK.as_bytes());
        }
        text.extend_from_slice(to_csv(&rows)?.as_bytes());
    } else {
        write_table(&mut text, &rows)?;
    }
    match out {
        Some(path) => {
            write_file_atomically(path, &text)?;
            println!(
                "Wrote {} {} for class {} to {}.",
                rows.len(),
                plural(rows.len(), "row", "rows"),
                class.name,
                path.display()
            );
        }
        None => std::io::stdout().write_all(&text)?,
    }
    Ok(())
}

fn write_table(out: &mut Vec<u8>, rows: &[ReportRow]) -> Result<()> {
    let shown = [0, 2, 3, 4, 5, 6, 7, 8, 9];
    let titles = [
        "Student", "Grade", "Lang", "Level", "Readings", "WCPM", "Acc %", "Last", "Trend",
    ];
    let mut widths: Vec<usize> = titles.iter().map(|t| t.chars().count()).collect();
    for row in rows {
        for (w, &i) in widths.iter_mut().zip(&shown) {
            *w = (*w).max(row[i].chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, &w)| format!("{c:<w$}"))
            .collect();
        padded.join("  ").trim_end().to_owned()
    };
    writeln!(out, "{}", line(titles.to_vec()))?;
    for row in rows {
        writeln!(
            out,
            "{}",
            line(shown.iter().map(|&i| row[i].as_str()).collect())
        )?;
    }
    Ok(())
}

pub fn retention(c: &Classroom, days: u32) -> Result<()> {
    let report = c.block_on(c.store().apply_audio_retention(days, Utc::now()))?;
    let n = report.readings.len();
    if n == 0 {
        println!(
            "No recordings from before {} to delete.",
            school_day(report.cutoff)
        );
        return Ok(());
    }
    println!(
        "Deleted the recordings of {n} {} started before {}: {} {} removed ({:.1} MB freed).",
        plural(n, "reading", "readings"),
        school_day(report.cutoff),
        report.files_removed,
        plural(report.files_removed, "file", "files"),
        report.bytes_freed as f64 / 1_000_000.0
    );
    if report.files_missing > 0 {
        println!(
            "{} {} already gone from the data folder.",
            report.files_missing,
            plural(report.files_missing, "recording was", "recordings were")
        );
    }
    println!("Their scores and word results are kept.");
    Ok(())
}
