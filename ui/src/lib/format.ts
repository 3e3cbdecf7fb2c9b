// Pure display helpers shared by the student and teacher screens.

import type { WordStatus } from "../api";

/** Every word status, in the order the legend and the status chooser show them. */
export const WORD_STATUSES: readonly WordStatus[] = [
  "correct",
  "substitution",
  "omission",
  "hesitation",
  "self_correction",
  "not_reached",
];

/** The CSS class that colours a passage word by its status (see styles/words.css). */
export function statusClass(status: WordStatus): string {
  return `word-${status.replace("_", "-")}`;
}

/** Three slots, filled for each star earned; stars outside 0..3 are clamped. */
export function starSlots(stars: number | null): boolean[] {
  const earned = Math.max(0, Math.min(3, Math.round(stars ?? 0)));
  return [0, 1, 2].map((i) => i < earned);
}

export const EMPTY = "—";

/** Words correct per minute, rounded to a whole number. */
export function formatWcpm(wcpm: number | null | undefined): string {
  return wcpm == null || !Number.isFinite(wcpm) ? EMPTY : String(Math.round(wcpm));
}

/** Accuracy (0..1) as a whole percentage. */
export function formatPercent(accuracy: number | null | undefined): string {
  return accuracy == null || !Number.isFinite(accuracy) ? EMPTY : `${Math.round(accuracy * 100)}%`;
}

/** Seconds as m:ss for the recording timer. */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/** A date (ms since the epoch) in the UI language, e.g. "12 Mar 2025, 10:32". */
export function formatDateTime(ms: number | null | undefined, lang: string): string {
  if (ms == null) return EMPTY;
  return new Intl.DateTimeFormat(lang === "es" ? "es-ES" : "en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(ms));
}

/** Short date for tables. */
export function formatDate(ms: number | null | undefined, lang: string): string {
  if (ms == null) return EMPTY;
  return new Intl.DateTimeFormat(lang === "es" ? "es-ES" : "en-GB", {
    day: "numeric",
    month: "short",
  }).format(new Date(ms));
}

/** A stable hue (0..359) from a name, so each child keeps the same avatar colour. */
export function nameHue(name: string): number {
  let hash = 0;
  for (const ch of name.normalize("NFC")) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return hash % 360;
}

/** Avatar background: dark enough for white initials to keep a 4.5:1 contrast. */
export function avatarColour(name: string): string {
  return `hsl(${nameHue(name)} 55% 36%)`;
}

/** Initials from a name when the shell has not given any. */
export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return "?";
  const first = [...parts[0]][0] ?? "";
  const last = parts.length > 1 ? ([...parts[parts.length - 1]][0] ?? "") : "";
  return (first + last).toUpperCase();
}

/** "EN 5 · ES 3" for a student's levels. */
export function levelsText(levels: { lang: string; level: number }[]): string {
  return levels.length === 0
    ? EMPTY
    : levels.map((l) => `${l.lang.toUpperCase()} ${l.level}`).join(" · ");
}
