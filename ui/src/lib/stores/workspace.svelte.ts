// The article and its draft: what the analyst pasted, the brief drafted from it, which item is
// selected, and where that item's source sentence is in the article (provenance).
import type { Brief } from "../bindings/Brief";
import type { DraftEdit } from "../bindings/DraftEdit";
import type { DraftState as NoteDraft } from "../bindings/DraftState";
import type { NoteRefs } from "../bindings/NoteRefs";
import type { Progress } from "../bindings/Progress";
import type { Span } from "../bindings/Span";
import * as ipc from "../ipc";
import { CommandError, toCommandError } from "../ipc";
import { mark, MARKS } from "../perf";
import { ByteIndex } from "../spans";
import { BIG_INPUT_WORDS, countWords, cutPoint } from "../big-input";
import { applyFields, keyOf, listOf, positionFields, replay, type PositionChange, type Section } from "../draft-edits";

export type { Section } from "../draft-edits";
export type DraftState = "idle" | "drafting" | "ready" | "error";

/** The note the draft pane keeps in step with: the workspace hands it each patched text. */
export interface NoteBridge {
  /** The note's Markdown as it is now (edited or not), or null when no note is shown. */
  markdown(): string | null;
  /** Puts the patched Markdown in the note and keeps `draft` beside it (a saved note). */
  apply(markdown: string, draft: NoteDraft): Promise<void>;
}

/** What the draft is at one moment, for undo. */
interface Snapshot {
  brief: Brief;
  refs: NoteRefs;
  edits: DraftEdit[];
  text: string;
}

interface UndoEntry {
  label: string;
  before: Snapshot;
  after: Snapshot;
  /** The note has this change (a re-draft offered beside a saved note has not). */
  inNote: boolean;
}

/** The last undoable change, offered in a toast. */
export interface Toast {
  message: string;
  undoable: boolean;
}

const EMPTY_REFS: NoteRefs = { positions: [], questions: [], dates: [] };
const clone = <T>(v: T): T => structuredClone($state.snapshot(v) as T);

export interface ArticleMeta {
  title: string;
  outlet: string;
  url: string;
  /** `YYYY-MM-DD` or empty. */
  published: string;
}

/** An article too long to draft without asking: its size and what "the first 50,000 words"
 * keeps (figures only; the text itself stays in `text`, so nothing else holds on to it). */
export interface BigInput {
  /** Words in the whole article. */
  words: number;
  /** Words kept when cut at the end of the sentence or line after the limit. */
  keptWords: number;
}

/** What was left out of the last draft by "Draft the first 50,000 words". */
export interface Cut {
  keptWords: number;
  droppedWords: number;
}

export interface Selection {
  section: Section;
  index: number;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Trimmed value or null, as the commands expect for optional fields. */
function opt(s: string): string | null {
  const t = s.trim();
  return t === "" ? null : t;
}

/** The source span an item points at: the sentence for positions and dates, etc. */
export function sourceSpan(brief: Brief, sel: Selection): Span | null {
  switch (sel.section) {
    case "parties":
      return brief.parties[sel.index]?.mentions[0] ?? null;
    case "positions":
      return brief.positions[sel.index]?.sentence_span ?? null;
    case "questions":
      return brief.open_questions[sel.index]?.evidence_span ?? null;
    case "dates":
      return brief.key_dates[sel.index]?.sentence_span ?? null;
  }
}

/** The exact words inside the source sentence (the quote, the date), when there are any. */
export function focusSpan(brief: Brief, sel: Selection): Span | null {
  switch (sel.section) {
    case "positions":
      return brief.positions[sel.index]?.content_span ?? null;
    case "dates":
      return brief.key_dates[sel.index]?.span ?? null;
    default:
      return null;
  }
}

export class Workspace {
  text = $state("");
  meta = $state<ArticleMeta>({ title: "", outlet: "", url: "", published: "" });
  state = $state<DraftState>("idle");
  progress = $state<Progress | null>(null);
  brief = $state<Brief | null>(null);
  /** The exact text the brief's spans point into. */
  draftedText = $state("");
  error = $state<CommandError | null>(null);
  selected = $state<Selection | null>(null);
  /** True once the analyst removed or edited an item of the drafted brief. */
  briefEdited = $state(false);
  /** Bumped on every new draft so views can react (e.g. scroll to top). */
  generation = $state(0);
  /** The note's footnote of each item of `brief` (parallel to its lists). */
  refs = $state<NoteRefs>({ ...EMPTY_REFS });
  /** The analyst's edits of this draft, in order (replayed on a re-draft, kept with the note). */
  edits = $state<DraftEdit[]>([]);
  /** The last change, with Undo, or a word about a patch that kept the analyst's text. */
  toast = $state<Toast | null>(null);
  /** The words left out of the article by the last "Draft the first 50,000 words". */
  cut = $state<Cut | null>(null);
  /** Where edits go in the note; set by the app. */
  bridge: NoteBridge | null = null;

