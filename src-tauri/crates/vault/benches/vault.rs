//! Vault benchmarks on a generated vault of 10,000 notes (`cargo bench -p attache-vault`).
//! Targets (issue 5): list < 300 ms cold and < 100 ms warm, search < 100 ms, save < 5 ms
//! median. `ATTACHE_BENCH_NOTES` changes the vault size. Peak memory (VmHWM) is printed last.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use attache_vault::{SaveOutcome, Vault};

struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    warm: Vault,
}

fn notes() -> usize {
    std::env::var("ATTACHE_BENCH_NOTES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000)
}

const WORDS: &[&str] = &[
    "ceasefire",
    "talks",
    "minister",
    "sanctions",
    "summit",
    "border",
    "troops",
    "negotiations",
    "statement",
    "election",
    "parliament",
    "agreement",
    "refugees",
    "embassy",
    "delegation",
    "security",
    "council",
    "resolution",
    "envoy",
    "treaty",
    "aid",
    "pipeline",
    "grain",
    "export",
    "the",
    "of",
    "and",
    "to",
    "in",
    "said",
    "would",
    "on",
    "that",
    "with",
    "officials",
    "week",
];
const PARTIES: &[&str] = &[
    "Vladimir Putin",
    "Donald Trump",
    "Volodymyr Zelensky",
    "European Union",
    "NATO",
    "United Nations",
    "Xi Jinping",
    "Emmanuel Macron",
    "Recep Tayyip Erdogan",
    "Hamas",
    "Israel",
    "Iran",
    "Anna Berg",
    "African Union",
    "World Bank",
];

/// A synthetic article: sentences built from the word lists, with attributions the engine
/// turns into parties and positions (no corpus text).
fn article(next: &mut impl FnMut() -> u64) -> String {
    let pick = |r: u64, list: &[&'static str]| list[(r % list.len() as u64) as usize];
    let mut text = format!(
        "{} {} talks\n\n",
        pick(next(), PARTIES),
        pick(next(), WORDS)
    );
    for _ in 0..30 {
        let speaker = pick(next(), PARTIES);
        let mut clause = String::new();
        for _ in 0..14 {
            clause.push_str(pick(next(), WORDS));
            clause.push(' ');
        }
        match next() % 3 {
            0 => text.push_str(&format!(
                "{speaker} said on Monday that the {}.\n\n",
                clause.trim()
            )),
            1 => text.push_str(&format!("“The {},” {speaker} said.\n\n", clause.trim())),
            _ => text.push_str(&format!("The {} next week.\n\n", clause.trim())),
        }
    }
    text
}

fn generate(root: &Path, count: usize) {
    let mut rng = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    // Draft a few dozen articles with the real engine, then render each many times under new
    // ids and titles: the notes look exactly like Attaché's own.
    let drafts: Vec<(String, attache_engine::Brief)> = (0..40)
        .map(|_| {
            let text = article(&mut next);
            let brief =
                attache_engine::draft(&text, &attache_engine::DraftOptions::default()).unwrap();
            (text, brief)
        })
        .collect();
    for i in 0..count {
        let (text, brief) = &drafts[i % drafts.len()];
        let mut brief = brief.clone();
        let day = 1 + i % 28;
        brief.title = format!("{} {i}", brief.title);
        brief.source.published = Some(format!("2025-03-{day:02}"));
        #[allow(clippy::needless_update)]
        let options = attache_engine::render::RenderOptions {
            id: Some(format!(
                "{i:08x}-0000-4000-8000-{:012x}",
                next() % 1_000_000_000_000
            )),
            created: Some(format!("2025-03-{day:02}T10:00:00Z")),
            updated: Some(format!("2025-03-{day:02}T10:00:00Z")),
            ..Default::default()
        };
        let note = attache_engine::render::markdown(&brief, text, &options);
        std::fs::write(root.join(format!("2025-03-{day:02} note {i}.md")), note).unwrap();
    }
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("vault");
    std::fs::create_dir(&root).unwrap();
    generate(&root, notes());
    let warm = Vault::open(&root).unwrap();
    assert_eq!(warm.list().unwrap().len(), notes());
    warm.search("warm up the search index").unwrap();
    Fixture {
        _dir: dir,
        root,
        warm,
    }
});

/// A fresh `Vault` each time: no in-memory index, every note read and parsed (the files are in
/// the OS page cache, as after any earlier run of the app).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn open_and_list_cold(bencher: divan::Bencher<'_, '_>) {
    let root = &FIXTURE.root;
    bencher.bench(|| {
        let vault = Vault::open(root).unwrap();
        vault.list().unwrap().len()
    });
}

