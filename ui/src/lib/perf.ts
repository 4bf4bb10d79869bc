// Timing marks (User Timing API) at the steps of a draft and of start-up. They cost next to
// nothing and let tests/scripts/figures.sh show where the time goes, read through WebDriver.
export const MARKS = {
  draftStart: "attache:draft-start",
  draftReply: "attache:draft-reply",
  noteRendered: "attache:note-rendered",
  previewShown: "attache:preview-shown",
  interactive: "attache:interactive",
} as const;

/** Records `name` now (a later mark of the same name replaces it). */
export function mark(name: string): void {
  if (typeof performance === "undefined" || !performance.mark) return;
  performance.clearMarks?.(name);
  performance.mark(name);
}

/** Resolves after the next frame has been painted (rAF runs just before the paint). */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === "undefined") return resolve();
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}
