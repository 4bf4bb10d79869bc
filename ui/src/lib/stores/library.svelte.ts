// The library: every note in the vault, search as you type, filters, the party index and trash.
import type { NoteSummary } from "../bindings/NoteSummary";
import type { PartyGroup } from "../bindings/PartyGroup";
import type { PartyHit } from "../bindings/PartyHit";
import type { SearchHit } from "../bindings/SearchHit";
import type { TextRange } from "../bindings/TextRange";
import type { TrashEntry } from "../bindings/TrashEntry";
import * as ipc from "../ipc";
import { CommandError, toCommandError } from "../ipc";

export const SEARCH_DEBOUNCE_MS = 120;

export class Library {
  // Lists arrive whole from Rust and are replaced whole, never edited in place: raw state
  // (no deep proxy per note) keeps a 1,000-note vault cheap to hold and to re-list.
  notes = $state.raw<NoteSummary[]>([]);
  query = $state("");
  /** Results of the current query, best first (null when the query is empty: show all notes). */
  results = $state.raw<SearchHit[] | null>(null);
  partyFilter = $state("");
  statusFilter = $state("");
  loading = $state(false);
  error = $state<CommandError | null>(null);
  /** The party whose index is shown, and its hits. */
  party = $state<string | null>(null);
  partyHits = $state.raw<PartyHit[]>([]);
  trash = $state.raw<TrashEntry[]>([]);
  /** The vault's parties merged by alias, from Rust (null until read, or when it failed). */
  groups = $state.raw<PartyGroup[] | null>(null);

  private searchTimer: ReturnType<typeof setTimeout> | null = null;
  private searchSeq = 0;

  /** Notes after search and filters, in the order to show. */
  readonly visible: NoteSummary[] = $derived.by(() => {
    const base = this.results ? this.results.map((h) => h.note) : this.notes;
    const party = this.partyFilter;
    const status = this.statusFilter;
    if (party === "" && status === "") return base;
    const names = partyNames(this.parties, party);
    return base.filter(
      (n) => (party === "" || n.parties.some((p) => names.has(p.toLowerCase()))) && (status === "" || (n.status ?? "") === status),
    );
  });

  /** The parties for the filter and the party index: merged by alias with counts (Rust), or
   *  each front matter name on its own while those are not known. */
  readonly parties: PartyGroup[] = $derived(this.groups ?? groupsByName(this.notes));

  readonly statuses: string[] = $derived.by(() => {
    const all = new Set<string>();
    for (const n of this.notes) if (n.status) all.add(n.status);
    return [...all].sort();
  });

  /** Search results by note path. */
  private readonly hits: Map<string, SearchHit> = $derived(
    new Map((this.results ?? []).map((h) => [h.note.path, h] as const)),
  );

  /** The search snippet for a note in the current results. */
  snippet(path: string): string | null {
    return this.hits.get(path)?.snippet ?? null;
  }

  /** Where the query matched in the note's snippet (UTF-16 ranges, from Rust). */
  highlights(path: string): TextRange[] {
    return this.hits.get(path)?.highlights ?? [];
  }

  async refresh(): Promise<void> {
    this.loading = true;
    try {
      const groups = ipc.partyGroups().catch(() => null);
      this.notes = await ipc.notesList();
      this.groups = await groups;
      this.error = null;
      if (this.query.trim() !== "") await this.runSearch();
    } catch (e) {
      this.error = toCommandError(e);
    } finally {
      this.loading = false;
    }
  }

  /** Search as you type: debounced, and stale answers are dropped. */
  setQuery(q: string): void {
    this.query = q;
    if (this.searchTimer) clearTimeout(this.searchTimer);
    if (q.trim() === "") {
      this.searchSeq += 1;
      this.results = null;
      return;
    }
    this.searchTimer = setTimeout(() => {
      this.searchTimer = null;
      void this.runSearch();
    }, SEARCH_DEBOUNCE_MS);
  }

  async runSearch(): Promise<void> {
    const q = this.query.trim();
    const seq = ++this.searchSeq;
    if (q === "") {
      this.results = null;
      return;
    }
    try {
      const found = await ipc.notesSearch(q);
      if (seq === this.searchSeq) {
        this.results = found;
        this.error = null;
      }
    } catch (e) {
      if (seq === this.searchSeq) this.error = toCommandError(e);
    }
  }

  async showParty(name: string | null): Promise<void> {
    this.party = name;
    this.partyHits = [];
    if (name === null) return;
    try {
      const hits = await ipc.partyIndex(name);
      if (this.party === name) this.partyHits = hits;
    } catch (e) {
      this.error = toCommandError(e);
    }
  }

  async remove(path: string): Promise<boolean> {
    try {
      await ipc.noteDelete(path);
      await this.refresh();
      return true;
    } catch (e) {
      this.error = toCommandError(e);
      return false;
    }
  }

  async loadTrash(): Promise<void> {
    try {
      this.trash = await ipc.trashList();
    } catch (e) {
      this.error = toCommandError(e);
    }
  }

  async restore(id: string): Promise<string | null> {
    try {
      const path = await ipc.trashRestore(id);
      await Promise.all([this.refresh(), this.loadTrash()]);
      return path;
    } catch (e) {
      this.error = toCommandError(e);
      return null;
    }
  }
}

/** Each front matter name as its own party, with the notes naming it, sorted by name. */
export function groupsByName(notes: readonly Pick<NoteSummary, "parties">[]): PartyGroup[] {
  const count = new Map<string, number>();
  for (const n of notes) for (const p of new Set(n.parties)) count.set(p, (count.get(p) ?? 0) + 1);
  return [...count]
    .map(([name, notes]) => ({ name, names: [name], notes }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The lower-cased names of the party shown as `name` (just `name` when it is not listed). */
export function partyNames(groups: readonly PartyGroup[], name: string): Set<string> {
  const g = groups.find((x) => x.name === name);
  return new Set((g ? g.names : [name]).map((n) => n.toLowerCase()));
}
