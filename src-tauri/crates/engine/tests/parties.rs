//! Parties, from the examples in `tests/testdata/parties*.txt` (format at the top of
//! `parties.txt`): one runner reads every file and names the block that fails.

use attache_engine::{Brief, DraftOptions, Party, draft};

/// One party a block requires: its name and the fields it must have.
#[derive(Debug, Default)]
struct Want {
    name: String,
    kind: String,
    role: Option<String>,
    affiliation: Option<String>,
    aliases: Vec<String>,
    mentions: Option<usize>,
}

/// One example of a `tests/testdata/parties*.txt` file.
#[derive(Debug)]
struct Example {
    /// Where the block starts ("parties.txt:12").
    at: String,
    title: String,
    text: String,
    parties: Vec<Want>,
    absent: Vec<String>,
    order: Vec<String>,
    speaks: Vec<(String, usize)>,
    count: Option<usize>,
}

/// Reads `party: name | kind | key=value …`.
fn want(value: &str, at: &str) -> Want {
    let mut cols = value.split(" | ");
    let mut w = Want {
        name: cols.next().unwrap_or_default().to_owned(),
        kind: cols
            .next()
            .unwrap_or_else(|| panic!("{at}: party: name | kind | …"))
            .to_owned(),
        ..Want::default()
    };
    for col in cols {
        let (key, v) = col
            .split_once('=')
            .unwrap_or_else(|| panic!("{at}: expected key=value, got {col:?}"));
        let v = v.to_owned();
        match key {
            "role" => w.role = Some(v),
            "affiliation" => w.affiliation = Some(v),
            "alias" => w.aliases.push(v),
            "mentions" => w.mentions = Some(v.parse().expect("a mention count")),
            _ => panic!("{at}: unknown party field {key:?}"),
        }
    }
    w
}

/// The examples of every `tests/testdata/parties*.txt` file.
fn examples() -> Vec<Example> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/testdata");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/testdata")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("parties") && n.ends_with(".txt"))
        })
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_owned();
        let data = std::fs::read_to_string(&path).expect("readable test data");
        let mut cur: Option<Example> = None;
        for (n, line) in data.lines().enumerate().chain([(usize::MAX, "")]) {
            if line.trim().is_empty() {
                out.extend(cur.take());
                continue;
            }
            if line.starts_with('#') {
                continue;
            }
            let at = format!("{name}:{}", n.wrapping_add(1));
            let ex = cur.get_or_insert_with(|| Example {
                at: at.clone(),
                title: "Title".to_owned(),
                text: String::new(),
                parties: Vec::new(),
                absent: Vec::new(),
                order: Vec::new(),
                speaks: Vec::new(),
                count: None,
            });
            let (key, value) = line
                .split_once(": ")
                .unwrap_or_else(|| panic!("{at}: expected `key: value`"));
            let value = value.replace("\\n", "\n");
            match key {
                "title" => ex.title = value,
                "text" => ex.text = value,
                "party" => ex.parties.push(want(&value, &at)),
                "absent" => ex.absent.push(value),
                "order" => ex.order = value.split(", ").map(str::to_owned).collect(),
                "speaks" => {
                    let (who, n) = value
                        .split_once(" | ")
                        .unwrap_or_else(|| panic!("{at}: speaks: name | N"));
                    ex.speaks
                        .push((who.to_owned(), n.parse().expect("a position count")));
                }
                "count" => ex.count = Some(value.parse().expect("a party count")),
                _ => panic!("{at}: unknown key {key:?}"),
            }
        }
    }
    out
}

fn brief(text: &str) -> Brief {
    draft(text, &DraftOptions::default()).expect("drafts")
}

fn field(got: Option<&str>, want: &str) -> bool {
    match want {
        "-" => got.is_none(),
        w => got == Some(w),
    }
}

