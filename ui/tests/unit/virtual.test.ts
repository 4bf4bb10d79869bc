import { describe, expect, it } from "vitest";
import { FALLBACK_ROWS, rowWindow, scrollToRow, stepRow } from "../../src/lib/virtual";

describe("rowWindow", () => {
  it("renders the rows in view plus the overscan, and pads for the rest", () => {
    // 1,000 rows of 50 px in a 400 px viewport scrolled to row 100.
    const w = rowWindow(1000, 50, 5000, 400, 6);
    expect(w).toEqual({ start: 94, end: 114, before: 94 * 50, after: (1000 - 114) * 50 });
    expect(w.before + (w.end - w.start) * 50 + w.after).toBe(1000 * 50);
  });

  it("clamps at both ends and for short lists", () => {
    expect(rowWindow(1000, 50, 0, 400, 6)).toMatchObject({ start: 0, end: 14, before: 0 });
    expect(rowWindow(1000, 50, 49_600, 400, 6)).toMatchObject({ start: 986, end: 1000, after: 0 });
    expect(rowWindow(3, 50, 0, 400)).toEqual({ start: 0, end: 3, before: 0, after: 0 });
    expect(rowWindow(0, 50, 0, 400)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
    // Scrolled past the end (the list just shrank): the last rows, never an empty window.
    expect(rowWindow(10, 50, 99_999, 400, 2)).toMatchObject({ start: 7, end: 10 });
  });

  it("renders a first screenful when nothing is laid out yet", () => {
    expect(rowWindow(1000, 0, 0, 0)).toEqual({ start: 0, end: FALLBACK_ROWS, before: 0, after: 0 });
    expect(rowWindow(1000, 50, 0, 0).end).toBe(FALLBACK_ROWS);
  });
});

describe("stepRow", () => {
  const all = () => true;
  it("moves by one, to the ends, and stops at the edges", () => {
    expect(stepRow(5, "ArrowDown", 10, all)).toBe(6);
    expect(stepRow(5, "ArrowUp", 10, all)).toBe(4);
    expect(stepRow(5, "Home", 10, all)).toBe(0);
    expect(stepRow(5, "End", 10, all)).toBe(9);
    expect(stepRow(9, "ArrowDown", 10, all)).toBeNull();
    expect(stepRow(0, "ArrowUp", 10, all)).toBeNull();
    expect(stepRow(5, "a", 10, all)).toBeNull();
  });

  it("skips rows that cannot take focus", () => {
    const enabled = (i: number) => i !== 6 && i !== 0;
    expect(stepRow(5, "ArrowDown", 10, enabled)).toBe(7);
    expect(stepRow(1, "ArrowUp", 10, enabled)).toBeNull();
    expect(stepRow(5, "Home", 10, enabled)).toBe(1);
  });
});

describe("scrollToRow", () => {
  it("scrolls only as far as needed", () => {
    expect(scrollToRow(10, 50, 0, 400)).toBe(11 * 50 - 400); // below: align its bottom
    expect(scrollToRow(2, 50, 300, 400)).toBe(100); // above: align its top
    expect(scrollToRow(5, 50, 100, 400)).toBe(100); // in view: stay
  });
});
