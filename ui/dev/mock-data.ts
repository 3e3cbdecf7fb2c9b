// Sample classroom for running the UI in a plain browser (`--mode mock`). Development only:
// nothing here is part of the app. Passages are the real library from assets/passages.

import type {
  ClassInfo,
  NextPassage,
  PassageView,
  ReadingView,
  StudentInfo,
  StudentPage,
  StudentRow,
  WordStatus,
  WordView,
} from "../src/bindings";
import { tokenizePassage } from "../src/lib/passage-tokens";
import enToml from "../../assets/passages/en.toml?raw";
import esToml from "../../assets/passages/es.toml?raw";

/** Just enough TOML for the passage files: [[passage]] blocks of key = "..." / """...""". */
function parsePassages(toml: string, lang: "en" | "es"): PassageView[] {
  return toml
    .split("[[passage]]")
    .slice(1)
    .map((block) => {
      const field = (name: string) => block.match(new RegExp(`^${name} = "(.*)"$`, "m"))?.[1] ?? "";
      const text = (block.match(/text = """\n([\s\S]*?)"""/)?.[1] ?? "").trim();
      return {
        id: field("id"),
        lang,
        level: Number(block.match(/^level = (\d+)$/m)?.[1] ?? 1),
        title: field("title"),
        topic: field("topic"),
        text,
        wordCount: tokenizePassage(text).length,
        source: "builtin" as const,
      };
    });
}

export const passages: PassageView[] = [...parsePassages(enToml, "en"), ...parsePassages(esToml, "es")];

export const classes: ClassInfo[] = [
  { id: 1, name: "3A", studentCount: 6 },
  { id: 2, name: "4B", studentCount: 2 },
];

const student = (id: number, name: string, grade: number, languages: StudentInfo["languages"]) => ({
  id,
  name,
  grade,
  languages,
  initials: name
    .split(" ")
    .map((p) => p[0])
    .join("")
    .slice(0, 2),
});

export const studentsByClass: Record<number, StudentInfo[]> = {
  1: [
    student(1, "Ana García", 3, "both"),
    student(2, "Bruno Díaz", 3, "es"),
    student(3, "Chloe Smith", 3, "en"),
    student(4, "Daniel Okafor", 3, "en"),
    student(5, "Emma Rossi", 3, "both"),
    student(6, "Fátima Benali", 3, "es"),
  ],
  2: [student(7, "Gabriel Lee", 4, "en"), student(8, "Hugo Martín", 4, "es")],
};

export const allStudents = () => Object.values(studentsByClass).flat();

export function passageFor(studentId: number, lang: "en" | "es"): PassageView {
  const level = 5 + (studentId % 2);
  return passages.find((p) => p.lang === lang && p.level === level) ?? passages[0];
}

export function nextFor(studentId: number, lang: "en" | "es"): NextPassage {
  const passage = passageFor(studentId, lang);
  return {
    passage,
    level: passage.level,
    reread: false,
    reasonEn: "Great accuracy and speed above the grade norm: on to a slightly harder passage.",
    reasonEs: "Muy buena precisión y velocidad por encima de la norma del curso: pasamos a una lectura un poco más difícil.",
    practiceWords: ["colonies", "nectar"],
  };
}

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 2, 14, 10, 30);

/** A plausible mix of miscues, with the last few words not reached. */
function scoredWords(passage: PassageView): WordView[] {
  const tokens = tokenizePassage(passage.text);
  const cut = Math.floor(tokens.length * 0.9);
  const pattern: Record<number, WordStatus> = {
    3: "substitution",
    11: "hesitation",
    17: "omission",
    24: "self_correction",
    31: "substitution",
    40: "hesitation",
  };
  return tokens.map((t, i) => ({
    index: i,
    text: t.word,
    status: i >= cut ? "not_reached" : (pattern[i % 45] ?? "correct"),
    heard: pattern[i % 45] === "substitution" ? t.word.slice(0, 3) + "s" : i >= cut ? null : t.word,
    startS: i >= cut ? null : 0.3 + i * 0.42,
    endS: i >= cut ? null : 0.3 + i * 0.42 + 0.35,
  }));
}

