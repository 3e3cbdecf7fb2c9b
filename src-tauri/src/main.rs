// No console window behind the app on Windows builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    leo_app::run();
}
