import { describe, expect, it } from "vitest";
import type { WordView } from "../api";
import { shownWords, tokenizePassage } from "./passage-tokens";

describe("tokenizePassage", () => {
  it("keeps punctuation with its word", () => {
    const tokens = tokenizePassage("Run, cat, run!");
    expect(tokens.map((t) => t.word)).toEqual(["Run", "cat", "run"]);
    expect(tokens[0].after).toBe(",");
    expect(tokens[2].after).toBe("!");
  });
  it("handles Spanish opening marks and dialogue dashes", () => {
    const tokens = tokenizePassage("¡Hola, Lolo! —dijo. ¿Vienes?");
    expect(tokens.map((t) => t.word)).toEqual(["Hola", "Lolo", "dijo", "Vienes"]);
    expect(tokens[0].before).toBe("¡");
    expect(tokens[1].after).toBe("! —");
    expect(tokens[3].before).toBe("¿");
  });
  it("splits paragraphs on blank lines and joins wrapped lines", () => {
    const tokens = tokenizePassage("The cat sat.\nIt had a nap.\n\nA dog ran in.");
    expect(tokens.filter((t) => t.paragraph === 0)).toHaveLength(7);
    expect(tokens.filter((t) => t.paragraph === 1)).toHaveLength(4);
    expect(tokens.map((t) => t.index)).toEqual([...tokens.keys()]);
  });
});

describe("shownWords", () => {
  const word = (index: number, text: string, status: WordView["status"]): WordView => ({
    index,
    text,
    status,
    heard: null,
    startS: index * 0.5,
    endS: null,
  });

  it("puts each status on the printed word", () => {
    const shown = shownWords("Run, cat!", [word(0, "Run", "correct"), word(1, "cat", "omission")]);
    expect(shown.map((w) => [w.word, w.after, w.status])).toEqual([
      ["Run", ",", "correct"],
      ["cat", "!", "omission"],
    ]);
  });
  it("falls back to the scorer's words when the counts differ", () => {
    const shown = shownWords("Run, cat!", [word(0, "Run", "correct")]);
    expect(shown).toHaveLength(1);
    expect(shown[0].word).toBe("Run");
  });
  it("shows the plain passage before scoring", () => {
    expect(shownWords("a b", []).every((w) => w.status === null)).toBe(true);
  });
});
