import { describe, expect, it } from "vitest";
import {
  avatarColour,
  formatClock,
  formatPercent,
  formatWcpm,
  initialsOf,
  levelsText,
  nameHue,
  starSlots,
  statusClass,
  WORD_STATUSES,
} from "./format";
import { interpolate, pickUiLang } from "./i18n-core";

describe("statusClass", () => {
  it("gives one CSS class per status", () => {
    expect(statusClass("correct")).toBe("word-correct");
    expect(statusClass("self_correction")).toBe("word-self-correction");
    expect(statusClass("not_reached")).toBe("word-not-reached");
    expect(new Set(WORD_STATUSES.map(statusClass)).size).toBe(6);
  });
});

describe("starSlots", () => {
  it("fills one slot per star", () => {
    expect(starSlots(1)).toEqual([true, false, false]);
    expect(starSlots(3)).toEqual([true, true, true]);
  });
  it("clamps and tolerates null", () => {
    expect(starSlots(null)).toEqual([false, false, false]);
    expect(starSlots(7)).toEqual([true, true, true]);
    expect(starSlots(-1)).toEqual([false, false, false]);
  });
});

describe("number formatting", () => {
  it("rounds WCPM", () => {
    expect(formatWcpm(87.5)).toBe("88");
    expect(formatWcpm(42.49)).toBe("42");
    expect(formatWcpm(null)).toBe("—");
    expect(formatWcpm(Number.NaN)).toBe("—");
  });
  it("shows accuracy as a whole percentage", () => {
    expect(formatPercent(0.934)).toBe("93%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(null)).toBe("—");
  });
  it("shows the timer as m:ss", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(7.9)).toBe("0:07");
    expect(formatClock(125)).toBe("2:05");
  });
  it("lists levels per language", () => {
    expect(levelsText([{ lang: "en", level: 5 }, { lang: "es", level: 3 }])).toBe("EN 5 · ES 3");
    expect(levelsText([])).toBe("—");
  });
});

describe("avatars", () => {
  it("keeps a name's colour stable and spreads names apart", () => {
    expect(avatarColour("Ana")).toBe(avatarColour("Ana"));
    expect(nameHue("Ana")).not.toBe(nameHue("Bruno"));
    expect(nameHue("Ñandú")).toBeGreaterThanOrEqual(0);
    expect(nameHue("Ñandú")).toBeLessThan(360);
  });
  it("makes initials from first and last name", () => {
    expect(initialsOf("ana maría lópez")).toBe("AL");
    expect(initialsOf("Óscar")).toBe("Ó");
    expect(initialsOf("  ")).toBe("?");
  });
});

describe("i18n core", () => {
  it("fills placeholders and keeps unknown ones visible", () => {
    expect(interpolate("Saved to {path}", { path: "/x.csv" })).toBe("Saved to /x.csv");
    expect(interpolate("{a} {b}", { a: 1 })).toBe("1 {b}");
  });
  it("picks singular or plural by count", () => {
    expect(interpolate("{count} student | {count} students", { count: 1 })).toBe("1 student");
    expect(interpolate("{count} student | {count} students", { count: 0 })).toBe("0 students");
  });
  it("defaults to the browser language and remembers a choice", () => {
    expect(pickUiLang(null, "es-MX")).toBe("es");
    expect(pickUiLang(null, "en-GB")).toBe("en");
    expect(pickUiLang(null, "fr-FR")).toBe("en");
    expect(pickUiLang("en", "es-ES")).toBe("en");
    expect(pickUiLang("de", "es-ES")).toBe("es");
  });
});
