//! Create, open, list, search, rename, trash and restore, party index, export and import.

mod common;

use attache_vault::frontmatter::FrontMatter;
use attache_vault::{ExportFormat, ExportOptions, NewNote, SaveOutcome};

#[test]
fn create_names_the_file_from_date_and_title_and_stores_draft_and_source() {
    let (_d, vault) = common::vault();
    let note = common::create(&vault, "Trump–Putin summit: Budapest?", Some("2025-10-16"));
    assert_eq!(
        note.summary.path,
        "2025-10-16 Trump–Putin summit Budapest.md"
    );
    let id = note.summary.id.clone().unwrap();
    assert!(uuid::Uuid::parse_str(&id).is_ok());
    let root = vault.root();
    assert_eq!(
        std::fs::read_to_string(root.join(format!(".attache/sources/{id}.txt"))).unwrap(),
        common::ARTICLE
    );
    let stored: attache_engine::Brief = serde_json::from_slice(
        &std::fs::read(root.join(format!(".attache/briefs/{id}.json"))).unwrap(),
    )
    .unwrap();
    assert_eq!(stored.title, "Trump–Putin summit: Budapest?");
    // Reopening brings the draft and source back (provenance spans still point at the text).
    let reopened = vault.open_note(&note.summary.path).unwrap();
    let source = reopened.source.unwrap();
    let p = &reopened.brief.unwrap().positions[0];
    assert_eq!(&source[p.content_span.range()], p.text);
    // Same title again: a second file with a number, never a replacement.
    let again = common::create(&vault, "Trump–Putin summit: Budapest?", Some("2025-10-16"));
    assert_eq!(
        again.summary.path,
        "2025-10-16 Trump–Putin summit Budapest 2.md"
    );
}

#[test]
fn create_uses_the_given_marking_and_title() {
    let (_d, vault) = common::vault();
    let meta = NewNote {
        classification: Some("TLP:AMBER".into()),
        title: Some("Own title".into()),
        link_style: Some(attache_vault::LinkStyle::Markdown),
        markdown: None,
    };
    let note = vault
        .create(
            &common::brief("Drafted", None, "Anna Berg"),
            common::ARTICLE,
            &meta,
        )
        .unwrap();
    assert_eq!(note.summary.classification.as_deref(), Some("TLP:AMBER"));
    assert_eq!(note.summary.title, "Own title");
    assert!(note.summary.path.ends_with(" Own title.md"));
    // Markdown link style: parties are linked as [Name](Name.md), never [[Name]].
    assert!(
        !note.markdown.contains("[[Anna Berg]]"),
        "{}",
        note.markdown
    );
    assert!(note.markdown.contains("Anna Berg"));
}

#[test]
fn list_reports_front_matter_fields() {
    let (_d, vault) = common::vault();
    std::fs::write(
        vault.root().join("hand.md"),
        "---\ntitle: Hand written\nstatus: final\nclassification: OFFICIAL\npublished: 2025-01-02\nparties: [\"[[NATO]]\", Russia]\ntags: [a]\n---\nBody\n",
    )
    .unwrap();
    std::fs::create_dir(vault.root().join("sub")).unwrap();
    std::fs::write(
        vault.root().join("sub/plain.md"),
        "# Heading title\n\ntext\n",
    )
    .unwrap();
    let list = vault.list().unwrap();
    assert_eq!(list.len(), 2);
    let hand = list.iter().find(|n| n.path == "hand.md").unwrap();
    assert_eq!(hand.title, "Hand written");
    assert_eq!(hand.status.as_deref(), Some("final"));
    assert_eq!(hand.classification.as_deref(), Some("OFFICIAL"));
    assert_eq!(hand.published.as_deref(), Some("2025-01-02"));
    assert_eq!(hand.parties, ["NATO", "Russia"]);
    assert_eq!(hand.problem, None);
    let plain = list.iter().find(|n| n.path == "sub/plain.md").unwrap();
    assert_eq!(plain.title, "Heading title");
}

#[test]
fn list_sees_changes_made_outside() {
    let (_d, vault) = common::vault();
    std::fs::write(vault.root().join("a.md"), "---\ntitle: One\n---\n").unwrap();
    assert_eq!(vault.list().unwrap()[0].title, "One");
    std::fs::write(vault.root().join("a.md"), "---\ntitle: Two words\n---\n").unwrap();
    assert_eq!(vault.list().unwrap()[0].title, "Two words");
    std::fs::remove_file(vault.root().join("a.md")).unwrap();
    assert!(vault.list().unwrap().is_empty());
}

