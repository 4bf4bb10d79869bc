//! Driving the real Attaché window through tauri-driver: launching the app with its own
//! vault and config folders, finding elements with a timeout, and closing the session even
//! when a test fails (so the next test gets a fresh app).

use std::future::Future;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
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

    /// Where "Show log file" writes the path it would reveal (`--test-reveal-file`).
    pub fn revealed(&self) -> PathBuf {
        self.root.path().join("revealed.txt")
    }

    /// Where the app records the links it would open in the browser (`--test-opened-file`).
    pub fn opened(&self) -> PathBuf {
        self.root.path().join("opened.txt")
    }

    /// The app's current log file.
    pub fn log_file(&self) -> PathBuf {
        self.config().join("logs").join("attache.log")
    }

    /// The vault folder the app is started with.
    pub fn vault(&self) -> PathBuf {
        self.root.path().join("vault")
    }

    /// The folder that stands in for the native file dialogs (`--test-pick-dir`).
    pub fn picks(&self) -> PathBuf {
        self.root.path().join("picks")
    }

    /// The webview's data folder (its local storage, where the UI keeps its layout): the
    /// app's `XDG_DATA_HOME`, so no test sees another's saved layout.
    pub fn webview_data(&self) -> PathBuf {
        self.root.path().join("xdg-data")
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
    let (driver, app) = launch(dirs).await;
    let client = app.client.clone();
    let test = body(app);
    let outcome = tokio::spawn(async move {
        tokio::time::timeout(TEST_TIMEOUT, test)
            .await
            .expect("the test did not finish within its time limit");
    })
    .await;
    if outcome.is_err() {
        save_screenshot(&client).await;
    }
    let _ = tokio::time::timeout(STEP_TIMEOUT, client.close()).await;
    // The app must be gone before the next launch, or single-instance would hand that
    // launch to this one.
    end_app(&dirs.config()).await;
    drop(driver);
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// A tauri-driver of our own on free ports, for one app: a driver left in a bad state by one
/// test (an app killed mid-request, say) cannot hang the next.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    /// `data_home` becomes the app's `XDG_DATA_HOME` (tauri-driver and WebKitWebDriver pass
    /// their environment on to the app they start).
    fn start(data_home: &Path) -> Self {
        let port = free_port();
        let native = free_port();
        let program = std::env::var_os("TAURI_DRIVER").unwrap_or_else(|| "tauri-driver".into());
        let child = Command::new(&program)
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native.to_string(),
            ])
            .env("XDG_DATA_HOME", data_home)
            .stdin(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {program:?} (cargo install tauri-driver): {e}")
            });
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not listen on port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Self {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // SIGTERM lets tauri-driver stop WebKitWebDriver too; SIGKILL would orphan it.
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free local port")
}

/// Keeps a picture of the window when a test fails, in `tests/out/` (ignored by git).
async fn save_screenshot(client: &Client) {
    let Ok(Ok(png)) = tokio::time::timeout(STEP_TIMEOUT, client.screenshot()).await else {
        return;
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("out");
    let name = std::thread::current()
        .name()
        .unwrap_or("e2e")
        .replace("::", "-");
    if std::fs::create_dir_all(&dir).is_ok() {
        let path = dir.join(format!("{name}.png"));
        if std::fs::write(&path, png).is_ok() {
            eprintln!("screenshot of the failing window: {}", path.display());
        }
    }
}

/// Starts a driver and the app. A launch that does not connect within a third of
/// [`SESSION_TIMEOUT`] is torn down and tried again (rarely, WebKitWebDriver never sees the
/// app's automation session; waiting longer does not help).
async fn launch(dirs: &Dirs) -> (Driver, App) {
    let attempts = 4;
    for attempt in 1..=attempts {
        let driver = Driver::start(&dirs.webview_data());
        match tokio::time::timeout(SESSION_TIMEOUT / attempts, connect(dirs, &driver.url)).await {
            Ok(client) => {
                let app = App { client };
                // The first screen is up when the article input exists and the window is shown
                // (it is created hidden and shown once the UI is laid out; clicks on a hidden
                // window fail).
                app.find("[data-testid=article-input]").await;
                app.wait_until(
                    "the window to be shown",
                    "return document.visibilityState === 'visible';",
                )
                .await;
                return (driver, app);
            }
            Err(_) => {
                eprintln!("no session on attempt {attempt} of {attempts}; starting afresh");
                end_app(&dirs.config()).await;
                drop(driver);
            }
        }
    }
    panic!("no WebDriver session within {SESSION_TIMEOUT:?}: does the app start (ATTACHE_APP)?");
}

async fn connect(dirs: &Dirs, url: &str) -> Client {
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
                "--test-reveal-file", dirs.revealed(),
                "--test-opened-file", dirs.opened(),
            ],
        }),
    );
    let mut builder = ClientBuilder::new(HttpConnector::new());
    builder.capabilities(caps);
    let started = Instant::now();
    loop {
        match builder.connect(url).await {
            Ok(client) => return client,
            // WebKitWebDriver may accept connections a moment before it serves them.
            Err(e) if started.elapsed() < Duration::from_secs(5) => {
                eprintln!("session not ready yet ({e}); retrying");
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
            Err(e) => panic!("tauri-driver at {url} refused the session: {e}"),
        }
    }
}