/// What is wrong with one listed party, if anything.
fn check_party(p: &Party, w: &Want, text: &str) -> Option<String> {
    let kind = format!("{:?}", p.kind).to_lowercase();
    let wrong = |what: &str, got: &dyn std::fmt::Debug| {
        Some(format!("{}: {what} is {got:?}, want {w:?}", w.name))
    };
    if kind != w.kind {
        return wrong("kind", &kind);
    }
    if let Some(r) = &w.role
        && !field(p.role.as_deref(), r)
    {
        return wrong("role", &p.role);
    }
    if let Some(a) = &w.affiliation
        && !field(p.affiliation.as_deref(), a)
    {
        return wrong("affiliation", &p.affiliation);
    }
    if let Some(a) = w.aliases.iter().find(|a| !p.aliases.contains(a)) {
        return wrong(&format!("missing alias {a:?}; aliases"), &p.aliases);
    }
    if let Some(n) = w.mentions
        && p.mentions.len() != n
    {
        return wrong("mention count", &p.mentions.len());
    }
    if p.mentions
        .iter()
        .any(|m| text.get(m.range()).is_none_or(|s| s.trim().is_empty()))
    {
        return wrong("a mention span (empty or off a boundary) in", &p.mentions);
    }
    None
}

/// What is wrong with the brief of one example, if anything.
fn check(ex: &Example) -> Option<String> {
    let text = format!("{}\n\n{}", ex.title, ex.text);
    let b = brief(&text);
    let names: Vec<&str> = b.parties.iter().map(|p| p.name.as_str()).collect();
    for w in &ex.parties {
        let Some(p) = b.parties.iter().find(|p| p.name == w.name) else {
            return Some(format!("no party {:?}; parties {names:?}", w.name));
        };
        if let Some(why) = check_party(p, w, &text) {
            return Some(why);
        }
    }
    if let Some(a) = ex.absent.iter().find(|a| names.contains(&a.as_str())) {
        return Some(format!("{a:?} should not be listed; parties {names:?}"));
    }
    if !ex.order.is_empty()
        && names.get(..ex.order.len())
            != Some(&ex.order.iter().map(String::as_str).collect::<Vec<_>>()[..])
    {
        return Some(format!(
            "parties in order {names:?}, want {:?} first",
            ex.order
        ));
    }
    for (i, p) in b.parties.iter().enumerate() {
        if p.id != format!("p{}", i + 1) {
            return Some(format!("party {} has id {}", p.name, p.id));
        }
    }
    for (who, n) in &ex.speaks {
        let got = b.positions.iter().filter(|p| &p.speaker == who).count();
        if got < *n {
            let speakers: Vec<&str> = b.positions.iter().map(|p| p.speaker.as_str()).collect();
            return Some(format!(
                "{who} speaks {got} times, want at least {n}; speakers {speakers:?}"
            ));
        }
    }
    if let Some(n) = ex.count
        && b.parties.len() != n
    {
        return Some(format!("{} parties, want {n}: {names:?}", b.parties.len()));
    }
    None
}

#[test]
fn parties_testdata() {
    let examples = examples();
    assert!(
        examples.len() >= 40,
        "the test data files hold the examples ({} found)",
        examples.len()
    );
    let failures: Vec<String> = examples
        .iter()
        .filter_map(|ex| check(ex).map(|why| format!("{}: {why}", ex.at)))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_runner_reports_what_is_wrong() {
    // A block the engine cannot satisfy must fail, naming the missing party.
    let ex = Example {
        at: "inline".into(),
        title: "Title".into(),
        text: "Foreign Minister Anna Berg said talks would resume.".into(),
        parties: vec![Want {
            name: "Nobody Here".into(),
            kind: "person".into(),
            ..Want::default()
        }],
        absent: vec!["Anna Berg".into()],
        order: Vec::new(),
        speaks: Vec::new(),
        count: None,
    };
    let why = check(&ex).expect("fails");
    assert!(why.contains("no party \"Nobody Here\""), "{why}");
}
