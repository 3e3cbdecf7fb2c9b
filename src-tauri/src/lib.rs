//! Leo's desktop app: the Tauri shell. It opens the classroom (store and speech models), owns
//! the recorder and the scoring queue, and exposes thin commands to the screens in `ui/`.
//! TypeScript bindings for the commands are generated from these types (`make bindings`).

mod commands;
mod convert;
mod error;
mod events;
mod scoring;
mod state;
mod views;

use std::sync::Arc;

use leo_classroom::Classroom;
use tauri::Manager;
use tauri_specta::{Builder, collect_commands, collect_events};

pub use error::{AppError, ErrorCode};
pub use state::Paths;

use crate::scoring::ScoringQueue;
use crate::state::AppState;

/// The commands and events the screens may use, for the invoke handler and the bindings.
pub fn specta_builder() -> Builder<tauri::Wry> {
    use commands::{recording, student, teacher, teacher_data};
    Builder::<tauri::Wry>::new()
        .commands(collect_commands![
            student::app_info,
            student::list_classes,
            student::list_students,
            student::next_passage,
            student::reading_result,
            student::retry_scoring,
            recording::list_input_devices,
            recording::start_recording,
            recording::stop_recording,
            recording::cancel_recording,
            teacher::teacher_state,
            teacher::set_pin,
            teacher::change_pin,
            teacher::unlock,
            teacher::lock,
            teacher::create_class,
            teacher::create_student,
            teacher::class_overview,
            teacher::delete_student,
            teacher::export_student,
            teacher_data::student_page,
            teacher_data::reading_audio,
            teacher_data::override_word,
            teacher_data::list_passages,
            teacher_data::suggest_level,
            teacher_data::add_passage,
            teacher_data::export_class_csv,
        ])
        .events(collect_events![events::ScoringEvent])
        .disable_serde_phases()
}

/// The TypeScript exporter settings used for `ui/src/bindings.ts`.
pub fn typescript() -> specta_typescript::Typescript {
    specta_typescript::Typescript::default()
        .header("// Generated from src-tauri by `make bindings`: do not edit.\n// @ts-nocheck")
}

/// Starts the app: opens the classroom, queues readings a crash left unscored, shows the
/// window.
pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,whisper_rs=warn".into()),
        )
        .init();
    let paths = Paths::from_env();
    let builder = specta_builder();
    let result = tauri::Builder::default()
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            let classroom =
                tauri::async_runtime::block_on(Classroom::open(&paths.data_dir, &paths.models_dir))
                    .map_err(|e| {
                        format!(
                            "cannot open Leo's data in {}: {e}",
                            paths.data_dir.display()
                        )
                    })?;
            let classroom = Arc::new(classroom);
            // Nothing records yet: a reading still marked as recording was cut short.
            let interrupted =
                tauri::async_runtime::block_on(classroom.mark_interrupted_recordings())
                    .map_err(|e| e.to_string())?;
            if interrupted > 0 {
                tracing::warn!("{interrupted} recording(s) were cut short when Leo last stopped");
            }
            let scoring = ScoringQueue::start(app.handle().clone(), classroom.clone());
            let unscored = tauri::async_runtime::block_on(classroom.unscored_readings())
                .map_err(|e| e.to_string())?;
            for reading in unscored {
                tracing::info!("reading #{} was left unscored: scoring it now", reading.id);
                scoring.submit(reading.id);
            }
            tracing::info!(
                "data in {}, models in {}",
                paths.data_dir.display(),
                paths.models_dir.display()
            );
            app.manage(AppState::new(classroom, paths.clone(), scoring));
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Leo could not start: {e}");
        std::process::exit(1);
    }
}
