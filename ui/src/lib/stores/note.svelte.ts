// The note being edited: its Markdown, whether it is saved, autosave, conflicts with the file on
// disk, and the live preview (HTML rendered and sanitised by Rust).
import type { Brief } from "../bindings/Brief";
import type { LoadStamp } from "../bindings/LoadStamp";
import type { NewNote } from "../bindings/NewNote";
import type { NoteSummary } from "../bindings/NoteSummary";
import type { OpenNote } from "../bindings/OpenNote";
import * as ipc from "../ipc";
import { CommandError, toCommandError } from "../ipc";
import { mark, MARKS } from "../perf";

/** none: no note open; draft: rendered from a brief, not yet in the vault. */
export type SaveState = "none" | "draft" | "saved" | "unsaved" | "saving" | "conflict" | "error";

/** The vault left the changed file alone and wrote my version beside it as `copy`. */
export interface Conflict {
  /** My version's file (relative path). */
  copy: string;
  /** My text, as saved into the copy. */
  mine: string;
}

export const AUTOSAVE_MS = 1200;
const PREVIEW_MS = 150;

export class NoteSession {
  path = $state<string | null>(null);
  markdown = $state("");
  /** What is on disk as far as we know (for the unsaved check). */
  savedMarkdown = $state("");
  stamp = $state<LoadStamp | null>(null);
  summary = $state<NoteSummary | null>(null);
  state = $state<SaveState>("none");
  conflict = $state<Conflict | null>(null);
  error = $state<CommandError | null>(null);
  previewHtml = $state("");
  /** Bumped when the Markdown is replaced from outside the editor (open, take theirs). */
  revision = $state(0);
  /** How the editor should apply the new revision: a fresh document, an undoable edit, or the
   * vault's version of the text being edited ("keep": caret, selection and scroll stay). */
  revisionKind = $state<"load" | "edit" | "keep">("load");
  /** What the vault said it changed in the analyst's text on the last save (text moved from
   * above the properties); the app shows it. */
  notice = $state("");
  /** The Markdown last rendered from a draft, to tell the analyst's edits from re-renders. */
  rendered = $state("");

  private autosaveTimer: ReturnType<typeof setTimeout> | null = null;
  private previewTimer: ReturnType<typeof setTimeout> | null = null;
  private previewSeq = 0;
  private saving: Promise<void> | null = null;
  /** Bumped by every load and preview, so a slow preview never replaces a newer document. */
  private loadSeq = 0;

  get dirty(): boolean {
    return this.path !== null && this.markdown !== this.savedMarkdown;
  }

  /** An unsaved draft the analyst has typed into (re-rendering it would lose their edits). */
  get draftEdited(): boolean {
    return this.path === null && this.state === "draft" && this.markdown !== this.rendered;
  }

  /** True when there are edits that exist nowhere else (an unsaved note or an unsaved draft). */
  get hasUnsavedWork(): boolean {
    return this.dirty || (this.state === "draft" && this.markdown.trim() !== "");
  }

  /** Shows the Markdown a brief would become, before it is saved as a note. */
  async preview(brief: Brief, text: string): Promise<void> {
    const seq = ++this.loadSeq;
    try {
      const md = await ipc.renderNote(brief, text);
      if (seq !== this.loadSeq) return;
      mark(MARKS.noteRendered);
      this.path = null;
      this.markdown = md;
      this.rendered = md;
      this.savedMarkdown = "";
      this.state = "draft";
      this.conflict = null;
      this.error = null;
      this.revisionKind = "load";
    this.revision += 1;
      await this.refreshPreview();
    } catch (e) {
      this.fail(toCommandError(e));
    }
  }

  /** Saves the brief as a new note in the vault and opens it, in place: the editor keeps its
   * caret and scroll (the vault's text differs from the draft by the keys it owns). */
  async create(brief: Brief, source: string, meta: NewNote): Promise<OpenNote | null> {
    try {
      const note = await ipc.noteCreate(brief, source, meta);
      const keep = this.path === null && this.state === "draft";
      this.load(note, keep ? "keep" : "load");
      if (note.notice) this.notice = note.notice;
      return note;
    } catch (e) {
      this.fail(toCommandError(e));
      return null;
    }
  }

  async open(path: string): Promise<OpenNote | null> {
    try {
      const note = await ipc.noteOpen(path);
      this.load(note);
      return note;
    } catch (e) {
      this.fail(toCommandError(e));
      return null;
    }
  }

