//! Data-driven tests of the note patcher: each file in `testdata/patch/` is one case — the
//! analyst's own changes to the rendered note, the structured edits made in the draft pane,
//! and the note that must come out. The brief and the article they share are
//! `testdata/patch/brief.json` and `article.txt` (our own invented sentences).
//!
//! A case file has sections opened by `== name` lines (`#` lines before the first are the
//! case's description):
//! - `analyst`: pairs of lines `- old` / `+ new`, each replacing the first `old` in the note
//!   as rendered (what the analyst typed into the note before the edits);
//! - `edits`: one draft-pane edit a line, applied one after the other, each a patch
//!   (`stance 0 oppose`, `text 1 …`, `speaker 3 Anna Berg`, `issue 2 Corridor talks`,
//!   `remove position 4`, `remove question 0`, `remove date 1`, `question 0 …`,
//!   `event 2 …`, `new position 0 …` (a re-draft found a position like 0 with this text),
//!   `undo` (the last edit reversed));
//! - `out`: the note expected after the last edit;
//! - `kept` (optional): the analyst's text kept where an edit could not go, one a line.
//!
//! `UPDATE_TESTDATA=1 cargo test -p attache-vault --test patch` rewrites `out` and `kept`
//! from what the patcher does now (when the renderer's format changes); review the diff.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use attache_engine::render::{self, RenderOptions};
use attache_engine::{Brief, Issue};
use attache_vault::patch::{self, DraftState, NoteRefs};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/testdata/patch")
}

fn options() -> RenderOptions {
    RenderOptions {
        id: Some("0b7f3c1e-2a4d-4e5f-8a9b-1c2d3e4f5a6b".into()),
        classification: Some("OFFICIAL".into()),
        created: Some("2026-03-12T09:30:00Z".into()),
        updated: Some("2026-03-12T09:30:00Z".into()),
        generated_by: Some("attache test".into()),
        ..RenderOptions::default()
    }
}

struct Case {
    name: String,
    head: String,
    sections: Vec<(String, String)>,
}

impl Case {
    fn read(path: &Path) -> Self {
        let raw = std::fs::read_to_string(path).unwrap();
        let mut head = String::new();
        let mut sections: Vec<(String, String)> = Vec::new();
        for line in raw.split_inclusive('\n') {
            if let Some(name) = line.strip_prefix("== ") {
                sections.push((name.trim().to_owned(), String::new()));
            } else if let Some((_, body)) = sections.last_mut() {
                body.push_str(line);
            } else {
                head.push_str(line);
            }
        }
        Self {
            name: path.file_name().unwrap().to_string_lossy().into_owned(),
            head,
            sections,
        }
    }

    fn section(&self, name: &str) -> &str {
        self.sections
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, b)| b.as_str())
    }

    fn write(&self, path: &Path, out: &str, kept: &[String]) {
        let mut s = self.head.clone();
        for (name, body) in &self.sections {
            if name == "out" || name == "kept" {
                continue;
            }
            let _ = write!(s, "== {name}\n{body}");
        }
        let _ = write!(s, "== out\n{out}");
        if !kept.is_empty() {
            let _ = writeln!(s, "== kept\n{}", kept.join("\n"));
        }
        std::fs::write(path, s).unwrap();
    }
}

/// The note as rendered, with the analyst's replacements applied.
fn note_in(case: &Case, brief: &Brief, text: &str) -> String {
    let mut note = render::markdown(brief, text, &options());
    let mut old: Option<String> = None;
    for (n, line) in case.section("analyst").lines().enumerate() {
        if let Some(o) = line.strip_prefix("- ") {
            old = Some(unescape(o));
        } else if let Some(new) = line.strip_prefix("+ ") {
            let o = old
                .take()
                .unwrap_or_else(|| panic!("{} analyst line {}: `+` without `-`", case.name, n + 1));
            assert!(
                note.contains(&o),
                "{} analyst line {}: the rendered note has no {o:?}",
                case.name,
                n + 1
            );
            note = note.replacen(&o, &unescape(new), 1);
        }
    }
    note
}

/// `\n` in a replacement stands for a line break.
fn unescape(s: &str) -> String {
    s.replace("\\n", "\n")
}