export function recount(reading: ReadingView): ReadingView {
  const attempted = reading.words.filter((w) => w.status !== "not_reached");
  const correct = attempted.filter((w) => w.status === "correct" || w.status === "self_correction");
  const minutes = (reading.durationS ?? 60) / 60;
  const accuracy = attempted.length ? correct.length / attempted.length : 0;
  return {
    ...reading,
    wordsAttempted: attempted.length,
    wordsCorrect: correct.length,
    wcpm: correct.length / minutes,
    accuracy,
    stars: accuracy >= 0.95 ? 3 : accuracy >= 0.85 ? 2 : 1,
  };
}

export function makeReading(id: number, studentId: number, passage: PassageView, status: ReadingView["status"]): ReadingView {
  const s = allStudents().find((x) => x.id === studentId)!;
  const words = status === "scored" ? scoredWords(passage) : [];
  const base: ReadingView = {
    id,
    status,
    error: status === "failed" ? "The speech model could not be loaded." : null,
    studentId,
    studentName: s.name,
    passage,
    startedAt: NOW - (id % 7) * DAY,
    durationS: 52.4,
    wcpm: null,
    accuracy: null,
    wordsCorrect: null,
    wordsAttempted: null,
    stars: null,
    words,
    levelBefore: passage.level,
    levelAfter: passage.level + 1,
    next: nextFor(studentId, passage.lang),
    overrides: [],
  };
  return status === "scored" ? recount(base) : base;
}

export function overviewOf(classId: number): StudentRow[] {
  return (studentsByClass[classId] ?? []).map((s, i) => {
    const trend = s.id === 4 ? [] : [48, 52, 55, 53, 61, 66, 70].map((v) => v + i * 6 - (s.id % 3) * 4);
    const langs = s.languages === "both" ? (["en", "es"] as const) : ([s.languages] as const);
    return {
      studentId: s.id,
      name: s.name,
      initials: s.initials,
      grade: s.grade,
      languages: s.languages,
      levels: langs.map((lang, j) => ({ lang, level: 5 + ((s.id + j) % 3) })),
      lastWcpm: trend.length ? trend[trend.length - 1] + 0.4 : null,
      lastAccuracy: trend.length ? 0.88 + (s.id % 4) * 0.03 : null,
      lastReadingAt: trend.length ? NOW - i * DAY : null,
      trend,
    };
  });
}

export function pageOf(studentId: number, lang: "en" | "es"): StudentPage {
  const s = allStudents().find((x) => x.id === studentId)!;
  const wcpms = [48, 52, 55, 53, 61, 66, 70, 74];
  const accs = [0.84, 0.86, 0.9, 0.88, 0.91, 0.93, 0.95, 0.94];
  const points = wcpms.map((wcpm, i) => ({
    readingId: 100 + i,
    at: NOW - (wcpms.length - i) * 9 * DAY,
    wcpm,
    accuracy: accs[i],
  }));
  const titles = passages.filter((p) => p.lang === lang).slice(12, 20).map((p) => p.title);
  return {
    student: s,
    lang,
    level: 6,
    points,
    norm: points.map((p, i) => ({ at: p.at, wcpm: 71 + i * 1.5 })),
    errorCounts: [
      { status: "substitution", count: 14 },
      { status: "omission", count: 6 },
      { status: "hesitation", count: 9 },
      { status: "self_correction", count: 4 },
    ],
    readings: [
      { id: 108, at: NOW - 2 * DAY, passageTitle: titles[0] ?? "—", status: "failed", wcpm: null, accuracy: null, partial: false },
      { id: 109, at: NOW - DAY, passageTitle: titles[1] ?? "—", status: "recorded", wcpm: null, accuracy: null, partial: true },
      ...points
        .slice()
        .reverse()
        .map((p, i) => ({ id: p.readingId, at: p.at, passageTitle: titles[(i + 2) % titles.length] ?? "—", status: "scored" as const, wcpm: p.wcpm, accuracy: p.accuracy, partial: false })),
    ],
  };
}

/** A short quiet tone as a WAV, base64, so the review's <audio> has something to play. */
export function sampleWavBase64(seconds = 3, rate = 16000): string {
  const n = seconds * rate;
  const bytes = new Uint8Array(44 + n * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, "RIFF");
  view.setUint32(4, 36 + n * 2, true);
  ascii(8, "WAVEfmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, "data");
  view.setUint32(40, n * 2, true);
  for (let i = 0; i < n; i++) view.setInt16(44 + i * 2, Math.round(Math.sin((2 * Math.PI * 220 * i) / rate) * 3000), true);
  let binary = "";
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return btoa(binary);
}
