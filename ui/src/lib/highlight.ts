// A search snippet cut into plain and matched pieces, from the ranges Rust returns (UTF-16
// units, as JavaScript strings count). The library only renders the pieces.
import type { TextRange } from "./bindings/TextRange";

export interface Piece {
  text: string;
  hit: boolean;
}

/** `text` as pieces, the `ranges` marked; ranges out of order, overlapping or out of bounds are ignored. */
export function pieces(text: string, ranges: readonly TextRange[]): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start < at || r.end <= r.start || r.end > text.length) continue;
    if (r.start > at) out.push({ text: text.slice(at, r.start), hit: false });
    out.push({ text: text.slice(r.start, r.end), hit: true });
    at = r.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}
