// Crash recovery: the unsaved text of the open note goes to a journal in Rust at most
// JOURNAL_LAG_MS behind typing; a clean save clears it. On the next start after a crash or a
// kill, the app offers to restore it (and never writes the note without that choice).
import type { RecoveryEntry } from "../bindings/RecoveryEntry";
import * as ipc from "../ipc";
import { CommandError, toCommandError } from "../ipc";

export const JOURNAL_LAG_MS = 600;

export interface JournalSource {
  path: string | null;
  markdown: string;
  source: string | null;
  /** True when the text exists nowhere else (unsaved note or unsaved draft). */
  unsaved: boolean;
}

export class RecoveryJournal {
  /** An entry found at start, waiting for the analyst's choice. */
  offer = $state<RecoveryEntry | null>(null);
  error = $state<CommandError | null>(null);

  private timer: ReturnType<typeof setTimeout> | null = null;
  private written = false;
  private latest: JournalSource | null = null;

  async check(): Promise<RecoveryEntry | null> {
    try {
      this.offer = await ipc.recoveryRead();
    } catch (e) {
      this.error = toCommandError(e);
    }
    return this.offer;
  }

  /** Called on every change of the open note; writes are throttled, clears happen once. */
  track(src: JournalSource): void {
    this.latest = src;
    if (this.offer) return; // never overwrite an entry the analyst has not decided on
    if (src.unsaved) {
      this.timer ??= setTimeout(() => void this.flush(), JOURNAL_LAG_MS);
    } else if (this.written) {
      this.cancel();
      this.written = false;
      void ipc.recoveryClear().catch((e) => (this.error = toCommandError(e)));
    }
  }

  async flush(): Promise<void> {
    this.timer = null;
    const src = this.latest;
    if (!src || !src.unsaved || this.offer) return;
    try {
      await ipc.recoveryWrite({ path: src.path, markdown: src.markdown, source: src.source, saved_at_ms: Date.now() });
      this.written = true;
      this.error = null;
    } catch (e) {
      this.error = toCommandError(e);
    }
  }

  /** The analyst chose: the offer is gone either way; discarding also clears the journal. */
  async decide(restore: boolean): Promise<RecoveryEntry | null> {
    const entry = this.offer;
    this.offer = null;
    if (!restore) {
      await ipc.recoveryClear().catch((e) => (this.error = toCommandError(e)));
      return null;
    }
    this.written = true; // the restored text is unsaved until it is saved again
    return entry;
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
