// The analyst's structured edits of a draft: what each one changes in the brief, the identity
// of an item across re-drafts (where its words are in the article), and replaying the edits on
// a fresh draft so a re-draft never drops them. Pure functions; the workspace keeps the state.
import type { Brief } from "./bindings/Brief";
import type { DraftEdit } from "./bindings/DraftEdit";
import type { NoteRefs } from "./bindings/NoteRefs";
import type { Position } from "./bindings/Position";
import type { Span } from "./bindings/Span";
import type { Stance } from "./bindings/Stance";

export type Section = "parties" | "positions" | "questions" | "dates";

/** Changes to one position (any subset). `issue` is a label: an existing issue's or a new one. */
export interface PositionChange {
  text?: string;
  speaker?: string;
  /** The speaker's party id; null for a speaker who is not a party of the brief. */
  party?: string | null;
  stance?: Stance;
  issue?: string;
}

/** The span an item is identified by: unchanged by any edit the analyst can make. */
function anchor(brief: Brief, section: Section, index: number): Span | null {
  switch (section) {
    case "parties":
      return brief.parties[index]?.mentions[0] ?? null;
    case "positions":
      return brief.positions[index]?.content_span ?? null;
    case "questions":
      return brief.open_questions[index]?.evidence_span ?? null;
    case "dates":
      return brief.key_dates[index]?.span ?? null;
  }
}

export function listOf(b: Brief, section: Section): unknown[] {
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

/** `start:end#n`: the n-th item of the section anchored at that span. */
export function keyOf(brief: Brief, section: Section, index: number): string {
  return keysOf(brief, section)[index] ?? "";
}

export function keysOf(brief: Brief, section: Section, map: (s: Span) => Span | null = (s) => s): string[] {
  const seen = new Map<string, number>();
  return listOf(brief, section).map((_, i) => {
    const a = anchor(brief, section, i);
    const m = a ? map(a) : null;
    const base = m ? `${m[0]}:${m[1]}` : `none`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}#${n}`;
  });
}

/** Spans of `before` moved to where the same words are in `after` (one edited stretch of the
 * article: the common start and end stay put); null for a span inside the edited stretch. */
export function spanMapper(before: string, after: string): (s: Span) => Span | null {
  if (before === after) return (s) => s;
  const a = new TextEncoder().encode(before);
  const b = new TextEncoder().encode(after);
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const shift = b.length - a.length;
  const tail = a.length - suf;
  return ([s, e]) => {
    if (e <= pre) return [s, e];
    if (s >= tail) return [s + shift, e + shift];
    return null;
  };
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).join(" ");

/** Sets the fields of an edit on the brief's item. Returns false when the item is not there. */
export function applyFields(brief: Brief, section: Section, index: number, fields: Record<string, string>, source: string): boolean {
  switch (section) {
    case "parties": {
      const p = brief.parties[index];
      if (!p) return false;
      if (fields.name !== undefined) {
        const old = p.name;
        p.name = fields.name;
        // The party's positions are the same actor under the corrected name.
        for (const pos of brief.positions) if (pos.party === p.id || (pos.party === null && pos.speaker === old)) pos.speaker = fields.name;
      }
      return true;
    }
    case "positions": {
      const p = brief.positions[index];
      if (!p) return false;
      if (fields.text !== undefined) {
        p.text = fields.text;
        // A quote is the speaker's own words: an edited text that no longer matches the
        // article is a paraphrase, in the window and in the note.
        const original = sliceBytes(source, p.content_span);
        const same = original !== null && bare(original) === bare(fields.text);
        p.kind = same && quotedInSource(source, p.content_span) ? "quote" : "paraphrase";
      }
      if (fields.speaker !== undefined) p.speaker = fields.speaker;
      if (fields.party !== undefined) p.party = fields.party === "" ? null : fields.party;
      if (fields.stance !== undefined) p.stance = fields.stance as Stance;
      if (fields.issue !== undefined) {
        const issue = issueFor(brief, fields.issue);
        p.issue = issue.label;
        p.issue_id = issue.id;
      }
      return true;
    }
    case "questions": {
      const q = brief.open_questions[index];
      if (!q) return false;
      if (fields.question !== undefined) q.question = fields.question;
      return true;
    }
    case "dates": {
      const d = brief.key_dates[index];
      if (!d) return false;
      if (fields.event !== undefined) d.event = fields.event;
      return true;
    }
  }
}

