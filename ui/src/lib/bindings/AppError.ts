// Hand-written to match the Rust type until ts-rs generates this file (H4 replaces it).
import type { ErrorCode } from "./ErrorCode";

export type AppError = { code: ErrorCode, message: string, };
