// How the draft pane arranges a brief for reading at a glance: positions grouped under their
// issue, the principal parties, and the "Where the parties stand" table (issues × parties).
import type { Brief } from "./bindings/Brief";
import type { Position } from "./bindings/Position";
import type { Stance } from "./bindings/Stance";

export interface IssueGroup {
  /** The issue's id, or `label:<label>` for positions of a brief without an issues list. */
  key: string;
  label: string;
  items: { p: Position; i: number }[];
}

/** A position's speaker as one actor: its party, else its name. */
export const actorOf = (p: Position): string => p.party ?? `speaker:${p.speaker}`;

/** Positions under their issue: issues in the brief's order, positions in text order within. */
export function issueGroups(brief: Brief, keep: (p: Position) => boolean = () => true): IssueGroup[] {
  const known = new Map(brief.issues.map((x) => [x.id, x.label]));
  const out: IssueGroup[] = [];
  const at = new Map<string, IssueGroup>();
  // Issues first in the brief's own order, so the pane reads like the note.
  for (const x of brief.issues) {
    const g = { key: x.id, label: x.label, items: [] };
    at.set(x.id, g);
    out.push(g);
  }
  brief.positions.forEach((p, i) => {
    if (!keep(p)) return;
    const key = p.issue_id && known.has(p.issue_id) ? p.issue_id : `label:${p.issue.trim().toLowerCase()}`;
    let g = at.get(key);
    if (!g) {
      g = { key, label: p.issue.trim() || "Other", items: [] };
      at.set(key, g);
      out.push(g);
    }
    g.items.push({ p, i });
  });
  return out.filter((g) => g.items.length > 0);
}

export interface Actor {
  key: string;
  name: string;
  /** How many positions the actor has in the brief. */
  count: number;
}

/** Every speaker with positions, most positions first (ties: first mention first). */
export function speakers(brief: Brief): Actor[] {
  const out = new Map<string, Actor & { first: number }>();
  brief.positions.forEach((p, i) => {
    const key = actorOf(p);
    const a = out.get(key);
    if (a) a.count += 1;
    else out.set(key, { key, name: p.speaker, count: 1, first: i });
  });
  return [...out.values()].sort((a, b) => b.count - a.count || a.first - b.first).map(({ key, name, count }) => ({ key, name, count }));
}

/** The parties the table shows: those with the most positions, at most `max`. */
export function principalParties(brief: Brief, max = 4): Actor[] {
  return speakers(brief).slice(0, max);
}

export interface StanceCell {
  /** Distinct stances of the actor on the issue, in text order. */
  stances: Stance[];
  /** Index in `brief.positions` of the actor's first position on the issue. */
  first: number;
}

export interface StanceRow {
  group: IssueGroup;
  /** One per principal party; null where the party said nothing on the issue. */
  cells: (StanceCell | null)[];
}

/** The "Where the parties stand" table: one row per issue, one cell per principal party. */
export function stanceTable(brief: Brief, parties: Actor[]): StanceRow[] {
  return issueGroups(brief)
    .map((group) => ({
      group,
      cells: parties.map((a) => {
        const mine = group.items.filter(({ p }) => actorOf(p) === a.key);
        if (mine.length === 0) return null;
        const stances: Stance[] = [];
        for (const { p } of mine) if (!stances.includes(p.stance)) stances.push(p.stance);
        return { stances, first: mine[0].i };
      }),
    }))
    .filter((r) => r.cells.some((c) => c !== null));
}