#[test]
fn search_ranks_title_over_front_matter_over_body() {
    let (_d, vault) = common::vault();
    let w = |name: &str, text: &str| std::fs::write(vault.root().join(name), text).unwrap();
    w("body.md", "---\ntitle: Other\n---\nThe Ceasefire held.\n");
    w(
        "front.md",
        "---\ntitle: Something\ntags: [ceasefire]\n---\nNothing here.\n",
    );
    w("title.md", "---\ntitle: Ceasefire in Gaza\n---\nText.\n");
    w("none.md", "---\ntitle: Unrelated\n---\nText.\n");
    let hits = vault.search("CEASEFIRE").unwrap();
    let order: Vec<&str> = hits.iter().map(|h| h.note.path.as_str()).collect();
    assert_eq!(order, ["title.md", "front.md", "body.md"]);
    assert_eq!(
        hits[2].snippet, "The Ceasefire held.",
        "snippets keep the original case"
    );
    // All words must match; phrases match whole.
    assert_eq!(vault.search("ceasefire gaza").unwrap().len(), 1);
    assert_eq!(vault.search("\"ceasefire HELD\"").unwrap().len(), 1);
    assert_eq!(vault.search("\"held ceasefire\"").unwrap().len(), 0);
    assert!(vault.search("  ").unwrap().is_empty());
}

#[test]
fn rename_moves_the_file_and_updates_the_title() {
    let (_d, vault) = common::vault();
    let note = common::create(&vault, "Old title", Some("2025-10-16"));
    let SaveOutcome::Saved { path, .. } = vault
        .rename(&note.summary.path, "New: title", &note.stamp)
        .unwrap()
    else {
        panic!()
    };
    assert_eq!(path, "2025-10-16 New title.md");
    assert!(!vault.root().join(&note.summary.path).exists());
    let renamed = vault.open_note(&path).unwrap();
    assert_eq!(renamed.summary.title, "New: title");
    assert_eq!(
        renamed.summary.id, note.summary.id,
        "the id (and so draft and source) survives"
    );
    assert!(renamed.brief.is_some() && renamed.source.is_some());
}

#[test]
fn delete_to_trash_and_restore_with_draft_and_source() {
    let (_d, vault) = common::vault();
    let note = common::create(&vault, "To delete", None);
    let id = note.summary.id.clone().unwrap();
    let entry = vault.delete(&note.summary.path).unwrap();
    assert!(!vault.root().join(&note.summary.path).exists());
    assert!(
        !vault
            .root()
            .join(format!(".attache/sources/{id}.txt"))
            .exists()
    );
    assert!(vault.list().unwrap().is_empty());
    let trash = vault.trash().unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].title, "To delete");
    assert_eq!(trash[0].original_path, note.summary.path);

    let restored = vault.restore(&entry.trash_id).unwrap();
    assert_eq!(restored, note.summary.path);
    assert_eq!(
        std::fs::read_to_string(vault.root().join(&restored)).unwrap(),
        note.markdown
    );
    let reopened = vault.open_note(&restored).unwrap();
    assert!(reopened.brief.is_some() && reopened.source.is_some());
    assert!(vault.trash().unwrap().is_empty());
    assert!(vault.restore(&entry.trash_id).is_err());
    assert!(vault.restore("../../etc").is_err());
}

#[test]
fn restore_never_replaces_a_note_that_took_the_name() {
    let (_d, vault) = common::vault();
    let note = common::create(&vault, "Name", None);
    let entry = vault.delete(&note.summary.path).unwrap();
    std::fs::write(vault.root().join(&note.summary.path), "new note\n").unwrap();
    let restored = vault.restore(&entry.trash_id).unwrap();
    assert_ne!(restored, note.summary.path);
    assert_eq!(
        std::fs::read_to_string(vault.root().join(&note.summary.path)).unwrap(),
        "new note\n"
    );
}

