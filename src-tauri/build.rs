//! Generates the app's command permissions so the capability file can allow exactly the
//! commands the UI uses, and nothing else.

// The commands come from the one list in src/command_list.rs (see there how to add one).
macro_rules! commands {
    ($($module:ident :: $name:ident),* $(,)?) => {
        const COMMANDS: &[&str] = &[$(stringify!($name)),*];
    };
}
include!("src/command_list.rs");

fn main() {
    println!("cargo:rerun-if-changed=src/command_list.rs");
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
