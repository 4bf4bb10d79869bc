use std::path::Path;
use std::time::Instant;
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


fn main() {
    let root = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    if !root.exists() { std::fs::create_dir_all(&root).unwrap(); generate(&root, 10_000); }
    let t = Instant::now();
    let mut paths = vec![];
    for e in std::fs::read_dir(&root).unwrap().flatten() { let _ = e.file_type(); let m = std::fs::metadata(e.path()).unwrap(); paths.push((e.path(), m.len())); }
    println!("walk+stat {:?} {} files {} bytes", t.elapsed(), paths.len(), paths.iter().map(|p| p.1).sum::<u64>());
    let t = Instant::now();
    let texts: Vec<String> = paths.iter().map(|(p,_)| std::fs::read_to_string(p).unwrap()).collect();
    println!("read {:?}", t.elapsed());
    let t = Instant::now();
    let mut n = 0; for s in &texts { let sp = attache_vault::frontmatter::split(s).unwrap(); let fm = attache_vault::frontmatter::FrontMatter::parse(sp.yaml.unwrap()).unwrap(); n += fm.map.len(); }
    println!("yaml {:?} {n}", t.elapsed());
    let t = Instant::now();
    let mut n = 0; for s in &texts { let sp = attache_vault::frontmatter::split(s).unwrap(); let v: serde_norway::Value = serde_norway::from_str(sp.yaml.unwrap()).unwrap(); n += v.as_mapping().unwrap().len(); }
    println!("serde_norway {:?} {n}", t.elapsed());
    let t = Instant::now();
    let mut n = 0; for s in &texts { n += s.to_lowercase().len(); }
    println!("lower {:?} {n}", t.elapsed());
    let v = attache_vault::Vault::open(&root).unwrap();
    for _ in 0..3 { let t = Instant::now(); let l = v.list().unwrap(); println!("list {:?} {}", t.elapsed(), l.len()); }
    for _ in 0..3 { let t = Instant::now(); let l = v.search("putin ceasefire").unwrap(); println!("search {:?} {}", t.elapsed(), l.len()); }
}
