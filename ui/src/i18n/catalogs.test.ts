import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { placeholders } from "../lib/i18n-core";
import { WORD_STATUSES } from "../lib/format";
import en from "./en.json";
import es from "./es.json";

const catalogs: Record<string, Record<string, string>> = { en, es };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(svelte|ts)$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("translations", () => {
  it("English and Spanish have exactly the same keys", () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(catalogs))("%s has no empty or untrimmed messages", (lang) => {
    for (const [key, message] of Object.entries(catalogs[lang])) {
      expect(message.trim(), `${lang} ${key}`).not.toBe("");
      expect(message, `${lang} ${key}`).toBe(message.trim());
    }
  });

  it("each message uses the same placeholders and plural forms in both languages", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(es[key]), key).toEqual(placeholders(en[key]));
      expect(es[key].includes("|"), key).toBe(en[key].includes("|"));
    }
  });

  it("every key the screens ask for exists", () => {
    const src = fileURLToPath(new URL("..", import.meta.url));
    const used = new Set<string>();
    for (const file of sourceFiles(src)) {
      for (const m of readFileSync(file, "utf8").matchAll(/\bt\("([\w.]+)"/g)) used.add(m[1]);
    }
    // Keys built from a value: each possible value needs a message.
    for (const s of WORD_STATUSES) used.add(`status.${s}`);
    for (const s of ["queued", "listening", "scoring", "done", "failed"]) used.add(`scoring.stage.${s}`);
    for (const s of ["queued", "listening", "scoring"]) used.add(`scoring.step.${s}`);
    for (const s of ["recorded", "scored", "failed"]) used.add(`readingStatus.${s}`);
    for (const s of ["en", "es", "both"]) used.add(`languages.${s}`);
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !(k in en))).toEqual([]);
  });
});
