//! Figures for the closing notes (run by tests/scripts/figures.sh, not by the suite:
//! `#[ignore]`): cold start to an interactive window with a 1,000-note vault, draft-to-render
//! time for the sample article, and the summed PSS of all the app's processes.
//! Each figure is printed as `FIGURE <name> <value> <unit>`.

use std::path::Path;
use std::time::{Duration, Instant};

use attache_vault::{NewNote, Vault};

use crate::support::{Dirs, with_app};

const NOTES: usize = 1_000;

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

/// Summed PSS (kB) of the process whose arguments include `needle` and all its descendants
/// (WebKit's web and network processes are children of the app).
fn pss_kb(needle: &[u8]) -> (u64, usize) {
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
    for pid in &family {
        let Some(kb) = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("Pss:"))
                    .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
            })
        else {
            continue;
        };
        let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        println!(
            "FIGURE pss_process_{} {:.1} MB",
            name.trim(),
            kb as f64 / 1024.0
        );
        total += kb;
    }
    (total, family.len())
}

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
    let launched = Instant::now();
    with_app(&dirs, move |app| async move {
        app.wait_until(
            "the library listing the vault",
            "return document.querySelectorAll('[data-testid=notes] [data-testid=note-item]').length > 0;",
        )
        .await;
        let outside = launched.elapsed();
        let inside = app
            .run("return Math.round(performance.now());", vec![])
            .await;
        println!(
            "FIGURE cold_start_to_interactive_via_webdriver {} ms",
            outside.as_millis()
        );
        println!("FIGURE page_load_to_interactive {inside} ms");

        let mut runs = Vec::new();
        for _ in 0..5 {
            app.set_value("[data-testid=article-input]", attache_engine::SAMPLE_ARTICLE)
                .await;
            // From the click to the brief shown: the brief's `data-state` turning `ready`
            // after the click, then one frame so it is painted.
            let ms = app
                .client()
                .execute_async(
                    "const done = arguments[arguments.length - 1];
                     const brief = document.querySelector('[data-testid=brief]');
                     const t0 = performance.now();
                     const seen = new MutationObserver(() => {
                       if (brief.dataset.state === 'ready') {
                         seen.disconnect();
                         requestAnimationFrame(() => done(performance.now() - t0));
                       }
                     });
                     seen.observe(brief, { attributes: true, attributeFilter: ['data-state'] });
                     document.querySelector('[data-testid=draft-button]').click();
                     setTimeout(() => done(-1), 10000);",
                    vec![],
                )
                .await
                .expect("the draft timing script runs");
            assert!(ms.as_f64().is_some_and(|m| m >= 0.0), "no draft within 10 s");
            runs.push(ms.as_f64().unwrap_or(f64::NAN));
        }
        runs.sort_by(f64::total_cmp);
        println!(
            "FIGURE draft_to_render_sample_median {:.1} ms (runs: {:?})",
            runs[runs.len() / 2],
            runs.iter().map(|r| r.round()).collect::<Vec<_>>()
        );

        tokio::time::sleep(Duration::from_secs(2)).await;
        let (kb, processes) = pss_kb(&needle);
        println!(
            "FIGURE pss_all_app_processes_{NOTES}_notes {:.1} MB ({processes} processes)",
            kb as f64 / 1024.0
        );
        assert!(kb > 0, "no app process found to measure");
    })
    .await;
}
