// Hand-written to match the Rust type until ts-rs generates this file (H4 replaces it).
export type DraftRequest = { published: string | null, title: string | null, sourceUrl: string | null, outlet: string | null, };
