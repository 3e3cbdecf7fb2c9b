// What the reading screen shows while recording, as a pure function of the recorder's events,
// so the screen never gets stuck: every event and every failure leads to a visible state.

import type { AppError, RecorderEvent } from "../api";

/** idle → waiting ("get ready") → recording → stopping; errors fall back to idle. */
export type RecordingPhase = "idle" | "waiting" | "recording" | "stopping";

export type RecorderView = {
  phase: RecordingPhase;
  /** The watchdog says no sound has arrived for this many seconds (null: sound is flowing). */
  silentFor: number | null;
  rms: number;
  peak: number;
  seconds: number;
  error: AppError | null;
};

export const IDLE: RecorderView = {
  phase: "idle",
  silentFor: null,
  rms: 0,
  peak: 0,
  seconds: 0,
  error: null,
};

export function applyRecorderEvent(view: RecorderView, event: RecorderEvent): RecorderView {
  switch (event.kind) {
    case "waiting":
      return { ...view, phase: view.phase === "recording" ? "recording" : "waiting" };
    case "started":
      return { ...view, phase: "recording", silentFor: null, seconds: 0 };
    case "level":
      return {
        ...view,
        phase: view.phase === "waiting" ? "recording" : view.phase,
        rms: clamp01(event.rms ?? 0),
        peak: clamp01(event.peak ?? 0),
        seconds: event.seconds ?? view.seconds,
      };
    case "noAudio":
      return { ...view, silentFor: event.seconds, rms: 0, peak: 0 };
    case "resumed":
      return { ...view, silentFor: null };
    case "failed":
      return { ...IDLE, error: event.error };
  }
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.max(0, Math.min(1, x)) : 0;
}

/**
 * Meter position (0..1) for an RMS level: a decibel scale from -60 dB to 0 dB, because a
 * child's voice sits far below full scale and a linear bar would barely move.
 */
export function meterFraction(rms: number): number {
  if (!(rms > 0)) return 0;
  const db = 20 * Math.log10(rms);
  return Math.max(0, Math.min(1, (db + 60) / 60));
}
