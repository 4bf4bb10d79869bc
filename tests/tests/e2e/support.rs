//! Driving the real Attaché window through tauri-driver: launching the app with its own
//! vault and config folders, finding elements with a timeout, and closing the session even
//! when a test fails (so the next test gets a fresh app).

use std::future::Future;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

/// Creating a session starts the app; if the app never connects this would wait forever.
pub const SESSION_TIMEOUT: Duration = Duration::from_secs(60);
/// One step of a test: find an element, wait for a state.
pub const STEP_TIMEOUT: Duration = Duration::from_secs(20);
/// A whole test body.
pub const TEST_TIMEOUT: Duration = Duration::from_secs(180);

/// A temporary vault and config folder, removed when dropped.
pub struct Dirs {
    root: tempfile::TempDir,
}

impl Dirs {
    /// Fresh, empty folders.
    pub fn new() -> Self {
        let root = tempfile::Builder::new()
            .prefix("attache-e2e-")
            .tempdir()
            .expect("cannot create a temporary folder for the test vault");
        std::fs::create_dir_all(root.path().join("vault")).unwrap();
        std::fs::create_dir_all(root.path().join("config")).unwrap();
        std::fs::create_dir_all(root.path().join("picks")).unwrap();
        Self { root }
    }

    /// The vault folder the app is started with.
    pub fn vault(&self) -> PathBuf {
        self.root.path().join("vault")
    }

    /// The folder that stands in for the native file dialogs (`--test-pick-dir`).
    pub fn picks(&self) -> PathBuf {
        self.root.path().join("picks")
    }

    /// The config folder the app is started with.
    pub fn config(&self) -> PathBuf {
        self.root.path().join("config")
    }
}

/// The built app, from `ATTACHE_APP` (an absolute path, set by tests/scripts/e2e.sh).
pub fn app_path() -> PathBuf {
    let path = std::env::var_os("ATTACHE_APP").map(PathBuf::from).expect(
        "ATTACHE_APP is not set: run tests/scripts/e2e.sh, which builds the app and passes its path",
    );
    assert!(
        path.is_absolute() && path.is_file(),
        "ATTACHE_APP={} is not an absolute path to the built app",
        path.display()
    );
    path
}

/// A running app under WebDriver.
#[derive(Clone)]
pub struct App {
    client: Client,
}

/// Starts the app with `dirs`, runs `body`, and always ends the session (which closes the
/// app), then re-raises the body's panic if it had one.
pub async fn with_app<F, Fut>(dirs: &Dirs, body: F)
where
    F: FnOnce(App) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let app = launch(dirs).await;
    let client = app.client.clone();
    let test = body(app);
    let outcome = tokio::spawn(async move {
        tokio::time::timeout(TEST_TIMEOUT, test)
            .await
            .expect("the test did not finish within its time limit");
    })
    .await;
    let _ = tokio::time::timeout(STEP_TIMEOUT, client.close()).await;
    wait_for_exit(&dirs.config()).await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

async fn launch(dirs: &Dirs) -> App {
    let url = std::env::var("ATTACHE_WEBDRIVER_URL")
        .unwrap_or_else(|_| "http://127.0.0.1:4444".to_owned());
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("wry"));
    caps.insert(
        "tauri:options".into(),
        json!({
            "application": app_path(),
            "args": [
                "--vault", dirs.vault(),
                "--config-dir", dirs.config(),
                "--test-pick-dir", dirs.picks(),
            ],
        }),
    );
    let mut builder = ClientBuilder::new(HttpConnector::new());
    builder.capabilities(caps);
    let client = tokio::time::timeout(SESSION_TIMEOUT, builder.connect(&url))
        .await
        .unwrap_or_else(|_| {
            panic!(
                "no WebDriver session within {SESSION_TIMEOUT:?}: is tauri-driver running at {url} \
                 and does the app start (ATTACHE_APP)?"
            )
        })
        .unwrap_or_else(|e| panic!("tauri-driver at {url} refused the session: {e}"));
    let app = App { client };
    // The first screen is up when the article input exists.
    app.find("[data-testid=article-input]").await;
    app
}

/// Waits until no process runs with `config` on its command line, so a restarted app is a
/// new first instance (a lingering one would receive the launch through single-instance).
async fn wait_for_exit(config: &Path) {
    let needle = config.as_os_str().as_encoded_bytes().to_vec();
    let deadline = Instant::now() + STEP_TIMEOUT;
    while Instant::now() < deadline {
        if !running_with_arg(&needle) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the app did not exit within {STEP_TIMEOUT:?} after its session closed");
}

fn running_with_arg(needle: &[u8]) -> bool {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return false;
    };
    entries.flatten().any(|e| {
        let is_pid = e
            .file_name()
            .to_string_lossy()
            .bytes()
            .all(|b| b.is_ascii_digit());
        is_pid
            && std::fs::read(e.path().join("cmdline"))
                .is_ok_and(|c| c.split(|&b| b == 0).any(|arg| arg == needle))
            && !std::fs::read_to_string(e.path().join("stat")).is_ok_and(|s| {
                s.rsplit(')')
                    .next()
                    .is_some_and(|r| r.trim_start().starts_with('Z'))
            })
    })
}

impl App {
    /// Waits for the first element matching `css`.
    pub async fn find(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(STEP_TIMEOUT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element `{css}` within {STEP_TIMEOUT:?}: {e}"))
    }

    /// Every element matching `css` now (possibly none).
    pub async fn all(&self, css: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("finding `{css}` failed: {e}"))
    }

    /// The visible text of every element matching `css`.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        for e in self.all(css).await {
            out.push(e.text().await.unwrap_or_default());
        }
        out
    }

    /// Clicks the element matching `css` (waiting for it).
    pub async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("clicking `{css}` failed: {e}"));
    }

    /// Puts `text` into the input or textarea matching `css` by script, as a paste would,
    /// and fires `input` so the UI sees it (typing 5 MB key by key would take hours).
    pub async fn set_value(&self, css: &str, text: &str) {
        self.find(css).await;
        self.run(
            "const el = document.querySelector(arguments[0]);
             const proto = el instanceof HTMLTextAreaElement
               ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
             Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, arguments[1]);
             el.dispatchEvent(new Event('input', { bubbles: true }));
             el.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![json!(css), json!(text)],
        )
        .await;
    }

    /// Runs `script` in the page and returns its value.
    pub async fn run(&self, script: &str, args: Vec<serde_json::Value>) -> serde_json::Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Waits until `script` returns `true`, polling; panics with `what` after the step timeout.
    pub async fn wait_until(&self, what: &str, script: &str) {
        let deadline = Instant::now() + STEP_TIMEOUT;
        loop {
            if self.run(script, vec![]).await == json!(true) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out after {STEP_TIMEOUT:?} waiting for {what}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}