/// The first search after opening: the search text of every note is read and indexed.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn open_list_and_first_search(bencher: divan::Bencher<'_, '_>) {
    let root = &FIXTURE.root;
    bencher.bench(|| {
        let vault = Vault::open(root).unwrap();
        vault.list().unwrap();
        vault.search("putin ceasefire").unwrap().len()
    });
}

/// Listing again: only `stat` calls; unchanged notes come from the index.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn list_warm(bencher: divan::Bencher<'_, '_>) {
    let vault = &FIXTURE.warm;
    bencher.bench(|| vault.list().unwrap().len());
}

/// Searching as you type: two words, ranked.
#[divan::bench(sample_count = 20, sample_size = 1, args = ["sanctions", "putin ceasefire", "\"security council\" envoy"])]
fn search(bencher: divan::Bencher<'_, '_>, query: &str) {
    let vault = &FIXTURE.warm;
    bencher.bench(|| vault.search(query).unwrap().len());
}

/// One save: conflict check, atomic write with two fsyncs.
#[divan::bench(sample_count = 50, sample_size = 1)]
fn save(bencher: divan::Bencher<'_, '_>) {
    let vault = &FIXTURE.warm;
    let path = vault.list().unwrap()[0].path.clone();
    let mut note = vault.open_note(&path).unwrap();
    let mut n = 0u32;
    bencher.bench_local(|| {
        n += 1;
        let text = format!("{}\nEdit {n}.\n", note.markdown);
        match vault.save(&path, &text, &note.stamp).unwrap() {
            SaveOutcome::Saved { stamp, .. } => {
                note.stamp = stamp;
                note.markdown = text;
            }
            other => panic!("{other:?}"),
        }
    });
}

/// CPU seconds (user + system) this process has used so far, from `/proc/self/stat`
/// (`None` off Linux). The machine may be shared: CPU time shows the work an operation does
/// when wall time is inflated by other processes.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0) // USER_HZ is 100 on Linux
}

fn cpu_per_op(name: &str, runs: u32, mut op: impl FnMut()) {
    let (Some(before), started) = (cpu_seconds(), std::time::Instant::now()) else {
        return;
    };
    for _ in 0..runs {
        op();
    }
    let wall = started.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    let cpu = cpu_seconds().map_or(0.0, |after| (after - before) * 1000.0 / f64::from(runs));
    println!(
        "{name:<28} wall {wall:>8.1} ms/op   cpu (all threads) {cpu:>8.1} ms/op   ({runs} runs)"
    );
}

fn main() {
    let load = || {
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
            .to_owned()
    };
    println!("load average before: {}", load());
    let started = std::time::Instant::now();
    LazyLock::force(&FIXTURE);
    println!(
        "generated and indexed {} notes in {:.2} s",
        notes(),
        started.elapsed().as_secs_f64()
    );
    divan::main();
    println!("load average after: {}", load());
    let f = &*FIXTURE;
    cpu_per_op("open_and_list_cold", 5, || {
        Vault::open(&f.root).unwrap().list().unwrap();
    });
    cpu_per_op("open_list_and_first_search", 3, || {
        let vault = Vault::open(&f.root).unwrap();
        vault.list().unwrap();
        vault.search("putin ceasefire").unwrap();
    });
    cpu_per_op("list_warm", 20, || {
        f.warm.list().unwrap();
    });
    cpu_per_op("search \"putin ceasefire\"", 20, || {
        f.warm.search("putin ceasefire").unwrap();
    });
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    for line in status
        .lines()
        .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
    {
        println!("{line}");
    }
}
