// Per-student reading preferences, remembered on this computer.

import { loadJson, saveJson } from "./storage";

export type ReadingPrefs = {
  /** Reading text size in px. */
  size: number;
  /** Dyslexia-friendly mode: OpenDyslexic, wider spacing, tinted page. */
  dyslexia: boolean;
  /** Only the current line at full strength, the others dimmed. */
  lineFocus: boolean;
};

export const TEXT_SIZES = [24, 28, 32, 38, 44, 52, 60] as const;
export const DEFAULT_PREFS: ReadingPrefs = { size: 32, dyslexia: false, lineFocus: false };

const key = (studentId: number) => `leo.readingPrefs.${studentId}`;

export function loadReadingPrefs(studentId: number): ReadingPrefs {
  const prefs = loadJson(key(studentId), DEFAULT_PREFS);
  return { ...prefs, size: nearestSize(prefs.size) };
}

export function saveReadingPrefs(studentId: number, prefs: ReadingPrefs): void {
  saveJson(key(studentId), prefs);
}

function nearestSize(size: number): number {
  return TEXT_SIZES.reduce((best, s) => (Math.abs(s - size) < Math.abs(best - size) ? s : best));
}

/** One step bigger (+1) or smaller (-1), staying within the available sizes. */
export function stepSize(size: number, direction: 1 | -1): number {
  const i = TEXT_SIZES.indexOf(nearestSize(size) as (typeof TEXT_SIZES)[number]);
  const next = Math.max(0, Math.min(TEXT_SIZES.length - 1, i + direction));
  return TEXT_SIZES[next];
}
