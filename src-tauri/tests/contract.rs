//! The command list is one list (`src/command_list.rs`): `generate_handler!` and the
//! permissions `build.rs` generates read it directly; this test ties the files that cannot
//! (the capability, the UI's typed wrappers and the UI's contract page) to it.
//! `cargo test -p attache-desktop --features mock --test contract`.

use std::collections::BTreeSet;
use std::path::Path;

use attache_desktop::COMMANDS;

fn read(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn listed() -> BTreeSet<String> {
    let set: BTreeSet<String> = COMMANDS.iter().map(|c| (*c).to_owned()).collect();
    assert_eq!(set.len(), COMMANDS.len(), "a command is listed twice");
    set
}

fn diff(what: &str, found: &BTreeSet<String>) {
    let want = listed();
    let missing: Vec<_> = want.difference(found).collect();
    let extra: Vec<_> = found.difference(&want).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{what} and src/command_list.rs differ: missing {missing:?}, not in the list {extra:?}"
    );
}

#[test]
fn the_capability_allows_exactly_the_listed_commands() {
    let json: serde_json::Value = serde_json::from_str(&read("capabilities/main.json")).unwrap();
    let allowed: BTreeSet<String> = json["permissions"]
        .as_array()
        .expect("a permissions array")
        .iter()
        .filter_map(|p| p.as_str())
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    diff("capabilities/main.json", &allowed);
}

/// The command names in `call<…>("name", …)` of `ipc.ts` (plugin commands aside).
fn ipc_ts_commands(ts: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = ts;
    while let Some(i) = rest.find("call<") {
        rest = &rest[i + 5..];
        // The type argument may itself hold `<…>` (Promise<T[]>); the name is the first string.
        let Some(q) = rest.find("(\"") else { break };
        let name: String = rest[q + 2..].chars().take_while(|&c| c != '"').collect();
        if !name.starts_with("plugin:") {
            out.insert(name);
        }
    }
    out
}

#[test]
fn the_ui_wraps_exactly_the_listed_commands() {
    let ts = read("../ui/src/lib/ipc.ts");
    let found = ipc_ts_commands(&ts);
    assert!(found.contains("draft"), "the parser found {found:?}");
    diff("ui/src/lib/ipc.ts", &found);
}

#[test]
fn the_contract_page_documents_exactly_the_listed_commands() {
    let md = read("../ui/IPC.md");
    let section = md
        .split("## Commands")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("IPC.md has a ## Commands section");
    let found: BTreeSet<String> = section
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .filter(|n| !n.starts_with("plugin:"))
        .map(str::to_owned)
        .collect();
    diff("ui/IPC.md", &found);
}
