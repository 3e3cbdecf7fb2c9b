//! Level moves over sequences of readings, and how each decision is explained.

use leo_levels::{
    Date, DecisionReason, LevelChange, LevelDecision, LevelMove, LevelState, Norms, ReadingOutcome,
    Settings, apply_reading,
};
use leo_text::Lang;

use DecisionReason::*;
use LevelChange::{Down, Stay, Up};

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

/// A reading: (passage level, accuracy, words correct per minute).
type Reading = (u8, f64, f64);
/// After a reading: (level, change, reason, streak).
type Expected = (u8, LevelChange, DecisionReason, u8);

struct Case {
    name: &'static str,
    lang: Lang,
    grade: u8,
    start_level: u8,
    /// Sets the season: January is winter, October fall.
    day: &'static str,
    settings: Settings,
    steps: Vec<(Reading, Expected)>,
}

fn case(name: &'static str, start_level: u8, steps: Vec<(Reading, Expected)>) -> Case {
    // English grade 3 in winter: the norm on grade-3 text is 97 WCPM.
    Case {
        name,
        lang: Lang::En,
        grade: 3,
        start_level,
        day: "2026-01-15",
        settings: Settings::default(),
        steps,
    }
}

fn run(case: &Case) -> (LevelState, Vec<LevelDecision>) {
    let mut state = LevelState {
        level: case.start_level,
        ..LevelState::new(case.lang, case.grade)
    };
    let decisions = case
        .steps
        .iter()
        .map(|&((passage_level, accuracy, wcpm), _)| {
            let outcome = ReadingOutcome {
                passage_level,
                accuracy,
                wcpm,
                grade: case.grade,
                date: date(case.day),
            };
            apply_reading(&mut state, &outcome, Norms::builtin(), &case.settings)
        })
        .collect();
    (state, decisions)
}

