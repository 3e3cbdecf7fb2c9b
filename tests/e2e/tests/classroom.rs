//! A school day, driven through the app's window as its users would: the teacher sets a PIN
//! and creates a class and a student; the student records the recommended passage (the virtual
//! microphone plays an espeak-ng reading of it) and gets a result; the teacher reviews the
//! reading, corrects one word, and the accuracy shown changes. Screenshots of each screen are
//! saved in artifacts/e2e/classroom/.

use std::time::Duration;

use leo_e2e::{
    Driver, PIN, Screen, Session, VirtualMic, app_binary, artifacts_dir, reading_env, speak_at,
    unlock_teacher,
};

/// Whisper on two cores, plus the model's first load: generous, since a loaded CI machine is
/// many times slower than an idle one.
const SCORING_TIMEOUT: Duration = Duration::from_secs(240);

/// The number in a shown value such as "96%" or "142".
fn number_in(text: &str) -> f64 {
    let digits: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no number in {text:?}"))
}

async fn set_up_class(app: &Session) {
    app.wait("no-classes").await;
    app.screenshot("01-home-empty").await;
    app.click("teacher-button").await;
    app.wait_attr(
        "pin-form",
        "data-mode",
        &["create"],
        Duration::from_secs(10),
    )
    .await;
    app.type_into("pin-input", PIN).await;
    app.type_into("pin-confirm", PIN).await;
    app.click("pin-submit").await;
    app.type_into("new-class-name", "3B").await;
    app.click("create-class").await;
    app.wait("open-class-1").await;
    app.type_into("new-student-name", "Ana García").await;
    app.wait("new-student-grade")
        .await
        .select_by_value("3")
        .await
        .expect("cannot choose the grade");
    app.click("new-student-lang-en").await;
    app.click("create-student").await;
    app.wait("created-message").await;
    app.screenshot("02-teacher-classes").await;
    app.click("teacher-lock").await;
}

/// Reads the passage shown aloud into the microphone once recording is on; returns the
/// reading's words as shown.
async fn read_recommended_passage(app: &Session, mic: &VirtualMic) -> String {
    app.click("class-1").await;
    app.click("student-1").await;
    let passage = app.text("passage-text").await;
    assert!(
        passage.split_whitespace().count() >= 10,
        "the recommended passage is too short to read: {passage:?}"
    );
    app.screenshot("03-reading").await;

    let wav = tempfile::Builder::new()
        .suffix(".wav")
        .tempfile()
        .expect("temp wav");
    // At a third-grader's pace: espeak-ng's default 175 words a minute blurs short words.
    speak_at(&passage, "en-us", 130, wav.path());

    let mut player = app.start_reading_aloud(mic, wav.path()).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(
        app.attr("level-meter", "data-level").await.is_some(),
        "the level meter shows no level while speech plays"
    );
    app.screenshot("04-recording").await;
    let played = tokio::task::spawn_blocking(move || player.wait())
        .await
        .expect("join")
        .expect("paplay");
    assert!(played.success(), "paplay failed");
    // The last word's tail travels through PulseAudio and the recorder's buffers.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    app.click("stop-button").await;
    // Recognition takes seconds: the screen shows where scoring is meanwhile.
    app.wait_attr(
        "scoring-progress",
        "data-stage",
        &["listening", "scoring"],
        Duration::from_secs(20),
    )
    .await;
    app.screenshot("04-scoring").await;
    passage
}