  private index: ByteIndex | null = null;
  private undoStack: UndoEntry[] = [];
  /** Patches run one after the other: each needs the note as the previous one left it. */
  private queue: Promise<void> = Promise.resolve();

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  /** The article was changed after drafting: spans no longer point at the right text. */
  get stale(): boolean {
    return this.brief !== null && this.text !== this.draftedText;
  }

  /** `[start, end)` string indices of the selected item's source, when it can be shown. */
  get highlight(): [number, number] | null {
    if (!this.brief || !this.selected || this.stale || !this.index) return null;
    const span = sourceSpan(this.brief, this.selected);
    return span ? this.index.toRange(span) : null;
  }

  /** `[start, end)` string indices of the exact words within the highlight, clamped into it. */
  get focus(): [number, number] | null {
    const hl = this.highlight;
    if (!hl || !this.brief || !this.selected || !this.index) return null;
    const span = focusSpan(this.brief, this.selected);
    if (!span) return null;
    const [s, e] = this.index.toRange(span);
    const start = Math.max(s, hl[0]);
    const end = Math.min(e, hl[1]);
    return start < end ? [start, end] : null;
  }

  /** Validation message for the published-date field, or null when fine. */
  /** No publication date is known and the draft has dates the text alone does not fix
   * ("in January", "next Tuesday"): the source details ask for the date. */
  get needsDate(): boolean {
    const b = this.brief;
    return (
      b !== null &&
      !b.source.published &&
      this.meta.published.trim() === "" &&
      b.key_dates.some((d) => d.resolved === null)
    );
  }

  /** Pasted text is read as the same text opened from a file: a web page's source through the
   * import path, front matter as a Markdown file's; the fields left empty take its title,
   * outlet, URL and date. Only text that opens like a page or front matter makes the trip. */
  private async readPasted(): Promise<string> {
    const text = this.text;
    if (!/^\uFEFF?\s*(<|---\r?\n)/.test(text.slice(0, 80))) return text;
    const a = await ipc.readPasted(text);
    const fill = (mine: string, theirs: string | null) => (mine.trim() === "" && theirs ? theirs : mine);
    this.meta = {
      title: fill(this.meta.title, a.title),
      outlet: fill(this.meta.outlet, a.outlet),
      url: fill(this.meta.url, a.source_url),
      published: fill(this.meta.published, a.published),
    };
    if (a.text !== text) this.text = a.text;
    return a.text;
  }

  get dateProblem(): string | null {
    const d = this.meta.published.trim();
    if (d === "" || DATE_RE.test(d)) return null;
    return "Use the form YYYY-MM-DD, e.g. 2025-10-16.";
  }

  /** Fetches the sample article; null (and the error shown) when that fails. */
  async fetchSample(): Promise<string | null> {
    try {
      return await ipc.sampleArticle();
    } catch (e) {
      this.fail(toCommandError(e));
      return null;
    }
  }

  /** Puts an article into the text field (sample, imported file), clearing an old error. */
  setArticle(text: string): void {
    this.text = text;
    this.cut = null;
    this.error = null;
    if (this.state === "error") this.state = this.brief ? "ready" : "idle";
  }

  /** Counted when a draft is asked for (one pass, no allocation; never on each keystroke):
   * the article's size when it is over BIG_INPUT_WORDS, else null (draft straight away). */
  sizeUp(): BigInput | null {
    const words = countWords(this.text);
    if (words <= BIG_INPUT_WORDS) return null;
    const at = cutPoint(this.text, BIG_INPUT_WORDS);
    const keptWords = at === null ? words : words - countWords(this.text.slice(at));
    return { words, keptWords };
  }

