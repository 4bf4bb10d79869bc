// The one module that talks to the Rust side. Every command of the UI contract
// (notes/ui-contract.md) has a typed wrapper here; nothing else imports @tauri-apps/api/core,
// so the whole surface the UI uses is visible in one place and easy to mock in tests.
import { Channel, invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import type { AppError } from "./bindings/AppError";
import type { Brief } from "./bindings/Brief";
import type { DraftRequest } from "./bindings/DraftRequest";
import type { DraftState } from "./bindings/DraftState";
import type { ErrorCode } from "./bindings/ErrorCode";
import { ERROR_CODES } from "./bindings/errorCodes";
import type { ExportFormat } from "./bindings/ExportFormat";
import type { ExportOptions } from "./bindings/ExportOptions";
import type { ImportedText } from "./bindings/ImportedText";
import type { LoadedSettings } from "./bindings/LoadedSettings";
import type { LoadStamp } from "./bindings/LoadStamp";
import type { NewNote } from "./bindings/NewNote";
import type { NoteRefs } from "./bindings/NoteRefs";
import type { NoteSummary } from "./bindings/NoteSummary";
import type { OpenNote } from "./bindings/OpenNote";
import type { PartyGroup } from "./bindings/PartyGroup";
import type { PartyHit } from "./bindings/PartyHit";
import type { Patched } from "./bindings/Patched";
import type { Progress } from "./bindings/Progress";
import type { SaveOutcome } from "./bindings/SaveOutcome";
import type { SearchHit } from "./bindings/SearchHit";
import type { Settings } from "./bindings/Settings";
import type { RecoveryEntry } from "./bindings/RecoveryEntry";
import type { TrashEntry } from "./bindings/TrashEntry";
import type { VaultEvent } from "./bindings/VaultEvent";
import type { VaultInfo } from "./bindings/VaultInfo";

const KNOWN_CODES: ReadonlySet<string> = new Set<string>(ERROR_CODES);

/** A failed command. The UI branches on `code` only; `message` is for people. */
export class CommandError extends Error implements AppError {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = "CommandError";
    this.code = code;
  }
}

/** Turns whatever a rejected invoke carries into a CommandError (Rust sends `{code, message}`). */
export function toCommandError(raw: unknown): CommandError {
  if (raw instanceof CommandError) return raw;
  if (raw && typeof raw === "object" && "code" in raw && "message" in raw) {
    const { code, message } = raw as { code: unknown; message: unknown };
    const known = typeof code === "string" && KNOWN_CODES.has(code);
    return new CommandError(known ? (code as ErrorCode) : "internal", String(message));
  }
  if (raw instanceof Error) return new CommandError("internal", raw.message);
  return new CommandError("internal", typeof raw === "string" ? raw : "Unexpected error from the app core.");
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (raw) {
    throw toCommandError(raw);
  }
}

// ---- Phase 1: drafting -------------------------------------------------------------------------

/** Drafts a brief; `onProgress` receives each engine stage. */
export function draft(text: string, options: DraftRequest, onProgress?: (p: Progress) => void): Promise<Brief> {
  const channel = new Channel<Progress>();
  if (onProgress) channel.onmessage = onProgress;
  return call<Brief>("draft", { text, options, onProgress: channel });
}

/** Our own sample article (written for Attaché, not copied from any corpus). */
export const sampleArticle = (): Promise<string> => call<string>("sample_article");

/** The Markdown note for a brief (front matter, sections, footnotes). */
export const renderNote = (brief: Brief, text: string): Promise<string> =>
  call<string>("render_note", { brief, text });

/** Markdown rendered to HTML and sanitised in Rust: the only HTML the UI ever injects. */
export const previewHtml = (markdown: string): Promise<string> => call<string>("preview_html", { markdown });

// ---- One source of truth: draft-pane edits patch the note (Rust, attache_vault::patch) ---------