#[tokio::test(flavor = "multi_thread")]
async fn a_student_reads_and_the_teacher_reviews_the_reading() {
    let artifacts = artifacts_dir("classroom");
    let screen = Screen::start();
    let mic = VirtualMic::start();
    // Kept with the screenshots: the database and the recording, to look at after a run.
    let data = artifacts.join("data");
    let env = reading_env(&screen, &mic, &data);
    let driver = Driver::start(&env, &artifacts.join("driver.log"));
    let app = driver.launch(&app_binary(), &artifacts).await;

    set_up_class(&app).await;
    let passage = read_recommended_passage(&app, &mic).await;

    app.wait_for("result-wcpm", SCORING_TIMEOUT).await;
    app.screenshot("05-result").await;
    let words = app.all_with_prefix("word-").await;
    let mut correct = 0;
    for w in &words {
        if w.attr("data-status").await.expect("status").as_deref() == Some("correct") {
            correct += 1;
        }
    }
    let passage_words = passage.split_whitespace().count();
    assert!(
        words.len() + 2 >= passage_words,
        "the result shows {} words of a {passage_words}-word passage",
        words.len()
    );
    let correct_share = correct as f64 / words.len() as f64;
    let accuracy = number_in(&app.text("result-accuracy").await);
    let wcpm = number_in(&app.text("result-wcpm").await);
    println!(
        "result: {correct}/{} words correct, accuracy shown {accuracy}%, {wcpm} WCPM",
        words.len()
    );
    assert!(
        correct_share >= 0.90,
        "only {correct} of {} words were read correctly",
        words.len()
    );
    assert!(accuracy >= 90.0, "accuracy shown {accuracy}%");
    // Spoken at 130 words a minute, with pauses at punctuation.
    assert!(
        (90.0..=200.0).contains(&wcpm),
        "implausible words correct per minute: {wcpm}"
    );
    assert!(app.is_shown("next-passage").await, "no next passage shown");
    // The same result in Spanish: the reason for the next passage is the engine's own.
    let reason_en = app.text("next-reason").await;
    app.click("ui-lang-es").await;
    let mut reason_es = app.text("next-reason").await;
    for _ in 0..50 {
        if reason_es != reason_en {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        reason_es = app.text("next-reason").await;
    }
    app.screenshot("05-result-es").await;
    assert_ne!(reason_en, reason_es, "the reason is not given in Spanish");
    app.click("ui-lang-en").await;

    // The teacher reviews the reading.
    app.click("result-done").await;
    unlock_teacher(&app).await;
    app.click("open-class-1").await;
    app.wait("row-1").await;
    app.screenshot("06-class-overview").await;
    app.click("open-student-1").await;
    app.wait("trend-chart").await;
    app.screenshot("07-student").await;
    let mut review = Vec::new();
    for el in app.all_with_prefix("review-").await {
        let id = el
            .attr("data-testid")
            .await
            .expect("testid")
            .unwrap_or_default();
        if id["review-".len()..].chars().all(|c| c.is_ascii_digit()) {
            review.push(el);
        }
    }
    assert_eq!(review.len(), 1, "one reading is listed for review");
    review[0].click().await.expect("open the review");
    let before = app.text("review-accuracy").await;
    // The recording plays from the word clicked: a word a few seconds in.
    app.click("word-12").await;
    let (duration, position) = audio_position(&app).await;
    println!("review audio: {duration:.1} s long, at {position:.2} s after clicking word 12");
    assert!(
        duration > 10.0,
        "the review's audio is not loaded: {duration} s"
    );
    assert!(
        (1.5..duration).contains(&position),
        "the audio did not jump to the clicked word: at {position} s"
    );
    let first_word = app.wait("word-0").await;
    let was = first_word.attr("data-status").await.expect("status");
    first_word.click().await.expect("choose the first word");
    app.wait("status-chooser").await;
    let new_status = if was.as_deref() == Some("correct") {
        "substitution"
    } else {
        "correct"
    };
    app.click(&format!("status-option-{new_status}")).await;
    app.wait_attr(
        "word-0",
        "data-status",
        &[new_status],
        Duration::from_secs(10),
    )
    .await;
    let after = app.text("review-accuracy").await;
    app.screenshot("08-review").await;
    assert_ne!(
        before, after,
        "the accuracy shown did not change after the correction"
    );
    app.wait("override-list").await;

    // The teacher adds a passage of their own and gets a suggested level for it.
    app.click("nav-passages").await;
    app.wait("passage-list").await;
    app.wait("new-passage-lang")
        .await
        .select_by_value("es")
        .await
        .expect("choose Spanish");
    app.type_into("new-passage-title", "El huerto de la escuela")
        .await;
    app.type_into("new-passage-topic", "plantas").await;
    app.type_into(
        "new-passage-text",
        "En el patio de la escuela hay un huerto pequeño. Los niños plantan tomates, \
         lechugas y zanahorias. Cada mañana riegan las plantas con una regadera verde. \
         Cuando llega el verano, recogen las verduras y preparan una ensalada para todos.",
    )
    .await;
    let level = app
        .wait_attr(
            "suggested-level",
            "data-level",
            &[
                "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
            ],
            Duration::from_secs(10),
        )
        .await;
    app.screenshot("09-passages").await;
    app.click("save-passage").await;
    app.wait("passage-saved").await;
    println!("teacher's passage saved at suggested level {level}");
    app.close().await;
    drop(driver);
}

/// The review player's duration and position, once it has loaded the recording.
async fn audio_position(app: &Session) -> (f64, f64) {
    let script = "const a = document.querySelector('[data-testid=\"review-audio\"]'); \
                  return a ? [a.duration || 0, a.currentTime] : [0, 0];";
    let start = std::time::Instant::now();
    loop {
        let v = app
            .client
            .execute(script, vec![])
            .await
            .expect("audio state");
        let pair: Vec<f64> = serde_json::from_value(v).unwrap_or_default();
        if let [duration, position] = pair[..]
            && duration.is_finite()
            && duration > 0.0
            && position > 0.0
        {
            return (duration, position);
        }
        if start.elapsed() > Duration::from_secs(10) {
            app.fail("the review's audio never loaded or moved").await;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
