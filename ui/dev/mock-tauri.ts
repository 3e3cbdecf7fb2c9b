// A stand-in for the Rust shell so the UI runs in a plain browser: `npm run dev:mock`, or
// `npm run build:mock && npm run preview:mock`. Loaded only in `--mode mock` (see vite.config.ts);
// the production build never includes it.
//
// Scenarios, as ?mock=a,b in the URL (before the #):
//   unlocked   teacher pages open without the PIN      firstrun  no PIN set yet
//   nomic      startRecording fails with noMicrophone   noaudio   the watchdog fires after 2 s
//   stuck      the microphone never delivers samples    scorefail scoring fails
//   empty      no classes                               slow      scoring takes longer

import { mockIPC } from "@tauri-apps/api/mocks";
import { events, type AppError, type ReadingView, type RecorderEvent, type ScoringEvent, type WordStatus } from "../src/bindings";
import {
  allStudents,
  classes,
  makeReading,
  nextFor,
  overviewOf,
  pageOf,
  passages,
  recount,
  sampleWavBase64,
  studentsByClass,
} from "./mock-data";

const scenario = new Set((new URLSearchParams(location.search).get("mock") ?? "").split(","));
const teacher = { hasPin: !scenario.has("firstrun"), unlocked: scenario.has("unlocked"), pin: "1234" };
const readings = new Map<number, ReadingView>();
let nextReadingId = 500;

