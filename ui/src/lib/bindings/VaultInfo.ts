// Hand-written to match the Rust type until ts-rs generates this file (H4 replaces it).
import type { VaultSource } from "./VaultSource";

export type VaultInfo = { path: string, source: VaultSource, };
