//! The class report: one row per student and language with level, latest result and trend,
//! as text cells (the CLI prints them as a table) or CSV for a spreadsheet.

use std::path::{Path, PathBuf};

use leo_store::{Class, ClassId, StudentOverview};

use crate::Classroom;
use crate::days::school_day;
use crate::error::{ClassroomError, Result};

/// A change in WCPM smaller than this across the recent readings is reported as steady: one
/// reading's WCPM varies by several words from day to day, and typical growth is one or two
/// words a week, so smaller changes are not yet a trend.
const TREND_WCPM: f64 = 5.0;

/// The class CSV's columns.
pub const CLASS_CSV_HEADER: [&str; 11] = [
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

/// One student's results in one language, as text cells in [`CLASS_CSV_HEADER`] order.
pub type ReportRow = [String; 11];

/// Spreadsheet programs read a CSV file without this mark as the local code page and garble
/// names such as "Begoña"; CSV readers skip it. Put it at the start of a CSV *file*.
pub const CSV_FILE_MARK: &str = "\u{feff}";

fn rows(class: &str, students: &[StudentOverview]) -> Vec<ReportRow> {
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
pub fn wcpm_change(points: &[f64]) -> Option<f64> {
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

/// "up", "down" or "steady" for a WCPM change.
pub fn trend_word(change: f64) -> &'static str {
    if change >= TREND_WCPM {
        "up"
    } else if change <= -TREND_WCPM {
        "down"
    } else {
        "steady"
    }
}

/// The rows as CSV text, header first.
pub fn to_csv(rows: &[ReportRow]) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let csv_error = |e: csv::Error| ClassroomError::Csv(e.to_string());
    w.write_record(CLASS_CSV_HEADER).map_err(csv_error)?;
    for row in rows {
        w.write_record(row).map_err(csv_error)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| ClassroomError::Csv(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ClassroomError::Csv(e.to_string()))
}

impl Classroom {
    /// Each student's levels and latest results (the store's class overview).
    pub async fn class_overview(&self, class: ClassId) -> Result<Vec<StudentOverview>> {
        Ok(self.store().class_overview(class).await?)
    }

    /// The class and its report rows, one per student and language.
    pub async fn class_report(&self, class: ClassId) -> Result<(Class, Vec<ReportRow>)> {
        let class = self.store().class(class).await?;
        let overview = self.store().class_overview(class.id).await?;
        let rows = rows(&class.name, &overview);
        Ok((class, rows))
    }

    /// The class report as CSV text (without [`CSV_FILE_MARK`]).
    pub async fn class_csv(&self, class: ClassId) -> Result<String> {
        to_csv(&self.class_report(class).await?.1)
    }

    /// Writes the class report to a CSV file for a spreadsheet (with [`CSV_FILE_MARK`]), whole
    /// or not at all. Returns the number of rows.
    pub async fn save_class_csv(&self, class: ClassId, path: &Path) -> Result<usize> {
        let (_, rows) = self.class_report(class).await?;
        let text = format!("{CSV_FILE_MARK}{}", to_csv(&rows)?);
        let path = path.to_path_buf();
        tokio::task::spawn_blocking(move || write_file_atomically(&path, text.as_bytes()))
            .await
            .map_err(|e| ClassroomError::Csv(e.to_string()))??;
        Ok(rows.len())
    }
}

/// Writes the whole file or nothing: a report half-written over last week's is worse than
/// last week's.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let result = std::fs::write(&partial, bytes).and_then(|()| std::fs::rename(&partial, path));
    if let Err(source) = result {
        let _ = std::fs::remove_file(&partial);
        return Err(ClassroomError::Write {
            path: path.to_path_buf(),
            source,
        });
    }
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