/** Errors travel as the shell sends them: a rejected invoke carrying an AppError. */
const fail = (code: AppError["code"], message: string = code): never => {
  throw { code, message } satisfies AppError;
};
const needTeacher = () => {
  if (!teacher.unlocked) fail("locked", "teacher command without the PIN");
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- Recording ----
let recording: { readingId: number; timers: ReturnType<typeof setInterval>[] } | null = null;

function sendTo(channel: { id: number }) {
  let index = 0;
  return (message: RecorderEvent) =>
    (window as unknown as { __TAURI_INTERNALS__: { runCallback(id: number, data: unknown): void } })
      .__TAURI_INTERNALS__.runCallback(channel.id, { index: index++, message });
}

function startRecording(args: { studentId: number; passageId: string; events: { id: number } }) {
  if (scenario.has("nomic")) fail("noMicrophone", "no input device");
  if (recording) fail("busy");
  const send = sendTo(args.events);
  const readingId = nextReadingId++;
  const passage = passages.find((p) => p.id === args.passageId)!;
  readings.set(readingId, makeReading(readingId, args.studentId, passage, "recorded"));
  const timers: ReturnType<typeof setInterval>[] = [];
  recording = { readingId, timers };
  send({ kind: "waiting" });
  if (scenario.has("stuck")) return { readingId };
  timers.push(
    setTimeout(() => {
      send({ kind: "started" });
      const began = performance.now();
      timers.push(
        setInterval(() => {
          const seconds = (performance.now() - began) / 1000;
          if (scenario.has("noaudio") && seconds > 2) return;
          // Speech-like: syllable bursts with short pauses.
          const voice = Math.abs(Math.sin(seconds * 5.3)) * (0.5 + 0.5 * Math.sin(seconds * 1.7) ** 2);
          send({ kind: "level", rms: 0.01 + voice * 0.12, peak: Math.min(1, 0.05 + voice * 0.45), seconds });
        }, 50),
      );
      if (scenario.has("noaudio")) timers.push(setTimeout(() => send({ kind: "noAudio", seconds: 3 }), 5000));
    }, 900),
  );
  return { readingId };
}

function endRecording(): number {
  if (!recording) fail("invalid", "not recording");
  const { readingId, timers } = recording!;
  timers.forEach((t) => clearInterval(t));
  recording = null;
  return readingId;
}

async function scoreInBackground(readingId: number) {
  const step = scenario.has("slow") ? 3000 : 1200;
  const say = (stage: ScoringEvent["stage"], message: string | null = null) =>
    events.scoringEvent.emit({ readingId, stage, message } satisfies ScoringEvent);
  await say("queued");
  await sleep(step);
  await say("listening");
  await sleep(step);
  if (scenario.has("scorefail")) {
    const r = readings.get(readingId)!;
    readings.set(readingId, { ...r, status: "failed", error: "The speech model could not be loaded." });
    await say("failed", "The speech model could not be loaded.");
    return;
  }
  await say("scoring");
  await sleep(step);
  const r = readings.get(readingId)!;
  readings.set(readingId, makeReading(readingId, r.studentId, r.passage, "scored"));
  await say("done");
}

function reading(readingId: number): ReadingView {
  if (!readings.has(readingId)) {
    // Historic readings from the student pages.
    const s = allStudents()[readingId % 6];
    const lang = s.languages === "es" ? "es" : "en";
    readings.set(readingId, makeReading(readingId, s.id, nextFor(s.id, lang).passage, readingId === 108 ? "failed" : readingId === 109 ? "recorded" : "scored"));
  }
  return readings.get(readingId)!;
}

// ---- The command table ----
type Args = Record<string, unknown> & {
  classId: number; studentId: number; readingId: number; lang: "en" | "es"; pin: string;
};

const handlers: Record<string, (a: Args) => unknown> = {
  app_info: () => ({ version: "0.1.0-mock", dataDir: "/home/teacher/.local/share/leo", exportsDir: "/home/teacher/Leo exports", modelsReady: { en: true, es: true } }),
  list_classes: () => (scenario.has("empty") ? [] : classes),
  list_students: (a) => studentsByClass[a.classId] ?? fail("notFound"),
  next_passage: (a) => nextFor(a.studentId, a.lang),
  list_input_devices: () => [
    { id: "default", name: "Default microphone", isDefault: true },
    { id: "usb-headset", name: "USB headset", isDefault: false },
  ],
  start_recording: (a) => startRecording(a as unknown as Parameters<typeof startRecording>[0]),
  stop_recording: () => {
    const id = endRecording();
    void scoreInBackground(id);
    return id;
  },
  cancel_recording: () => {
    if (recording) readings.delete(endRecording());
    return null;
  },
  reading_result: (a) => reading(a.readingId),
  retry_scoring: (a) => {
    scenario.delete("scorefail");
    void scoreInBackground(a.readingId);
    return null;
  },
  teacher_state: () => ({ hasPin: teacher.hasPin, unlocked: teacher.unlocked }),
  set_pin: (a) => {
    if (teacher.hasPin && !teacher.unlocked) fail("locked");
    teacher.pin = a.pin;
    teacher.hasPin = true;
    return null;
  },
  change_pin: (a) => {
    if (a.current !== teacher.pin) fail("wrongPin");
    teacher.pin = String(a.new);
    return null;
  },
  unlock: (a) => {
    if (a.pin !== teacher.pin) fail("wrongPin");
    teacher.unlocked = true;
    return null;
  },
  lock: () => ((teacher.unlocked = false), null),
  create_class: (a) => {
    needTeacher();
    const c = { id: classes.length + 1, name: String(a.name), studentCount: 0 };
    classes.push(c);
    studentsByClass[c.id] = [];
    return c;
  },
  create_student: (a) => {
    needTeacher();
    const name = String(a.name);
    const s = { id: allStudents().length + 1, name, grade: Number(a.grade), languages: a.languages as "en", initials: name.slice(0, 1).toUpperCase() };
    studentsByClass[a.classId].push(s);
    classes.find((c) => c.id === a.classId)!.studentCount++;
    return s;
  },
  class_overview: (a) => (needTeacher(), overviewOf(a.classId)),
  student_page: (a) => (needTeacher(), pageOf(a.studentId, a.lang)),
  reading_audio: () => (needTeacher(), sampleWavBase64()),
  override_word: (a) => {
    needTeacher();
    const r = reading(a.readingId);
    const index = Number(a.index);
    const old = r.words[index];
    const updated = recount({
      ...r,
      words: r.words.map((w) => (w.index === index ? { ...w, status: a.status as WordStatus } : w)),
      overrides: [...r.overrides, { wordIndex: index, oldStatus: old.status, newStatus: a.status as WordStatus, changedBy: "teacher", changedAt: Date.now() }],
    });
    readings.set(r.id, updated);
    return updated;
  },
  list_passages: (a) => (needTeacher(), passages.filter((p) => !a.lang || p.lang === a.lang)),
  suggest_level: (a) => {
    const words = String(a.text).trim().split(/\s+/).filter(Boolean).length;
    return { level: Math.max(1, Math.min(12, Math.round(words / 12))), wordCount: words, readability: 72.5 };
  },
  add_passage: (a) => {
    needTeacher();
    const text = String(a.text);
    const p = { id: `${a.lang}-t-${passages.length}`, lang: a.lang, level: (a.level as number | null) ?? 4, title: String(a.title), topic: String(a.topic), text, wordCount: text.split(/\s+/).length, source: "teacher" as const };
    passages.push(p);
    return p;
  },
  export_class_csv: (a) => (needTeacher(), `/home/teacher/Leo exports/class-${a.classId}-2025-03-14.csv`),
  export_student: (a) => (needTeacher(), `/home/teacher/Leo exports/student-${a.studentId}-2025-03-14.zip`),
  delete_student: (a) => {
    needTeacher();
    for (const list of Object.values(studentsByClass)) {
      const i = list.findIndex((s) => s.id === a.studentId);
      if (i >= 0) list.splice(i, 1);
    }
    return null;
  },
};

mockIPC(
  async (cmd, payload) => {
    const handler = handlers[cmd];
    if (!handler) throw `command ${cmd} not found`;
    await sleep(60); // a little latency, as over IPC
    return handler((payload ?? {}) as Args);
  },
  { shouldMockEvents: true },
);

console.info("[leo] mock shell active; scenarios:", [...scenario].filter(Boolean).join(", ") || "none");
