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
