//! Real recognition with the converted models on synthetic readings made by espeak-ng.

mod support;

use std::path::Path;
use std::sync::OnceLock;

use leo_asr::{Language, Request, SpeechWorker, Transcript};

const ENGLISH: &str = "Tom has a small red boat. Every Saturday he takes it to the lake near \
his house. His little sister likes to sit in the back and count the birds. One day the wind was \
strong and the boat moved fast across the water. Tom held the rope and his sister laughed all \
the way to the other side.";

const SPANISH: &str = "El perro de mi amigo es grande y muy bonito. Todos los días vamos al \
parque a jugar con la pelota. Después comemos pan con queso y bebemos agua fresca. Por la tarde \
leemos un libro en la casa de mi abuela, que tiene un jardín con muchas flores.";

/// One worker per model for the whole test binary: loading is the slow part.
fn worker(name: &'static str) -> &'static SpeechWorker {
    static TINY: OnceLock<SpeechWorker> = OnceLock::new();
    static BASE: OnceLock<SpeechWorker> = OnceLock::new();
    let cell = if name == "base" { &BASE } else { &TINY };
    cell.get_or_init(|| SpeechWorker::spawn(&support::model(name), Default::default()).unwrap())
}

fn transcribe(model: &'static str, wav: &Path, language: Language) -> Transcript {
    let audio = leo_audio::load_wav(wav).unwrap();
    worker(model)
        .transcribe(Request::new(audio.samples, language))
        .unwrap()
}

fn assert_times_ordered_and_inside(t: &Transcript) {
    let mut previous_start = 0.0;
    for w in &t.words {
        assert!(
            w.start >= previous_start,
            "{} starts before the word before it",
            w.text
        );
        assert!(w.end >= w.start, "{} ends before it starts", w.text);
        assert!(
            w.end <= t.duration_s + 1e-9,
            "{} ends after the audio",
            w.text
        );
        assert!((0.0..=1.0).contains(&w.p));
        previous_start = w.start;
    }
    let first = t.words.first().unwrap();
    let last = t.words.last().unwrap();
    assert!(
        last.end - first.start > 0.6 * t.duration_s,
        "words should span most of the reading"
    );
}

#[test]
fn english_reading_on_tiny_en_has_low_word_error_rate() {
    assert!(ENGLISH.split_whitespace().count() >= 40);
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("en.wav");
    support::speak("en-us", 150, ENGLISH, &wav);
    let t = transcribe("tiny.en", &wav, Language::En);
    let wer = support::wer(ENGLISH, &t.text);
    assert!(wer <= 0.10, "WER {wer:.3}: {}", t.text);
    assert_times_ordered_and_inside(&t);
    assert_eq!(t.words.len(), support::normalise(&t.text).len());
}

#[test]
fn spanish_reading_on_base_has_acceptable_word_error_rate() {
    assert!(SPANISH.split_whitespace().count() >= 40);
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("es.wav");
    support::speak("es", 140, SPANISH, &wav);
    let t = transcribe("base", &wav, Language::Es);
    let wer = support::wer(SPANISH, &t.text);
    assert!(wer <= 0.25, "WER {wer:.3}: {}", t.text);
    assert_times_ordered_and_inside(&t);
}

#[test]
fn a_pause_in_the_reading_shows_in_the_word_times() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, joined) = (
        dir.path().join("a.wav"),
        dir.path().join("b.wav"),
        dir.path().join("ab.wav"),
    );
    support::speak("en-us", 150, "The cat sat on the mat.", &a);
    support::speak("en-us", 150, "Then it went to sleep.", &b);
    let first = leo_audio::load_wav(&a).unwrap().samples;
    let second = leo_audio::load_wav(&b).unwrap().samples;
    let mut samples = first.clone();
    samples.extend(std::iter::repeat_n(0.0, 16_000 * 3));
    samples.extend(&second);
    leo_audio::write_wav_16k(&joined, &samples).unwrap();
    let t = transcribe("tiny.en", &joined, Language::En);
    // The longest gap between consecutive words is the pause, and it has its real length.
    let (i, gap) = t
        .words
        .windows(2)
        .enumerate()
        .map(|(i, w)| (i, w[1].start - w[0].end))
        .fold((0, f64::MIN), |best, x| if x.1 > best.1 { x } else { best });
    let spoken_at = (first.len() + 3 * 16_000) as f64 / 16_000.0;
    let after = &t.words[i + 1];
    assert_eq!(t.words.len(), 11, "{}", t.text);
    assert_eq!(i, 5, "the pause follows the sixth word: {}", t.text);
    assert!((gap - 3.2).abs() < 0.4, "pause measured as {gap:.2}s");
    assert!(
        (after.start - spoken_at).abs() < 0.25,
        "{} at {:.2}s, spoken at {spoken_at:.2}s",
        after.text,
        after.start
    );
}

fn white_noise(seconds: usize, amplitude: f32) -> Vec<f32> {
    let mut x = 0x9E37_79B9u32;
    (0..seconds * 16_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            amplitude * ((x as f32 / u32::MAX as f32) * 2.0 - 1.0)
        })
        .collect()
}

#[test]
fn silence_and_white_noise_give_no_words_on_either_model() {
    let cases = [
        ("silence", vec![0.0f32; 5 * 16_000]),
        ("white noise", white_noise(5, 0.3)),
        ("faint noise", white_noise(5, 0.02)),
    ];
    for (what, samples) in cases {
        for (model, language) in [
            ("tiny.en", Language::En),
            ("base", Language::Es),
            ("base", Language::En),
        ] {
            let t = worker(model)
                .transcribe(Request::new(samples.clone(), language))
                .unwrap();
            assert!(
                t.words.is_empty(),
                "{what} on {model}/{language:?} gave {:?}",
                t.text
            );
            assert_eq!(t.duration_s, 5.0);
        }
    }
}

#[test]
fn english_only_model_refuses_spanish_and_empty_audio_is_an_error() {
    let err = worker("tiny.en")
        .transcribe(Request::new(vec![0.1; 16_000], Language::Es))
        .unwrap_err();
    assert!(err.to_string().contains("--model base"), "{err}");
    let err = worker("tiny.en")
        .transcribe(Request::new(Vec::new(), Language::En))
        .unwrap_err();
    assert!(matches!(err, leo_asr::AsrError::EmptyAudio));
}

#[test]
fn a_short_word_under_one_second_is_still_heard() {
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("short.wav");
    support::speak("en-us", 160, "Hello.", &wav);
    let t = transcribe("tiny.en", &wav, Language::En);
    assert!(t.duration_s < 1.0);
    assert_eq!(support::normalise(&t.text), vec!["hello"]);
}
