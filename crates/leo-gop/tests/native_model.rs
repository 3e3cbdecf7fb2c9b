//! The native English model on real speech (espeak-ng), loaded from LEO_MODELS_DIR as
//! `leo models install pocketsphinx-en-us` leaves it.

use std::path::PathBuf;

use leo_gop::Aligner;

fn models_dir() -> PathBuf {
    std::env::var_os("LEO_MODELS_DIR")
        .map(PathBuf::from)
        .expect("LEO_MODELS_DIR is not set: run the tests with `make test`")
}

/// espeak-ng at a child's reading pace: at its default 175 words per minute some sounds last
/// less than the three 10 ms frames the model's sounds need, and the end of the text is not
/// reached.
fn speech(text: &str) -> Vec<f32> {
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("speech.wav");
    leo_testkit::speak_at(text, "en-us", 130, &wav);
    leo_audio::load_wav(&wav).unwrap().samples
}

fn words(text: &str) -> Vec<Vec<String>> {
    text.split_whitespace()
        .map(|w| vec![w.to_string()])
        .collect()
}

fn mean(g: &[Option<leo_gop::WordGoodness>]) -> f64 {
    let known: Vec<f64> = g.iter().flatten().map(|g| g.per_frame).collect();
    known.iter().sum::<f64>() / known.len() as f64
}

#[test]
fn the_words_said_fit_the_recording_better_than_other_words() {
    let mut aligner = Aligner::load(&models_dir()).unwrap();
    let audio = speech("the cat sat on the mat");
    let said = aligner
        .goodness(&audio, &words("the cat sat on the mat"))
        .unwrap();
    assert_eq!(said.len(), 6);
    eprintln!("{said:?}");
    // espeak-ng’s last word, run into the end of the recording, may be left unaligned.
    assert!(
        said[..5]
            .iter()
            .all(|g| g.is_some_and(|g| g.frames >= 3 && g.per_frame <= 0.0))
    );
    // Text with nothing in common with the recording may not align at all.
    match aligner.goodness(&audio, &words("a dog ran up my tree")) {
        Ok(other) => assert!(
            mean(&said) > mean(&other) + 0.5,
            "said {:.2}, other {:.2}",
            mean(&said),
            mean(&other)
        ),
        Err(e) => assert!(matches!(e, leo_gop::GopError::NoAlignment)),
    }
    // One wrong word stands out from the right ones around it.
    let one_wrong = aligner
        .goodness(&audio, &words("the cat fish on the mat"))
        .unwrap();
    let wrong = one_wrong[2].unwrap().per_frame;
    let right = said[2].unwrap().per_frame;
    assert!(wrong < right - 0.5, "fish {wrong:.2}, sat {right:.2}");
}

#[test]
fn words_the_dictionary_lacks_are_left_out_and_the_rest_still_judged() {
    let mut aligner = Aligner::load(&models_dir()).unwrap();
    assert!(aligner.knows("cat"));
    assert!(!aligner.knows("qzxvbnt"));
    let audio = speech("the cat sat on the mat");
    let g = aligner
        .goodness(&audio, &words("the cat qzxvbnt on the mat"))
        .unwrap();
    assert!(g[2].is_none());
    assert_eq!(g.iter().filter(|g| g.is_some()).count(), 5);
    // A word given as two dictionary words (a number read out, a hyphenated word) is one
    // entry, spanning both.
    let split = vec![
        vec!["the".to_string()],
        vec!["cat".to_string(), "sat".to_string()],
        vec!["on".to_string()],
        vec!["the".to_string()],
        vec!["mat".to_string()],
    ];
    let joined = aligner.goodness(&audio, &split).unwrap();
    assert_eq!(joined.len(), 5);
    assert!(joined[1].unwrap().frames > g[1].unwrap().frames);
}

#[test]
fn silence_and_an_empty_word_list_give_no_goodness_and_no_panic() {
    let mut aligner = Aligner::load(&models_dir()).unwrap();
    assert!(aligner.goodness(&[], &[]).unwrap().is_empty());
    let silence = vec![0.0f32; 16_000];
    // Either no alignment or words squeezed into silence; never a panic.
    match aligner.goodness(&silence, &words("the cat")) {
        Ok(g) => assert_eq!(g.len(), 2),
        Err(e) => assert!(matches!(e, leo_gop::GopError::NoAlignment)),
    }
    let audio = speech("hello");
    assert_eq!(aligner.goodness(&audio, &[vec![]]).unwrap(), vec![None]);
}

#[test]
fn the_model_installer_and_the_aligner_agree_on_where_the_model_lives() {
    assert!(leo_models::pronunciation_model_present(&models_dir()));
    assert!(Aligner::is_installed(&models_dir()));
    let empty = tempfile::tempdir().unwrap();
    assert!(!Aligner::is_installed(empty.path()));
}
