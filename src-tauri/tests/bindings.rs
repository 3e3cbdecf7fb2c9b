//! The screens call the app through ui/src/bindings.ts, generated from the Rust commands.
//! This fails when a command or type changed and the file was not regenerated
//! (`make bindings`, i.e. this test with LEO_UPDATE_BINDINGS=1).

use std::path::Path;

#[test]
fn typescript_bindings_match_the_commands() {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings.ts");
    let dir = tempfile::tempdir().expect("temp dir");
    let fresh = dir.path().join("bindings.ts");
    leo_app::specta_builder()
        .export(leo_app::typescript(), &fresh)
        .expect("cannot export the TypeScript bindings");
    let fresh_text = std::fs::read_to_string(&fresh).expect("exported bindings");
    assert!(
        fresh_text.contains("startRecording") && fresh_text.contains("ScoringEvent"),
        "the export lacks the app's commands and events"
    );
    if std::env::var_os("LEO_UPDATE_BINDINGS").is_some() {
        std::fs::write(&committed, &fresh_text).expect("cannot write ui/src/bindings.ts");
        return;
    }
    let committed_text = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        committed_text == fresh_text,
        "ui/src/bindings.ts is out of date with the app's commands: run `make bindings`"
    );
}
