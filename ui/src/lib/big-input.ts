// Big pastes (issue 15): a 5 MB article froze the window and drafted 38,874 positions into a
// 14.5 MB note. Words are counted only when a draft is asked for (and under the article for
// texts small enough), in one pass over char codes that allocates nothing: splitting a 5 MB
// string on every keystroke is what froze the window.

/** Above this many words, Draft asks first (a long report, not an article). */
export const BIG_INPUT_WORDS = 50_000;

/** How far past the last word a cut looks for the end of its sentence or line, in characters:
 * a text with no full stop or line break for that long is cut at the word itself. */
const CUT_LOOKAHEAD = 2_000;

/** Whitespace as `\s` knows it (ASCII, no-break space, the Unicode spaces, line separators). */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The number of whitespace-separated words, as `text.trim().split(/\s+/)` would count them,
 * without building the array. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) n += 1;
    inWord = !space;
  }
  return n;
}

/** String index just past the `n`-th word (1-based), or null when the text has fewer. */
export function endOfWord(text: string, n: number): number | null {
  if (n <= 0) return 0;
  let seen = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (space && inWord && seen === n) return i;
    if (!space && !inWord) seen += 1;
    inWord = !space;
  }
  return seen === n && inWord ? text.length : null;
}

const SENTENCE_END = new Set([0x2e, 0x21, 0x3f, 0x2026]); // . ! ? …
const CLOSERS = new Set([0x22, 0x27, 0x29, 0x5d, 0x201d, 0x2019, 0xbb]); // " ' ) ] ” ’ »

/** Where to cut `text` so that it keeps its first `maxWords` words: just past the end of the
 * sentence (a full stop, ! ? or …, with any closing quote or bracket) or of the line, whichever
 * comes first at or after the last kept word. Null when the text has no more words than that. */
export function cutPoint(text: string, maxWords: number): number | null {
  const wordEnd = endOfWord(text, maxWords);
  if (wordEnd === null || wordEnd === text.length) return null;
  // The last kept word may itself end its sentence ("…signed.").
  const start = Math.max(0, wordEnd - 1);
  const stop = Math.min(text.length, wordEnd + CUT_LOOKAHEAD);
  for (let i = start; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
      if (i < wordEnd) continue;
      return i;
    }
    if (!SENTENCE_END.has(c)) continue;
    let j = i + 1;
    while (j < text.length && (SENTENCE_END.has(text.charCodeAt(j)) || CLOSERS.has(text.charCodeAt(j)))) j++;
    if (j >= wordEnd && (j === text.length || isSpace(text.charCodeAt(j)))) return j;
  }
  return wordEnd;
}

/** The first `maxWords` words of `text`, cut as `cutPoint` says (trailing space dropped). */
export function firstWords(text: string, maxWords: number): string {
  const at = cutPoint(text, maxWords);
  return at === null ? text : text.slice(0, at);
}
