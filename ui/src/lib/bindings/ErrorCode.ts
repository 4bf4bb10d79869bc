// Hand-written to match the Rust type until ts-rs generates this file (H4 replaces it).
export type ErrorCode = "empty_input" | "too_large" | "not_utf8" | "not_found" | "conflict" | "invalid_name" | "outside_vault" | "broken_front_matter" | "io" | "invalid_argument" | "internal";
