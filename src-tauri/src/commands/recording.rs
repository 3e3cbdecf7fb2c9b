//! Recording a reading. The reading is registered (status `recorded`) and its WAV file named
//! before the microphone opens; the recorder writes that file as it goes, so a crash keeps
//! what was read. Stopping queues the reading for scoring in the background.

use leo_capture::{CaptureEvent, Recorder, RecorderOptions};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

use crate::error::{AppError, AppResult, ErrorCode};
use crate::events::RecorderEvent;
use crate::state::{ActiveRecording, AppState};
use crate::views::{InputDevice, RecordingStarted};

#[tauri::command]
#[specta::specta]
pub async fn list_input_devices() -> AppResult<Vec<InputDevice>> {
    let devices = tauri::async_runtime::spawn_blocking(leo_capture::list_input_devices)
        .await
        .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))??;
    Ok(devices
        .into_iter()
        .map(|d| InputDevice {
            id: d.id,
            name: d.name,
            is_default: d.is_default,
        })
        .collect())
}

fn recorder_event(e: CaptureEvent) -> RecorderEvent {
    match e {
        CaptureEvent::Waiting => RecorderEvent::Waiting,
        CaptureEvent::Started { .. } => RecorderEvent::Started,
        CaptureEvent::Level { rms, peak, seconds } => RecorderEvent::Level { rms, peak, seconds },
        CaptureEvent::NoAudio { seconds } => RecorderEvent::NoAudio { seconds },
        CaptureEvent::Resumed => RecorderEvent::Resumed,
        CaptureEvent::Failed(error) => RecorderEvent::Failed {
            error: error.into(),
        },
    }
}

#[tauri::command]
#[specta::specta]
pub async fn start_recording(
    app: AppHandle,
    state: State<'_, AppState>,
    student_id: u32,
    passage_id: String,
    device_id: Option<String>,
    events: Channel<RecorderEvent>,
) -> AppResult<RecordingStarted> {
    if state.is_recording() {
        return Err(AppError::new(
            ErrorCode::Busy,
            "a recording is already running",
        ));
    }
    let classroom = state.classroom.clone();
    let pending = classroom
        .begin_recording(crate::convert::student_id(student_id), &passage_id)
        .await?;
    let options = RecorderOptions {
        device_id,
        wav_path: pending.wav_path.clone(),
    };
    let reading = pending.reading_id;
    let started = tauri::async_runtime::spawn_blocking(move || {
        Recorder::start(options, move |e| {
            let failed = matches!(e, CaptureEvent::Failed(_));
            // The screen may be gone (window closed): the recording goes on regardless.
            let _ = events.send(recorder_event(e));
            if failed {
                // The recording cannot go on: keep and score what was recorded, as Stop would.
                // Not here: this is the recorder's own thread, which stopping waits for.
                let app = app.clone();
                tauri::async_runtime::spawn(async move {
                    let state = app.state::<AppState>();
                    if let Some(active) = state.take_recording_of(reading)
                        && let Err(e) = finish(&state, active).await
                    {
                        tracing::warn!("recording #{reading} ended badly: {}", e.message);
                    }
                });
            }
        })
    })
    .await
    .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()));
    let recorder = match started {
        Ok(Ok(recorder)) => recorder,
        Ok(Err(e)) => {
            // Nothing was recorded: the registered reading would only be an empty row.
            let _ = classroom.discard_reading(pending.reading_id).await;
            return Err(e.into());
        }
        Err(e) => {
            let _ = classroom.discard_reading(pending.reading_id).await;
            return Err(e);
        }
    };
    let active = ActiveRecording {
        recorder,
        reading: pending.reading_id,
    };
    if let Err(extra) = state.put_recording(active) {
        // Two starts raced; keep the first.
        let _ = tauri::async_runtime::spawn_blocking(move || extra.recorder.stop()).await;
        let _ = classroom.discard_reading(pending.reading_id).await;
        return Err(AppError::new(
            ErrorCode::Busy,
            "a recording is already running",
        ));
    }
    Ok(RecordingStarted {
        reading_id: pending.reading_id.0 as u32,
    })
}

/// Stops the recording and queues it for scoring; returns the reading's id.
#[tauri::command]
#[specta::specta]
pub async fn stop_recording(state: State<'_, AppState>) -> AppResult<u32> {
    let active = state
        .take_recording()
        .ok_or_else(|| AppError::new(ErrorCode::Invalid, "no recording is running"))?;
    finish(&state, active).await
}

/// Stops the recorder, keeps the file, and queues the reading for scoring unless nothing was
/// recorded.
async fn finish(state: &AppState, active: ActiveRecording) -> AppResult<u32> {
    let reading = active.reading;
    let stopped = tauri::async_runtime::spawn_blocking(move || active.recorder.stop())
        .await
        .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?;
    // However it ended, the file is final now: not a recording cut short by a crash.
    state.classroom.finish_recording(reading).await?;
    let seconds = match &stopped {
        Ok(summary) => summary.seconds,
        // The file holds what arrived before the failure; scoring decides if it is enough.
        Err(e) => {
            tracing::warn!("recording #{reading} ended with an error: {e}");
            f64::INFINITY
        }
    };
    if seconds < leo_classroom::MIN_READING_S {
        state.classroom.discard_reading(reading).await?;
        return Err(AppError::new(
            ErrorCode::NoAudio,
            "nothing was recorded: check the microphone and read again",
        ));
    }
    state.scoring.submit(reading);
    Ok(reading.0 as u32)
}

/// Stops the recording and throws it away (the student pressed Cancel).
#[tauri::command]
#[specta::specta]
pub async fn cancel_recording(state: State<'_, AppState>) -> AppResult<()> {
    let Some(active) = state.take_recording() else {
        return Ok(());
    };
    let reading = active.reading;
    let _ = tauri::async_runtime::spawn_blocking(move || active.recorder.stop()).await;
    state.classroom.discard_reading(reading).await?;
    Ok(())
}
