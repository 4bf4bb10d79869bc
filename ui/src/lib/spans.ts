// Spans from the engine are UTF-8 *byte* offsets; JavaScript strings index UTF-16 code units.
// "é" is 2 bytes but 1 unit, "“" is 3 bytes but 1 unit, "🇺🇦" is 8 bytes but 4 units, so the
// two disagree as soon as an article leaves ASCII. ByteIndex converts between them.
import type { Span } from "./bindings/Span";

/** Bytes that code unit `c` (with `next` after it) takes in UTF-8, and units it consumes. */
function step(c: number, next: number): [bytes: number, units: number] {
  if (c < 0x80) return [1, 1];
  if (c < 0x800) return [2, 1];
  if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) return [4, 2];
  // Other BMP characters; a lone surrogate is encoded as U+FFFD (3 bytes) by TextEncoder too.
  return [3, 1];
}

const CHECKPOINT_EVERY = 1024;

/**
 * Converts UTF-8 byte offsets into string indices for one text. Keeps a checkpoint every
 * 1,024 code units so a 5 MB article costs a few thousand numbers, and each lookup walks at
 * most one checkpoint gap.
 */
export class ByteIndex {
  readonly text: string;
  readonly byteLength: number;
  // Parallel arrays: code-unit index and its byte offset, both increasing.
  private readonly units: number[] = [0];
  private readonly bytes: number[] = [0];

  constructor(text: string) {
    this.text = text;
    let b = 0;
    let i = 0;
    let nextCheckpoint = CHECKPOINT_EVERY;
    while (i < text.length) {
      if (i >= nextCheckpoint) {
        this.units.push(i);
        this.bytes.push(b);
        nextCheckpoint = i + CHECKPOINT_EVERY;
      }
      const [nb, nu] = step(text.charCodeAt(i), text.charCodeAt(i + 1));
      b += nb;
      i += nu;
    }
    this.byteLength = b;
  }

  /**
   * The string index at byte offset `byte`. Offsets inside a multi-byte character snap to the
   * character's start; offsets past the end clamp to the end, so a stale span never throws.
   */
  toIndex(byte: number): number {
    if (!(byte > 0)) return 0;
    if (byte >= this.byteLength) return this.text.length;
    // Last checkpoint at or before `byte`.
    let lo = 0;
    let hi = this.bytes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.bytes[mid] <= byte) lo = mid;
      else hi = mid - 1;
    }
    let i = this.units[lo];
    let b = this.bytes[lo];
    while (i < this.text.length) {
      const [nb, nu] = step(this.text.charCodeAt(i), this.text.charCodeAt(i + 1));
      if (b + nb > byte) break;
      b += nb;
      i += nu;
    }
    return i;
  }

  /** A byte span as a `[start, end)` pair of string indices. */
  toRange(span: Span): [number, number] {
    const start = this.toIndex(span[0]);
    const end = Math.max(start, this.toIndex(span[1]));
    return [start, end];
  }

  /** The text a byte span covers. */
  slice(span: Span): string {
    const [s, e] = this.toRange(span);
    return this.text.slice(s, e);
  }
}

/** UTF-8 byte offset of string index `index` (the inverse, used by tests and mocks). */
export function byteOffset(text: string, index: number): number {
  return new TextEncoder().encode(text.slice(0, index)).length;
}
