import { fireEvent, render, waitFor } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import ExportDialog from "../../src/lib/components/ExportDialog.svelte";
import type { NoteSession } from "../../src/lib/stores/note.svelte";

/** What the dialog reads of a note session. */
function session(): NoteSession {
  return {
    path: "2026-03-12 Fisheries talks.md",
    summary: { title: "Fisheries talks" },
    markdown: "---\nclassification: OFFICIAL\n---\n# Fisheries talks\n",
    save: async () => {},
  } as unknown as NoteSession;
}

function recordCalls(): { cmd: string; args: Record<string, unknown> }[] {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
    if (cmd === "pick_export_path") return `/home/a/${(args as { suggestedName: string }).suggestedName}`;
    return null;
  });
  return calls;
}

describe("export dialog", () => {
  it("exports Word by default through the save dialog, with the briefing options", async () => {
    const calls = recordCalls();
    const { getByTestId } = render(ExportDialog, { open: true, note: session() });
    expect((getByTestId("export-docx") as HTMLInputElement).checked).toBe(true);
    await fireEvent.click(getByTestId("export-save"));
    await waitFor(() => expect(getByTestId("export-message").textContent).toContain("Exported to"));
    const pick = calls.find((c) => c.cmd === "pick_export_path");
    expect(pick?.args).toEqual({ suggestedName: "2026-03-12 Fisheries talks.docx", format: "docx" });
    const exp = calls.find((c) => c.cmd === "note_export");
    expect(exp?.args.target).toBe("/home/a/2026-03-12 Fisheries talks.docx");
    expect(exp?.args.options).toEqual({
      format: "docx",
      flatten_links: false,
      front_matter: true,
      properties: false,
      remote_images: false,
    });
  });

  it("offers the HTML options only for HTML, off by default", async () => {
    const calls = recordCalls();
    const { getByTestId, queryByTestId } = render(ExportDialog, { open: true, note: session() });
    expect(queryByTestId("export-properties")).toBeNull();
    await fireEvent.click(getByTestId("export-html"));
    expect((getByTestId("export-properties") as HTMLInputElement).checked).toBe(false);
    await fireEvent.click(getByTestId("export-remote-images"));
    await fireEvent.click(getByTestId("export-save"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "note_export")).toBe(true));
    const exp = calls.find((c) => c.cmd === "note_export");
    expect(exp?.args.options).toMatchObject({ format: "html", properties: false, remote_images: true });
  });

  it("copies rich text from the editor's text, saved or not", async () => {
    const calls = recordCalls();
    const { getByTestId } = render(ExportDialog, { open: true, note: session() });
    await fireEvent.click(getByTestId("export-copy-rich"));
    await waitFor(() => expect(getByTestId("export-message").textContent).toContain("rich text"));
    const copy = calls.find((c) => c.cmd === "note_copy_rich");
    expect(copy?.args).toEqual({ markdown: session().markdown, title: "Fisheries talks" });
  });
});
