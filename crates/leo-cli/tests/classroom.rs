//! The classroom commands as a teacher runs them: the real `leo` binary on a fresh data folder,
//! readings synthesised with espeak-ng and scored on the real models (LEO_MODELS_DIR).

mod support;

use leo_passages::Library;
use support::{
    Leo, csv_rows, failed, files_under, number_after, passage_at, passage_lines, row, speak,
    stderr, words_judged,
};

fn word_count(passage: &str) -> usize {
    Library::builtin().get(passage).unwrap().word_count()
}

#[test]
fn a_class_reads_in_english_and_spanish_and_gets_reports() {
    let leo = Leo::new();
    assert!(leo.ok(&["class", "add", "3B"]).contains("3B"));
    assert!(leo.ok(&["class", "list"]).contains("3B"));
    let added = leo.ok(&[
        "student", "add", "--class", "3B", "--grade", "2", "--lang", "en", "Ana",
    ]);
    assert!(added.contains("starts at level 3"), "{added}");
    leo.ok(&[
        "student", "add", "--class", "3B", "--grade", "2", "--lang", "es", "Begoña",
    ]);
    let students = leo.ok(&["student", "list", "--class", "3B"]);
    assert!(
        students.contains("Ana") && students.contains("Begoña"),
        "{students}"
    );

    let listing = leo.ok(&["passages", "list"]);
    let lines = passage_lines(&listing);
    for lang in ["en", "es"] {
        let n = lines.iter().filter(|(_, l, ..)| l == lang).count();
        assert!(n >= 30, "only {n} {lang} passages:\n{listing}");
    }
    assert!(
        lines
            .iter()
            .all(|(_, _, level, words)| (1..=12).contains(level) && *words > 0)
    );
    let spanish = passage_lines(&leo.ok(&["passages", "list", "--lang", "es"]));
    assert!(!spanish.is_empty() && spanish.iter().all(|(_, l, ..)| l == "es"));

    // Each student reads a passage at their starting level, aloud by espeak-ng.
    let (en_id, en_text) = passage_at(&listing, "en", 3);
    let en_wav = leo.file("ana.wav");
    speak("en-us", &en_text, &en_wav);
    let read = leo.ok(&[
        "read",
        "--student",
        "Ana",
        "--passage",
        &en_id,
        "--audio",
        en_wav.to_str().unwrap(),
    ]);
    println!("{read}");
    let wcpm = number_after(&read, "WCPM:");
    let accuracy = number_after(&read, "Accuracy:");
    assert!(
        wcpm > 40.0,
        "clear synthetic speech should read fluently: {read}"
    );
    assert!(
        accuracy >= 80.0,
        "clear synthetic speech should read accurately: {read}"
    );
    assert!(read.contains("Level: 3 -> "), "{read}");
    assert_eq!(words_judged(&read), word_count(&en_id), "{read}");
    assert!(
        read.contains("Why: ") && read.contains("Por qué: "),
        "{read}"
    );

    let (es_id, es_text) = passage_at(&listing, "es", 3);
    let es_wav = leo.file("begona.wav");
    speak("es", &es_text, &es_wav);
    let read = leo.ok(&[
        "read",
        "--student",
        "Begoña",
        "--passage",
        &es_id,
        "--audio",
        es_wav.to_str().unwrap(),
    ]);
    println!("{read}");
    assert!(number_after(&read, "WCPM:") > 30.0, "{read}");
    assert!(number_after(&read, "Accuracy:") >= 70.0, "{read}");
    assert_eq!(words_judged(&read), word_count(&es_id), "{read}");

    // The next passage is a fresh one, explained in both languages.
    let rec = leo.ok(&["recommend", "--student", "Ana"]);
    println!("{rec}");
    let next = rec
        .lines()
        .find_map(|l| l.trim().strip_prefix("Next passage: "))
        .unwrap_or_else(|| panic!("no next passage:\n{rec}"));
    assert!(
        next.starts_with("en-") && !next.starts_with(&en_id),
        "{rec}"
    );
    assert!(rec.contains("Why: ") && rec.contains("Por qué: "), "{rec}");
    let asked = leo.run(&["recommend", "--student", "Ana", "--lang", "es"]);
    assert!(failed(&asked, &["recommend"]).contains("reads only in English"));

    let report = leo.run(&["report", "--class", "3B", "--csv"]);
    assert!(report.status.success(), "{}", stderr(&report));
    let rows = csv_rows(&report.stdout);
    assert_eq!(rows.len(), 2, "{rows:?}");
    let ana = row(&rows, "Ana", "en");
    assert_eq!(&ana[5], "1", "one scored reading: {ana:?}");
    assert!(
        ana[4].parse::<u8>().is_ok_and(|l| (2..=4).contains(&l)),
        "{ana:?}"
    );
    assert_eq!(ana[6].parse::<f64>().unwrap(), wcpm.round());
    assert!(ana[8].len() == 10, "a date: {ana:?}");
    let out = leo.file("report.csv");
    leo.ok(&[
        "report",
        "--class",
        "3B",
        "--csv",
        "--out",
        out.to_str().unwrap(),
    ]);
    let from_file = csv_rows(&std::fs::read(&out).unwrap());
    assert_eq!(&row(&from_file, "Begoña", "es")[5], "1");

    // Export, then erase, the Spanish reader: the archive holds her recording; afterwards
    // it is gone from the data folder and Ana's is not.
    let zip_path = leo.file("begona.zip");
    let exported = leo.ok(&[
        "student",
        "export",
        "--class",
        "3B",
        "Begoña",
        "--out",
        zip_path.to_str().unwrap(),
    ]);
    assert!(exported.contains("1 reading, 1 recording"), "{exported}");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
    let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    assert!(names.contains(&"student.json".to_owned()), "{names:?}");
    let her_wav = names
        .iter()
        .find(|n| n.ends_with(".wav"))
        .expect("recording in zip");
    let json: serde_json::Value =
        serde_json::from_reader(zip.by_name("student.json").unwrap()).unwrap();
    assert_eq!(json["student"]["name"], "Begoña");
    let her_folder = leo.data_dir().join(her_wav).parent().unwrap().to_path_buf();
    assert_eq!(files_under(&her_folder).len(), 1);

    let deleted = leo.ok(&["student", "delete", "--class", "3B", "Begoña"]);
    assert!(deleted.contains("1 reading, 1 recording"), "{deleted}");
    assert!(
        files_under(&her_folder).is_empty(),
        "recordings left in {her_folder:?}"
    );
    let left = files_under(&leo.data_dir().join("recordings"));
    assert_eq!(left.len(), 1, "Ana's recording stays: {left:?}");
    assert!(
        !leo.ok(&["student", "list", "--class", "3B"])
            .contains("Begoña")
    );
    assert!(
        leo.fails(&["recommend", "--student", "Begoña"])
            .contains("no student named")
    );
}