#[test]
fn level_moves_follow_the_rules() {
    let three_to_move_up = Settings {
        readings_to_move_up: 3,
        ..Settings::default()
    };
    let cases = vec![
        case(
            "two independent readings at norm move up",
            5,
            vec![
                (
                    (5, 0.98, 104.0),
                    (5, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                ),
                ((5, 0.98, 104.0), (6, Up, ReadyForNextLevel, 0)),
            ],
        ),
        case(
            "one level per reading; each move starts a new run",
            5,
            vec![
                (
                    (5, 0.99, 120.0),
                    (5, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                ),
                ((5, 0.99, 120.0), (6, Up, ReadyForNextLevel, 0)),
                (
                    (6, 0.99, 120.0),
                    (6, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                ),
                ((6, 0.99, 120.0), (7, Up, ReadyForNextLevel, 0)),
            ],
        ),
        case(
            "instructional breaks the run",
            5,
            vec![
                (
                    (5, 0.98, 110.0),
                    (5, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                ),
                ((5, 0.92, 110.0), (5, Stay, Instructional, 0)),
                (
                    (5, 0.98, 110.0),
                    (5, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                ),
            ],
        ),
        case(
            "accurate but slow breaks the run",
            5,
            vec![
                (
                    (5, 0.98, 110.0),
                    (5, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                ),
                (
                    (5, 0.98, 90.0),
                    (
                        5,
                        Stay,
                        BuildingSpeed {
                            expected_wcpm: 97.0,
                        },
                        0,
                    ),
                ),
                (
                    (5, 0.98, 110.0),
                    (5, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                ),
            ],
        ),
        case(
            "speed is compared as the whole number shown",
            5,
            vec![
                (
                    (5, 0.98, 96.4),
                    (
                        5,
                        Stay,
                        BuildingSpeed {
                            expected_wcpm: 97.0,
                        },
                        0,
                    ),
                ),
                (
                    (5, 0.98, 96.5),
                    (5, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                ),
            ],
        ),
        case(
            "exactly 95 % is independent, exactly 90 % instructional",
            5,
            vec![
                (
                    (5, 0.95, 100.0),
                    (5, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                ),
                ((5, 0.90, 100.0), (5, Stay, Instructional, 0)),
                ((5, 0.8999, 100.0), (4, Down, TooHard, 0)),
            ],
        ),
        case(
            "frustration moves down one level per reading",
            5,
            vec![
                ((5, 0.80, 60.0), (4, Down, TooHard, 0)),
                ((4, 0.70, 50.0), (3, Down, TooHard, 0)),
            ],
        ),
        case(
            "after moving down, two counting readings move back up",
            5,
            vec![
                (
                    (5, 0.98, 110.0),
                    (5, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                ),
                ((5, 0.85, 80.0), (4, Down, TooHard, 0)),
                (
                    (4, 0.97, 100.0),
                    (4, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                ),
                ((4, 0.97, 100.0), (5, Up, ReadyForNextLevel, 0)),
            ],
        ),
        case(
            "harder passages count toward moving up",
            5,
            vec![
                (
                    (6, 0.96, 100.0),
                    (5, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                ),
                ((5, 0.96, 100.0), (6, Up, ReadyForNextLevel, 0)),
            ],
        ),
        case(
            "frustration on a harder passage stays and breaks the run",
            5,
            vec![
                (
                    (5, 0.98, 110.0),
                    (5, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                ),
                ((7, 0.80, 70.0), (5, Stay, HarderPassageTooHard, 0)),
            ],
        ),
        case(
            "an easier passage neither counts nor breaks the run",
            5,
            vec![
                (
                    (5, 0.98, 110.0),
                    (5, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                ),
                ((4, 1.00, 130.0), (5, Stay, EasierPassage, 1)),
                ((5, 0.98, 110.0), (6, Up, ReadyForNextLevel, 0)),
            ],
        ),
        case(
            "frustration on an easier passage moves down",
            5,
            vec![((3, 0.85, 70.0), (4, Down, TooHard, 0))],
        ),
        case(
            "instructional on an easier passage breaks the run",
            5,
            vec![
                (
                    (5, 0.98, 110.0),
                    (5, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                ),
                ((4, 0.93, 110.0), (5, Stay, Instructional, 0)),
            ],
        ),
        case(
            "level 12 is the top",
            12,
            vec![
                (
                    (12, 0.99, 150.0),
                    (12, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                ),
                ((12, 0.99, 150.0), (12, Stay, TopLevel, 2)),
                ((12, 0.99, 150.0), (12, Stay, TopLevel, 2)),
            ],
        ),
        case(
            "level 1 is the bottom",
            1,
            vec![((1, 0.50, 10.0), (1, Stay, TooHard, 0))],
        ),
        case(
            "a reading that could not be scored changes nothing",
            5,
            vec![
                (
                    (5, 0.98, 110.0),
                    (5, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                ),
                ((5, f64::NAN, 110.0), (5, Stay, NotScored, 1)),
                ((5, 0.98, f64::INFINITY), (5, Stay, NotScored, 1)),
                ((5, 1.5, 110.0), (5, Stay, NotScored, 1)),
                ((5, 0.98, 110.0), (6, Up, ReadyForNextLevel, 0)),
            ],
        ),
        Case {
            settings: three_to_move_up,
            ..case(
                "the number of readings to move up is a setting",
                5,
                vec![
                    (
                        (5, 0.98, 110.0),
                        (5, Stay, CountsTowardMovingUp { remaining: 2 }, 1),
                    ),
                    (
                        (5, 0.98, 110.0),
                        (5, Stay, CountsTowardMovingUp { remaining: 1 }, 2),
                    ),
                    ((5, 0.98, 110.0), (6, Up, ReadyForNextLevel, 0)),
                ],
            )
        },
        Case {
            grade: 1,
            day: "2025-10-15",
            ..case(
                "English grade 1 in the fall has no norm: accuracy decides",
                1,
                vec![
                    (
                        (1, 0.96, 12.0),
                        (1, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                    ),
                    ((1, 0.96, 12.0), (2, Up, ReadyForNextLevel, 0)),
                ],
            )
        },
        Case {
            grade: 1,
            ..case(
                "English grade 1 in winter needs 29 WCPM",
                1,
                vec![
                    (
                        (1, 0.96, 28.0),
                        (
                            1,
                            Stay,
                            BuildingSpeed {
                                expected_wcpm: 29.0,
                            },
                            0,
                        ),
                    ),
                    (
                        (1, 0.96, 29.0),
                        (1, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                    ),
                ],
            )
        },
        Case {
            grade: 5,
            ..case(
                "a grade-5 reader on grade-2 text is held to the grade-2 norm",
                3,
                vec![
                    (
                        (3, 0.97, 83.0),
                        (
                            3,
                            Stay,
                            BuildingSpeed {
                                expected_wcpm: 84.0,
                            },
                            0,
                        ),
                    ),
                    (
                        (3, 0.97, 90.0),
                        (3, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                    ),
                ],
            )
        },
        Case {
            grade: 1,
            ..case(
                "a grade-1 reader on grade-3 text is held to the grade-1 norm",
                5,
                vec![(
                    (5, 0.97, 40.0),
                    (5, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                )],
            )
        },
        Case {
            lang: Lang::Es,
            day: "2025-10-15",
            ..case(
                "Spanish grade 3 needs 92 words per minute all year",
                5,
                vec![
                    (
                        (5, 0.97, 91.0),
                        (
                            5,
                            Stay,
                            BuildingSpeed {
                                expected_wcpm: 92.0,
                            },
                            0,
                        ),
                    ),
                    (
                        (5, 0.97, 92.0),
                        (5, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
                    ),
                ],
            )
        },
        Case {
            lang: Lang::Es,
            day: "2026-05-15",
            ..case(
                "Spanish norm in spring is the same",
                5,
                vec![(
                    (5, 0.97, 91.0),
                    (
                        5,
                        Stay,
                        BuildingSpeed {
                            expected_wcpm: 92.0,
                        },
                        0,
                    ),
                )],
            )
        },
    ];
    for case in &cases {
        let (_, decisions) = run(case);
        for (index, (decision, (_, expected))) in decisions.iter().zip(&case.steps).enumerate() {
            let (level, change, reason, streak) = *expected;
            let actual = (
                decision.new_level,
                decision.change,
                decision.reason,
                decision.streak,
            );
            assert_eq!(
                actual,
                (level, change, reason, streak),
                "{}: reading {}",
                case.name,
                index + 1
            );
        }
    }
}

#[test]
fn level_changes_are_recorded_in_the_history() {
    let steps = vec![
        (
            (5, 0.98, 110.0),
            (5, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
        ),
        ((5, 0.98, 110.0), (6, Up, ReadyForNextLevel, 0)),
        ((6, 0.80, 80.0), (5, Down, TooHard, 0)),
        ((5, 0.92, 80.0), (5, Stay, Instructional, 0)),
    ];
    let (state, _) = run(&case("history", 5, steps));
    let day = date("2026-01-15");
    assert_eq!(
        state.history,
        [
            LevelMove {
                date: day,
                from: 5,
                to: 6
            },
            LevelMove {
                date: day,
                from: 6,
                to: 5
            },
        ]
    );
    assert_eq!((state.level, state.streak), (5, 0));
}

#[test]
fn state_and_decisions_survive_a_round_trip_through_json() {
    let steps = vec![
        (
            (5, 0.98, 110.0),
            (5, Stay, CountsTowardMovingUp { remaining: 1 }, 1),
        ),
        (
            (5, 0.98, 90.0),
            (
                5,
                Stay,
                BuildingSpeed {
                    expected_wcpm: 97.0,
                },
                0,
            ),
        ),
        ((5, 0.80, 80.0), (4, Down, TooHard, 0)),
    ];
    let (state, decisions) = run(&case("round trip", 5, steps));
    let json = serde_json::to_string(&state).unwrap();
    assert_eq!(serde_json::from_str::<LevelState>(&json).unwrap(), state);
    for decision in decisions {
        let json = serde_json::to_string(&decision).unwrap();
        assert_eq!(
            serde_json::from_str::<LevelDecision>(&json).unwrap(),
            decision
        );
    }
}