  load(note: OpenNote, kind: "load" | "keep" = "load"): void {
    this.loadSeq += 1;
    this.clearTimers();
    this.path = note.summary.path;
    this.summary = note.summary;
    this.markdown = note.markdown;
    this.savedMarkdown = note.markdown;
    this.stamp = note.stamp;
    this.state = "saved";
    this.conflict = null;
    this.error = null;
    this.revisionKind = kind;
    this.revision += 1;
    void this.refreshPreview();
  }

  close(): void {
    this.loadSeq += 1;
    this.clearTimers();
    this.path = null;
    this.markdown = "";
    this.savedMarkdown = "";
    this.stamp = null;
    this.summary = null;
    this.state = "none";
    this.conflict = null;
    this.error = null;
    this.previewHtml = "";
    // The last rendered draft is a whole copy of the note: dropped with it.
    this.rendered = "";
    this.notice = "";
    this.revisionKind = "load";
    this.revision += 1;
  }

  /** The editor changed the Markdown: mark unsaved, schedule autosave and a preview refresh. */
  setMarkdown(md: string): void {
    if (md === this.markdown) return;
    this.markdown = md;
    if (this.path !== null && this.state !== "conflict") {
      this.state = this.dirty ? "unsaved" : "saved";
      this.scheduleAutosave();
    }
    this.schedulePreview();
  }

  /** Puts recovered text back as an unsaved draft (no note in the vault yet). */
  restoreDraft(md: string): void {
    this.loadSeq += 1;
    this.clearTimers();
    this.path = null;
    this.summary = null;
    this.stamp = null;
    this.markdown = md;
    this.rendered = "";
    this.savedMarkdown = "";
    this.state = "draft";
    this.conflict = null;
    this.revisionKind = "load";
    this.revision += 1;
    this.schedulePreview();
  }

  /** Replaces the whole text from outside the editor (re-draft into this note); undo is reset. */
  replace(md: string): void {
    this.markdown = md;
    this.revisionKind = "edit";
    this.revision += 1;
    if (this.path !== null) {
      this.state = this.dirty ? "unsaved" : "saved";
      if (this.dirty) this.scheduleAutosave();
    }
    this.schedulePreview();
  }

  /** A draft-pane edit patched the note (Rust kept the analyst's own text): an undoable edit
   * in the editor; an unsaved draft nobody typed into stays "not hand-edited". */
  applyPatch(md: string): void {
    if (md === this.markdown) return;
    const untouched = this.path === null && this.markdown === this.rendered;
    this.replace(md);
    if (untouched) this.rendered = md;
  }

  /** Saves now (Ctrl+S, autosave, before switching notes). Resolves when the save is done. */
  async save(): Promise<void> {
    if (this.saving) await this.saving;
    if (this.path === null || this.state === "conflict" || !this.dirty) return;
    this.clearAutosave();
    const path = this.path;
    const md = this.markdown;
    this.state = "saving";
    const stamp = this.stamp;
    if (stamp === null) return;
    this.saving = (async () => {
      try {
        const out = await ipc.noteSave(path, md, stamp);
        if (this.path !== path) return; // another note was opened meanwhile
        if (out.kind === "saved") {
          this.stamp = out.stamp;
          if (out.notice) this.notice = out.notice;
          if (out.text != null && this.markdown === md) {
            // The vault filled in keys or moved text: show what is on disk, caret kept.
            this.markdown = out.text;
            this.savedMarkdown = out.text;
            this.revisionKind = "keep";
            this.revision += 1;
            this.schedulePreview();
          } else {
            this.savedMarkdown = md;
          }
          this.state = this.markdown === this.savedMarkdown ? "saved" : "unsaved";
          if (this.state === "unsaved") this.scheduleAutosave();
        } else {
          // Nothing is lost: their file is untouched and mine sits in the conflict copy.
          this.savedMarkdown = md;
          this.conflict = { copy: out.conflict_copy, mine: md };
          this.state = "conflict";
        }
      } catch (e) {
        this.fail(toCommandError(e));
      }
    })();
    try {
      await this.saving;
    } finally {
      this.saving = null;
    }
  }

  /** Gives the saved note a new title: front matter, H1 (when it was the old title) and file
   * name change together in the vault, and other notes' links follow (note_rename). Unsaved
   * typing is saved first, so the rename never loses it. Resolves to the new path, or null. */
  async rename(title: string): Promise<string | null> {
    const wanted = title.trim();
    // Enter then leaving the field commits twice: the second would carry a stale stamp.
    if (this.path === null || wanted === "" || this.renaming) return null;
    this.renaming = true;
    try {
      return await this.renameNow(wanted);
    } finally {
      this.renaming = false;
    }
  }

