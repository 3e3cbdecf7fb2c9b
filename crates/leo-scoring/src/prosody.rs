//! Prosody measures of a reading: where the reader paused, how fast they spoke, and how their
//! pitch moved (range per sentence, monotone reading, rises at questions).

use leo_text::syllables::count_syllables;
use leo_text::{Lang, PassageWord};

use crate::pitch::PitchTrack;
use crate::result::{ProsodySummary, WordResult};

/// Silences shorter than this are part of normal articulation, not pauses.
pub const MIN_PAUSE_S: f64 = 0.25;
/// A sentence end read with less silence than this is a missed stop.
pub const MIN_STOP_S: f64 = 0.10;
/// A median sentence pitch range below this (in semitones) is a monotone reading.
pub const MONOTONE_RANGE_ST: f64 = 3.0;
/// A question's last word must climb faster than this (semitones per second) to count as a
/// rise; a real rise covers several semitones in a few hundred milliseconds.
pub const QUESTION_RISE_ST_PER_S: f64 = 2.0;

pub fn summarize(
    passage: &[PassageWord],
    words: &[WordResult],
    pitch: &PitchTrack,
    lang: Lang,
    reading_time_s: f64,
) -> ProsodySummary {
    let read: Vec<(&PassageWord, f64, f64)> = passage
        .iter()
        .zip(words)
        .filter_map(|(p, w)| Some((p, w.start?, w.end?)))
        .collect();
    let mut summary = ProsodySummary::default();
    for pair in read.windows(2) {
        let (word, _, end) = pair[0];
        let (_, next_start, _) = pair[1];
        let gap = next_start - end;
        if gap >= MIN_PAUSE_S {
            summary.pause_count += 1;
            summary.pause_total_s += gap;
            if word.boundary.is_pause_point() {
                summary.pauses_at_punctuation += 1;
            } else {
                summary.pauses_within_phrases += 1;
            }
        }
        if word.boundary.sentence_end && gap < MIN_STOP_S {
            summary.missed_stops += 1;
        }
    }
    if summary.pause_count > 0 {
        summary.pause_mean_s = summary.pause_total_s / summary.pause_count as f64;
    }
    let syllables: usize = read
        .iter()
        .map(|(p, _, _)| count_syllables(&p.display, lang))
        .sum();
    if reading_time_s > 0.0 {
        summary.speech_rate = syllables as f64 / reading_time_s;
        let speaking = reading_time_s - summary.pause_total_s;
        if speaking > 0.0 {
            summary.articulation_rate = syllables as f64 / speaking;
        }
    }

    if let (Some(first), Some(last)) = (read.first(), read.last()) {
        summary.median_pitch_hz = pitch.median_hz(first.1, last.2);
    }
    let sentences = passage.last().map_or(0, |w| w.sentence + 1);
    summary.sentence_pitch_range_st = (0..sentences)
        .map(|s| {
            let span: Vec<&(&PassageWord, f64, f64)> =
                read.iter().filter(|(p, _, _)| p.sentence == s).collect();
            let (first, last) = (span.first()?, span.last()?);
            pitch.range_semitones(first.1, last.2)
        })
        .collect();
    let mut ranges: Vec<f64> = summary
        .sentence_pitch_range_st
        .iter()
        .flatten()
        .copied()
        .collect();
    ranges.sort_by(f64::total_cmp);
    summary.monotone = ranges.len() >= 2 && ranges[ranges.len() / 2] < MONOTONE_RANGE_ST;
    summary.question_rises = read
        .iter()
        .filter(|(p, _, _)| p.boundary.question)
        .map(|&(_, start, end)| {
            // The rise sits on the last syllables: look at the word's final 400 ms.
            let from = start.max(end - 0.4);
            pitch
                .slope_semitones_per_s(from, end)
                .is_some_and(|slope| slope > QUESTION_RISE_ST_PER_S)
        })
        .collect();
    summary
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::result::WordStatus;
    use leo_text::passage_words;

    fn results(times: &[(f64, f64)]) -> Vec<WordResult> {
        times
            .iter()
            .enumerate()
            .map(|(i, &(s, e))| WordResult {
                index: i,
                text: String::new(),
                status: WordStatus::Correct,
                heard: None,
                start: Some(s),
                end: Some(e),
                pronunciation: None,
            })
            .collect()
    }

    fn glide(from_hz: f64, to_hz: f64, seconds: f64) -> Vec<f32> {
        let n = (seconds * 16_000.0) as usize;
        let mut phase = 0.0f64;
        (0..n)
            .map(|i| {
                let f = from_hz + (to_hz - from_hz) * i as f64 / n as f64;
                phase += 2.0 * std::f64::consts::PI * f / 16_000.0;
                (0.3 * phase.sin()) as f32
            })
            .collect()
    }

    #[test]
    fn pauses_rates_and_missed_stops() {
        let passage = passage_words("The dog ran. It sat, then slept.", Lang::En);
        // ran→It: no pause at the full stop (missed stop); sat→then: pause at the comma;
        // then→slept: pause inside the phrase.
        let words = results(&[
            (0.0, 0.3),
            (0.4, 0.7),
            (0.8, 1.1),
            (1.15, 1.4),
            (1.5, 1.8),
            (2.3, 2.6),
            (3.6, 4.0),
        ]);
        let track = crate::pitch::track_pitch(&vec![0.0; 16_000 * 4]);
        let s = summarize(&passage, &words, &track, Lang::En, 4.0);
        assert_eq!(s.missed_stops, 1);
        assert_eq!(s.pause_count, 2);
        assert_eq!(s.pauses_at_punctuation, 1);
        assert_eq!(s.pauses_within_phrases, 1);
        assert!((s.pause_total_s - 1.5).abs() < 1e-9);
        assert!((s.pause_mean_s - 0.75).abs() < 1e-9);
        // 7 one-syllable words over 4 s.
        assert!(
            (s.speech_rate - 7.0 / 4.0).abs() < 1e-9,
            "{}",
            s.speech_rate
        );
        assert!(s.articulation_rate > s.speech_rate);
        assert_eq!(s.median_pitch_hz, None, "silence has no pitch");
    }

    #[test]
    fn pitch_rise_at_a_question_and_monotone_flag() {
        let passage = passage_words("Is it here? Yes it is.", Lang::En);
        let mut audio = glide(200.0, 200.0, 1.0);
        audio.extend(glide(180.0, 280.0, 0.5)); // "here?" rises
        audio.extend(glide(220.0, 160.0, 1.5)); // statement falls
        let track = crate::pitch::track_pitch(&audio);
        let words = results(&[
            (0.0, 0.4),
            (0.5, 0.95),
            (1.0, 1.5),
            (1.6, 2.0),
            (2.1, 2.5),
            (2.6, 3.0),
        ]);
        let s = summarize(&passage, &words, &track, Lang::En, 3.0);
        assert_eq!(s.question_rises, vec![true]);
        assert_eq!(s.sentence_pitch_range_st.len(), 2);
        assert!(s.sentence_pitch_range_st.iter().all(Option::is_some));
        assert!(!s.monotone);
        let flat = crate::pitch::track_pitch(&glide(200.0, 202.0, 3.0));
        let s = summarize(&passage, &words, &flat, Lang::En, 3.0);
        assert!(s.monotone);
        let median = s.median_pitch_hz.expect("a voiced reading has a pitch");
        assert!((median - 201.0).abs() < 3.0, "{median}");
        assert_eq!(s.question_rises, vec![false]);
    }
}
