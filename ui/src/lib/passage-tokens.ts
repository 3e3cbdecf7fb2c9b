// Splits a passage into the words the scorer counts, keeping the punctuation around each word
// and the paragraph it belongs to, so the passage can be shown as printed. Mirrors
// passage_words in crates/leo-text (one whitespace token with a letter or digit = one word;
// punctuation-only tokens join a neighbour), so token i is the scorer's word i.

import type { WordStatus, WordView } from "../api";

export type PassageToken = {
  index: number;
  before: string;
  word: string;
  after: string;
  paragraph: number;
};

const OPENING = /^[¿¡«“"([]+$/u;
const ALNUM = /[\p{L}\p{N}]/u;

export function tokenizePassage(text: string): PassageToken[] {
  const tokens: PassageToken[] = [];
  const paragraphs = text.trim().split(/\n\s*\n/);
  paragraphs.forEach((paragraph, p) => {
    let pendingBefore = "";
    const spaced = paragraph.replace(/[—–]/g, " — ");
    for (const raw of spaced.split(/\s+/).filter(Boolean)) {
      const chars = [...raw];
      const first = chars.findIndex((c) => ALNUM.test(c));
      if (first < 0) {
        const prev = tokens[tokens.length - 1];
        if (prev && prev.paragraph === p && !OPENING.test(raw)) prev.after += ` ${raw}`;
        else pendingBefore += raw;
        continue;
      }
      let last = first;
      chars.forEach((c, i) => {
        if (ALNUM.test(c)) last = i;
      });
      tokens.push({
        index: tokens.length,
        before: pendingBefore + chars.slice(0, first).join(""),
        word: chars.slice(first, last + 1).join(""),
        after: chars.slice(last + 1).join(""),
        paragraph: p,
      });
      pendingBefore = "";
    }
  });
  return tokens;
}

export type ShownWord = PassageToken & {
  status: WordStatus | null;
  heard: string | null;
  startS: number | null;
};

/**
 * The passage with each word's status. When the scorer's word list does not line up with our
 * split (a rule we do not mirror), its own word texts are shown instead, in one paragraph.
 */
export function shownWords(text: string, words: WordView[] | null): ShownWord[] {
  const tokens = tokenizePassage(text);
  if (!words || words.length === 0) {
    return tokens.map((t) => ({ ...t, status: null, heard: null, startS: null }));
  }
  if (words.length === tokens.length) {
    return tokens.map((t, i) => ({
      ...t,
      index: words[i].index,
      status: words[i].status,
      heard: words[i].heard,
      startS: words[i].startS,
    }));
  }
  return words.map((w) => ({
    index: w.index,
    before: "",
    word: w.text,
    after: "",
    paragraph: 0,
    status: w.status,
    heard: w.heard,
    startS: w.startS,
  }));
}
