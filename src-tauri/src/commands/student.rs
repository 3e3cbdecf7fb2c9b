//! What the student screens need: classes, names, the next passage, the result.

use tauri::State;

use crate::convert::{
    class_info, ms, next_passage_view, override_view, passage_view, student_info, word_view,
};
use crate::error::AppResult;
use crate::state::AppState;
use crate::views::{AppInfo, ClassInfo, Lang, ModelsReady, NextPassage, ReadingView, StudentInfo};

#[tauri::command]
#[specta::specta]
pub async fn app_info(state: State<'_, AppState>) -> AppResult<AppInfo> {
    let c = &state.classroom;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_dir: state.paths.data_dir.display().to_string(),
        exports_dir: state.paths.exports_dir.display().to_string(),
        models_ready: ModelsReady {
            en: c.model_ready(leo_text::Lang::En),
            es: c.model_ready(leo_text::Lang::Es),
        },
    })
}

#[tauri::command]
#[specta::specta]
pub async fn list_classes(state: State<'_, AppState>) -> AppResult<Vec<ClassInfo>> {
    let store = state.classroom.store();
    let mut classes = Vec::new();
    for class in store.list_classes().await? {
        let students = store.list_students(class.id).await?.len();
        classes.push(class_info(&class, students));
    }
    Ok(classes)
}

#[tauri::command]
#[specta::specta]
pub async fn list_students(
    state: State<'_, AppState>,
    class_id: u32,
) -> AppResult<Vec<StudentInfo>> {
    let students = state
        .classroom
        .store()
        .list_students(crate::convert::class_id(class_id))
        .await?;
    Ok(students.iter().map(student_info).collect())
}

#[tauri::command]
#[specta::specta]
pub async fn next_passage(
    state: State<'_, AppState>,
    student_id: u32,
    lang: Lang,
) -> AppResult<Option<NextPassage>> {
    let next = state
        .classroom
        .next_passage(crate::convert::student_id(student_id), lang.into())
        .await?;
    Ok(next.as_ref().map(next_passage_view))
}

#[tauri::command]
#[specta::specta]
pub async fn reading_result(state: State<'_, AppState>, reading_id: u32) -> AppResult<ReadingView> {
    let view = state
        .classroom
        .reading_view(crate::convert::reading_id(reading_id))
        .await?;
    Ok(reading_view(&view))
}

#[tauri::command]
#[specta::specta]
pub async fn retry_scoring(state: State<'_, AppState>, reading_id: u32) -> AppResult<()> {
    let id = crate::convert::reading_id(reading_id);
    // Fails with "not found" before queueing a reading that does not exist.
    state.classroom.store().load_reading(id).await?;
    state.scoring.submit(id);
    Ok(())
}

pub fn reading_view(v: &leo_classroom::ReadingView) -> ReadingView {
    let r = &v.reading;
    let a = r.assessment.as_ref();
    ReadingView {
        id: r.id.0 as u32,
        status: r.status.into(),
        error: r.error.clone(),
        student_id: v.student.id.0 as u32,
        student_name: v.student.name.clone(),
        passage: passage_view(&v.passage),
        started_at: ms(r.started_at),
        duration_s: a.map(|a| a.duration_s),
        wcpm: a.map(|a| a.wcpm),
        accuracy: a.map(|a| a.accuracy),
        words_correct: a.map(|a| a.words_correct as u32),
        words_attempted: a.map(|a| a.words_attempted as u32),
        stars: v.stars,
        words: a
            .map(|a| a.words.iter().map(word_view).collect())
            .unwrap_or_default(),
        level_before: v.level_before,
        level_after: v.level_after,
        next: v.next.as_ref().map(next_passage_view),
        overrides: v.overrides.iter().map(override_view).collect(),
    }
}
