//! Reports and views on a real SQLite file, with hand-made assessments.

mod support;

use leo_scoring::WordStatus;
use leo_text::Lang;

#[tokio::test]
async fn the_class_csv_has_a_header_and_one_row_per_student_and_language() {
    let t = support::open().await;
    let c = &t.classroom;
    let (class, ana, _) = support::class_with_students(c).await;
    let passage = support::passage_at(c, Lang::En, 3).await;
    let a = support::assessment(&passage, 30.0, 1);
    support::scored_reading(c, &ana, &passage, &a).await;

    let csv = c.class_csv(class.id).await.unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, leo_classroom::CLASS_CSV_HEADER);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // Ana reads English; Beto both.
    let keys: Vec<(&str, &str)> = rows.iter().map(|r| (&r[0], &r[3])).collect();
    assert_eq!(keys, [("Ana", "en"), ("Beto", "en"), ("Beto", "es")]);
    assert_eq!(&rows[0][5], "1");
    assert_eq!(&rows[0][6], format!("{:.0}", a.wcpm));

    let file = t.dir.path().join("2A.csv");
    assert_eq!(c.save_class_csv(class.id, &file).await.unwrap(), 3);
    let saved = std::fs::read_to_string(&file).unwrap();
    assert_eq!(saved, format!("{}{csv}", leo_classroom::CSV_FILE_MARK));
}

#[tokio::test]
async fn the_student_page_has_points_the_norm_line_errors_and_every_reading() {
    let t = support::open().await;
    let c = &t.classroom;
    let (_, ana, _) = support::class_with_students(c).await;
    let passage = support::passage_at(c, Lang::En, 3).await;
    let first = support::assessment(&passage, 40.0, 2);
    let second = support::assessment(&passage, 30.0, 1);
    let r1 = support::scored_reading(c, &ana, &passage, &first).await;
    let r2 = support::scored_reading(c, &ana, &passage, &second).await;
    let unscored = c.begin_recording(ana.id, &passage.id).await.unwrap();

    let page = c.student_page(ana.id, Lang::En).await.unwrap();
    assert_eq!(page.level, Some(3), "grade 2 starts at level 3");
    let ids: Vec<_> = page.points.iter().map(|p| p.reading_id).collect();
    assert_eq!(ids, [r1, r2]);
    assert!((page.points[1].wcpm - second.wcpm).abs() < 1e-9);
    // English grade 2 has a norm in every season: one norm point per reading, at its date,
    // and one two weeks either side so the line shows around a lone reading too.
    assert_eq!(page.norm.len(), 4);
    assert_eq!(page.norm[1].at, page.points[0].at);
    assert_eq!(page.norm[2].at, page.points[1].at);
    assert_eq!(
        page.points[0].at - page.norm[0].at,
        chrono::TimeDelta::days(14)
    );
    assert_eq!(
        page.norm[3].at - page.points[1].at,
        chrono::TimeDelta::days(14)
    );
    assert!(
        [50.0, 84.0, 100.0].contains(&page.norm[0].wcpm),
        "{:?}",
        page.norm
    );
    let substitutions = page
        .error_counts
        .iter()
        .find(|(s, _)| *s == WordStatus::Substitution)
        .unwrap()
        .1;
    assert_eq!(substitutions, 3);
    assert_eq!(page.readings.len(), 3);
    let last = &page.readings[2];
    assert_eq!(last.summary.id, unscored.reading_id);
    assert_eq!(last.summary.status, leo_store::ReadingStatus::Recorded);
    // Registered, never written: an empty file is not an interrupted WAV.
    assert!(!last.unfinished_recording);

    // A recording cut off by a crash: a WAV header whose sizes were never filled in.
    support::tone_wav(&unscored.wav_path, 2.0);
    let mut bytes = std::fs::read(&unscored.wav_path).unwrap();
    bytes[4..8].copy_from_slice(&0u32.to_le_bytes());
    bytes[40..44].copy_from_slice(&0u32.to_le_bytes());
    std::fs::write(&unscored.wav_path, bytes).unwrap();
    let page = c.student_page(ana.id, Lang::En).await.unwrap();
    assert!(page.readings[2].unfinished_recording);
    assert!(!page.readings[0].unfinished_recording);
}

#[tokio::test]
async fn the_reading_view_has_stars_corrections_and_what_to_read_next() {
    let t = support::open().await;
    let c = &t.classroom;
    let (_, ana, _) = support::class_with_students(c).await;
    let passage = support::passage_at(c, Lang::En, 3).await;
    let a = support::assessment(&passage, 30.0, 0);
    let id = support::scored_reading(c, &ana, &passage, &a).await;

    let view = c.reading_view(id).await.unwrap();
    assert_eq!(view.student.name, "Ana");
    assert_eq!(view.passage.passage.id, passage.id);
    assert!(view.stars.is_some_and(|s| (1..=3).contains(&s)));
    let next = view.next.expect("a next passage");
    assert_eq!(next.passage.passage.lang, Lang::En);
    assert!(!next.reason_en.is_empty() && !next.reason_es.is_empty());
    assert!(view.overrides.is_empty());

    let corrected = c
        .override_word(id, 0, WordStatus::Omission, "teacher")
        .await
        .unwrap();
    assert_eq!(corrected.overrides.len(), 1);
    let after = corrected.reading.assessment.unwrap();
    assert_eq!(after.words_correct, a.words_correct - 1);
    assert!(after.wcpm < a.wcpm);

    // The next passage for a language the student does not read is refused.
    let err = c.next_passage(ana.id, Lang::Es).await.unwrap_err();
    assert!(err.to_string().contains("reads only in English"), "{err}");
}

#[tokio::test]
async fn teachers_passages_get_a_suggested_level_and_an_id_from_the_title() {
    let t = support::open().await;
    let c = &t.classroom;
    let text = "The fox ran to the den. It was late. The fox was sleepy, so it lay down.";
    let suggestion = c.suggest_level(Lang::En, text);
    assert!((1..=12).contains(&suggestion.level));
    assert_eq!(suggestion.word_count, 17);
    let new = leo_classroom::NewPassage {
        lang: Lang::En,
        title: "Sleepy Fox".into(),
        topic: "animals".into(),
        text: format!("\u{feff}{text}\n"),
        level: None,
        id: None,
    };
    let added = c.add_passage(new.clone()).await.unwrap();
    assert_eq!(added.stored.passage.id, "en-t-sleepy-fox");
    assert_eq!(added.stored.passage.text, text);
    assert_eq!(added.stored.passage.level, suggestion.level);
    let again = c.add_passage(new.clone()).await.unwrap();
    assert_eq!(again.stored.passage.id, "en-t-sleepy-fox-2");
    let empty = leo_classroom::NewPassage {
        text: " \n".into(),
        ..new
    };
    assert!(matches!(
        c.add_passage(empty).await,
        Err(leo_classroom::ClassroomError::EmptyPassage)
    ));
}
