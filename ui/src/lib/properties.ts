// The note's front matter as properties (Obsidian's Properties view). The file keeps its YAML;
// the editor hides the block and the Properties panel shows and edits these values. An edit
// changes only the lines of its key, the way the vault's own `frontmatter::set` does, so unknown
// keys, comments and order stay byte for byte. Offsets are UTF-16 (the editor's).

/** Where the front matter sits in a note, or null when the note has none. */
export interface FrontMatterRange {
  /** Start of the YAML (after the opening `---` line). */
  yamlStart: number;
  /** Start of the closing `---` line. */
  yamlEnd: number;
  /** Start of the body (after the closing line). */
  bodyStart: number;
}

export function frontMatterRange(md: string): FrontMatterRange | null {
  const open = md.startsWith("---\n") ? 4 : md.startsWith("---\r\n") ? 5 : 0;
  if (open === 0) return null;
  let pos = open;
  while (pos <= md.length) {
    const nl = md.indexOf("\n", pos);
    const end = nl < 0 ? md.length : nl;
    const line = md.slice(pos, end).replace(/[\r \t]+$/, "");
    if (line === "---" || line === "...") return { yamlStart: open, yamlEnd: pos, bodyStart: nl < 0 ? md.length : nl + 1 };
    if (nl < 0) return null;
    pos = nl + 1;
  }
  return null;
}

export type PropertyValue = string | string[];

/** The properties the panel names, in its order, with their labels (decisions.md: "Marking"). */
export const PANEL_FIELDS: readonly { key: string; label: string; list?: boolean; kind?: "date" | "url" }[] = [
  { key: "title", label: "Title" },
  { key: "classification", label: "Marking" },
  { key: "status", label: "Status" },
  { key: "published", label: "Published", kind: "date" },
  { key: "source", label: "Source", kind: "url" },
  { key: "source_title", label: "Source title" },
  { key: "outlet", label: "Outlet" },
  { key: "parties", label: "Parties", list: true },
  { key: "tags", label: "Tags", list: true },
];

/** One top-level key: its value as read and the lines (within the note) that hold it. */
interface Entry {
  key: string;
  value: PropertyValue;
  /** Raw list items as written, to keep their form (wikilinks, quoting) when unchanged. */
  raw: string[];
  from: number;
  to: number;
}

function unquote(s: string): string {
  const t = s.trim();
  if (t.startsWith('"')) {
    try {
      return JSON.parse(t) as string;
    } catch {
      return t.slice(1, t.endsWith('"') ? -1 : undefined);
    }
  }
  if (t.startsWith("'")) return t.slice(1, t.endsWith("'") && t.length > 1 ? -1 : undefined).replace(/''/g, "'");
  return t.replace(/\s+#.*$/, "");
}

/** `[[Target|Shown]]` → `Target`, as the vault reads party names. */
export function unlink(s: string): string {
  const m = /^\[\[([^\]|]*)(?:\|[^\]]*)?\]\]$/.exec(s.trim());
  return m ? m[1] : s;
}

function flowItems(inner: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quote: string | null = null;
  let depth = 0;
  for (const ch of inner) {
    if (quote) {
      cur += ch;
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      cur += ch;
    } else if (ch === "[") {
      depth += 1;
      cur += ch;
    } else if (ch === "]") {
      depth -= 1;
      cur += ch;
    } else if (ch === "," && depth === 0) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim() !== "") out.push(cur.trim());
  return out;
}

function entries(md: string): Entry[] {
  const r = frontMatterRange(md);
  if (!r) return [];
  const out: Entry[] = [];
  let pos = r.yamlStart;
  let cur: Entry | null = null;
  while (pos < r.yamlEnd) {
    const nl = md.indexOf("\n", pos);
    const next = nl < 0 || nl + 1 > r.yamlEnd ? r.yamlEnd : nl + 1;
    const line = md.slice(pos, next).replace(/\r?\n$/, "");
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (cur && (line.startsWith(" ") || line.startsWith("\t") || (line.startsWith("-") && !line.startsWith("---")))) {
      if (item) {
        cur.raw.push(item[1]);
        cur.value = [...(Array.isArray(cur.value) ? cur.value : []), unlink(unquote(item[1]))];
      }
      cur.to = next;
    } else {
      const kv = /^([A-Za-z_][\w-]*)\s*:(.*)$/.exec(line);
      cur = null;
      if (kv) {
        const rest = kv[2].trim();
        let value: PropertyValue = unquote(rest);
        let raw: string[] = [];
        if (rest === "") value = [];
        else if (rest.startsWith("[") && rest.endsWith("]")) {
          raw = flowItems(rest.slice(1, -1));
          value = raw.map((s) => unlink(unquote(s)));
        }
        cur = { key: kv[1], value, raw, from: pos, to: next };
        out.push(cur);
      }
    }
    pos = next;
  }
  return out;
}

/** Every top-level property of the note, by key. */
export function readProperties(md: string): Map<string, PropertyValue> {
  return new Map(entries(md).map((e) => [e.key, e.value]));
}

/** A YAML scalar for `s`: plain when that reads back as the same string, else double-quoted
 *  with JSON escapes (valid YAML); the rule of the vault's `yaml_scalar`. */
export function yamlScalar(s: string): string {
  const plain =
    /^[\p{L}\p{N}]/u.test(s) &&
    /^[\p{L}\p{N} \-_.:/+,()–—’]*$/u.test(s) &&
    !/[ :]$/.test(s) &&
    !s.includes(": ") &&
    !s.includes("  ") &&
    Number.isNaN(Number(s)) &&
    !/^0[xo]/.test(s) &&
    !/^\d{4}-\d{2}-\d{2}/.test(s) &&
    !["true", "false", "yes", "no", "on", "off", "null", "y", "n"].includes(s.toLowerCase());
  return plain ? s : JSON.stringify(s);
}

/**
 * The note with `key` set to `value`: only that key's lines change (a missing key goes at the
 * end of the block; a note without front matter gets one). List items that are unchanged keep
 * the form they were written in; new ones follow the list's style (wikilinks when it uses them).
 */
export function setProperty(md: string, key: string, value: PropertyValue): string {
  const nl = md.includes("\r\n") ? "\r\n" : "\n";
  const r = frontMatterRange(md);
  const old = entries(md).find((e) => e.key === key);
  let text: string;
  if (Array.isArray(value)) {
    const kept = new Map<string, string>();
    const oldValues = old && Array.isArray(old.value) ? old.value : [];
    oldValues.forEach((v, i) => old?.raw[i] !== undefined && kept.set(v, old.raw[i]));
    const linked = (old?.raw ?? []).some((s) => unquote(s).startsWith("[["));
    const items = value.map((v) => v.trim()).filter((v) => v !== "");
    text =
      items.length === 0
        ? `${key}: []${nl}`
        : `${key}:${nl}` + items.map((v) => `  - ${kept.get(v) ?? yamlScalar(linked ? `[[${v}]]` : v)}${nl}`).join("");
  } else {
    text = `${key}: ${yamlScalar(value)}${nl}`;
  }
  if (!r) return `---${nl}${text}---${nl}${md}`;
  const from = old ? old.from : r.yamlEnd;
  const to = old ? old.to : r.yamlEnd;
  return md.slice(0, from) + text + md.slice(to);
}