  /** Cuts the article at the end of the sentence or line after its 50,000th word, before a
   * draft: the article pane keeps only the drafted part (so the highlights of the brief point
   * into what is shown), and says how many words were cut. */
  keepFirstWords(): void {
    const at = cutPoint(this.text, BIG_INPUT_WORDS);
    if (at === null) return;
    const droppedWords = countWords(this.text.slice(at));
    this.text = this.text.slice(0, at);
    this.cut = { keptWords: countWords(this.text), droppedWords };
  }

  async loadSample(): Promise<void> {
    const sample = await this.fetchSample();
    if (sample !== null) this.setArticle(sample);
  }

  async draft(): Promise<Brief | null> {
    if (this.state === "drafting") return null;
    if (this.dateProblem) {
      this.fail(new CommandError("invalid_argument", `Published date: ${this.dateProblem}`));
      return null;
    }
    this.state = "drafting";
    this.error = null;
    this.progress = null;
    mark(MARKS.draftStart);
    try {
      const text = await this.readPasted();
      const brief = await ipc.draft(
        text,
        {
          published: opt(this.meta.published),
          title: opt(this.meta.title),
          sourceUrl: opt(this.meta.url),
          outlet: opt(this.meta.outlet),
        },
        (p) => (this.progress = p),
      );
      mark(MARKS.draftReply);
      const previous = this.brief ? this.current() : null;
      if (previous) this.showRedraft(brief, text, previous);
      else this.show(brief, text);
      return this.brief ? this.snapshot() : brief;
    } catch (e) {
      this.fail(toCommandError(e));
      return null;
    } finally {
      this.progress = null;
    }
  }

  /** Shows a brief drafted from `text` (a fresh draft, or one reopened with its note, with the
   * note's footnote of each item and the edits behind it). */
  show(brief: Brief, text: string, refs?: NoteRefs | null, edits: DraftEdit[] = []): void {
    this.brief = brief;
    this.draftedText = text;
    this.text = text;
    this.index = new ByteIndex(text);
    this.selected = null;
    this.refs = refs ? { ...refs } : blankRefs(brief);
    this.edits = [...edits];
    this.briefEdited = edits.length > 0;
    this.undoStack = [];
    this.toast = null;
    this.state = "ready";
    this.error = null;
    this.generation += 1;
  }

  /** A re-draft over an edited draft: the edits are made again on the new one; undoable. */
  private showRedraft(fresh: Brief, text: string, previous: Snapshot): void {
    const r = replay(fresh, text, previous.edits, previous, previous.text);
    this.brief = r.brief;
    this.draftedText = text;
    this.text = text;
    this.index = new ByteIndex(text);
    this.selected = null;
    this.refs = r.refs;
    this.edits = r.edits;
    this.briefEdited = r.edits.length > 0;
    this.state = "ready";
    this.error = null;
    this.generation += 1;
    const kept = r.edits.length;
    const message =
      (kept > 0 ? `Re-drafted, with your ${kept} edit${kept === 1 ? "" : "s"} made again` : "Re-drafted") +
      (r.lost > 0 ? `; ${r.lost} edit${r.lost === 1 ? " no longer applies" : "s no longer apply"} (the sentences changed)` : "") +
      ".";
    const after = this.current();
    this.undoStack.push({ label: "the re-draft", before: previous, after, inNote: false });
    this.pendingRedraft = { before: previous, after };
    this.toast = { message, undoable: true };
  }

  /** The last re-draft, until the app has put it into the note (or rendered a fresh note). */
  pendingRedraft: { before: Snapshot; after: Snapshot } | null = null;

  /** Merges the last re-draft into the note (the analyst's text and edits kept). */
  redraftIntoNote(): Promise<void> {
    const p = this.pendingRedraft;
    this.pendingRedraft = null;
    if (!p) return Promise.resolve();
    const entry = this.undoStack.find((e) => e.after === p.after);
    if (entry) entry.inNote = true;
    return this.syncNote(p.before, p.after);
  }

