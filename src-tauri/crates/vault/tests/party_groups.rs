//! The party filter and index merge names by alias: cases in `testdata/party_groups.txt`.

use std::collections::BTreeSet;

use attache_vault::{NoteParties, group_parties};

fn split_list(s: &str, sep: char) -> Vec<String> {
    s.split(sep)
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

fn note(line: &str) -> NoteParties {
    let (fm, draft) = line.split_once("| draft:").unwrap_or((line, ""));
    NoteParties {
        front_matter: split_list(fm, ';'),
        drafted: split_list(draft, ';')
            .iter()
            .map(|p| split_list(p, '='))
            .collect(),
    }
}

#[test]
fn party_names_merge_by_alias() {
    let data = include_str!("testdata/party_groups.txt");
    let mut cases = 0;
    for block in data.split("case:").skip(1) {
        let mut lines = block.lines();
        let name = lines.next().unwrap_or_default().trim().to_owned();
        let mut notes = Vec::new();
        let mut want = Vec::new();
        for l in lines
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            if let Some(n) = l.strip_prefix("note:") {
                notes.push(note(n));
            } else if let Some(g) = l.strip_prefix("group:") {
                let parts: Vec<&str> = g.split('|').map(str::trim).collect();
                let names: BTreeSet<String> = split_list(parts[2], ',').into_iter().collect();
                want.push((parts[0].to_owned(), parts[1].parse::<u32>().unwrap(), names));
            } else {
                panic!("{name}: unknown line {l}");
            }
        }
        let got: Vec<(String, u32, BTreeSet<String>)> = group_parties(&notes)
            .into_iter()
            .map(|g| {
                assert_eq!(g.names[0], g.name, "{name}: the shown name comes first");
                (g.name, g.notes, g.names.into_iter().collect())
            })
            .collect();
        assert_eq!(got, want, "case: {name}");
        cases += 1;
    }
    assert!(cases >= 7, "the cases file was read ({cases} cases)");
}