#[test]
fn mistakes_are_clear_errors() {
    let leo = Leo::new();
    leo.ok(&["class", "add", "3B"]);
    let err = leo.fails(&["class", "add", "3b"]);
    assert!(err.contains("already exists"), "{err}");
    let err = leo.fails(&["student", "add", "--class", "9Z", "--grade", "2", "Ana"]);
    assert!(
        err.contains("no class named \"9Z\"") && err.contains("leo class list"),
        "{err}"
    );
    let err = leo.fails(&["student", "add", "--class", "3B", "--grade", "9", "Ana"]);
    assert!(err.contains("grade 9"), "{err}");
    leo.ok(&[
        "student", "add", "--class", "3B", "--grade", "2", "--lang", "en", "Ana",
    ]);
    let err = leo.fails(&["student", "add", "--class", "3B", "--grade", "3", "ana"]);
    assert!(err.contains("already has a student"), "{err}");

    let wav = leo.file("missing.wav");
    let wav = wav.to_str().unwrap();
    let err = leo.fails(&[
        "read",
        "--student",
        "Nobody",
        "--passage",
        "x",
        "--audio",
        wav,
    ]);
    assert!(err.contains("no student named \"Nobody\""), "{err}");
    let err = leo.fails(&[
        "read",
        "--student",
        "Ana",
        "--passage",
        "en-99-none",
        "--audio",
        wav,
    ]);
    assert!(
        err.contains("no passage \"en-99-none\"") && err.contains("passages list"),
        "{err}"
    );
    let spanish = Library::builtin()
        .by_lang(leo_text::Lang::Es)
        .next()
        .unwrap()
        .id
        .clone();
    let err = leo.fails(&[
        "read",
        "--student",
        "Ana",
        "--passage",
        &spanish,
        "--audio",
        wav,
    ]);
    assert!(err.contains("reads only in English"), "{err}");
    let english = Library::builtin()
        .by_lang(leo_text::Lang::En)
        .next()
        .unwrap()
        .id
        .clone();
    let err = leo.fails(&[
        "read",
        "--student",
        "Ana",
        "--passage",
        &english,
        "--audio",
        wav,
    ]);
    assert!(err.contains("not found"), "{err}");
    assert!(files_under(&leo.data_dir().join("recordings")).is_empty());

    // Two classes with an Ana: the class must be named.
    leo.ok(&["class", "add", "4A"]);
    leo.ok(&["student", "add", "--class", "4A", "--grade", "4", "Ana"]);
    let err = leo.fails(&["recommend", "--student", "Ana"]);
    assert!(
        err.contains("2 students are named \"Ana\"") && err.contains("--class"),
        "{err}"
    );
    let rec = leo.ok(&["recommend", "--student", "Ana", "--class", "4A"]);
    assert!(
        rec.contains("English") && rec.contains("Spanish"),
        "reads both: {rec}"
    );

    let empty = leo.file("empty.txt");
    std::fs::write(&empty, "  \n\n").unwrap();
    let err = leo.fails(&[
        "passages",
        "add",
        "--lang",
        "en",
        "--title",
        "Nothing",
        "--file",
        empty.to_str().unwrap(),
    ]);
    assert!(err.contains("is empty"), "{err}");
    let err = leo.fails(&["report", "--class", "5C", "--csv"]);
    assert!(err.contains("no class named \"5C\""), "{err}");
}