  private renaming = false;

  private async renameNow(wanted: string): Promise<string | null> {
    await this.save();
    const path = this.path;
    const stamp = this.stamp;
    if (path === null || stamp === null || this.state === "conflict") return null;
    try {
      const out = await ipc.noteRename(path, wanted, stamp);
      if (this.path !== path || out.kind !== "saved") return null;
      this.path = out.path;
      this.stamp = out.stamp;
      if (this.summary) this.summary = { ...this.summary, path: out.path, title: wanted };
      if (out.text != null) {
        this.markdown = out.text;
        this.savedMarkdown = out.text;
        this.revisionKind = "keep";
        this.revision += 1;
        this.schedulePreview();
      }
      this.state = "saved";
      if (out.notice) this.notice = out.notice;
      return out.path;
    } catch (e) {
      this.fail(toCommandError(e));
      return null;
    }
  }

  /** Conflict: my version replaces theirs; the conflict copy goes to the trash. One vault
   * call (note_keep_mine), so it is never left half done. */
  async keepMine(): Promise<void> {
    const c = this.conflict;
    const path = this.path;
    if (!c || path === null) return;
    const mine = this.markdown; // including anything typed while the banner was up
    try {
      const out = await ipc.noteKeepMine(path, c.copy, mine);
      if (out.kind === "conflict") {
        // Changed yet again meanwhile: stay in conflict, with the newest copy.
        this.conflict = { copy: out.conflict_copy, mine };
        return;
      }
      this.conflict = null;
      this.error = null;
      this.stamp = out.stamp;
      this.savedMarkdown = mine;
      this.state = this.markdown === mine ? "saved" : "unsaved";
      if (this.state === "unsaved") this.scheduleAutosave();
    } catch (e) {
      this.error = toCommandError(e);
    }
  }

  /** Conflict: take the version on disk; my copy goes to the trash (restorable). */
  async takeTheirs(): Promise<void> {
    const c = this.conflict;
    const path = this.path;
    if (!c || path === null) return;
    try {
      this.load(await ipc.noteTakeTheirs(path, c.copy));
    } catch (e) {
      this.error = toCommandError(e);
    }
  }

  /** Conflict: keep both files (the copy becomes a note of its own); carry on editing mine. */
  async keepBoth(): Promise<OpenNote | null> {
    const c = this.conflict;
    const path = this.path;
    if (!c || path === null) return null;
    try {
      const mine = await ipc.noteKeepBoth(path, c.copy);
      this.load(mine);
      return mine;
    } catch (e) {
      this.error = toCommandError(e);
      return null;
    }
  }

  /** Another program changed the open note: reload it if there are no local edits. */
  async reloadIfClean(path: string): Promise<void> {
    if (this.path !== path || this.dirty || this.state === "conflict" || this.saving) return;
    try {
      const fresh = await ipc.noteOpen(path);
      if (this.path === path && !this.dirty && fresh.markdown !== this.markdown) this.load(fresh);
    } catch (e) {
      this.error = toCommandError(e);
    }
  }

  /** Forget any pending timers (tests, closing the window). */
  clearTimers(): void {
    this.clearAutosave();
    if (this.previewTimer) clearTimeout(this.previewTimer);
    this.previewTimer = null;
  }

  async refreshPreview(): Promise<void> {
    const seq = ++this.previewSeq;
    try {
      const html = await ipc.previewHtml(this.markdown);
      if (seq === this.previewSeq) {
        this.previewHtml = html;
        mark(MARKS.previewShown);
      }
    } catch (e) {
      if (seq === this.previewSeq) this.error = toCommandError(e);
    }
  }

  private scheduleAutosave(): void {
    this.clearAutosave();
    this.autosaveTimer = setTimeout(() => {
      this.autosaveTimer = null;
      void this.save();
    }, AUTOSAVE_MS);
  }

  private clearAutosave(): void {
    if (this.autosaveTimer) clearTimeout(this.autosaveTimer);
    this.autosaveTimer = null;
  }

  private schedulePreview(): void {
    if (this.previewTimer) clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => {
      this.previewTimer = null;
      void this.refreshPreview();
    }, PREVIEW_MS);
  }

  private fail(err: CommandError): void {
    this.error = err;
    if (this.path !== null && this.state !== "conflict") this.state = "error";
  }
}
