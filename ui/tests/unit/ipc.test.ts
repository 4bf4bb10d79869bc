import { mockIPC } from "@tauri-apps/api/mocks";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as ipc from "../../src/lib/ipc";
import { CommandError, toCommandError } from "../../src/lib/ipc";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|svelte)$/.test(f) ? [p] : [];
  });
}

describe("ipc", () => {
  it("passes camelCase arguments and a progress Channel to draft", async () => {
    const seen: unknown[] = [];
    let args: Record<string, unknown> = {};
    mockIPC((cmd, a) => {
      expect(cmd).toBe("draft");
      args = a as Record<string, unknown>;
      const ch = args.onProgress as { onmessage: (p: unknown) => void };
      ch.onmessage({ stage: "parties", step: 1, steps: 6 });
      return { title: "t" };
    });
    const out = await ipc.draft(
      "text",
      { published: "2025-10-16", title: null, sourceUrl: "https://x", outlet: null },
      (p) => seen.push(p),
    );
    expect(out).toEqual({ title: "t" });
    expect(args.text).toBe("text");
    expect(args.options).toEqual({ published: "2025-10-16", title: null, sourceUrl: "https://x", outlet: null });
    expect(seen).toEqual([{ stage: "parties", step: 1, steps: 6 }]);
  });

  it("turns a rejected {code, message} into a CommandError with that code", async () => {
    mockIPC(() => {
      throw { code: "too_large", message: "The article is larger than 64 MB." };
    });
    const e = await ipc.sampleArticle().catch((x) => x);
    expect(e).toBeInstanceOf(CommandError);
    expect(e.code).toBe("too_large");
    expect(e.message).toBe("The article is larger than 64 MB.");
  });

  it("maps unknown codes and bare strings to `internal`", () => {
    expect(toCommandError({ code: "weird", message: "m" }).code).toBe("internal");
    expect(toCommandError("boom").message).toBe("boom");
    expect(toCommandError(new Error("x")).code).toBe("internal");
  });

  it("is the only module importing @tauri-apps/api/core, and the preview is the only {@html}", () => {
    const files = sources(join(__dirname, "../../src"));
    const importers = files.filter((f) => readFileSync(f, "utf8").includes("@tauri-apps/api/core"));
    expect(importers.map((f) => f.split("/src/")[1])).toEqual(["lib/ipc.ts"]);
    const htmlUses = files.flatMap((f) => (readFileSync(f, "utf8").match(/\{@html /g) ?? []).map(() => f));
    expect(htmlUses.map((f) => f.split("/src/")[1])).toEqual(["lib/components/NotePane.svelte"]);
  });
});
