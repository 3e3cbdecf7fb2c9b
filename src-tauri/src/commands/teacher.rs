//! The PIN, classes and students. Every command here but the PIN ones requires the teacher
//! pages to be unlocked.

use tauri::State;

use crate::convert::{class_info, initials, ms, student_info};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::state::AppState;
use crate::views::{ClassInfo, LangLevel, Languages, StudentInfo, StudentRow, TeacherState};

#[tauri::command]
#[specta::specta]
pub async fn teacher_state(state: State<'_, AppState>) -> AppResult<TeacherState> {
    Ok(TeacherState {
        has_pin: state.classroom.store().has_pin().await?,
        unlocked: state.teacher_unlocked(),
    })
}

/// Sets the first PIN and unlocks the teacher pages.
#[tauri::command]
#[specta::specta]
pub async fn set_pin(state: State<'_, AppState>, pin: String) -> AppResult<()> {
    state.classroom.store().set_pin(&pin).await?;
    state.unlock_teacher();
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn change_pin(
    state: State<'_, AppState>,
    current: String,
    new_pin: String,
) -> AppResult<()> {
    state.require_teacher()?;
    state
        .classroom
        .store()
        .change_pin(&current, &new_pin)
        .await?;
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn unlock(state: State<'_, AppState>, pin: String) -> AppResult<()> {
    if state.classroom.store().verify_pin(&pin).await? {
        state.unlock_teacher();
        Ok(())
    } else {
        Err(AppError::new(ErrorCode::WrongPin, "that PIN is not right"))
    }
}

#[tauri::command]
#[specta::specta]
pub async fn lock(state: State<'_, AppState>) -> AppResult<()> {
    state.lock_teacher();
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn create_class(state: State<'_, AppState>, name: String) -> AppResult<ClassInfo> {
    state.require_teacher()?;
    let class = state.classroom.store().create_class(&name).await?;
    Ok(class_info(&class, 0))
}

#[tauri::command]
#[specta::specta]
pub async fn create_student(
    state: State<'_, AppState>,
    class_id: u32,
    name: String,
    grade: u8,
    languages: Languages,
) -> AppResult<StudentInfo> {
    state.require_teacher()?;
    let (student, _placed) = state
        .classroom
        .add_student(
            crate::convert::class_id(class_id),
            &name,
            grade,
            languages.into(),
        )
        .await?;
    Ok(student_info(&student))
}

#[tauri::command]
#[specta::specta]
pub async fn class_overview(
    state: State<'_, AppState>,
    class_id: u32,
) -> AppResult<Vec<StudentRow>> {
    state.require_teacher()?;
    let rows = state
        .classroom
        .class_overview(crate::convert::class_id(class_id))
        .await?;
    Ok(rows
        .iter()
        .map(|row| {
            // The language read most lately leads the row; the sparkline follows it.
            let latest = row
                .langs
                .iter()
                .filter(|l| l.last_read_at.is_some())
                .max_by_key(|l| l.last_read_at);
            StudentRow {
                student_id: row.student.id.0 as u32,
                name: row.student.name.clone(),
                initials: initials(&row.student.name),
                grade: row.student.grade,
                languages: row.student.languages.into(),
                levels: row
                    .langs
                    .iter()
                    .filter_map(|l| {
                        l.level.as_ref().map(|s| LangLevel {
                            lang: l.lang.into(),
                            level: s.level,
                        })
                    })
                    .collect(),
                last_wcpm: latest.and_then(|l| l.last_wcpm),
                last_accuracy: latest.and_then(|l| l.last_accuracy),
                last_reading_at: latest.and_then(|l| l.last_read_at).map(ms),
                trend: latest.map(|l| l.recent_wcpm.clone()).unwrap_or_default(),
            }
        })
        .collect())
}

#[tauri::command]
#[specta::specta]
pub async fn delete_student(state: State<'_, AppState>, student_id: u32) -> AppResult<()> {
    state.require_teacher()?;
    state
        .classroom
        .delete_student(crate::convert::student_id(student_id))
        .await?;
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn export_student(state: State<'_, AppState>, student_id: u32) -> AppResult<String> {
    state.require_teacher()?;
    let id = crate::convert::student_id(student_id);
    let student = state.classroom.store().student(id).await?;
    let path =
        state
            .paths
            .exports_dir
            .join(format!("{}-{}.zip", file_safe(&student.name), stamp()));
    create_exports_dir(&state)?;
    state.classroom.export_student(id, &path).await?;
    Ok(path.display().to_string())
}

pub fn create_exports_dir(state: &AppState) -> AppResult<()> {
    std::fs::create_dir_all(&state.paths.exports_dir).map_err(|e| {
        let code = if leo_store::is_disk_full(&e) {
            ErrorCode::DiskFull
        } else {
            ErrorCode::Internal
        };
        AppError::new(
            code,
            format!(
                "cannot create the exports folder {}: {e}",
                state.paths.exports_dir.display()
            ),
        )
    })
}

/// A name usable in a file name on any system.
pub fn file_safe(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect()
}

pub fn stamp() -> String {
    chrono::Local::now().format("%Y-%m-%d-%H%M%S").to_string()
}
