//! Figures for the closing notes (run by tests/scripts/figures.sh, not by the suite:
//! `#[ignore]`): cold start to an interactive window with a 1,000-note vault, draft-to-render
//! time for the sample article, and the summed PSS of all the app's processes.
//! Each figure is printed as `FIGURE <name> <value> <unit>`.
//!
//! Cold start is measured without WebDriver: the app is launched directly, and the UI tells it
//! when its first screen is painted with the library listed (command `ui_ready`); the app logs
//! the time since its process started, and that log line is read here.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use attache_vault::{NewNote, Vault};
use serde_json::Value;

use crate::support::{Dirs, app_path, app_pids, with_app};

const NOTES: usize = 1_000;
/// Direct launches for the cold-start figure (the first one may find the disk cache cold).
const LAUNCHES: usize = 5;
/// Drafts of the sample article for the draft-to-render figure.
const DRAFTS: usize = 7;

fn fill_vault(root: &Path) {
    let vault = Vault::open(root).expect("the figures vault opens");
    let article = attache_engine::SAMPLE_ARTICLE;
    let brief = attache_engine::draft(article, &Default::default()).expect("the sample drafts");
    for i in 0..NOTES {
        let meta = NewNote {
            title: Some(format!("Sample brief {i:04}")),
            ..NewNote::default()
        };
        vault
            .create(&brief, article, &meta)
            .expect("a note is created");
    }
}

/// A `kB` field of `/proc/PID/smaps_rollup`.
fn rollup_kb(rollup: &str, field: &str) -> u64 {
    rollup
        .lines()
        .filter(|l| l.starts_with(field))
        .filter_map(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        .sum()
}

/// Summed PSS (kB) of the process whose arguments include `needle` and all its descendants
/// (WebKit's web and network processes are children of the app); prints each process under
/// `label`. Also prints the family's private memory (USS): PSS shares library pages with
/// every other process mapping them, so it drops when other WebKit apps run on the machine;
/// USS does not depend on them. Anonymous memory (`Pss_Anon`: heaps, JavaScript, caches) is
/// printed too: it is what the app itself controls, while library pages depend on the machine.
fn pss_kb(needle: &[u8], label: &str) -> (u64, usize) {
    let mut parent_of = Vec::new();
    let mut roots = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        let after = stat.rsplit(')').next().unwrap_or("");
        let mut fields = after.split_whitespace();
        let state = fields.next().unwrap_or("Z");
        let ppid: u32 = fields.next().and_then(|p| p.parse().ok()).unwrap_or(0);
        if state == "Z" {
            continue;
        }
        parent_of.push((pid, ppid));
        let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
        if cmdline.split(|&b| b == 0).any(|a| a == needle) {
            roots.push(pid);
        }
    }
    let mut family = roots.clone();
    let mut grew = true;
    while grew {
        grew = false;
        for &(pid, ppid) in &parent_of {
            if family.contains(&ppid) && !family.contains(&pid) {
                family.push(pid);
                grew = true;
            }
        }
    }
    let mut total = 0;
    let mut private = 0;
    let mut anon = 0;
    for pid in &family {
        let Ok(rollup) = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")) else {
            continue;
        };
        let kb = rollup_kb(&rollup, "Pss:");
        private += rollup_kb(&rollup, "Private_Clean:") + rollup_kb(&rollup, "Private_Dirty:");
        anon += rollup_kb(&rollup, "Pss_Anon:");
        let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        println!(
            "FIGURE pss_{label}_process_{} {:.1} MB",
            name.trim(),
            kb as f64 / 1024.0
        );
        total += kb;
    }
    println!(
        "FIGURE uss_{label}_all_app_processes {:.1} MB (private pages only)",
        private as f64 / 1024.0
    );
    println!(
        "FIGURE pss_anon_{label}_all_app_processes {:.1} MB (anonymous pages: heaps, scripts, caches)",
        anon as f64 / 1024.0
    );
    (total, family.len())
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// The app started directly (as a user starts it: no WebDriver, no automation).
struct DirectApp {
    child: Child,
    needle: Vec<u8>,
}

