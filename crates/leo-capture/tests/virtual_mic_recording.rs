//! Recording through the real capture path (cpal → ALSA → PulseAudio) from a virtual
//! microphone. Each test runs in a child process pointed at a private PulseAudio server (see
//! `leo_testkit::VirtualMic`), because ALSA finds the server through environment variables.

mod support;

use std::time::{Duration, Instant};

use leo_capture::{
    CaptureEvent, LEVELS_PER_SECOND, RecorderOptions, SAMPLE_RATE, list_input_devices,
};
use leo_testkit::VirtualMic;
use support::{Recording, read_wav_16k, rms};

/// ALSA through PulseAudio delivers the first samples 1.4–2 s after the stream starts.
const FIRST_SAMPLES_TIMEOUT: Duration = Duration::from_secs(10);

fn options(dir: &tempfile::TempDir) -> RecorderOptions {
    RecorderOptions {
        device_id: None,
        wav_path: dir.path().join("reading.wav"),
    }
}

fn wait_started(recording: &mut Recording) -> Duration {
    let (at, _) = recording.wait_for("Started", FIRST_SAMPLES_TIMEOUT, |event| {
        matches!(event, CaptureEvent::Started { .. })
    });
    at - recording.started_at
}

/// Envelope (RMS per 10 ms) of a 16 kHz signal.
fn envelope(samples: &[f32]) -> Vec<f32> {
    samples.chunks(160).map(rms).collect()
}

