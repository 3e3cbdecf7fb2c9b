//! Stars for a reading: independent and at the grade norm is three, instructional or slow is
//! two, frustration is one.

use leo_levels::{Date, Settings, stars, stars_with};
use leo_text::Lang;

fn day(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap()
}

#[test]
fn stars_follow_the_accuracy_band_and_the_grade_norm() {
    // English grade 2 in winter (January): the norm is 84 WCPM.
    let winter = day(2025, 1, 15);
    let cases: &[(f64, f64, u8)] = &[
        (0.98, 90.0, 3),
        (0.95, 84.0, 3),
        // Shown as 84, the goal: the third star.
        (0.95, 83.6, 3),
        (0.95, 83.4, 2),
        (0.99, 40.0, 2),
        (0.93, 120.0, 2),
        (0.90, 84.0, 2),
        (0.89, 120.0, 1),
        (0.2, 10.0, 1),
        (f64::NAN, 90.0, 1),
        (0.98, f64::INFINITY, 1),
        (1.5, 90.0, 1),
    ];
    for &(accuracy, wcpm, expected) in cases {
        assert_eq!(
            stars(accuracy, wcpm, 2, Lang::En, winter),
            expected,
            "accuracy {accuracy}, wcpm {wcpm}"
        );
    }
}

#[test]
fn the_norm_is_the_grade_and_season_of_the_reading() {
    // English grade 2: fall 50, spring 100.
    assert_eq!(stars(0.97, 60.0, 2, Lang::En, day(2024, 10, 1)), 3);
    assert_eq!(stars(0.97, 60.0, 2, Lang::En, day(2025, 5, 1)), 2);
    // English grade 1 has no fall norm: accuracy alone decides.
    assert_eq!(stars(0.97, 5.0, 1, Lang::En, day(2024, 10, 1)), 3);
    // Spanish grade 4: 110 all year.
    assert_eq!(stars(0.97, 109.0, 4, Lang::Es, day(2024, 10, 1)), 2);
    assert_eq!(stars(0.97, 110.0, 4, Lang::Es, day(2025, 5, 1)), 3);
}

#[test]
fn a_students_own_bands_change_the_stars() {
    let strict = Settings {
        independent_accuracy: 0.98,
        instructional_accuracy: 0.93,
        ..Settings::default()
    };
    let norms = leo_levels::Norms::builtin();
    let winter = day(2025, 1, 15);
    assert_eq!(stars(0.96, 100.0, 2, Lang::En, winter), 3);
    assert_eq!(
        stars_with(0.96, 100.0, 2, Lang::En, winter, norms, &strict),
        2
    );
    assert_eq!(
        stars_with(0.92, 100.0, 2, Lang::En, winter, norms, &strict),
        1
    );
}