#[test]
fn teachers_passages_get_a_suggested_level_and_join_the_list() {
    let leo = Leo::new();
    let file = leo.file("fox.txt");
    std::fs::write(
        &file,
        "The fox ran to the den. It was late. The fox was sleepy, so it lay down and shut its \
         eyes. The moon came up over the hill.",
    )
    .unwrap();
    let added = leo.ok(&[
        "passages",
        "add",
        "--lang",
        "en",
        "--title",
        "Sleepy Fox",
        "--file",
        file.to_str().unwrap(),
        "--topic",
        "animals",
    ]);
    let suggested = number_after(&added, "Suggested level:");
    assert!((1.0..=4.0).contains(&suggested), "short easy text: {added}");
    let listing = leo.ok(&["passages", "list", "--lang", "en"]);
    let mine = passage_lines(&listing)
        .into_iter()
        .find(|(id, ..)| id == "en-t-sleepy-fox")
        .unwrap_or_else(|| panic!("not listed:\n{listing}"));
    assert_eq!(f64::from(mine.2), suggested);
    assert_eq!(mine.3, 28);
    // The same title again gets its own id rather than an error.
    let again = leo.ok(&[
        "passages",
        "add",
        "--lang",
        "en",
        "--title",
        "Sleepy Fox",
        "--file",
        file.to_str().unwrap(),
        "--level",
        "6",
    ]);
    assert!(
        again.contains("en-t-sleepy-fox-2") && again.contains("at level 6"),
        "{again}"
    );
}

#[test]
fn a_reading_that_cannot_be_scored_is_kept_and_rescored() {
    let leo = Leo::new();
    leo.ok(&["class", "add", "2A"]);
    leo.ok(&[
        "student", "add", "--class", "2A", "--grade", "2", "--lang", "en", "Leo",
    ]);
    let listing = leo.ok(&["passages", "list", "--lang", "en"]);
    let (id, text) = passage_at(&listing, "en", 4);
    let wav = leo.file("leo.wav");
    speak("en-us", &text, &wav);
    let read = [
        "read",
        "--student",
        "Leo",
        "--passage",
        &id,
        "--audio",
        wav.to_str().unwrap(),
    ];

    // No models installed: the recording is kept, the reading marked for a later try.
    let no_models = leo.file("no-models");
    std::fs::create_dir_all(&no_models).unwrap();
    let out = leo.run_with_models(no_models.to_str().unwrap(), &read);
    let err = failed(&out, &read);
    assert!(
        err.contains("could not be scored") && err.contains("leo rescore"),
        "{err}"
    );
    assert!(err.contains("tiny.en"), "names the missing model: {err}");
    let kept = files_under(&leo.data_dir().join("recordings"));
    assert_eq!(kept.len(), 1, "{kept:?}");
    let audio = leo_audio::load_wav(&kept[0]).unwrap();
    assert_eq!(
        audio.samples.len(),
        leo_audio::load_wav(&wav).unwrap().samples.len()
    );
    let report = leo.run(&["report", "--class", "2A", "--csv"]);
    assert_eq!(&row(&csv_rows(&report.stdout), "Leo", "en")[5], "0");

    let rescored = leo.ok(&["rescore"]);
    assert!(
        rescored.contains("#1 Leo") && rescored.contains("WCPM"),
        "{rescored}"
    );
    let report = leo.run(&["report", "--class", "2A", "--csv"]);
    assert_eq!(&row(&csv_rows(&report.stdout), "Leo", "en")[5], "1");
    assert!(leo.ok(&["rescore"]).contains("Nothing to rescore"));

    // Retention: nothing is a month old; with zero days the recording goes, the score stays.
    assert!(
        leo.ok(&["retention", "--days", "30"])
            .contains("No recordings")
    );
    let removed = leo.ok(&["retention", "--days", "0"]);
    assert!(
        removed.contains("1 reading") && removed.contains("1 file"),
        "{removed}"
    );
    assert!(files_under(&leo.data_dir().join("recordings")).is_empty());
    let report = leo.run(&["report", "--class", "2A", "--csv"]);
    assert_eq!(&row(&csv_rows(&report.stdout), "Leo", "en")[5], "1");
}