  /** The note was rendered anew from the brief (a fresh preview, a new note, a replaced text):
   * these are its footnotes. Labels in the undo history are moved along, so an undo still
   * finds its lines. */
  adoptRefs(refs: NoteRefs): void {
    this.pendingRedraft = null;
    const map = new Map<string, string>();
    const cur = this.refs;
    (["positions", "questions", "dates"] as const).forEach((f) =>
      cur[f].forEach((label, i) => {
        if (label && refs[f][i]) map.set(label, refs[f][i]);
      }),
    );
    const taken = new Set([...refs.positions, ...refs.questions, ...refs.dates]);
    let n = 0;
    const fresh = (label: string): string => {
      const to = map.get(label);
      if (to !== undefined) return to;
      if (!label || !taken.has(label)) return label;
      let next: string;
      do next = `${label.replace(/\d+$/, "")}${++n + taken.size}`;
      while (taken.has(next));
      taken.add(next);
      map.set(label, next);
      return next;
    };
    const move = (r: NoteRefs): NoteRefs => ({
      positions: r.positions.map(fresh),
      questions: r.questions.map(fresh),
      dates: r.dates.map(fresh),
    });
    for (const e of this.undoStack) {
      e.before.refs = move(e.before.refs);
      e.after.refs = move(e.after.refs);
      // The note is now rendered from the current draft: every change so far is in it.
      e.inNote = true;
    }
    this.refs = { ...refs };
  }

  /** The draft as the note shows it, for patching and for keeping beside a saved note. */
  noteDraft(): NoteDraft | null {
    const s = this.brief ? this.current() : null;
    return s ? { brief: s.brief, refs: s.refs, edits: s.edits } : null;
  }

  /** Carries the change `before → after` into the note (in order with earlier patches). */
  syncNote(before: Snapshot | NoteDraft, after: Snapshot | NoteDraft): Promise<void> {
    const run = async () => {
      const md = this.bridge?.markdown();
      if (!this.bridge || md === null || md === undefined) return;
      const from: NoteDraft = { brief: before.brief, refs: before.refs, edits: before.edits };
      const to: NoteDraft = { brief: after.brief, refs: after.refs, edits: after.edits };
      try {
        const patched = await ipc.notePatch(md, this.draftedText, from, to);
        // New items got footnotes the note did not use yet.
        if (this.brief && sameShape(this.refs, patched.refs)) this.refs = patched.refs;
        await this.bridge.apply(patched.markdown, { ...to, refs: patched.refs });
        if (patched.kept.length > 0) {
          this.toast = {
            message: `Your own wording in the note was kept where the change would have gone: ${patched.kept.join(" · ")}`,
            undoable: this.canUndo,
          };
        }
      } catch (e) {
        this.toast = { message: `The note could not be updated: ${toCommandError(e).message}`, undoable: this.canUndo };
      }
    };
    this.queue = this.queue.then(run, run);
    return this.queue;
  }

  /** Undoes the last removal, edit or re-draft, in the draft and in the note (Ctrl+Z, toast). */
  undo(): Promise<void> {
    const entry = this.undoStack.pop();
    if (!entry || !this.brief) return Promise.resolve();
    const now = this.current();
    const b = entry.before;
    this.brief = clone(b.brief);
    this.refs = clone(b.refs);
    this.edits = clone(b.edits);
    if (b.text !== this.draftedText) {
      this.draftedText = b.text;
      this.text = b.text;
      this.index = new ByteIndex(b.text);
    }
    this.selected = null;
    this.briefEdited = this.edits.length > 0;
    this.toast = { message: `Undone: ${entry.label}.`, undoable: this.canUndo };
    // A change the note never received is undone in the draft pane only.
    return entry.inNote ? this.syncNote(now, b) : Promise.resolve();
  }

  dismissToast(): void {
    this.toast = null;
  }

  /** Clears everything for a new article (Ctrl+N). */
  reset(): void {
    // Everything that holds the article, the brief or something derived from them is dropped,
    // so a 5 MB paste is freed on New → Discard (the undo history and a pending re-draft keep
    // whole copies of the brief and its text).
    this.text = "";
    this.cut = null;
    this.progress = null;
    this.pendingRedraft = null;
    this.queue = Promise.resolve();
    this.meta = { title: "", outlet: "", url: "", published: "" };
    this.brief = null;
    this.draftedText = "";
    this.index = null;
    this.selected = null;
    this.error = null;
    this.briefEdited = false;
    this.refs = { ...EMPTY_REFS };
    this.edits = [];
    this.undoStack = [];
    this.toast = null;
    this.state = "idle";
  }

  select(sel: Selection | null): void {
    this.selected = sel;
  }

