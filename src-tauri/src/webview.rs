//! Settings of the window's web view that the app chooses for its users.
//!
//! Linux: WebKitGTK composites the page on the GPU by default. Attaché's window is text
//! panes (no video, canvas or animation), which the CPU paints quickly, while GPU compositing
//! costs about 100 MB more across the web and UI processes (layer buffers and the GL driver;
//! measured with tests/scripts/figures.sh) and is the usual cause of blank or garbled
//! WebKitGTK windows on some graphics drivers. So the web view paints on the CPU;
//! `ATTACHE_GPU_COMPOSITING=1` brings WebKit's default back (e.g. to compare).

use tauri::{Runtime, WebviewWindow};

/// Environment variable that keeps WebKit's own (GPU) compositing policy.
pub const GPU_COMPOSITING_ENV: &str = "ATTACHE_GPU_COMPOSITING";

/// Applies the app's web view settings to `window` (call before its page loads).
pub fn configure<R: Runtime>(window: &WebviewWindow<R>) {
    if std::env::var_os(GPU_COMPOSITING_ENV).is_some_and(|v| v == "1") {
        log::info!("{GPU_COMPOSITING_ENV}=1: the web view keeps GPU compositing");
        return;
    }
    #[cfg(target_os = "linux")]
    {
        let result = window.with_webview(|webview| {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            if let Some(settings) = webview.inner().settings() {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        });
        if let Err(e) = result {
            log::warn!("could not configure the web view: {e}");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}