impl DirectApp {
    /// Starts the app and waits for its "interactive" log line; returns the app and the
    /// milliseconds since its process started that the line reports.
    fn launch(dirs: &Dirs) -> (Self, u64) {
        let logs = dirs.config().join("logs");
        let _ = std::fs::remove_dir_all(&logs);
        let child = Command::new(app_path())
            .arg("--vault")
            .arg(dirs.vault())
            .arg("--config-dir")
            .arg(dirs.config())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the app starts");
        let app = Self {
            child,
            needle: dirs.config().as_os_str().as_encoded_bytes().to_vec(),
        };
        let log = logs.join("attache.log");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let text = std::fs::read_to_string(&log).unwrap_or_default();
            if let Some(ms) = interactive_ms(&text) {
                return (app, ms);
            }
            assert!(
                Instant::now() < deadline,
                "the app did not report an interactive window within 30 s; its log:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Ends the app (SIGTERM, then SIGKILL) and waits until its processes are gone, so the
    /// next launch is not handed to it by single-instance.
    fn stop(mut self) {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline && !matches!(self.child.try_wait(), Ok(Some(_))) {
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline && !app_pids(&self.needle).is_empty() {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// The milliseconds in the app's "interactive N ms after the process started" log line.
fn interactive_ms(log: &str) -> Option<u64> {
    log.lines().find_map(|line| {
        let rest = line.split("interactive ").nth(1)?;
        let (ms, tail) = rest.split_once(" ms")?;
        tail.starts_with(" after the process started")
            .then(|| ms.trim().parse().ok())
            .flatten()
    })
}

/// One draft of the sample, timed in the page from the click: the brief shown and painted,
/// the steps in between (the UI's `attache:*` timing marks), and the note's preview shown.
const DRAFT_SCRIPT: &str = "
const done = arguments[arguments.length - 1];
const brief = document.querySelector('[data-testid=brief]');
const since = (name) => {
  const e = performance.getEntriesByName(name).pop();
  return e && e.startTime >= t0 ? e.startTime - t0 : null;
};
let painted = null, ready = null;
const finish = () => done({
  painted, ready,
  start: since('attache:draft-start'),
  reply: since('attache:draft-reply'),
  note: since('attache:note-rendered'),
  preview: since('attache:preview-shown'),
});
const seen = new MutationObserver(() => {
  if (brief.dataset.state !== 'ready') return;
  seen.disconnect();
  ready = performance.now() - t0;
  requestAnimationFrame(() => {
    painted = performance.now() - t0;
    // Then the note pane: its Markdown and preview follow the brief.
    const waitPreview = () => since('attache:preview-shown') !== null
      ? requestAnimationFrame(finish) : setTimeout(waitPreview, 5);
    waitPreview();
  });
});
seen.observe(brief, { attributes: true, attributeFilter: ['data-state'] });
const t0 = performance.now();
document.querySelector('[data-testid=draft-button]').click();
setTimeout(finish, 10000);
";

#[tokio::test]
#[ignore = "prints figures; run by tests/scripts/figures.sh"]
async fn measure() {
    let dirs = Dirs::new();
    let filled = Instant::now();
    fill_vault(&dirs.vault());
    println!(
        "FIGURE vault_fill_{NOTES}_notes {} ms",
        filled.elapsed().as_millis()
    );
    let needle = dirs.config().as_os_str().as_encoded_bytes().to_vec();

    // Cold start and idle memory, launched as a user launches it.
    let mut starts = Vec::new();
    for run in 1..=LAUNCHES {
        let (app, ms) = DirectApp::launch(&dirs);
        starts.push(ms as f64);
        if run == LAUNCHES {
            std::thread::sleep(Duration::from_secs(3));
            let (kb, processes) = pss_kb(&needle, "idle");
            println!(
                "FIGURE pss_idle_all_app_processes_{NOTES}_notes {:.1} MB ({processes} processes, no WebDriver)",
                kb as f64 / 1024.0
            );
            assert!(kb > 0, "no app process found to measure");
        }
        app.stop();
    }
    let runs: Vec<f64> = starts.clone();
    println!(
        "FIGURE cold_start_to_interactive_median {:.0} ms (process start to the first painted frame with the library listed, reported by the app; runs: {runs:?})",
        median(&mut starts)
    );

    let launched = Instant::now();
    with_app(&dirs, move |app| async move {
        app.wait_until(
            "the library listing the vault",
            "return document.querySelectorAll('[data-testid=notes] [data-testid=note-item]').length > 0;",
        )
        .await;
        let outside = launched.elapsed();
        println!(
            "FIGURE cold_start_to_interactive_via_webdriver {} ms (including the WebDriver session)",
            outside.as_millis()
        );
        app.wait_until(
            "the app's start-up report",
            "return !!document.documentElement.dataset.startupMs;",
        )
        .await;
        let reported = app
            .run("return document.documentElement.dataset.startupMs;", vec![])
            .await;
        println!(
            "FIGURE cold_start_to_interactive_under_webdriver {} ms (reported by the app)",
            reported.as_str().unwrap_or("?")
        );

        let mut timings: Vec<Value> = Vec::new();
        for _ in 0..DRAFTS {
            app.set_value("[data-testid=article-input]", attache_engine::SAMPLE_ARTICLE)
                .await;
            let t = app
                .client()
                .execute_async(DRAFT_SCRIPT, vec![])
                .await
                .expect("the draft timing script runs");
            assert!(
                t["painted"].as_f64().is_some(),
                "no draft shown within 10 s: {t}"
            );
            timings.push(t);
        }
        let column = |name: &str| -> Vec<f64> {
            timings
                .iter()
                .map(|t| t[name].as_f64().unwrap_or(f64::NAN))
                .collect()
        };
        let between = |from: &str, to: &str| -> f64 {
            let mut d: Vec<f64> = column(to)
                .iter()
                .zip(column(from))
                .map(|(b, a)| b - a)
                .collect();
            median(&mut d)
        };
        let mut painted = column("painted");
        let runs: Vec<f64> = painted.iter().map(|r| r.round()).collect();
        println!(
            "FIGURE draft_to_render_sample_median {:.1} ms (click to the brief painted; runs: {runs:?})",
            median(&mut painted)
        );
        println!(
            "FIGURE draft_breakdown_median click→request {:.1} ms, draft command round trip {:.1} ms, brief DOM update {:.1} ms, to the painted frame {:.1} ms",
            median(&mut column("start")),
            between("start", "reply"),
            between("reply", "ready"),
            between("ready", "painted"),
        );
        let mut preview = column("preview");
        println!(
            "FIGURE draft_to_note_preview_sample_median {:.1} ms (click to the note's Markdown and preview shown; note rendered at {:.1} ms)",
            median(&mut preview),
            median(&mut column("note")),
        );

        tokio::time::sleep(Duration::from_secs(2)).await;
        let (kb, processes) = pss_kb(&needle, "after_drafts");
        println!(
            "FIGURE pss_all_app_processes_{NOTES}_notes {:.1} MB ({processes} processes, after {DRAFTS} drafts, under WebDriver)",
            kb as f64 / 1024.0
        );
        assert!(kb > 0, "no app process found to measure");
    })
    .await;
}

#[cfg(test)]
mod tests {
    use super::interactive_ms;

    #[test]
    fn reads_the_interactive_line_of_the_log() {
        let log = "[2026-01-01][10:00:00][attache_desktop::state][INFO] vault opened (Flag)\n\
                   [2026-01-01][10:00:01][attache_desktop::commands::launch][INFO] interactive 812 ms after the process started\n";
        assert_eq!(interactive_ms(log), Some(812));
        assert_eq!(interactive_ms("interactive soon"), None);
    }
}