/** The words, without the quotation marks around them. */
const bare = (s: string) => words(s).replace(/^[“"‘']+|[”"’']+$/g, "");

/** Is the content at `span` inside quotation marks in the article? */
export function quotedInSource(source: string, span: Span): boolean {
  const before = sliceBytes(source, [Math.max(0, span[0] - 4), span[0]]) ?? "";
  const content = sliceBytes(source, span) ?? "";
  return /[“"‘«]\s*$/.test(before) || /^[“"‘«]/.test(content);
}

/** Does the position's text still say what the article says (a quote may be labelled one)? */
export function matchesSource(source: string, p: Position): boolean {
  const original = sliceBytes(source, p.content_span);
  return original !== null && bare(original) === bare(p.text);
}

/** The issue labelled `label` (case and spacing aside), added to the brief when new. */
export function issueFor(brief: Brief, label: string): { id: string; label: string } {
  const want = words(label).toLowerCase();
  const found = brief.issues.find((i) => words(i.label).toLowerCase() === want);
  if (found) return found;
  let n = brief.issues.length + 1;
  while (brief.issues.some((i) => i.id === `i${n}`)) n++;
  const issue = { id: `i${n}`, label: words(label), evidence: [] };
  brief.issues.push(issue);
  return issue;
}

/** The fields a position change sets, as stored in a DraftEdit. */
export function positionFields(change: PositionChange): Record<string, string> {
  const f: Record<string, string> = {};
  if (change.text !== undefined) f.text = change.text.trim();
  if (change.speaker !== undefined) f.speaker = change.speaker.trim();
  if (change.party !== undefined) f.party = change.party ?? "";
  if (change.stance !== undefined) f.stance = change.stance;
  if (change.issue !== undefined) f.issue = change.issue.trim();
  return f;
}

export function sliceBytes(text: string, span: Span): string | null {
  const bytes = new TextEncoder().encode(text);
  if (span[0] < 0 || span[1] > bytes.length || span[0] > span[1]) return null;
  return new TextDecoder().decode(bytes.slice(span[0], span[1]));
}

const SECTIONS: Section[] = ["parties", "positions", "questions", "dates"];

export interface Replayed {
  brief: Brief;
  refs: NoteRefs;
  edits: DraftEdit[];
  /** Edits whose item the new draft no longer has. */
  lost: number;
}

/**
 * A fresh draft with the analyst's edits made again: removed items stay removed, edited ones
 * keep the edit; items the note already has keep their footnote (`refs`), new ones get none
 * yet. `beforeText` is the article the edits were made on, `fresh` is drafted from `text`.
 */
export function replay(
  fresh: Brief,
  text: string,
  edits: DraftEdit[],
  previous: { brief: Brief; refs: NoteRefs },
  beforeText: string,
): Replayed {
  const brief = structuredClone(fresh);
  const move = spanMapper(beforeText, text);
  const moveKey = (key: string): string | null => {
    const m = /^(\d+):(\d+)#(\d+)$/.exec(key);
    if (!m) return null;
    const span = move([Number(m[1]), Number(m[2])]);
    return span ? `${span[0]}:${span[1]}#${m[3]}` : null;
  };
  // Keys are counted on the brief as it was when each edit was made, so edits replay in order.
  const kept: DraftEdit[] = [];
  let lost = 0;
  for (const e of edits) {
    const section = e.section as Section;
    const key = moveKey(e.key);
    const index = key === null || !SECTIONS.includes(section) ? -1 : keysOf(brief, section).indexOf(key);
    if (index < 0) {
      lost += 1;
      continue;
    }
    if (e.remove) listOf(brief, section).splice(index, 1);
    else applyFields(brief, section, index, e.fields, text);
    kept.push({ ...e, key: key! });
  }
  // Footnotes: an item the note already shows keeps its label.
  const oldRefs = new Map<string, string>();
  const refSections: [Section, keyof NoteRefs][] = [
    ["positions", "positions"],
    ["questions", "questions"],
    ["dates", "dates"],
  ];
  for (const [section, field] of refSections) {
    keysOf(previous.brief, section).forEach((k, i) => {
      const moved = moveKey(k);
      const label = previous.refs[field][i];
      if (moved && label) oldRefs.set(`${section}/${moved}`, label);
    });
  }
  const refs: NoteRefs = { positions: [], questions: [], dates: [] };
  for (const [section, field] of refSections) {
    refs[field] = keysOf(brief, section).map((k) => oldRefs.get(`${section}/${k}`) ?? "");
  }
  return { brief, refs, edits: kept, lost };
}
