//! `leo report` (the class overview as a table or CSV) and `leo retention`.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use chrono::Utc;
use leo_store::StudentOverview;

use crate::classroom::roster::plural;
use crate::classroom::{Classroom, school_day};

/// A change in WCPM smaller than this across the recent readings is reported as steady: one
/// reading's WCPM varies by several words from day to day, and typical growth is one or two
/// words a week, so smaller changes are not yet a trend.
const TREND_WCPM: f64 = 5.0;

const HEADER: [&str; 11] = [
    "student",
    "class",
    "grade",
    "language",
    "level",
    "readings",
    "last_wcpm",
    "last_accuracy_percent",
    "last_date",
    "trend",
    "wcpm_change",
];

/// One student's results in one language, as text cells.
fn rows(class: &str, students: &[StudentOverview]) -> Vec<[String; 11]> {
    let mut rows = Vec::new();
    for s in students {
        for l in &s.langs {
            let change = wcpm_change(&l.recent_wcpm);
            rows.push([
                s.student.name.clone(),
                class.to_owned(),
                s.student.grade.to_string(),
                l.lang.code().to_owned(),
                l.level
                    .as_ref()
                    .map(|v| v.level.to_string())
                    .unwrap_or_default(),
                l.scored_readings.to_string(),
                l.last_wcpm.map(|v| format!("{v:.0}")).unwrap_or_default(),
                l.last_accuracy
                    .map(|v| leo_levels::whole_percent(v).to_string())
                    .unwrap_or_default(),
                l.last_read_at
                    .map(|t| school_day(t).to_string())
                    .unwrap_or_default(),
                change.map(trend_word).unwrap_or_default().to_owned(),
                change.map(|v| format!("{v:+.0}")).unwrap_or_default(),
            ]);
        }
    }
    rows
}

/// The change in WCPM over the recent readings (oldest first), from a least-squares line so
/// one unusually good or bad day does not decide it. None with fewer than two readings.
fn wcpm_change(points: &[f64]) -> Option<f64> {
    if points.len() < 2 {
        return None;
    }
    let n = points.len() as f64;
    let mean_x = (n - 1.0) / 2.0;
    let mean_y = points.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (i, y) in points.iter().enumerate() {
        let dx = i as f64 - mean_x;
        sxy += dx * (y - mean_y);
        sxx += dx * dx;
    }
    Some(sxy / sxx * (n - 1.0))
}

fn trend_word(change: f64) -> &'static str {
    if change >= TREND_WCPM {
        "up"
    } else if change <= -TREND_WCPM {
        "down"
    } else {
        "steady"
    }
}

pub fn report(c: &Classroom, class: &str, csv: bool, out: Option<&Path>) -> Result<()> {
    let store = c.store();
    let (class, overview) = c.block_on(async {
        let class = store.find_class(class).await?;
        let overview = store.class_overview(class.id).await?;
        anyhow::Ok((class, overview))
    })?;
    let rows = rows(&class.name, &overview);
    let mut text = Vec::new();
    if csv {
        // Spreadsheet programs read a CSV without this mark as the local code page and garble
        // names such as "Begoña"; CSV readers skip it.
        if out.is_some() {
            text.extend_from_slice("\u{feff}".as_bytes());
        }
        let mut w = csv::Writer::from_writer(&mut text);
        w.write_record(HEADER)?;
        for row in &rows {
            w.write_record(row)?;
        }
        w.flush()?;
    } else {
        write_table(&mut text, &rows)?;
    }
    match out {
        Some(path) => {
            write_atomically(path, &text)?;
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

fn write_table(out: &mut Vec<u8>, rows: &[[String; 11]]) -> Result<()> {
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

/// Writes the whole file or nothing: a report half-written over last week's is worse than
/// last week's.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = std::path::PathBuf::from(partial);
    let result = std::fs::write(&partial, bytes).and_then(|()| std::fs::rename(&partial, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&partial);
        return Err(e).with_context(|| format!("cannot write {}", path.display()));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trend_follows_the_fitted_line_not_the_last_day() {
        assert_eq!(wcpm_change(&[50.0]), None);
        let rising = wcpm_change(&[50.0, 55.0, 60.0, 65.0]).unwrap();
        assert!((rising - 15.0).abs() < 1e-9, "{rising}");
        assert_eq!(trend_word(rising), "up");
        // One bad last day after steady growth is not a fall (last minus first would be -10).
        let bumpy = wcpm_change(&[50.0, 54.0, 58.0, 62.0, 40.0]).unwrap();
        assert_eq!(trend_word(bumpy), "steady", "{bumpy}");
        assert_eq!(
            trend_word(wcpm_change(&[80.0, 70.0, 60.0]).unwrap()),
            "down"
        );
    }
}
