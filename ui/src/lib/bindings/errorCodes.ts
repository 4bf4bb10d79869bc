// Generated from ErrorCode::ALL in attache-vault (error.rs). Do not edit.
import type { ErrorCode } from "./ErrorCode";

/** Every code a command's error may carry. */
export const ERROR_CODES: readonly ErrorCode[] = [
  "empty_input",
  "too_large",
  "not_utf8",
  "not_found",
  "conflict",
  "invalid_name",
  "outside_vault",
  "broken_front_matter",
  "io",
  "invalid_argument",
  "internal",
];
