// Generated from Stance::label in attache-engine (model.rs). Do not edit.
import type { Stance } from "./Stance";

/** The word the note and the window show for each stance. */
export const STANCE_LABELS: Record<Stance, string> = {
  support: "supports",
  oppose: "opposes",
  conditional: "conditional",
  uncertain: "uncertain",
  neutral: "neutral",
};
