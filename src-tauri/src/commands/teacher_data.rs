//! The teacher's review of readings and passages, the student page, and the class CSV.

use base64::Engine;
use tauri::State;

use crate::commands::student::reading_view;
use crate::commands::teacher::{create_exports_dir, file_safe, stamp};
use crate::convert::{ms, passage_view, student_info};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::state::AppState;
use crate::views::{
    ErrorCount, Lang, LevelSuggestion, NormPoint, PassageView, ReadingRow, ReadingView,
    StudentPage, TrendPoint, WordStatus,
};

#[tauri::command]
#[specta::specta]
pub async fn student_page(
    state: State<'_, AppState>,
    student_id: u32,
    lang: Lang,
) -> AppResult<StudentPage> {
    state.require_teacher()?;
    let page = state
        .classroom
        .student_page(crate::convert::student_id(student_id), lang.into())
        .await?;
    Ok(StudentPage {
        student: student_info(&page.student),
        lang: page.lang.into(),
        level: page.level,
        points: page
            .points
            .iter()
            .map(|p| TrendPoint {
                reading_id: p.reading_id.0 as u32,
                at: ms(p.at),
                wcpm: p.wcpm,
                accuracy: p.accuracy,
            })
            .collect(),
        norm: page
            .norm
            .iter()
            .map(|n| NormPoint {
                at: ms(n.at),
                wcpm: n.wcpm,
            })
            .collect(),
        error_counts: page
            .error_counts
            .iter()
            .map(|&(status, count)| ErrorCount {
                status: WordStatus::from(status),
                count,
            })
            .collect(),
        readings: page
            .readings
            .iter()
            .map(|r| ReadingRow {
                id: r.summary.id.0 as u32,
                at: ms(r.summary.started_at),
                passage_title: r.summary.passage_title.clone(),
                status: r.summary.status.into(),
                wcpm: r.summary.wcpm,
                accuracy: r.summary.accuracy,
                partial: r.unfinished_recording,
            })
            .collect(),
    })
}

/// The reading's recording as base64 WAV, for the review's audio player.
#[tauri::command]
#[specta::specta]
pub async fn reading_audio(state: State<'_, AppState>, reading_id: u32) -> AppResult<String> {
    state.require_teacher()?;
    let store = state.classroom.store();
    let reading = store
        .load_reading(crate::convert::reading_id(reading_id))
        .await?;
    let rel = reading.audio_path.ok_or_else(|| {
        AppError::new(
            ErrorCode::NotFound,
            "this reading's recording was removed (audio retention); its scores are kept",
        )
    })?;
    let path = store.audio_file(&rel);
    let bytes = tokio::fs::read(&path).await.map_err(|e| {
        AppError::new(
            ErrorCode::NotFound,
            format!("cannot read the recording {}: {e}", path.display()),
        )
    })?;
    Ok(base64::engine::general_purpose::STANDARD.encode(bytes))
}

#[tauri::command]
#[specta::specta]
pub async fn override_word(
    state: State<'_, AppState>,
    reading_id: u32,
    index: u32,
    status: WordStatus,
) -> AppResult<ReadingView> {
    state.require_teacher()?;
    let view = state
        .classroom
        .override_word(
            crate::convert::reading_id(reading_id),
            index as usize,
            status.into(),
            "teacher",
        )
        .await?;
    Ok(reading_view(&view))
}

#[tauri::command]
#[specta::specta]
pub async fn list_passages(
    state: State<'_, AppState>,
    lang: Option<Lang>,
) -> AppResult<Vec<PassageView>> {
    let passages = state
        .classroom
        .store()
        .list_passages(lang.map(Into::into))
        .await?;
    Ok(passages
        .iter()
        .filter(|p| !p.retired)
        .map(passage_view)
        .collect())
}

#[tauri::command]
#[specta::specta]
pub async fn suggest_level(
    state: State<'_, AppState>,
    lang: Lang,
    text: String,
) -> AppResult<LevelSuggestion> {
    let s = state.classroom.suggest_level(lang.into(), &text);
    Ok(LevelSuggestion {
        level: s.level,
        word_count: s.word_count as u32,
        readability: s.readability,
    })
}

#[tauri::command]
#[specta::specta]
pub async fn add_passage(
    state: State<'_, AppState>,
    lang: Lang,
    title: String,
    topic: String,
    text: String,
    level: Option<u8>,
) -> AppResult<PassageView> {
    state.require_teacher()?;
    let added = state
        .classroom
        .add_passage(leo_classroom::NewPassage {
            lang: lang.into(),
            title,
            topic,
            text,
            level,
            id: None,
        })
        .await?;
    Ok(passage_view(&added.stored))
}

/// Writes the class CSV into the exports folder; returns its path.
#[tauri::command]
#[specta::specta]
pub async fn export_class_csv(state: State<'_, AppState>, class_id: u32) -> AppResult<String> {
    state.require_teacher()?;
    let id = crate::convert::class_id(class_id);
    let class = state.classroom.store().class(id).await?;
    create_exports_dir(&state)?;
    let path =
        state
            .paths
            .exports_dir
            .join(format!("class-{}-{}.csv", file_safe(&class.name), stamp()));
    state.classroom.save_class_csv(id, &path).await?;
    Ok(path.display().to_string())
}
