// Injected into the page before the app's own scripts (Playwright init script): the Tauri IPC
// is answered by the in-memory mock backend, which the test drives through window.__mockBackend.
import { mockIPC } from "@tauri-apps/api/mocks";
import { createMockBackend, type MockSeed } from "../fixtures/mock-backend";

// A "restarted app" test sets window.__mockSeed (another init script) to what was on disk.
const seed = (window as unknown as { __mockSeed?: MockSeed }).__mockSeed;
const backend = createMockBackend({ seed });
mockIPC((cmd, args) => backend.handle(cmd, (args ?? {}) as Record<string, unknown>), { shouldMockEvents: true });
(window as unknown as { __mockBackend: typeof backend }).__mockBackend = backend;
