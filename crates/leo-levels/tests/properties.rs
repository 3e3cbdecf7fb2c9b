//! Whatever the readings, a level stays within 1..=12 and moves by at most one.

use leo_levels::{
    Date, LevelChange, LevelState, MAX_LEVEL, MIN_LEVEL, Norms, ReadingOutcome, Settings,
    apply_reading,
};
use leo_text::Lang;
use proptest::prelude::*;

fn outcome() -> impl Strategy<Value = ReadingOutcome> {
    let accuracy = prop_oneof![
        8 => 0.0..=1.0f64,
        2 => prop::sample::select(vec![0.89, 0.9, 0.95, 1.0]),
        1 => prop::sample::select(vec![f64::NAN, -0.1, 1.1]),
    ];
    let wcpm = prop_oneof![9 => 0.0..250.0f64, 1 => Just(f64::NAN)];
    (0u8..=14, accuracy, wcpm, 0u8..=7, 1u8..=12, 1u8..=28).prop_map(
        |(passage_level, accuracy, wcpm, grade, month, day)| ReadingOutcome {
            passage_level,
            accuracy,
            wcpm,
            grade,
            date: Date::new(2026, month, day).unwrap(),
        },
    )
}

proptest! {
    #[test]
    fn level_stays_in_range_and_moves_at_most_one_per_reading(
        lang in prop::sample::select(vec![Lang::En, Lang::Es]),
        start in MIN_LEVEL..=MAX_LEVEL,
        readings_to_move_up in 1u8..=4,
        outcomes in prop::collection::vec(outcome(), 1..60),
    ) {
        let settings = Settings { readings_to_move_up, ..Settings::default() };
        let mut state = LevelState { level: start, ..LevelState::new(lang, 3) };
        for outcome in &outcomes {
            let before = state.level;
            let decision = apply_reading(&mut state, outcome, Norms::builtin(), &settings);
            prop_assert!((MIN_LEVEL..=MAX_LEVEL).contains(&state.level));
            prop_assert!(state.level.abs_diff(before) <= 1);
            prop_assert_eq!(decision.new_level, state.level);
            prop_assert_eq!(decision.previous_level, before);
            let expected_change = match state.level.cmp(&before) {
                std::cmp::Ordering::Greater => LevelChange::Up,
                std::cmp::Ordering::Less => LevelChange::Down,
                std::cmp::Ordering::Equal => LevelChange::Stay,
            };
            prop_assert_eq!(decision.change, expected_change);
            prop_assert!(state.streak < readings_to_move_up || state.level == MAX_LEVEL);
        }
        let moves = state.history.len();
        prop_assert!(moves <= outcomes.len());
        prop_assert!(state.history.iter().all(|step| step.from.abs_diff(step.to) == 1));
    }
}
