// Resolved dates as an analyst reads them: "Thu 16 Oct 2025", a range as
// "Thu 16 Oct 2025 – 30 Oct 2025". Formatted here from the engine's ISO strings (YYYY-MM-DD or
// YYYY-MM-DD..YYYY-MM-DD): presentation only, no time zone involved (the calendar date is
// the date, wherever the analyst is).
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function parse(iso: string): Date | null {
  const m = ISO.exec(iso.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // 2025-02-30 is no date.
  return d.getUTCMonth() === Number(m[2]) - 1 ? d : null;
}

const day = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

/** "Thu 16 Oct 2025"; a range "Thu 16 Oct 2025 – 30 Oct 2025"; anything else as given. */
export function formatResolved(resolved: string): string {
  const [from, to] = resolved.split("..");
  const a = parse(from ?? "");
  if (!a) return resolved;
  const first = `${DAYS[a.getUTCDay()]} ${day(a)}`;
  if (to === undefined) return first;
  const b = parse(to);
  return b ? `${first} – ${day(b)}` : resolved;
}
