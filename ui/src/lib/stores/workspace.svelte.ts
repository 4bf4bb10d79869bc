// The article and its draft: what the analyst pasted, the brief drafted from it, which item is
// selected, and where that item's source sentence is in the article (provenance).
import type { Brief } from "../bindings/Brief";
import type { Progress } from "../bindings/Progress";
import type { Span } from "../bindings/Span";
import * as ipc from "../ipc";
import { CommandError, toCommandError } from "../ipc";
import { mark, MARKS } from "../perf";
import { ByteIndex } from "../spans";

export type Section = "parties" | "positions" | "questions" | "dates";
export type DraftState = "idle" | "drafting" | "ready" | "error";

export interface ArticleMeta {
  title: string;
  outlet: string;
  url: string;
  /** `YYYY-MM-DD` or empty. */
  published: string;
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

  private index: ByteIndex | null = null;

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
    this.error = null;
    if (this.state === "error") this.state = this.brief ? "ready" : "idle";
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
    const text = this.text;
    this.state = "drafting";
    this.error = null;
    this.progress = null;
    mark(MARKS.draftStart);
    try {
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
      this.show(brief, text);
      return brief;
    } catch (e) {
      this.fail(toCommandError(e));
      return null;
    } finally {
      this.progress = null;
    }
  }

  /** Shows a brief drafted from `text` (a fresh draft, or one reopened with its note). */
  show(brief: Brief, text: string): void {
    this.brief = brief;
    this.draftedText = text;
    this.text = text;
    this.index = new ByteIndex(text);
    this.selected = null;
    this.briefEdited = false;
    this.state = "ready";
    this.error = null;
    this.generation += 1;
  }

  /** Clears everything for a new article (Ctrl+N). */
  reset(): void {
    this.text = "";
    this.meta = { title: "", outlet: "", url: "", published: "" };
    this.brief = null;
    this.draftedText = "";
    this.index = null;
    this.selected = null;
    this.error = null;
    this.briefEdited = false;
    this.state = "idle";
  }

  select(sel: Selection | null): void {
    this.selected = sel;
  }

  /** Removes an item from the draft before it goes into the note. */
  remove(section: Section, index: number): void {
    const b = this.brief;
    if (!b) return;
    const list = this.listOf(b, section);
    if (index < 0 || index >= list.length) return;
    list.splice(index, 1);
    this.briefEdited = true;
    const sel = this.selected;
    if (sel && sel.section === section) {
      if (sel.index === index) this.selected = null;
      else if (sel.index > index) this.selected = { section, index: sel.index - 1 };
    }
  }

  /** Replaces the analyst-facing text of an item (position text, question, date event, party role). */
  edit(section: Section, index: number, value: string): void {
    const b = this.brief;
    if (!b) return;
    const v = value.trim();
    if (v === "") return;
    switch (section) {
      case "parties": {
        const p = b.parties[index];
        if (p) p.name = v;
        break;
      }
      case "positions": {
        const p = b.positions[index];
        if (p) p.text = v;
        break;
      }
      case "questions": {
        const q = b.open_questions[index];
        if (q) q.question = v;
        break;
      }
      case "dates": {
        const d = b.key_dates[index];
        if (d) d.event = v;
        break;
      }
    }
    this.briefEdited = true;
  }

  /** A plain copy of the (possibly edited) brief for sending to Rust. */
  snapshot(): Brief | null {
    return this.brief ? ($state.snapshot(this.brief) as Brief) : null;
  }

  private listOf(b: Brief, section: Section): unknown[] {
    switch (section) {
      case "parties":
        return b.parties;
      case "positions":
        return b.positions;
      case "questions":
        return b.open_questions;
      case "dates":
        return b.key_dates;
    }
  }

  private fail(err: CommandError): void {
    this.error = err;
    this.state = "error";
  }
}
