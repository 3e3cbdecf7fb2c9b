//! Grade norms: how many words per minute a typical student of a grade reads.
//! The tables are data files in `assets/norms/`, each naming its source, and
//! are compiled in so the app works offline.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use leo_text::Lang;
use serde::Deserialize;

use crate::settings::Season;

const ENGLISH_TABLE: &str = include_str!("../../../assets/norms/en-hasbrouck-tindal-2017.toml");
const SPANISH_TABLE: &str = include_str!("../../../assets/norms/es-spain.toml");

/// Grades the norms cover.
pub const GRADES: std::ops::RangeInclusive<u8> = 1..=6;

/// Beyond this a value is a typing slip, not a norm.
const MAX_PLAUSIBLE_WPM: f64 = 400.0;

/// Norm tables for every language, one per language.
#[derive(Debug, Clone, PartialEq)]
pub struct Norms {
    tables: BTreeMap<Lang, NormTable>,
}

/// One language's norms and where they come from.
#[derive(Debug, Clone, PartialEq)]
pub struct NormTable {
    pub lang: Lang,
    /// The published source, to show to teachers.
    pub source: String,
    /// What is measured, e.g. "Words correct per minute (WCPM), 50th percentile".
    pub measure: String,
    pub note: String,
    grades: BTreeMap<u8, GradeNorm>,
}

/// A grade's expectation: either one per season or one for the whole year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GradeNorm {
    BySeason {
        fall: Option<f64>,
        winter: Option<f64>,
        spring: Option<f64>,
    },
    WholeYear(f64),
}

impl GradeNorm {
    pub fn for_season(self, season: Season) -> Option<f64> {
        match self {
            GradeNorm::BySeason {
                fall,
                winter,
                spring,
            } => match season {
                Season::Fall => fall,
                Season::Winter => winter,
                Season::Spring => spring,
            },
            GradeNorm::WholeYear(value) => Some(value),
        }
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NormsError {
    #[error("norm table is not valid TOML of the expected shape: {0}")]
    Syntax(String),
    #[error("norm table for {lang:?} must name its source")]
    MissingSource { lang: Lang },
    #[error("two norm tables for {lang:?}")]
    DuplicateLanguage { lang: Lang },
    #[error("norm table for {lang:?} must list grades 1 to 6 exactly once each")]
    Grades { lang: Lang },
    #[error(
        "grade {grade} in the {lang:?} norms must give either a school_year value or seasonal values"
    )]
    Shape { lang: Lang, grade: u8 },
    #[error("grade {grade} in the {lang:?} norms has an implausible value")]
    Value { lang: Lang, grade: u8 },
    #[error("the {lang:?} norms go down from one period or grade to the next at grade {grade}")]
    Decreasing { lang: Lang, grade: u8 },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    lang: Lang,
    source: String,
    measure: String,
    #[serde(default)]
    note: String,
    grade: Vec<RawGrade>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGrade {
    grade: u8,
    fall: Option<f64>,
    winter: Option<f64>,
    spring: Option<f64>,
    school_year: Option<f64>,
}

impl Norms {
    /// The norms shipped with Leo. The data files are checked by this crate's
    /// tests, so failing to parse them here is a build defect.
    pub fn builtin() -> &'static Norms {
        static BUILTIN: OnceLock<Norms> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Norms::parse(&[ENGLISH_TABLE, SPANISH_TABLE])
                .expect("built-in norm tables are validated by tests")
        })
    }

    /// Parses and validates norm tables, one TOML document each.
    pub fn parse(documents: &[&str]) -> Result<Norms, NormsError> {
        let mut tables = BTreeMap::new();
        for document in documents {
            let raw: RawTable =
                toml::from_str(document).map_err(|error| NormsError::Syntax(error.to_string()))?;
            let table = validate_table(raw)?;
            let lang = table.lang;
            if tables.insert(lang, table).is_some() {
                return Err(NormsError::DuplicateLanguage { lang });
            }
        }
        Ok(Norms { tables })
    }

    pub fn table(&self, lang: Lang) -> Option<&NormTable> {
        self.tables.get(&lang)
    }

    /// Expected words per minute for a typical (50th percentile) student of
    /// `grade` reading in `lang` during `season`. `None` where the source has
    /// no norm, e.g. English grade 1 in the fall, or a grade outside 1–6.
    pub fn expected_wcpm(&self, lang: Lang, grade: u8, season: Season) -> Option<f64> {
        self.table(lang)?.grades.get(&grade)?.for_season(season)
    }
}

impl NormTable {
    pub fn grade(&self, grade: u8) -> Option<GradeNorm> {
        self.grades.get(&grade).copied()
    }
}

fn validate_table(raw: RawTable) -> Result<NormTable, NormsError> {
    let lang = raw.lang;
    if raw.source.trim().is_empty() {
        return Err(NormsError::MissingSource { lang });
    }
    let mut grades = BTreeMap::new();
    for row in raw.grade {
        let grade = row.grade;
        if !GRADES.contains(&grade) {
            return Err(NormsError::Grades { lang });
        }
        let norm = match (row.school_year, row.fall, row.winter, row.spring) {
            (Some(value), None, None, None) => GradeNorm::WholeYear(value),
            (None, fall, winter, spring) if winter.is_some() || spring.is_some() => {
                GradeNorm::BySeason {
                    fall,
                    winter,
                    spring,
                }
            }
            _ => return Err(NormsError::Shape { lang, grade }),
        };
        if grades.insert(grade, norm).is_some() {
            return Err(NormsError::Grades { lang });
        }
    }
    if grades.len() != GRADES.count() {
        return Err(NormsError::Grades { lang });
    }
    check_values(lang, &grades)?;
    Ok(NormTable {
        lang,
        source: raw.source.trim().to_string(),
        measure: raw.measure.trim().to_string(),
        note: raw.note.trim().to_string(),
        grades,
    })
}

/// Reading speed grows through the year and from grade to grade; a table
/// that goes down somewhere almost certainly has a value typed in the wrong
/// place.
fn check_values(lang: Lang, grades: &BTreeMap<u8, GradeNorm>) -> Result<(), NormsError> {
    const SEASONS: [Season; 3] = [Season::Fall, Season::Winter, Season::Spring];
    let mut previous_grade: Option<[Option<f64>; 3]> = None;
    for (&grade, &norm) in grades {
        let values = SEASONS.map(|season| norm.for_season(season));
        let plausible =
            |value: &f64| value.is_finite() && *value > 0.0 && *value <= MAX_PLAUSIBLE_WPM;
        if !values.iter().flatten().all(plausible) {
            return Err(NormsError::Value { lang, grade });
        }
        let within_year: Vec<f64> = values.iter().flatten().copied().collect();
        let grows_through_year = within_year.windows(2).all(|pair| pair[0] <= pair[1]);
        let grows_from_last_grade = previous_grade.is_none_or(|previous| {
            previous.iter().zip(&values).all(|pair| match pair {
                (Some(before), Some(now)) => before <= now,
                _ => true,
            })
        });
        if !grows_through_year || !grows_from_last_grade {
            return Err(NormsError::Decreasing { lang, grade });
        }
        previous_grade = Some(values);
    }
    Ok(())
}
