//! The window shows the app and nothing else. A link clicked in the note preview (or anything
//! else that would navigate the window: a form, a script, a relative `[x](Note.md)` link)
//! never replaces the app: `http(s)` and `mailto` links open in the system's browser or mail
//! program, everything else is refused.

use std::io::Write;

use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Manager, Runtime, Url};

/// True for the app's own page (the embedded frontend), with any `#fragment`: footnote links
/// in the preview jump within the page.
#[must_use]
pub fn is_app_page(url: &Url) -> bool {
    let own_origin = match url.scheme() {
        // Linux and macOS serve the frontend as tauri://localhost; Windows as http(s)://tauri.localhost.
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    };
    own_origin && matches!(url.path(), "" | "/" | "/index.html")
}

/// True for links that belong in another program: the web browser, the mail program.
#[must_use]
pub fn opens_outside(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https" | "mailto") && !is_app_page(url)
}

/// The plugin that guards every navigation of the window.
pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("navigation-guard")
        .on_navigation(|webview, url| {
            if is_app_page(url) {
                return true;
            }
            if opens_outside(url) {
                open_outside(webview.app_handle(), url);
            } else {
                log::warn!("refused to navigate the window to a {} URL", url.scheme());
            }
            false
        })
        .build()
}

fn open_outside<R: Runtime>(app: &tauri::AppHandle<R>, url: &Url) {
    let state = app.state::<crate::state::AppState>();
    // End-to-end tests record the URL instead of starting a browser.
    if let Some(file) = &state.test_opened_file {
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(file)
            .and_then(|mut f| writeln!(f, "{url}"));
        if let Err(e) = written {
            log::warn!("could not record the opened link: {e}");
        }
        return;
    }
    use tauri_plugin_opener::OpenerExt;
    if let Err(e) = app.opener().open_url(url.as_str(), None::<&str>) {
        log::warn!("could not open the link in the browser: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn the_app_page_and_its_fragments_stay() {
        for ok in [
            "tauri://localhost",
            "tauri://localhost/",
            "tauri://localhost/index.html",
            "tauri://localhost/#fn-1",
            "http://tauri.localhost/",
        ] {
            assert!(is_app_page(&url(ok)), "{ok}");
        }
    }

    #[test]
    fn links_leave_the_window_and_nothing_else_replaces_it() {
        for outside in [
            "https://example.org/a",
            "http://example.org",
            "mailto:a@example.org",
        ] {
            assert!(
                !is_app_page(&url(outside)) && opens_outside(&url(outside)),
                "{outside}"
            );
        }
        for refused in [
            "tauri://localhost/Note.md",
            "tauri://localhost/assets/x.js",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "data:text/html,<script>x</script>",
            "tauri://evil/",
        ] {
            assert!(
                !is_app_page(&url(refused)) && !opens_outside(&url(refused)),
                "{refused}"
            );
        }
    }
}
