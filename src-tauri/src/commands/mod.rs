//! The commands the screens call, grouped by who uses them. Each one checks, calls the
//! classroom engine, and maps the answer to a view; the rules live in the engine crates.

pub mod recording;
pub mod student;
pub mod teacher;
pub mod teacher_data;