/** The footnote label of each item of `brief` in a note freshly rendered from it. */
export const briefRefs = (brief: Brief, text: string): Promise<NoteRefs> => call<NoteRefs>("brief_refs", { brief, text });
/** The note's Markdown with the draft edit `before → after` applied; the analyst's own text stays. */
export const notePatch = (markdown: string, text: string, before: DraftState, after: DraftState): Promise<Patched> =>
  call<Patched>("note_patch", { markdown, text, before, after });
/** Keeps the edited draft beside the saved note (reopening shows it). */
export const noteDraftStore = (path: string, draft: DraftState): Promise<void> =>
  call<void>("note_draft_store", { path, draft });

// ---- Phase 2: the vault (paths are relative to the vault, with `/`) -------------------------------

export const notesList = (): Promise<NoteSummary[]> => call<NoteSummary[]>("notes_list");
/** Ranked best first. */
export const notesSearch = (query: string): Promise<SearchHit[]> => call<SearchHit[]>("notes_search", { query });
export const noteCreate = (brief: Brief, source: string, meta: NewNote): Promise<OpenNote> =>
  call<OpenNote>("note_create", { brief, source, meta });
export const noteOpen = (path: string): Promise<OpenNote> => call<OpenNote>("note_open", { path });
/** On a conflict the vault keeps the file on disk and writes mine beside it (`conflict_copy`). */
export const noteSave = (path: string, markdown: string, stamp: LoadStamp): Promise<SaveOutcome> =>
  call<SaveOutcome>("note_save", { path, markdown, stamp });
/**
 * New title: front matter, H1 (when it was the old title) and file name change together, and
 * other notes' links follow; `notice` names the notes updated and those skipped because they
 * changed on disk. Rejects with `conflict` when this note changed on disk since `stamp`.
 */
export const noteRename = (path: string, title: string, stamp: LoadStamp): Promise<SaveOutcome> =>
  call<SaveOutcome>("note_rename", { path, title, stamp });
/** Conflict, "keep mine": my text replaces theirs; the conflict copy goes to the trash. */
export const noteKeepMine = (path: string, copy: string, markdown: string): Promise<SaveOutcome> =>
  call<SaveOutcome>("note_keep_mine", { path, copy, markdown });
/** Conflict, "take theirs": my copy goes to the trash; resolves to the note on disk. */
export const noteTakeTheirs = (path: string, copy: string): Promise<OpenNote> =>
  call<OpenNote>("note_take_theirs", { path, copy });
/** Conflict, "keep both": the copy becomes a note of its own; resolves to it, opened. */
export const noteKeepBoth = (path: string, copy: string): Promise<OpenNote> =>
  call<OpenNote>("note_keep_both", { path, copy });
/** Moves the note to the vault's trash. */
export const noteDelete = (path: string): Promise<TrashEntry> => call<TrashEntry>("note_delete", { path });
export const trashList = (): Promise<TrashEntry[]> => call<TrashEntry[]>("trash_list");
/** Restores a trashed note; resolves to its path. */
export const trashRestore = (id: string): Promise<string> => call<string>("trash_restore", { id });
export const partyIndex = (name: string): Promise<PartyHit[]> => call<PartyHit[]>("party_index", { name });
/** The vault's parties merged by alias, with note counts. */
export const partyGroups = (): Promise<PartyGroup[]> => call<PartyGroup[]>("party_groups");
export const noteExport = (path: string, target: string, options: ExportOptions): Promise<void> =>
  call<void>("note_export", { path, target, options });
/** Puts the note on the clipboard as rich text (HTML and plain text), marking above and below. */
export const noteCopyRich = (markdown: string, title: string): Promise<void> =>
  call<void>("note_copy_rich", { markdown, title });