#[test]
fn party_index_finds_notes_by_name_and_alias_newest_first() {
    let (_d, vault) = common::vault();
    let old = vault
        .create(
            &common::brief("Old", Some("2024-01-01"), "Anna Berg"),
            common::ARTICLE,
            &NewNote::default(),
        )
        .unwrap();
    let new = vault
        .create(
            &common::brief("New", Some("2025-06-01"), "Anna Berg"),
            common::ARTICLE,
            &NewNote::default(),
        )
        .unwrap();
    vault
        .create(
            &common::brief("Else", Some("2025-07-01"), "Someone Else"),
            common::ARTICLE,
            &NewNote::default(),
        )
        .unwrap();
    std::fs::write(
        vault.root().join("hand.md"),
        "---\ntitle: Hand\nparties:\n  - \"[[Anna Berg]]\"\npublished: 2023-05-05\n---\n",
    )
    .unwrap();

    let hits = vault.party_index("anna berg").unwrap();
    let titles: Vec<&str> = hits.iter().map(|h| h.note.title.as_str()).collect();
    assert_eq!(titles, ["New", "Old", "Hand"]);
    assert_eq!(hits[0].positions.len(), 1);
    assert_eq!(hits[0].positions[0].text, "We are ready");
    assert!(hits[2].positions.is_empty() && hits[2].in_front_matter);
    // An alias from the stored drafts finds the party's every note, the hand-written one too.
    let by_alias: Vec<String> = vault
        .party_index("Berg")
        .unwrap()
        .into_iter()
        .map(|h| h.note.title)
        .collect();
    assert_eq!(by_alias, ["New", "Old", "Hand"]);
    // The filter and index list the party once, under its full name, with its notes counted.
    let groups = vault.party_groups().unwrap();
    let berg: Vec<_> = groups
        .iter()
        .filter(|g| g.names.iter().any(|n| n == "Berg" || n == "Anna Berg"))
        .collect();
    assert_eq!(berg.len(), 1, "{groups:?}");
    assert_eq!((berg[0].name.as_str(), berg[0].notes), ("Anna Berg", 3));
    assert!(berg[0].names.iter().any(|n| n == "Berg"));
    assert!(vault.party_index("Nobody").unwrap().is_empty());
    let _ = (old, new);
}

#[test]
fn export_writes_markdown_html_and_text() {
    let (d, vault) = common::vault();
    std::fs::write(
        vault.root().join("n.md"),
        "---\ntitle: Note\n---\n# Note\n\nSee [[Anna Berg|Berg]].\n",
    )
    .unwrap();
    let md = vault
        .export(
            "n.md",
            &ExportOptions {
                front_matter: false,
                flatten_links: true,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(md, "# Note\n\nSee Berg.\n");
    let out = d.path().join("n.html");
    vault
        .export_to(
            "n.md",
            &out,
            &ExportOptions {
                format: ExportFormat::Html,
                ..Default::default()
            },
        )
        .unwrap();
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("<title>Note</title>") && html.contains("See Berg."));
    let text = vault
        .export(
            "n.md",
            &ExportOptions {
                format: ExportFormat::Text,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(text, "Note\n\nSee Berg.\n");
}

#[test]
fn import_reads_html_markdown_and_text() {
    let (d, vault) = common::vault();
    let html = d.path().join("page.html");
    std::fs::write(&html, "<html><head><title>Geneva talks - Example News</title></head><body><nav>Menu</nav><article><h1>Geneva talks</h1><p>Foreign Minister Anna Berg said on Monday that Norway would host the next round of talks in the spring.</p></article></body></html>").unwrap();
    let note = vault
        .import(&html, &Default::default(), &NewNote::default())
        .unwrap();
    assert_eq!(note.summary.title, "Geneva talks");
    let source = note.source.unwrap();
    assert!(source.contains("Norway would host") && !source.contains("Menu"));

    let md = d.path().join("a.md");
    std::fs::write(
        &md,
        "---\ntitle: From markdown\n---\nSome article text here.\n",
    )
    .unwrap();
    let note = vault
        .import(&md, &Default::default(), &NewNote::default())
        .unwrap();
    assert_eq!(note.summary.title, "From markdown");
    assert_eq!(note.source.unwrap(), "Some article text here.\n");

    let empty = d.path().join("empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    assert_eq!(
        vault
            .import(&empty, &Default::default(), &NewNote::default())
            .unwrap_err()
            .code(),
        "empty_input"
    );
    let pdf = d.path().join("x.pdf");
    std::fs::write(&pdf, "%PDF").unwrap();
    assert_eq!(
        vault
            .import(&pdf, &Default::default(), &NewNote::default())
            .unwrap_err()
            .code(),
        "invalid_name"
    );
}

#[test]
fn created_notes_have_front_matter_that_reads_back() {
    let (_d, vault) = common::vault();
    let note = common::create(&vault, "Summit", Some("2025-10-16"));
    let fm = FrontMatter::of_note(&note.markdown).unwrap();
    assert_eq!(fm.str("id"), note.summary.id);
    assert_eq!(fm.str("title").as_deref(), Some("Summit"));
    assert_eq!(fm.str("published").as_deref(), Some("2025-10-16"));
    assert!(fm.str("created").is_some() && fm.str("updated").is_some());
}

#[test]
fn open_existing_never_creates_a_missing_vault() {
    let d = tempfile::tempdir().unwrap();
    let gone = d.path().join("unplugged drive/Vault");
    let err = attache_vault::Vault::open_existing(&gone).unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert!(!gone.exists());
    assert!(attache_vault::Vault::open(&gone).is_ok());
    assert!(attache_vault::Vault::open_existing(&gone).is_ok());
}
