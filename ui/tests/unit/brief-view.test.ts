import { render } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import BriefView from "../../src/lib/components/BriefView.svelte";
import { Workspace } from "../../src/lib/stores/workspace.svelte";
import { FIXTURE_ARTICLE, fixtureBrief } from "../fixtures/mock-backend";

function shown(edit?: (b: ReturnType<typeof fixtureBrief>) => void) {
  const ws = new Workspace();
  const brief = fixtureBrief(FIXTURE_ARTICLE, "2026-03-03");
  edit?.(brief);
  ws.show(brief, FIXTURE_ARTICLE);
  render(BriefView, { ws, onChanged: () => {} });
  return ws;
}

describe("BriefView", () => {
  it("groups positions by speaker, in first-mention order", () => {
    shown((b) => {
      // A second Moreau position after Köhler's: it joins Moreau's group.
      b.positions.push({ ...b.positions[0], text: "second Moreau point" });
    });
    const groups = [...document.querySelectorAll("[data-testid=positions] h4")].map((h) => h.textContent);
    expect(groups).toEqual(["Élise Moreau", "Jonas Köhler", "unnamed senior official"]);
    const first = document.querySelectorAll("[data-testid=positions] ul")[0];
    expect(first.querySelectorAll("[data-testid=position]")).toHaveLength(2);
  });

  it("keeps a party's group apart from an unlinked speaker of the same name", () => {
    shown((b) => {
      b.positions.push({ ...b.positions[1], party: null, text: "unlinked" });
    });
    const groups = [...document.querySelectorAll("[data-testid=positions] h4")].map((h) => h.textContent);
    expect(groups).toEqual(["Élise Moreau", "Jonas Köhler", "unnamed senior official", "Jonas Köhler"]);
  });

  it("orders key dates by resolved date, unresolved last", () => {
    shown((b) => {
      b.key_dates[1].resolved = "2026-03-01"; // "3 March" before "on Tuesday" (2026-03-03)
    });
    const when = [...document.querySelectorAll("[data-testid=date-resolved]")].map((d) => d.textContent);
    expect(when).toEqual(["2026-03-01", "2026-03-03"]);
  });

  it("shows text from the article as text, never as markup", () => {
    shown((b) => {
      b.positions[0].text = '<img src=x onerror="alert(1)">';
    });
    const pos = document.querySelector("[data-testid=position-text]")!;
    expect(pos.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(document.querySelector("[data-testid=brief] img")).toBeNull();
  });

  it("says so when a section is empty", () => {
    shown((b) => {
      b.open_questions = [];
    });
    expect(document.querySelector("[data-testid=questions]")!.textContent).toContain("No open questions found.");
  });
});
