//! The `attache` binary as scripts use it: exit codes, one-line errors, JSON output.

use std::path::Path;
use std::process::{Command, Output};

const ARTICLE: &str = "Talks in Geneva\n\nForeign Minister Anna Berg said on Monday that Norway would host the next round of talks. “We are ready,” she said.\n";

/// Runs `attache` with a private config folder and no inherited vault.
fn attache(config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(args)
        .env("ATTACHE_CONFIG_DIR", config)
        .env_remove("ATTACHE_VAULT")
        .output()
        .unwrap()
}

/// One part of a zip archive (a .docx), as text.
fn zip_part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("no {name} in the archive"))
        .read_to_string(&mut s)
        .expect("text");
    s
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Exit code 1 with exactly one line on stderr.
fn assert_one_line_error(o: &Output, contains: &str) {
    assert_eq!(o.status.code(), Some(1), "stderr: {}", stderr(o));
    let err = stderr(o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("attache: "), "{err}");
    assert!(err.contains(contains), "{err}");
}

#[test]
fn draft_errors_are_one_line_with_exit_code_1() {
    let d = tempfile::tempdir().unwrap();
    let cfg = d.path().join("cfg");
    let dir = d.path().to_str().unwrap();
    assert_one_line_error(&attache(&cfg, &["draft", dir]), "is a directory");
    let missing = d.path().join("missing.txt");
    assert_one_line_error(
        &attache(&cfg, &["draft", missing.to_str().unwrap()]),
        "no such file",
    );
    let latin1 = d.path().join("latin1.txt");
    std::fs::write(&latin1, b"caf\xe9\n").unwrap();
    assert_one_line_error(
        &attache(&cfg, &["draft", latin1.to_str().unwrap()]),
        "not UTF-8",
    );
    let empty = d.path().join("empty.txt");
    std::fs::write(&empty, " \n\n").unwrap();
    assert_one_line_error(&attache(&cfg, &["draft", empty.to_str().unwrap()]), "empty");
}

#[test]
fn bad_flags_are_usage_errors_with_exit_code_2() {
    let d = tempfile::tempdir().unwrap();
    let cfg = d.path().join("cfg");
    for args in [
        &["draft", "--no-such-flag", "x"][..],
        &["draft", "--format", "pdf", "x"],
        &["draft", "--date", "16/10/2025", "x"],
        &["notes", "list", "--bogus"],
        &["notes", "frobnicate"],
        &["notes", "export", "x"],
        &[],
    ] {
        let o = attache(&cfg, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).is_empty());
    }
    assert_eq!(attache(&cfg, &["--help"]).status.code(), Some(0));
}

