//! The commands as the UI calls them — through Tauri's IPC with camelCase arguments — on the
//! mock runtime: `cargo test -p attache-desktop --features mock --test commands`.

use std::path::Path;

use attache_desktop::launch::LaunchArgs;
use attache_desktop::paths::Folders;
use attache_desktop::state::AppState;
use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

const ARTICLE: &str = "Talks in Geneva\n\n\
    Foreign Minister Anna Berg said on Monday that Norway would host the next round. \
    “We are ready,” she said. It is unclear whether Sweden will attend.";

struct Harness {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

fn harness(dir: &Path) -> Harness {
    std::fs::create_dir_all(dir.join("vault")).unwrap();
    harness_with(dir)
}

/// As [`harness`], without creating the vault folder.
fn harness_with(dir: &Path) -> Harness {
    let folders = Folders {
        config: dir.join("config"),
        vault_override: Some(dir.join("vault")),
    };
    let args = LaunchArgs {
        test_pick_dir: Some(dir.join("picks")),
        test_reveal_file: Some(dir.join("revealed.txt")),
        ..LaunchArgs::default()
    };
    let app = attache_desktop::configure(mock_builder(), AppState::new(folders, args))
        .build(mock_context(noop_assets()))
        .expect("the mock app builds");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("the mock window builds");
    Harness { _app: app, window }
}

impl Harness {
    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.window,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                // Pitfall: `http://tauri.localhost` counts as a remote origin on Linux.
                url: "tauri://localhost".parse().unwrap(),
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<Value>().expect("a JSON answer"))
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    fn draft(&self, text: &str) -> Value {
        self.ok(
            "draft",
            json!({"text": text, "options": {"published": "2025-10-13"}, "onProgress": "__CHANNEL__:7"}),
        )
    }
}

#[test]
fn draft_returns_the_brief_contract() {
    let dir = tempfile::tempdir().unwrap();
    let h = harness(dir.path());
    let brief = h.draft(ARTICLE);
    assert_eq!(brief["schema"], "attache.brief/1");
    assert_eq!(brief["source"]["published"], "2025-10-13");
    let names: Vec<&str> = brief["parties"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert!(names.iter().any(|n| n.contains("Anna Berg")), "{names:?}");
}

#[test]
fn errors_are_code_and_message() {
    let dir = tempfile::tempdir().unwrap();
    let h = harness(dir.path());
    let empty = h
        .call(
            "draft",
            json!({"text": "  \n ", "options": {}, "onProgress": "__CHANNEL__:1"}),
        )
        .unwrap_err();
    assert_eq!(empty["code"], "empty_input");
    assert!(empty["message"].as_str().unwrap().contains("empty"));

    let bad_date = h
        .call(
            "draft",
            json!({"text": ARTICLE, "options": {"published": "yesterday"}, "onProgress": "__CHANNEL__:2"}),
        )
        .unwrap_err();
    assert_eq!(bad_date["code"], "invalid_argument");

    let outside = h
        .call("note_open", json!({"path": "../../etc/passwd"}))
        .unwrap_err();
    assert_eq!(outside["code"], "outside_vault");
}

#[test]
fn sample_render_and_safe_preview() {
    let dir = tempfile::tempdir().unwrap();
    let h = harness(dir.path());
    let sample = h.ok("sample_article", json!({}));
    assert!(sample.as_str().unwrap().len() > 500);
    let brief = h.draft(ARTICLE);
    let note = h.ok("render_note", json!({"brief": brief, "text": ARTICLE}));
    assert!(note.as_str().unwrap().contains("Talks in Geneva"), "{note}");
    let html = h.ok(
        "preview_html",
        json!({"markdown": "# Hi\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2)) <img src=x onerror=alert(3)>"}),
    );
    let html = html.as_str().unwrap();
    assert!(html.contains("<h1>Hi</h1>"), "{html}");
    for bad in ["<script", "javascript:", "onerror"] {
        assert!(!html.contains(bad), "{bad} survived: {html}");
    }
}

#[test]
fn a_note_lives_saves_exports_trashes_and_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let h = harness(dir.path());
    let brief = h.draft(ARTICLE);
    let open = h.ok(
        "note_create",
        json!({"brief": brief, "source": ARTICLE, "meta": {"classification": "OFFICIAL", "title": null}}),
    );
    let path = open["summary"]["path"].as_str().unwrap().to_owned();
    assert!(dir.path().join("vault").join(&path).is_file(), "{path}");

    let edited = format!(
        "{}\nAnalyst comment: watch Sweden.\n",
        open["markdown"].as_str().unwrap()
    );
    let saved = h.ok(
        "note_save",
        json!({"path": path, "markdown": edited, "stamp": open["stamp"]}),
    );
    assert_eq!(saved["kind"], "saved");

    let reopened = h.ok("note_open", json!({"path": path}));
    assert!(
        reopened["markdown"]
            .as_str()
            .unwrap()
            .contains("watch Sweden")
    );
    assert_eq!(
        reopened["source"], ARTICLE,
        "the source article is kept for provenance"
    );

    let hits = h.ok("notes_search", json!({"query": "Sweden"}));
    assert_eq!(hits[0]["note"]["path"], path.as_str());

    let target = h
        .ok(
            "pick_export_path",
            json!({"suggestedName": "brief.md", "format": "markdown"}),
        )
        .as_str()
        .unwrap()
        .to_owned();
    std::fs::create_dir_all(dir.path().join("picks")).unwrap();
    h.ok(
        "note_export",
        json!({"path": path, "target": target, "options": {"format": "markdown", "front_matter": false, "flatten_links": true}}),
    );
    let exported = std::fs::read_to_string(&target).unwrap();
    assert!(
        exported.contains("watch Sweden") && !exported.starts_with("---"),
        "{exported}"
    );

    let entry = h.ok("note_delete", json!({"path": path}));
    assert_eq!(h.ok("notes_list", json!({})).as_array().unwrap().len(), 0);
    let restored = h.ok("trash_restore", json!({"id": entry["trash_id"]}));
    assert_eq!(restored, path.as_str());
    assert_eq!(h.ok("notes_list", json!({})).as_array().unwrap().len(), 1);
}

