//! Search: words match at word starts with case and diacritics folded, whole words rank above
//! prefixes, and fields rank title > parties > front matter > body; snippets carry the matched
//! words' ranges.

mod common;

use attache_vault::Vault;

/// Writes a note with a title, party names, tags and a body.
fn note(vault: &Vault, file: &str, title: &str, parties: &[&str], tags: &[&str], body: &str) {
    let list = |items: &[&str]| {
        items
            .iter()
            .map(|p| format!("\n  - \"{p}\""))
            .collect::<String>()
    };
    let text = format!(
        "---\ntitle: \"{title}\"\ntype: brief\nparties:{}\ntags:{}\n---\n\n{body}\n",
        list(parties),
        list(tags)
    );
    std::fs::write(vault.root().join(file), text).unwrap();
}

fn titles(vault: &Vault, query: &str) -> Vec<String> {
    vault
        .search(query)
        .unwrap()
        .into_iter()
        .map(|h| h.note.title)
        .collect()
}

#[test]
fn a_word_ranks_above_longer_words_that_start_with_it() {
    let (_d, vault) = common::vault();
    note(
        &vault,
        "a.md",
        "Warning signs",
        &[],
        &[],
        "Forecasters issued a warning.",
    );
    note(
        &vault,
        "b.md",
        "Film night",
        &[],
        &[],
        "They watched Star Wars again.",
    );
    note(
        &vault,
        "c.md",
        "Border talks",
        &[],
        &[],
        "Both sides said the war must end.",
    );
    note(
        &vault,
        "d.md",
        "Steps",
        &[],
        &[],
        "He walked backwards into the postwar era.",
    );
    note(
        &vault,
        "e.md",
        "War games",
        &[],
        &[],
        "Exercises near the border.",
    );
    let got = titles(&vault, "war");
    assert_eq!(got.len(), 4, "{got:?}");
    // Whole-word notes first (the title one above the body one), then the prefixes.
    assert_eq!(&got[..2], ["War games", "Border talks"], "{got:?}");
    assert!(got[2..].contains(&"Warning signs".to_owned()), "{got:?}");
    assert!(got[2..].contains(&"Film night".to_owned()), "{got:?}");
    assert!(
        !got.contains(&"Steps".to_owned()),
        "letters inside a word never match"
    );
}

#[test]
fn many_notes_keep_every_whole_word_note_first() {
    let (_d, vault) = common::vault();
    for i in 0..60 {
        let (title, body) = match i % 3 {
            0 => (format!("Report {i}"), "The UN envoy arrived."),
            1 => (
                format!("United front {i}"),
                "Unions under pressure until united.",
            ),
            _ => (format!("Other {i}"), "Nothing to see: fun, sun, run."),
        };
        note(&vault, &format!("n{i}.md"), &title, &[], &[], body);
    }
    let hits = vault.search("un").unwrap();
    assert_eq!(hits.len(), 40, "'fun' and 'sun' do not match 'un'");
    let first_prefix = hits
        .iter()
        .position(|h| h.note.title.starts_with("United"))
        .unwrap();
    assert!(
        hits[..first_prefix]
            .iter()
            .all(|h| h.note.title.starts_with("Report")),
        "every note with the word ranks above every note with it only inside a longer word"
    );
    assert_eq!(first_prefix, 20);
}

#[test]
fn diacritics_and_case_fold_both_ways() {
    let (_d, vault) = common::vault();
    note(
        &vault,
        "a.md",
        "Paris",
        &[],
        &[],
        "Talks at the Élysée Palace.",
    );
    note(
        &vault,
        "b.md",
        "Brazil",
        &[],
        &[],
        "The summit in São Paulo opened.",
    );
    note(&vault, "c.md", "Poland", &[], &[], "Ministers met in Łódź.");
    assert_eq!(titles(&vault, "elysee"), ["Paris"]);
    assert_eq!(titles(&vault, "ÉLYSÉE"), ["Paris"]);
    assert_eq!(titles(&vault, "sao paulo"), ["Brazil"]);
    assert_eq!(titles(&vault, "\"sao paulo\""), ["Brazil"]);
    assert_eq!(titles(&vault, "São"), ["Brazil"]);
    assert_eq!(titles(&vault, "lodz"), ["Poland"]);
}

#[test]
fn title_beats_parties_beats_front_matter_beats_body() {
    let (_d, vault) = common::vault();
    note(
        &vault,
        "1.md",
        "Notes",
        &[],
        &[],
        "Ortega spoke. Ortega left. Ortega returned.",
    );
    note(&vault, "2.md", "Notes", &[], &["ortega"], "Nothing here.");
    note(
        &vault,
        "3.md",
        "Notes",
        &["Daniel Ortega"],
        &[],
        "Nothing here.",
    );
    note(
        &vault,
        "4.md",
        "Ortega in Managua",
        &[],
        &[],
        "Nothing here.",
    );
    let hits = vault.search("ortega").unwrap();
    let paths: Vec<&str> = hits.iter().map(|h| h.note.path.as_str()).collect();
    assert_eq!(paths, ["4.md", "3.md", "2.md", "1.md"]);
}

#[test]
fn denser_bodies_rank_higher() {
    let (_d, vault) = common::vault();
    let filler = "The delegations discussed grain, ports and prisoners at length. ".repeat(30);
    note(
        &vault,
        "sparse.md",
        "A",
        &[],
        &[],
        &format!("{filler} Sanctions were mentioned once."),
    );
    note(
        &vault,
        "dense.md",
        "B",
        &[],
        &[],
        "Sanctions first. Sanctions again. New sanctions.",
    );
    let hits = vault.search("sanctions").unwrap();
    assert_eq!(hits[0].note.path, "dense.md");
    assert_eq!(hits[1].note.path, "sparse.md");
}

#[test]
fn every_word_must_match_and_snippets_mark_them() {
    let (_d, vault) = common::vault();
    note(
        &vault,
        "a.md",
        "Talks",
        &[],
        &[],
        "The envoy met Ortega in São Paulo on Monday.",
    );
    note(&vault, "b.md", "Other", &[], &[], "The envoy stayed home.");
    let hits = vault.search("envoy sao").unwrap();
    assert_eq!(hits.len(), 1);
    let h = &hits[0];
    assert_eq!(h.snippet, "The envoy met Ortega in São Paulo on Monday.");
    let units: Vec<u16> = h.snippet.encode_utf16().collect();
    let marked: Vec<String> = h
        .highlights
        .iter()
        .map(|r| String::from_utf16_lossy(&units[r.start as usize..r.end as usize]))
        .collect();
    assert_eq!(marked, ["envoy", "São"]);
}