/// The lag (in samples of `long`) where `short` fits best, by normalized correlation.
fn best_lag(long: &[f32], short: &[f32], lags: std::ops::Range<usize>) -> (usize, f32) {
    let short_norm = short.iter().map(|x| x * x).sum::<f32>().sqrt();
    lags.filter(|&lag| lag + short.len() <= long.len())
        .map(|lag| {
            let window = &long[lag..lag + short.len()];
            let dot: f32 = window.iter().zip(short).map(|(a, b)| a * b).sum();
            let norm = window.iter().map(|x| x * x).sum::<f32>().sqrt() * short_norm;
            (lag, if norm > 0.0 { dot / norm } else { 0.0 })
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .expect("the recording should be longer than the speech")
}

#[test]
fn records_speech_played_into_the_microphone() {
    let Some(mic) = VirtualMic::run_test_in_child("records_speech_played_into_the_microphone")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let speech_path = dir.path().join("speech.wav");
    leo_testkit::speak(
        "The little red hen found a grain of wheat in the farmyard.",
        "en-us",
        &speech_path,
    );
    let speech = leo_audio::load_wav(&speech_path).unwrap().samples;
    let speech_seconds = speech.len() as f64 / f64::from(SAMPLE_RATE);

    let mut recording = Recording::start(options(&dir));
    let latency = wait_started(&mut recording);
    // Half a second of silent lead-in, measured in recorded samples.
    let lead_in = recording.wait_for_recorded(0.5, Duration::from_secs(5));
    let played_at = Instant::now();
    mic.play(&speech_path);
    let play_took = played_at.elapsed();
    let end = recording.wait_for_recorded(lead_in + speech_seconds + 0.5, Duration::from_secs(10));
    let summary = recording.stop().expect("stop should finalize the file");

    let (spec, recorded) = read_wav_16k(&summary.path);
    let levels = recording.levels();
    let loudest = levels.iter().map(|l| l.0).fold(0.0, f32::max);
    let level_rate = levels.len() as f64 / summary.seconds;
    let arrivals = recording.level_arrivals();
    let longest_gap = arrivals
        .windows(2)
        .map(|w| w[1] - w[0])
        .max()
        .unwrap_or_default();
    println!(
        "first samples after {latency:?}; speech {speech_seconds:.2} s, paplay took {play_took:?}; \
         recorded {} samples ({:.2} s), overflowed {} frames, {} xruns; {} level events = \
         {level_rate:.2} per second of audio, at most {longest_gap:?} apart, loudest rms {loudest:.3}; events: {:?}",
        summary.samples_16k,
        summary.seconds,
        summary.overflowed_frames,
        summary.xruns,
        levels.len(),
        recording.summary()
    );

    assert_eq!(
        (spec.sample_rate, spec.channels, spec.bits_per_sample),
        (16_000, 1, 16)
    );
    assert_eq!(recorded.len() as u64, summary.samples_16k);
    assert!((summary.seconds - summary.samples_16k as f64 / 16_000.0).abs() < 1e-9);
    assert!(summary.seconds >= end, "{} < {end}", summary.seconds);
    assert_eq!(summary.overflowed_frames, 0);
    assert!(!summary.device_lost);
    assert!(loudest > 0.02, "the level meter never showed speech");
    assert!(
        (f64::from(LEVELS_PER_SECOND) - 1.5..=f64::from(LEVELS_PER_SECOND) + 0.5)
            .contains(&level_rate),
        "level events at {level_rate} per second of audio"
    );

    // Where is the speech in the recording? Coarse search on the envelopes, then sample-exact.
    let (env_lag, env_corr) = best_lag(&envelope(&recorded), &envelope(&speech), 0..recorded.len());
    let coarse = env_lag * 160;
    let (lag, corr) = best_lag(&recorded, &speech, coarse.saturating_sub(320)..coarse + 320);
    let lag_seconds = lag as f64 / 16_000.0;
    let speech_rms = rms(&recorded[lag..lag + speech.len()]);
    let lead_in_rms = rms(&recorded[..(lead_in * 16_000.0) as usize]);
    println!(
        "speech found at {lag_seconds:.3} s of the recording (playback began after {lead_in:.3} s \
         had been recorded); envelope correlation {env_corr:.4}, waveform correlation {corr:.4}; \
         rms speech {speech_rms:.4} vs lead-in {lead_in_rms:.5}"
    );
    assert!(
        corr > 0.9,
        "the recording does not match the played speech (r = {corr})"
    );
    assert!(
        lag_seconds >= lead_in - 0.05,
        "speech found before it was played"
    );
    assert!(
        speech_rms > 20.0 * lead_in_rms.max(1e-4),
        "speech is not louder than the lead-in"
    );
}

#[test]
fn the_file_is_valid_on_disk_while_recording() {
    let Some(_mic) = VirtualMic::run_test_in_child("the_file_is_valid_on_disk_while_recording")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let options = options(&dir);
    let path = options.wav_path.clone();
    let mut recording = Recording::start(options);
    wait_started(&mut recording);
    let before = recording.wait_for_recorded(1.5, Duration::from_secs(5));

    // What a crash at this instant would leave: the file as it is on disk now.
    let (spec, on_disk) = read_wav_16k(&path);
    let after = recording.wait_for_recorded(before + 0.05, Duration::from_secs(5));
    println!(
        "{} samples readable on disk while {:.0}..{:.0} had been written",
        on_disk.len(),
        before * 16_000.0,
        after * 16_000.0
    );
    assert_eq!((spec.sample_rate, spec.channels), (16_000, 1));
    // `after` bounds what had been written when the file was read.
    assert!(
        on_disk.len() as f64 >= (after - 1.0) * 16_000.0,
        "only {} samples on disk after {after:.2} s recorded",
        on_disk.len()
    );
    let summary = recording.stop().unwrap();
    assert!(summary.samples_16k as usize >= on_disk.len());
}

#[test]
fn silence_of_the_device_is_reported_and_its_return_too() {
    let Some(mic) =
        VirtualMic::run_test_in_child("silence_of_the_device_is_reported_and_its_return_too")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut recording = Recording::start(options(&dir));
    wait_started(&mut recording);
    recording.wait_for_recorded(0.5, Duration::from_secs(5));

    // A suspended sink stops its monitor source: the stream stays open but no samples come.
    mic.pactl(&["suspend-sink", leo_testkit::virtual_mic::SINK, "1"]);
    let suspended_at = Instant::now();
    let (no_audio_at, event) = recording.wait_for("NoAudio", Duration::from_secs(5), |event| {
        matches!(event, CaptureEvent::NoAudio { .. })
    });
    let CaptureEvent::NoAudio { seconds } = event else {
        unreachable!()
    };
    let noticed_after = no_audio_at - suspended_at;

    mic.pactl(&["suspend-sink", leo_testkit::virtual_mic::SINK, "0"]);
    let resumed_at = Instant::now();
    let (back_at, _) = recording.wait_for("Resumed", Duration::from_secs(10), |event| {
        matches!(event, CaptureEvent::Resumed)
    });
    let summary = recording.stop().unwrap();
    println!(
        "NoAudio({seconds:.2} s) {noticed_after:?} after suspending; Resumed {:?} after \
         resuming; events: {:?}",
        back_at - resumed_at,
        recording.summary()
    );
    assert!(seconds >= 2.0);
    assert!(
        noticed_after <= Duration::from_millis(2500),
        "NoAudio only after {noticed_after:?}"
    );
    assert!(!summary.device_lost);
}

#[test]
fn the_default_device_is_listed() {
    let Some(_mic) = VirtualMic::run_test_in_child("the_default_device_is_listed") else {
        return;
    };
    let devices = list_input_devices().unwrap();
    println!("{devices:#?}");
    assert_eq!(devices.iter().filter(|d| d.is_default).count(), 1);
    assert!(devices[0].is_default, "the default comes first");
    // Choosing the default by its id records like choosing no device.
    let dir = tempfile::tempdir().unwrap();
    let mut recording = Recording::start(RecorderOptions {
        device_id: Some(devices[0].id.clone()),
        wav_path: dir.path().join("chosen.wav"),
    });
    wait_started(&mut recording);
    recording.stop().unwrap();
}

#[test]
fn an_unplugged_device_fails_the_recording_but_keeps_the_file() {
    let Some(mic) =
        VirtualMic::run_test_in_child("an_unplugged_device_fails_the_recording_but_keeps_the_file")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut recording = Recording::start(options(&dir));
    wait_started(&mut recording);
    let recorded = recording.wait_for_recorded(1.0, Duration::from_secs(5));

    mic.unplug();
    let unplugged_at = Instant::now();
    let (failed_at, event) = recording.wait_for("Failed", Duration::from_secs(10), |event| {
        matches!(event, CaptureEvent::Failed(_))
    });
    let stopping = Instant::now();
    let summary = recording.stop().expect("the recording so far is kept");
    let stop_took = stopping.elapsed();
    let (_, on_disk) = read_wav_16k(&summary.path);
    println!(
        "{event:?} {:?} after unplugging; stop took {stop_took:?}; kept {} samples; events: {:?}",
        failed_at - unplugged_at,
        on_disk.len(),
        recording.summary()
    );
    assert!(matches!(
        event,
        CaptureEvent::Failed(leo_capture::CaptureError::DeviceLost { .. })
    ));
    assert!(summary.device_lost);
    assert_eq!(on_disk.len() as u64, summary.samples_16k);
    assert!(summary.seconds >= recorded);
}

/// When the audio server itself dies, ALSA's pulse plugin deadlocks without reporting an error:
/// the watchdog is what notices, and stopping must still end and finalize the file.
#[test]
fn a_dead_audio_server_is_noticed_and_the_file_still_finalized() {
    let Some(mic) = VirtualMic::run_test_in_child(
        "a_dead_audio_server_is_noticed_and_the_file_still_finalized",
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut recording = Recording::start(options(&dir));
    wait_started(&mut recording);
    let recorded = recording.wait_for_recorded(1.0, Duration::from_secs(5));

    mic.stop_server();
    let killed_at = Instant::now();
    let (noticed_at, _) =
        recording.wait_for("NoAudio or Failed", Duration::from_secs(5), |event| {
            matches!(
                event,
                CaptureEvent::NoAudio { .. } | CaptureEvent::Failed(_)
            )
        });
    let stopping = Instant::now();
    let summary = recording.stop().expect("the recording so far is kept");
    let stop_took = stopping.elapsed();
    let (_, on_disk) = read_wav_16k(&summary.path);
    println!(
        "noticed {:?} after the server died; stop took {stop_took:?}; kept {} samples; events: {:?}",
        noticed_at - killed_at,
        on_disk.len(),
        recording.summary()
    );
    assert!(noticed_at - killed_at <= Duration::from_millis(2500));
    assert!(
        stop_took < Duration::from_secs(4),
        "stop took {stop_took:?}"
    );
    assert_eq!(on_disk.len() as u64, summary.samples_16k);
    assert!(summary.seconds >= recorded);
}