  /** Removes an item, from the draft and from the note; undoable. */
  remove(section: Section, index: number): Promise<void> {
    const b = this.brief;
    if (!b) return Promise.resolve();
    const list = listOf(b, section);
    if (index < 0 || index >= list.length) return Promise.resolve();
    const edit: DraftEdit = { section, key: keyOf(b, section, index), remove: true, fields: {} };
    const label = `removed ${describe(b, section, index)}`;
    return this.change(label, edit, () => {
      list.splice(index, 1);
      const refList = refsOf(this.refs, section);
      refList?.splice(index, 1);
      const sel = this.selected;
      if (sel && sel.section === section) {
        if (sel.index === index) this.selected = null;
        else if (sel.index > index) this.selected = { section, index: sel.index - 1 };
      }
    });
  }

  /** Replaces the analyst-facing text of an item (position text, question, date event, party name). */
  edit(section: Section, index: number, value: string): Promise<void> {
    const v = value.trim();
    if (v === "" || !this.brief) return Promise.resolve();
    const field = { parties: "name", positions: "text", questions: "question", dates: "event" }[section];
    return this.editFields(section, index, { [field]: v });
  }

  /** Changes a position's text, speaker, stance or issue (any of them), in the draft and the note. */
  editPosition(index: number, change: PositionChange): Promise<void> {
    const p = this.brief?.positions[index];
    if (!p) return Promise.resolve();
    const fields = positionFields(change);
    // Only what really changes is an edit.
    const current: Record<string, string> = {
      text: p.text,
      speaker: p.speaker,
      party: p.party ?? "",
      stance: p.stance,
      issue: p.issue,
    };
    for (const k of Object.keys(fields)) if (fields[k] === current[k] || (k === "text" && fields[k] === "")) delete fields[k];
    if (Object.keys(fields).length === 0) return Promise.resolve();
    return this.editFields("positions", index, fields);
  }

  private editFields(section: Section, index: number, fields: Record<string, string>): Promise<void> {
    const b = this.brief;
    if (!b || index < 0 || index >= listOf(b, section).length) return Promise.resolve();
    const edit: DraftEdit = { section, key: keyOf(b, section, index), remove: false, fields };
    return this.change(`edited ${describe(b, section, index)}`, edit, () => {
      applyFields(b, section, index, fields, this.draftedText);
    });
  }

  /** One undoable change: mutate the brief, record the edit, patch the note. */
  private change(label: string, edit: DraftEdit, mutate: () => void): Promise<void> {
    const before = this.current();
    mutate();
    this.edits.push(edit);
    this.briefEdited = true;
    const after = this.current();
    this.undoStack.push({ label, before, after, inNote: true });
    if (this.undoStack.length > 100) this.undoStack.shift();
    this.toast = { message: `${label[0].toUpperCase()}${label.slice(1)}.`, undoable: true };
    return this.syncNote(before, after);
  }

  private current(): Snapshot {
    return {
      brief: clone(this.brief!),
      refs: clone(this.refs),
      edits: clone(this.edits),
      text: this.draftedText,
    };
  }

  /** A plain copy of the (possibly edited) brief for sending to Rust. */
  snapshot(): Brief | null {
    return this.brief ? ($state.snapshot(this.brief) as Brief) : null;
  }

  private fail(err: CommandError): void {
    this.error = err;
    this.state = "error";
  }
}

/** No footnotes known yet (a fresh draft before its note is rendered). */
function blankRefs(b: Brief): NoteRefs {
  return {
    positions: b.positions.map(() => ""),
    questions: b.open_questions.map(() => ""),
    dates: b.key_dates.map(() => ""),
  };
}

function refsOf(refs: NoteRefs, section: Section): string[] | null {
  switch (section) {
    case "positions":
      return refs.positions;
    case "questions":
      return refs.questions;
    case "dates":
      return refs.dates;
    default:
      return null;
  }
}

function sameShape(a: NoteRefs, b: NoteRefs): boolean {
  return a.positions.length === b.positions.length && a.questions.length === b.questions.length && a.dates.length === b.dates.length;
}

/** A few words naming an item, for the toast ("removed the position of Élise Moreau"). */
function describe(b: Brief, section: Section, index: number): string {
  switch (section) {
    case "parties":
      return `the party ${b.parties[index]?.name ?? ""}`.trim();
    case "positions":
      return `the position of ${b.positions[index]?.speaker ?? "a speaker"}`;
    case "questions":
      return "an open question";
    case "dates":
      return `the date “${b.key_dates[index]?.text ?? ""}”`;
  }
}
