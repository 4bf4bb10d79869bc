// Hand-written to match the Rust type until ts-rs generates this file (H4 replaces it).
export type RecoveryEntry = { path: string | null, markdown: string, source: string | null, saved_at_ms: number, };
