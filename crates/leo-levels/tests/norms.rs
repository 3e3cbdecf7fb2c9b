//! The shipped norm tables: they parse, name their sources, hold the published
//! values, and bad tables are refused.

use leo_levels::{GRADES, GradeNorm, Norms, NormsError, Season};
use leo_text::Lang;

#[test]
fn builtin_tables_parse_and_name_their_sources() {
    let norms = Norms::builtin();
    let english = norms.table(Lang::En).expect("English norms");
    assert!(english.source.contains("Hasbrouck"), "{}", english.source);
    assert!(english.source.contains("2017"), "{}", english.source);
    assert!(english.measure.contains("50th percentile"));
    let spanish = norms.table(Lang::Es).expect("Spanish norms");
    assert_eq!(
        spanish.source,
        "Spanish connected-text reading-speed norms for Spain, grades 1–6"
    );
    assert!(
        spanish.note.contains("One value per school year"),
        "{}",
        spanish.note
    );
    for grade in GRADES {
        assert!(english.grade(grade).is_some() && spanish.grade(grade).is_some());
    }
}

#[test]
fn expected_wcpm_matches_the_published_values() {
    use Lang::{En, Es};
    use Season::{Fall, Spring, Winter};
    let cases: &[(Lang, u8, Season, Option<f64>)] = &[
        (En, 1, Fall, None),
        (En, 1, Winter, Some(29.0)),
        (En, 1, Spring, Some(60.0)),
        (En, 2, Fall, Some(50.0)),
        (En, 2, Winter, Some(84.0)),
        (En, 2, Spring, Some(100.0)),
        (En, 3, Fall, Some(83.0)),
        (En, 3, Winter, Some(97.0)),
        (En, 3, Spring, Some(112.0)),
        (En, 4, Fall, Some(94.0)),
        (En, 4, Winter, Some(120.0)),
        (En, 4, Spring, Some(133.0)),
        (En, 5, Fall, Some(121.0)),
        (En, 5, Winter, Some(133.0)),
        (En, 5, Spring, Some(146.0)),
        (En, 6, Fall, Some(132.0)),
        (En, 6, Winter, Some(145.0)),
        (En, 6, Spring, Some(146.0)),
        (En, 0, Winter, None),
        (En, 7, Winter, None),
        (Es, 0, Fall, None),
        (Es, 7, Spring, None),
    ];
    for &(lang, grade, season, expected) in cases {
        assert_eq!(
            Norms::builtin().expected_wcpm(lang, grade, season),
            expected,
            "{lang:?} grade {grade} {season:?}"
        );
    }
}

#[test]
fn spanish_norms_are_one_value_for_the_whole_school_year() {
    let per_grade = [
        (1, 45.0),
        (2, 78.0),
        (3, 92.0),
        (4, 110.0),
        (5, 135.0),
        (6, 149.0),
    ];
    for (grade, value) in per_grade {
        for season in [Season::Fall, Season::Winter, Season::Spring] {
            assert_eq!(
                Norms::builtin().expected_wcpm(Lang::Es, grade, season),
                Some(value),
                "grade {grade} {season:?}"
            );
        }
        let table = Norms::builtin().table(Lang::Es).unwrap();
        assert_eq!(table.grade(grade), Some(GradeNorm::WholeYear(value)));
    }
}

fn table_with_rows(rows: &str) -> String {
    format!("lang = \"es\"\nsource = \"A source\"\nmeasure = \"wpm\"\n{rows}")
}

fn whole_year_rows(values: [&str; 6]) -> String {
    values
        .iter()
        .enumerate()
        .map(|(index, value)| format!("[[grade]]\ngrade = {}\nschool_year = {value}\n", index + 1))
        .collect()
}

#[test]
fn bad_tables_are_refused() {
    let good = table_with_rows(&whole_year_rows(["45", "78", "92", "110", "135", "149"]));
    assert!(Norms::parse(&[&good]).is_ok());

    let es = Lang::Es;
    let missing_grade = table_with_rows(
        &whole_year_rows(["45", "78", "92", "110", "135", "149"]).replace("grade = 6", "grade = 5"),
    );
    let no_source = good.replace("source = \"A source\"", "source = \" \"");
    let decreasing = table_with_rows(&whole_year_rows(["45", "78", "92", "110", "105", "149"]));
    let zero = table_with_rows(&whole_year_rows(["0", "78", "92", "110", "135", "149"]));
    let both_shapes = good.replace("school_year = 45", "school_year = 45\nwinter = 45");
    let no_values = good.replace("school_year = 45\n", "");
    let decreasing_in_year =
        good.replace("school_year = 45", "fall = 50\nwinter = 40\nspring = 60");
    let unknown_field = good.replace("measure", "measures");
    let cases: Vec<(&str, Vec<&str>, NormsError)> = vec![
        (
            "missing grade",
            vec![&missing_grade],
            NormsError::Grades { lang: es },
        ),
        (
            "no source",
            vec![&no_source],
            NormsError::MissingSource { lang: es },
        ),
        (
            "decreasing",
            vec![&decreasing],
            NormsError::Decreasing { lang: es, grade: 5 },
        ),
        (
            "zero",
            vec![&zero],
            NormsError::Value { lang: es, grade: 1 },
        ),
        (
            "both shapes",
            vec![&both_shapes],
            NormsError::Shape { lang: es, grade: 1 },
        ),
        (
            "no values",
            vec![&no_values],
            NormsError::Shape { lang: es, grade: 1 },
        ),
        (
            "decreasing in year",
            vec![&decreasing_in_year],
            NormsError::Decreasing { lang: es, grade: 1 },
        ),
        (
            "duplicate",
            vec![&good, &good],
            NormsError::DuplicateLanguage { lang: es },
        ),
    ];
    for (name, documents, error) in cases {
        assert_eq!(Norms::parse(&documents), Err(error), "{name}");
    }
    assert!(matches!(
        Norms::parse(&[&unknown_field]),
        Err(NormsError::Syntax(_))
    ));
}