#[test]
fn settings_validate_persist_and_switch_the_vault() {
    let dir = tempfile::tempdir().unwrap();
    let h = harness(dir.path());
    let loaded = h.ok("settings_get", json!({}));
    assert_eq!(loaded["warning"], Value::Null);
    let mut settings = loaded["settings"].clone();
    settings["author"] = json!("A. Analyst");
    settings["theme"] = json!("dark");
    h.ok("settings_set", json!({"settings": settings}));
    let on_disk = std::fs::read_to_string(dir.path().join("config/settings.json")).unwrap();
    assert!(on_disk.contains("A. Analyst"));

    settings["vault"] = json!("relative/folder");
    let bad = h
        .call("settings_set", json!({"settings": settings}))
        .unwrap_err();
    assert_eq!(bad["code"], "invalid_argument");
}

#[test]
fn a_corrupt_settings_file_gives_defaults_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("config")).unwrap();
    std::fs::write(dir.path().join("config/settings.json"), b"{{{ not json").unwrap();
    let h = harness(dir.path());
    let loaded = h.ok("settings_get", json!({}));
    assert_eq!(loaded["settings"]["theme"], "system");
    assert!(
        loaded["warning"].as_str().unwrap().contains("damaged"),
        "{loaded}"
    );
}

#[test]
fn the_recovery_journal_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let h = harness(dir.path());
    assert_eq!(h.ok("recovery_read", json!({})), Value::Null);
    let entry = json!({"path": null, "markdown": "# Unsaved", "source": "text", "saved_at_ms": 1_760_000_000_000_i64});
    h.ok("recovery_write", json!({"entry": entry}));
    assert_eq!(h.ok("recovery_read", json!({})), entry);
    h.ok("recovery_clear", json!({}));
    assert_eq!(h.ok("recovery_read", json!({})), Value::Null);
}

