//! End-to-end tests: the real Attaché window (WebKitGTK), driven through tauri-driver.
//!
//! Run by `tests/scripts/e2e.sh`, which builds the UI and the app, starts `tauri-driver`
//! under Xvfb and a D-Bus session, and passes the app's absolute path in `ATTACHE_APP`.
//! Each test starts the app with its own temporary vault and config folder, one session at
//! a time (`--test-threads=1`: tauri-driver listens on fixed ports).
#![forbid(unsafe_code)]

mod desktop;
mod draft;
mod draft_pane;
mod export;
mod figures;
mod navigation;
mod notes;
mod screenshots;
mod shortcuts;
mod support;
mod window;
mod workspace;
mod x11;