/// Waits for the app started with `config` to exit after its session closed, and ends it
/// (SIGTERM, then SIGKILL) if it lingers.
async fn end_app(config: &Path) {
    let needle = config.as_os_str().as_encoded_bytes().to_vec();
    for signal in [None, Some("-TERM"), Some("-KILL")] {
        let pids = app_pids(&needle);
        if pids.is_empty() {
            return;
        }
        if let Some(signal) = signal {
            eprintln!("the app (pids {pids:?}) outlived its session: kill {signal}");
            for pid in &pids {
                let _ = Command::new("kill")
                    .args([signal, &pid.to_string()])
                    .status();
            }
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline && !app_pids(&needle).is_empty() {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    assert!(app_pids(&needle).is_empty(), "the app could not be stopped");
}

/// Live (not zombie) processes with `needle` as one of their arguments.
pub fn app_pids(needle: &[u8]) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .parse::<u32>()
                .ok()
                .map(|pid| (pid, e.path()))
        })
        .filter(|(_, dir)| running_with_arg(dir, needle))
        .map(|(pid, _)| pid)
        .collect()
}

fn running_with_arg(dir: &Path, needle: &[u8]) -> bool {
    std::fs::read(dir.join("cmdline")).is_ok_and(|c| c.split(|&b| b == 0).any(|arg| arg == needle))
        && !std::fs::read_to_string(dir.join("stat")).is_ok_and(|s| {
            s.rsplit(')')
                .next()
                .is_some_and(|r| r.trim_start().starts_with('Z'))
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

    /// The WebDriver client, for what the helpers do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// A PNG of the window's page.
    pub async fn screenshot(&self) -> Vec<u8> {
        self.client
            .screenshot()
            .await
            .unwrap_or_else(|e| panic!("screenshot failed: {e}"))
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

    /// Clicks the element matching `css` (waiting for it), scrolled into view first.
    pub async fn click(&self, css: &str) {
        let element = self.find(css).await;
        self.click_element(&element, css).await;
    }

    /// Clicks `element` (described by `what` in failures), scrolled into view first: a
    /// WebDriver click needs the element's centre inside the viewport.
    pub async fn click_element(&self, element: &Element, what: &str) {
        let reference = serde_json::to_value(element).expect("an element reference");
        self.run(
            "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});",
            vec![reference],
        )
        .await;
        element
            .click()
            .await
            .unwrap_or_else(|e| panic!("clicking `{what}` failed: {e}"));
    }

    /// Presses `keys` together, as a person does a chord (Ctrl+Shift+F: `[Control, Shift,
    /// 'f']`), and releases them in reverse order. The keys go to whatever has the focus,
    /// through WebKit's real key event path.
    pub async fn chord(&self, keys: &[char]) {
        let mut actions = KeyActions::new("keyboard".into());
        for &k in keys {
            actions = actions.then(KeyAction::Down { value: k });
        }
        for &k in keys.iter().rev() {
            actions = actions.then(KeyAction::Up { value: k });
        }
        self.client
            .perform_actions(actions)
            .await
            .unwrap_or_else(|e| panic!("pressing {keys:?} failed: {e}"));
    }

    /// Types `text` key by key into whatever has the focus (short texts only).
    pub async fn type_text(&self, text: &str) {
        let mut actions = KeyActions::new("keyboard".into());
        for c in text.chars() {
            actions = actions
                .then(KeyAction::Down { value: c })
                .then(KeyAction::Up { value: c });
        }
        self.client
            .perform_actions(actions)
            .await
            .unwrap_or_else(|e| panic!("typing {text:?} failed: {e}"));
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