#[test]
fn show_log_file_reveals_the_current_log_file() {
    let dir = tempfile::tempdir().unwrap();
    let h = harness(dir.path());
    // No log written yet (the mock app has no log plugin): the folder is revealed.
    let shown = h.ok("show_log_file", json!({}));
    let logs = dir.path().join("config/logs");
    assert_eq!(shown, json!(logs.to_string_lossy()));
    std::fs::create_dir_all(&logs).unwrap();
    std::fs::write(logs.join("attache.log"), "started\n").unwrap();
    let shown = h.ok("show_log_file", json!({}));
    let file = logs.join("attache.log");
    assert_eq!(shown, json!(file.to_string_lossy()));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("revealed.txt")).unwrap(),
        file.to_string_lossy()
    );
}

#[test]
fn paths_the_page_makes_up_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let h = harness(dir.path());
    let vault = dir.path().join("vault");
    std::fs::create_dir_all(vault.join(".git")).unwrap();
    std::fs::write(vault.join(".git/config"), "[core]\n").unwrap();
    std::fs::write(vault.join("notes.txt"), "not a note").unwrap();
    let stamp = json!({"modified_ns": "0", "bytes": 0, "hash": "0"});

    // Inside the vault, only .md notes outside hidden folders.
    for path in [
        ".git/config",
        "notes.txt",
        ".ssh/authorized_keys",
        "sub/.hidden.md",
    ] {
        let open = h.call("note_open", json!({"path": path})).unwrap_err();
        assert_eq!(open["code"], "outside_vault", "open {path}: {open}");
        let save = h
            .call(
                "note_save",
                json!({"path": path, "markdown": "core.fsmonitor = evil", "stamp": stamp}),
            )
            .unwrap_err();
        assert_eq!(save["code"], "outside_vault", "save {path}: {save}");
    }
    assert_eq!(
        std::fs::read_to_string(vault.join(".git/config")).unwrap(),
        "[core]\n"
    );
    assert!(!vault.join(".ssh").exists());

    // Outside the vault, only what a dialog, a drop or the command line just gave.
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "private words").unwrap();
    let read = h
        .call("import_file", json!({"path": secret.to_string_lossy()}))
        .unwrap_err();
    assert_eq!(read["code"], "outside_vault", "{read}");

    let brief = h.draft(ARTICLE);
    let open = h.ok(
        "note_create",
        json!({"brief": brief, "source": ARTICLE, "meta": {"classification": null, "title": null}}),
    );
    let note = open["summary"]["path"].as_str().unwrap();
    let planted = dir.path().join("planted.sh");
    let export = h
        .call(
            "note_export",
            json!({"path": note, "target": planted.to_string_lossy(), "options": {"format": "markdown", "front_matter": true, "flatten_links": false}}),
        )
        .unwrap_err();
    assert_eq!(export["code"], "outside_vault", "{export}");
    assert!(!planted.exists());

    let mut settings = h.ok("settings_get", json!({}))["settings"].clone();
    settings["vault"] = json!(dir.path().join("home").to_string_lossy());
    let switch = h
        .call("settings_set", json!({"settings": settings}))
        .unwrap_err();
    assert_eq!(switch["code"], "outside_vault", "{switch}");

    // The folder dialog's answer is accepted, once.
    let picked = h.ok("pick_vault_folder", json!({}));
    settings["vault"] = picked;
    h.ok("settings_set", json!({"settings": settings}));
}

#[test]
fn an_article_the_dialog_chose_is_imported_once() {
    let dir = tempfile::tempdir().unwrap();
    let h = harness(dir.path());
    std::fs::create_dir_all(dir.path().join("picks")).unwrap();
    std::fs::write(dir.path().join("picks/talks.txt"), ARTICLE).unwrap();
    let picked = h.ok("pick_article_file", json!({}));
    let article = h.ok("import_file", json!({"path": picked}));
    assert!(article["text"].as_str().unwrap().contains("Anna Berg"));
    let again = h.call("import_file", json!({"path": picked})).unwrap_err();
    assert_eq!(again["code"], "outside_vault", "{again}");
}