#[test]
fn notes_new_list_search_export() {
    let d = tempfile::tempdir().unwrap();
    let cfg = d.path().join("cfg");
    let vault = d.path().join("vault");
    let v = vault.to_str().unwrap();
    let article = d.path().join("a.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let a = article.to_str().unwrap();

    let o = attache(
        &cfg,
        &[
            "notes",
            "new",
            a,
            "--vault",
            v,
            "--date",
            "2025-10-16",
            "--title",
            "Geneva talks",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let path = stdout(&o).trim().to_owned();
    assert!(path.ends_with("2025-10-16 Geneva talks.md"), "{path}");
    assert!(Path::new(&path).is_file());

    let o = attache(&cfg, &["notes", "list", "--vault", v, "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let first = &list.as_array().unwrap()[0];
    for key in [
        "path",
        "title",
        "published",
        "updated",
        "status",
        "classification",
        "parties",
        "problem",
    ] {
        assert!(first.get(key).is_some(), "missing {key} in {first}");
    }
    assert_eq!(first["path"], path.as_str());
    assert_eq!(first["title"], "Geneva talks");
    assert_eq!(first["published"], "2025-10-16");
    assert_eq!(first["classification"], "UNCLASSIFIED");
    assert!(first["problem"].is_null());

    let o = attache(&cfg, &["notes", "search", "geneva", "--vault", v, "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hits: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(hits.as_array().unwrap().len(), 1);
    let o = attache(
        &cfg,
        &["notes", "search", "zanzibar", "--vault", v, "--json"],
    );
    assert_eq!(stdout(&o).trim(), "[]");

    // Export by title (needs the vault) and by path.
    let html = d.path().join("out.html");
    let o = attache(
        &cfg,
        &[
            "notes",
            "export",
            "Geneva talks",
            "--vault",
            v,
            "--out",
            html.to_str().unwrap(),
            "--html",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(&html)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    let md = d.path().join("out.md");
    let o = attache(
        &cfg,
        &[
            "notes",
            "export",
            &path,
            "--out",
            md.to_str().unwrap(),
            "--no-front-matter",
            "--flatten-links",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!std::fs::read_to_string(&md).unwrap().starts_with("---"));
    // Word: by the flag, or by the .docx name alone; the settings' author goes into it.
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(
        cfg.join("settings.json"),
        serde_json::json!({"author": "A. Analyst"}).to_string(),
    )
    .unwrap();
    for (out, flag) in [("flag.docx", Some("--docx")), ("named.docx", None)] {
        let out = d.path().join(out);
        let mut args = vec!["notes", "export", &path, "--out", out.to_str().unwrap()];
        args.extend(flag);
        let o = attache(&cfg, &args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let bytes = std::fs::read(&out).unwrap();
        assert!(
            bytes.starts_with(b"PK"),
            "{} is a zip archive",
            out.display()
        );
        let core = zip_part(&bytes, "docProps/core.xml");
        assert!(
            core.contains("<dc:creator>A. Analyst</dc:creator>"),
            "{core}"
        );
        assert!(zip_part(&bytes, "word/header1.xml").contains("UNCLASSIFIED"));
    }
    // An .html name alone gives the page too; --html and --docx together are a usage error.
    let named = d.path().join("named.html");
    let o = attache(
        &cfg,
        &["notes", "export", &path, "--out", named.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = std::fs::read_to_string(&named).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(
        page.contains("<meta name=\"author\" content=\"A. Analyst\">"),
        "{page}"
    );
    let o = attache(
        &cfg,
        &[
            "notes",
            "export",
            &path,
            "--out",
            named.to_str().unwrap(),
            "--html",
            "--docx",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_one_line_error(
        &attache(
            &cfg,
            &[
                "notes",
                "export",
                "No such title",
                "--vault",
                v,
                "--out",
                md.to_str().unwrap(),
            ],
        ),
        "no note",
    );
}

#[test]
fn vault_comes_from_env_then_settings() {
    let d = tempfile::tempdir().unwrap();
    let cfg = d.path().join("cfg");
    let article = d.path().join("a.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    // From the app's settings.
    let from_settings = d.path().join("from-settings");
    std::fs::create_dir_all(&from_settings).unwrap();
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(
        cfg.join("settings.json"),
        serde_json::json!({"version": 1, "vault": from_settings, "default_classification": "OFFICIAL"}).to_string(),
    )
    .unwrap();
    let o = attache(&cfg, &["notes", "new", article.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o)
            .trim()
            .starts_with(from_settings.to_str().unwrap())
    );
    let o = attache(&cfg, &["notes", "list", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(list[0]["classification"], "OFFICIAL");
    // ATTACHE_VAULT beats the settings.
    let from_env = d.path().join("from-env");
    std::fs::create_dir_all(&from_env).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(["notes", "new", article.to_str().unwrap()])
        .env("ATTACHE_CONFIG_DIR", &cfg)
        .env("ATTACHE_VAULT", &from_env)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).trim().starts_with(from_env.to_str().unwrap()));
}

#[test]
fn corrupt_settings_warn_but_work() {
    let d = tempfile::tempdir().unwrap();
    let cfg = d.path().join("cfg");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(cfg.join("settings.json"), "{oops").unwrap();
    let vault = d.path().join("v");
    std::fs::create_dir(&vault).unwrap();
    let o = attache(&cfg, &["notes", "list", "--vault", vault.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stderr(&o).contains("warning") && stderr(&o).contains("damaged"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn missing_vault_is_an_error_for_reading() {
    let d = tempfile::tempdir().unwrap();
    let cfg = d.path().join("cfg");
    let nope = d.path().join("nope");
    assert_one_line_error(
        &attache(&cfg, &["notes", "list", "--vault", nope.to_str().unwrap()]),
        "does not exist",
    );
    assert!(!nope.exists(), "listing must not create the vault");
    assert_one_line_error(
        &attache(
            &cfg,
            &["notes", "search", " ", "--vault", nope.to_str().unwrap()],
        ),
        "empty",
    );
}

#[test]
fn import_uses_all_files_and_reports_progress() {
    let d = tempfile::tempdir().unwrap();
    let cfg = d.path().join("cfg");
    let vault = d.path().join("vault");
    let mut files = Vec::new();
    for i in 0..4 {
        let p = d.path().join(format!("a{i}.html"));
        std::fs::write(
            &p,
            format!(
                "<html><body><article><h1>Story {i}</h1><p>{ARTICLE}</p></article></body></html>"
            ),
        )
        .unwrap();
        files.push(p.to_str().unwrap().to_owned());
    }
    let bad = d.path().join("bad.pdf");
    std::fs::write(&bad, "%PDF").unwrap();
    let mut args = vec!["notes", "import", "--vault", vault.to_str().unwrap()];
    args.extend(files.iter().map(String::as_str));
    let o = attache(&cfg, &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 4);
    assert_eq!(
        stderr(&o).lines().filter(|l| l.starts_with('[')).count(),
        4,
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("[4/4]"));
    let titles: Vec<String> = stdout(&o)
        .lines()
        .map(|l| {
            Path::new(l)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    for i in 0..4 {
        assert!(
            titles.iter().any(|t| t.ends_with(&format!("Story {i}.md"))),
            "{titles:?}"
        );
    }
    // One bad file among good ones: the good ones are imported, exit code 1.
    let o = attache(
        &cfg,
        &[
            "notes",
            "import",
            "--vault",
            vault.to_str().unwrap(),
            files[0].as_str(),
            bad.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o).lines().count(), 1);
    assert!(
        stderr(&o).lines().last().unwrap().contains("1 of 2 files"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_missing_vault_from_settings_or_env_is_never_created() {
    let d = tempfile::tempdir().unwrap();
    let cfg = d.path().join("cfg");
    let article = d.path().join("a.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let unplugged = d.path().join("usb-drive/Vault");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(
        cfg.join("settings.json"),
        serde_json::json!({"version": 1, "vault": unplugged}).to_string(),
    )
    .unwrap();
    for cmd in ["new", "import"] {
        let o = attache(&cfg, &["notes", cmd, article.to_str().unwrap()]);
        assert_one_line_error(&o, "does not exist");
        assert!(stderr(&o).contains("plug in"), "{}", stderr(&o));
    }
    let o = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(["notes", "new", article.to_str().unwrap()])
        .env("ATTACHE_CONFIG_DIR", &cfg)
        .env("ATTACHE_VAULT", &unplugged)
        .output()
        .unwrap();
    assert_one_line_error(&o, "ATTACHE_VAULT");
    assert!(!unplugged.exists(), "a missing vault folder was created");
}

#[test]
fn endless_input_is_refused_not_swallowed() {
    let d = tempfile::tempdir().unwrap();
    let cfg = d.path().join("cfg");
    let o = attache(&cfg, &["draft", "/dev/zero"]);
    assert_one_line_error(&o, "too large");
    // `yes | attache draft -`: the writer never stops; the reader must.
    let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(["draft", "-"])
        .env("ATTACHE_CONFIG_DIR", &cfg)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let line = b"y\n".repeat(64 * 1024);
        // Ends when the reader closes the pipe.
        while std::io::Write::write_all(&mut stdin, &line).is_ok() {}
    });
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_one_line_error(&o, "too large");
}

#[test]
fn titles_cannot_drive_the_terminal() {
    let d = tempfile::tempdir().unwrap();
    let cfg = d.path().join("cfg");
    let vault = d.path().join("vault");
    std::fs::create_dir_all(&vault).unwrap();
    std::fs::write(
        vault.join("evil.md"),
        "---\ntitle: \"Talks\\e]0;pwned\\a\\e[2J\\nFAKE  line\"\nclassification: \"A\\e[31m\"\n---\nbody\n",
    )
    .unwrap();
    let o = attache(&cfg, &["notes", "list", "--vault", vault.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains(['\x1b', '\x07']), "{out:?}");
    assert_eq!(out.lines().count(), 1, "{out:?}");
    assert!(out.contains("Talks\\u{1b}]0;pwned"), "{out:?}");
    // JSON keeps the exact text, escaped by the JSON encoder.
    let o = attache(
        &cfg,
        &[
            "notes",
            "list",
            "--vault",
            vault.to_str().unwrap(),
            "--json",
        ],
    );
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(list[0]["title"], "Talks\x1b]0;pwned\x07\x1b[2J\nFAKE  line");
}

/// A news page in Windows-1252 (curly quotes as bytes 0x93/0x94), with menus and metadata.
fn legacy_page() -> Vec<u8> {
    let para = "Foreign Minister Anna Berg said on Monday that Norway would host the next round \
        of talks between the two delegations, which diplomats expect to last a week and to \
        cover prisoners, the line of contact and the status of the port.";
    let mut page = format!(
        "<html><head><meta charset=\"windows-1252\"><title>Talks in Geneva - Example News</title>\
         <link rel=\"canonical\" href=\"https://news.example/talks\">\
         <meta property=\"og:site_name\" content=\"Example News\">\
         <meta property=\"article:published_time\" content=\"2025-10-16T08:30:00Z\"></head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/world\">World news</a></nav>\
         <article><h1>Talks in Geneva</h1><p>{para}</p><p>{para}</p><p>"
    )
    .into_bytes();
    page.extend_from_slice(
        b"\x93We are ready,\x94 she said.</p></article><footer>Share this</footer></body></html>",
    );
    page
}

#[test]
fn extract_prints_the_readable_text_of_pages_and_articles() {
    let d = tempfile::tempdir().unwrap();
    let cfg = d.path().join("cfg");
    let page = d.path().join("page.html");
    std::fs::write(&page, legacy_page()).unwrap();
    let o = attache(&cfg, &["extract", page.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.starts_with("Talks in Geneva\n\nForeign Minister"),
        "{text}"
    );
    assert!(text.contains("“We are ready,” she said."), "{text}");
    assert!(
        !text.contains("Home") && !text.contains("Share this"),
        "{text}"
    );

    let md = d.path().join("a.md");
    std::fs::write(&md, "---\ntitle: From markdown\n---\nSome article text.\n").unwrap();
    let o = attache(&cfg, &["extract", md.to_str().unwrap()]);
    assert_eq!(stdout(&o), "From markdown\n\nSome article text.\n");
    let txt = d.path().join("a.txt");
    std::fs::write(&txt, ARTICLE).unwrap();
    assert_eq!(
        stdout(&attache(&cfg, &["extract", txt.to_str().unwrap()])),
        ARTICLE
    );

    let missing = d.path().join("missing.html");
    assert_one_line_error(
        &attache(&cfg, &["extract", missing.to_str().unwrap()]),
        "no such file",
    );
    let pdf = d.path().join("a.pdf");
    std::fs::write(&pdf, "%PDF").unwrap();
    assert_one_line_error(&attache(&cfg, &["extract", pdf.to_str().unwrap()]), ".html");
    assert_eq!(attache(&cfg, &["extract"]).status.code(), Some(2));
}

#[test]
fn draft_reads_a_markdown_note_under_its_front_matter_as_the_app_does() {
    let d = tempfile::tempdir().unwrap();
    let cfg = d.path().join("cfg");
    let md = d.path().join("clipped.md");
    // A clipped page as Obsidian's web clipper writes it: a double-quoted YAML title with an
    // escaped no-break space, folded onto a second line.
    std::fs::write(
        &md,
        "---\ndate: '2025-10-16'\ntitle: \"Talks in\\_Geneva on the harbour\\\n  \\ treaty\"\n---\n\n\
         The minister said on Thursday that the two governments were ready to sign.\n",
    )
    .unwrap();
    let o = attache(&cfg, &["draft", md.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let brief: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        brief["title"], "Talks in\u{a0}Geneva on the harbour treaty",
        "{brief}"
    );
    assert_eq!(brief["source"]["published"], "2025-10-16", "{brief}");
    let o = attache(&cfg, &["extract", md.to_str().unwrap()]);
    assert!(
        stdout(&o).starts_with("Talks in\u{a0}Geneva on the harbour treaty\n"),
        "draft and extract read the same title: {}",
        stdout(&o)
    );
}

#[test]
fn draft_and_notes_new_read_pages_with_their_metadata() {
    let d = tempfile::tempdir().unwrap();
    let cfg = d.path().join("cfg");
    let page = d.path().join("page.html");
    std::fs::write(&page, legacy_page()).unwrap();
    let o = attache(&cfg, &["draft", page.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let brief: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(brief["title"], "Talks in Geneva");
    assert_eq!(brief["source"]["url"], "https://news.example/talks");
    assert_eq!(brief["source"]["outlet"], "Example News");
    assert_eq!(brief["source"]["published"], "2025-10-16");
    assert!(
        brief["positions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["text"]
                .as_str()
                .is_some_and(|t| t.contains("We are ready"))),
        "{brief}"
    );
    // A flag wins over the page's metadata.
    let o = attache(&cfg, &["draft", "--outlet", "Wire", page.to_str().unwrap()]);
    let brief: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(brief["source"]["outlet"], "Wire");

    let vault = d.path().join("vault");
    let o = attache(
        &cfg,
        &[
            "notes",
            "new",
            page.to_str().unwrap(),
            "--vault",
            vault.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let note = std::fs::read_to_string(stdout(&o).trim()).unwrap();
    for field in [
        "source: https://news.example/talks",
        "source_title: Talks in Geneva",
        "outlet: Example News",
        "published: 2025-10-16",
    ] {
        assert!(note.contains(field), "{field}:\n{note}");
    }
}