fn apply(state: &DraftState, line: &str, case: &str, n: usize) -> DraftState {
    let mut next = state.clone();
    let b = &mut next.brief;
    let r = &mut next.refs;
    let fail = |why: &str| -> ! { panic!("{case} edits line {n}: {why}: {line}") };
    let words: Vec<&str> = line.split_whitespace().collect();
    let index = |at: usize| -> usize {
        words
            .get(at)
            .and_then(|w| w.parse().ok())
            .unwrap_or_else(|| fail("expected an item number"))
    };
    let rest = |from: usize| words[from.min(words.len())..].join(" ");
    match words.first().copied() {
        Some("stance") => {
            let i = index(1);
            b.positions[i].stance = serde_json::from_value(serde_json::json!(words[2]))
                .unwrap_or_else(|_| fail("not a stance"));
        }
        Some("text") => b.positions[index(1)].text = rest(2),
        Some("speaker") => {
            let (i, name) = (index(1), rest(2));
            b.positions[i].party = b
                .parties
                .iter()
                .find(|p| p.name == name)
                .map(|p| p.id.clone());
            b.positions[i].speaker = name;
        }
        Some("issue") => {
            let (i, label) = (index(1), rest(2));
            let id = match b.issues.iter().find(|x| x.label == label) {
                Some(x) => x.id.clone(),
                None => {
                    let id = format!("i{}", b.issues.len() + 1);
                    b.issues.push(Issue {
                        id: id.clone(),
                        label: label.clone(),
                        evidence: vec![],
                    });
                    id
                }
            };
            b.positions[i].issue = label;
            b.positions[i].issue_id = Some(id);
        }
        Some("question") => b.open_questions[index(1)].question = rest(2),
        Some("event") => b.key_dates[index(1)].event = Some(rest(2)),
        Some("new") if words.get(1) == Some(&"position") => {
            let mut p = b.positions[index(2)].clone();
            p.text = rest(3);
            b.positions.push(p);
            r.positions.push(String::new());
        }
        Some("remove") => {
            let i = index(2);
            match words[1] {
                "position" => {
                    b.positions.remove(i);
                    r.positions.remove(i);
                }
                "question" => {
                    b.open_questions.remove(i);
                    r.questions.remove(i);
                }
                "date" => {
                    b.key_dates.remove(i);
                    r.dates.remove(i);
                }
                "party" => {
                    b.parties.remove(i);
                }
                _ => fail("remove what?"),
            }
        }
        _ => fail("unknown edit"),
    }
    next
}

#[test]
fn patch_cases() {
    let text = std::fs::read_to_string(dir().join("article.txt")).unwrap();
    let brief: Brief =
        serde_json::from_str(&std::fs::read_to_string(dir().join("brief.json")).unwrap()).unwrap();
    let update = std::env::var_os("UPDATE_TESTDATA").is_some();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "txt")
                && p.file_name().is_some_and(|n| n != "article.txt")
        })
        .collect();
    files.sort();
    assert!(
        files.len() >= 5,
        "the patch cases are missing from {}",
        dir().display()
    );
    let mut failures = Vec::new();
    for path in &files {
        let case = Case::read(path);
        let mut note = note_in(&case, &brief, &text);
        let mut state = DraftState {
            refs: patch::rendered_refs(&brief, &text),
            brief: brief.clone(),
            edits: vec![],
        };
        let mut history: Vec<DraftState> = Vec::new();
        let mut kept = Vec::new();
        for (n, line) in case.section("edits").lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let next = if line.trim() == "undo" {
                history.pop().unwrap_or_else(|| {
                    panic!("{} edits line {}: nothing to undo", case.name, n + 1)
                })
            } else {
                history.push(state.clone());
                apply(&state, line, &case.name, n + 1)
            };
            let patched = patch::patch_note(&note, &text, &state, &next);
            note = patched.markdown;
            kept.extend(patched.kept);
            state = DraftState {
                brief: next.brief,
                refs: patched.refs,
                edits: vec![],
            };
            assert_refs_in_note(&state.refs, &note, &case.name, n + 1);
        }
        if update {
            case.write(path, &note, &kept);
            continue;
        }
        let want = case.section("out");
        if note != want {
            failures.push(format!("{}: {}", case.name, first_difference(want, &note)));
        }
        let want_kept: Vec<&str> = case.section("kept").lines().collect();
        if kept != want_kept {
            failures.push(format!(
                "{}: kept {kept:?}, expected {want_kept:?}",
                case.name
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "patch cases failed:\n{}",
        failures.join("\n")
    );
}

/// Every item's label is a footnote the note still references and defines.
fn assert_refs_in_note(refs: &NoteRefs, note: &str, case: &str, n: usize) {
    for label in refs
        .positions
        .iter()
        .chain(&refs.questions)
        .chain(&refs.dates)
    {
        assert!(
            note.contains(&format!("[^{label}]")) && note.contains(&format!("\n[^{label}]:")),
            "{case} after edits line {n}: the note lost footnote {label}"
        );
    }
}

fn first_difference(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    for i in 0..w.len().max(g.len()) {
        if w.get(i) != g.get(i) {
            return format!(
                "out line {}: expected {:?}, got {:?}",
                i + 1,
                w.get(i).copied().unwrap_or("<end>"),
                g.get(i).copied().unwrap_or("<end>")
            );
        }
    }
    "the line endings differ".to_owned()
}

#[test]
fn the_renderers_labels_are_found_for_every_item() {
    let text = std::fs::read_to_string(dir().join("article.txt")).unwrap();
    let brief: Brief =
        serde_json::from_str(&std::fs::read_to_string(dir().join("brief.json")).unwrap()).unwrap();
    let refs = patch::rendered_refs(&brief, &text);
    let note = render::markdown(&brief, &text, &options());
    for (i, p) in brief.positions.iter().enumerate() {
        let label = &refs.positions[i];
        let line = note
            .lines()
            .find(|l| l.contains(&format!("[^{label}]")) && !l.starts_with("[^"))
            .unwrap_or_else(|| panic!("no line for position {i} ({label})"));
        let words = p.text.trim_end_matches(',');
        assert!(
            line.contains(words),
            "position {i}'s label {label} is on {line:?}"
        );
    }
    let mut all: Vec<&String> = refs
        .positions
        .iter()
        .chain(&refs.questions)
        .chain(&refs.dates)
        .collect();
    let n = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), n, "labels are unique: {refs:?}");
    assert!(
        refs.questions
            .iter()
            .chain(&refs.dates)
            .all(|l| !l.is_empty()),
        "{refs:?}"
    );
}
