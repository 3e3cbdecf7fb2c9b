//! Stars for a reading (1 to 3): the student's at-a-glance result, shown instead of numbers.
//!
//! The rule, from the accuracy band and the grade norm (the 50th-percentile WCPM for the
//! student's grade in the season of the reading):
//! - 3 stars: accuracy in the independent band and speed at or above the grade norm (where
//!   the norms have no value, e.g. English grade 1 in the fall, accuracy alone decides);
//! - 2 stars: independent but below the norm, or accuracy in the instructional band;
//! - 1 star: accuracy in the frustration band, or a result that is not a number.
//!
//! Speed is compared as the whole number the student is shown (as the level rules do), so
//! "84 words per minute, goal 84" always earns the third star. A reading never gets zero
//! stars: a child who read at all sees something.

use leo_text::Lang;

use crate::date::Date;
use crate::norms::Norms;
use crate::settings::{AccuracyBand, Settings};

/// Stars with the built-in norms and the default accuracy bands.
pub fn stars(accuracy: f64, wcpm: f64, grade: u8, lang: Lang, date: Date) -> u8 {
    stars_with(
        accuracy,
        wcpm,
        grade,
        lang,
        date,
        Norms::builtin(),
        &Settings::default(),
    )
}

/// Stars with given norms and settings (a student's own accuracy bands, the school year).
pub fn stars_with(
    accuracy: f64,
    wcpm: f64,
    grade: u8,
    lang: Lang,
    date: Date,
    norms: &Norms,
    settings: &Settings,
) -> u8 {
    if !(0.0..=1.0).contains(&accuracy) || !wcpm.is_finite() || wcpm < 0.0 {
        return 1;
    }
    match AccuracyBand::of(accuracy, settings) {
        AccuracyBand::Frustration => 1,
        AccuracyBand::Instructional => 2,
        AccuracyBand::Independent => {
            let season = settings.school_year.season_of(date);
            match norms.expected_wcpm(lang, grade, season) {
                Some(norm) if wcpm.round() < norm => 2,
                _ => 3,
            }
        }
    }
}
