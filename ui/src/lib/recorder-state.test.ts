import { describe, expect, it } from "vitest";
import type { RecorderEvent } from "../api";
import { IDLE, applyRecorderEvent, meterFraction, type RecorderView } from "./recorder-state";

const run = (events: RecorderEvent[], from: RecorderView = { ...IDLE, phase: "waiting" }) =>
  events.reduce(applyRecorderEvent, from);

describe("recorder states", () => {
  it("goes waiting → recording and follows the level", () => {
    const view = run([
      { kind: "waiting" },
      { kind: "started" },
      { kind: "level", rms: 0.2, peak: 0.5, seconds: 1.5 },
    ]);
    expect(view.phase).toBe("recording");
    expect(view.seconds).toBe(1.5);
    expect(view.peak).toBe(0.5);
  });
  it("flags silence and clears it when sound resumes", () => {
    const silent = run([{ kind: "started" }, { kind: "noAudio", seconds: 3 }]);
    expect(silent.silentFor).toBe(3);
    expect(run([{ kind: "resumed" }], silent).silentFor).toBeNull();
  });
  it("returns to idle with the error on failure", () => {
    const error = { code: "microphoneLost" as const, message: "gone" };
    const view = run([{ kind: "started" }, { kind: "failed", error }]);
    expect(view.phase).toBe("idle");
    expect(view.error).toEqual(error);
  });
  it("clamps odd levels", () => {
    const view = run([{ kind: "level", rms: 5, peak: Number.NaN, seconds: 1 }]);
    expect(view.rms).toBe(1);
    expect(view.peak).toBe(0);
  });
});

describe("meterFraction", () => {
  it("maps -60..0 dB onto the bar", () => {
    expect(meterFraction(0)).toBe(0);
    expect(meterFraction(1)).toBe(1);
    expect(meterFraction(0.001)).toBeCloseTo(0, 5);
    expect(meterFraction(0.0316)).toBeCloseTo(0.5, 2);
  });
});