export const settingsGet = (): Promise<LoadedSettings> => call<LoadedSettings>("settings_get");
/** Rust validates and stores; resolves to what was stored. */
export const settingsSet = (settings: Settings): Promise<Settings> => call<Settings>("settings_set", { settings });
/** The open vault's folder and where that choice came from. */
export const vaultInfo = (): Promise<VaultInfo> => call<VaultInfo>("vault_info");
/** Reads a .txt/.md/.html article file (Rust does the reading and the HTML-to-text). */
/** Pasted text read as an opened file: HTML source through the import path, front matter. */
export const readPasted = (text: string): Promise<ImportedText> => call<ImportedText>("read_pasted", { text });
export const importFile = (path: string): Promise<ImportedText> => call<ImportedText>("import_file", { path });
/** Files named on the command line at start (absolute paths; empty after the first call). */
export const startupFiles = (): Promise<string[]> => call<string[]>("startup_files");
/** Tells the app the first screen is painted and usable; resolves to the milliseconds since
 * the process started (logged by the app: the cold-start figure). */
export const uiReady = (): Promise<number> => call<number>("ui_ready");

// ---- Crash recovery journal (kept by Rust in the config folder, outside the vault) -------------

/** Records the unsaved text of the note being edited (overwrites the previous entry). */
export const recoveryWrite = (entry: RecoveryEntry): Promise<void> => call<void>("recovery_write", { entry });
/** The entry left by a session that ended without saving, if any. */
export const recoveryRead = (): Promise<RecoveryEntry | null> => call<RecoveryEntry | null>("recovery_read");
/** Forgets the entry (after a save, or when the analyst discards it). */
export const recoveryClear = (): Promise<void> => call<void>("recovery_clear");

// ---- The window --------------------------------------------------------------------------------

/** The first screen is laid out: Rust shows the window (created hidden, already restored). */
export const windowReady = (): Promise<void> => call<void>("window_ready");
/** Reveals the current log file in the file manager (Help → Show Log File); resolves to its path. */
export const showLogFile = (): Promise<string> => call<string>("show_log_file");
/** Ends the app (after the UI saved what is open); the window state is saved on the way out. */
export const quit = (): Promise<void> => call<void>("quit");

// ---- Native dialogs: opened by Rust (the UI has no dialog permission) ---------------------------

/** Native save dialog for an export; null when the analyst cancels. */
export const pickExportPath = (suggestedName: string, format: ExportFormat): Promise<string | null> =>
  call<string | null>("pick_export_path", { suggestedName, format });
/** Native open dialog for an article file (Ctrl+O); null when cancelled. */
export const pickArticleFile = (): Promise<string | null> => call<string | null>("pick_article_file");
/** Native folder dialog for the vault; null when cancelled. */
export const pickVaultFolder = (): Promise<string | null> => call<string | null>("pick_vault_folder");

/** Copies text to the clipboard: the web API first, else the clipboard plugin. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    await call<void>("plugin:clipboard-manager|write_text", { text });
  }
}

// ---- Events from the shell ---------------------------------------------------------------------

/** Files dropped on the window (paths; Tauri's own drag-and-drop, so Rust can read them). */
export async function onFileDrop(cb: (paths: string[]) => void): Promise<() => void> {
  try {
    return await getCurrentWebview().onDragDropEvent((e) => {
      if (e.payload.type === "drop") cb(e.payload.paths);
    });
  } catch {
    return () => {}; // not running inside the app window (unit and browser tests)
  }
}

/** A second launch asked to open these files (event `open-files` from the single-instance hook). */
export async function onOpenFiles(cb: (paths: string[]) => void): Promise<() => void> {
  try {
    return await listen<string[]>("open-files", (e) => cb(e.payload));
  } catch {
    return () => {};
  }
}

/** Changes to the vault made by other programs (event `vault-changed`, from the watcher). */
export async function onVaultChanged(cb: (events: VaultEvent[]) => void): Promise<() => void> {
  try {
    return await listen<VaultEvent[]>("vault-changed", (e) => cb(e.payload));
  } catch {
    return () => {};
  }
}

/** The native menu's items, sent by the shell as event `menu` with the action name as payload. */
export async function onMenu(cb: (action: string) => void): Promise<() => void> {
  try {
    return await listen<string>("menu", (e) => cb(e.payload));
  } catch {
    return () => {};
  }
}