#[test]
fn a_missing_vault_folder_is_an_error_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let h = harness_with(dir.path());
    let err = h.call("notes_list", json!({})).unwrap_err();
    assert_eq!(err["code"], "not_found", "{err}");
    assert!(
        err["message"].as_str().unwrap().contains("--vault"),
        "{err}"
    );
    let brief = h.draft(ARTICLE);
    let create = h
        .call(
            "note_create",
            json!({"brief": brief, "source": ARTICLE, "meta": {"classification": null, "title": null}}),
        )
        .unwrap_err();
    assert_eq!(create["code"], "not_found", "{create}");
    assert!(!dir.path().join("vault").exists());
}

#[test]
fn a_draft_pane_edit_patches_the_saved_note_and_is_kept_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let h = harness(dir.path());
    let brief = h.draft(ARTICLE);
    let open = h.ok(
        "note_create",
        json!({"brief": brief, "source": ARTICLE, "meta": {"classification": null, "title": null}}),
    );
    let path = open["summary"]["path"].as_str().unwrap().to_owned();
    let refs = open["refs"].clone();
    assert_eq!(
        refs,
        h.ok("brief_refs", json!({"brief": brief, "text": ARTICLE})),
        "a new note's footnotes are the renderer's"
    );
    let label = refs["positions"][0].as_str().unwrap().to_owned();
    let mine = format!(
        "{}\nAnalyst comment: watch Sweden.\n",
        open["markdown"].as_str().unwrap()
    );

    // Remove the first position: its line and footnote leave the note, the comment stays.
    let mut after = brief.clone();
    after["positions"].as_array_mut().unwrap().remove(0);
    let mut after_refs = refs.clone();
    after_refs["positions"].as_array_mut().unwrap().remove(0);
    let patched = h.ok(
        "note_patch",
        json!({"markdown": mine, "text": ARTICLE,
               "before": {"brief": brief, "refs": refs},
               "after": {"brief": after, "refs": after_refs}}),
    );
    let md = patched["markdown"].as_str().unwrap();
    assert!(!md.contains(&format!("[^{label}]")), "{md}");
    assert!(md.contains("watch Sweden"), "{md}");
    assert_eq!(patched["kept"], json!([]));

    h.ok(
        "note_draft_store",
        json!({"path": path, "draft": {"brief": after, "refs": patched["refs"], "edits": [{"section": "positions", "key": "1:2", "remove": true, "fields": {}}]}}),
    );
    let reopened = h.ok("note_open", json!({"path": path}));
    assert_eq!(reopened["brief"]["positions"], after["positions"]);
    assert_eq!(reopened["refs"], patched["refs"]);
    assert_eq!(reopened["edits"][0]["remove"], true);
}

#[test]
fn a_conflict_is_resolved_in_one_call() {
    let dir = tempfile::tempdir().unwrap();
    let h = harness(dir.path());
    let brief = h.draft(ARTICLE);
    let open = h.ok(
        "note_create",
        json!({"brief": brief, "source": ARTICLE, "meta": {"classification": null, "title": null}}),
    );
    let path = open["summary"]["path"].as_str().unwrap().to_owned();
    let file = dir.path().join("vault").join(&path);
    let md = open["markdown"].as_str().unwrap().to_owned();
    std::fs::write(&file, format!("{md}\nTheirs.\n")).unwrap();
    let saved = h.ok(
        "note_save",
        json!({"path": path, "markdown": format!("{md}\nMine.\n"), "stamp": open["stamp"]}),
    );
    assert_eq!(saved["kind"], "conflict");
    let copy = saved["conflict_copy"].clone();
    let kept = h.ok(
        "note_keep_mine",
        json!({"path": path, "copy": copy, "markdown": format!("{md}\nMine, and more.\n")}),
    );
    assert_eq!(kept["kind"], "saved", "{kept}");
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("Mine, and more.")
    );
    assert_eq!(h.ok("notes_list", json!({})).as_array().unwrap().len(), 1);
    assert_eq!(h.ok("trash_list", json!({})).as_array().unwrap().len(), 1);
    let reopened = h.ok("note_open", json!({"path": path}));
    assert!(
        reopened["brief"].is_object(),
        "the draft stays with the note"
    );
}
