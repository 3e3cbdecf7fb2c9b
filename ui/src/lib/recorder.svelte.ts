// Drives one recording: start, the recorder's events, stop and cancel. Whatever the shell does
// (no device, no samples, an error, no answer at all) the screen ends in a state with a way out.

import * as api from "../api";
import { IDLE, applyRecorderEvent, type RecorderView } from "./recorder-state";

/** With no "started" by then, the screen says it cannot hear the microphone (never spins). */
export const START_TIMEOUT_MS = 10_000;

export class Recorder {
  view: RecorderView = $state({ ...IDLE });
  /** Waited too long for the first samples. */
  stuck = $state(false);
  /** An error from start/stop/cancel (events carry their own in view.error). */
  error: unknown = $state(null);

  #timer: ReturnType<typeof setTimeout> | null = null;
  #session = 0;

  async start(studentId: number, passageId: string, deviceId: string | null): Promise<void> {
    const session = ++this.#session;
    this.error = null;
    this.stuck = false;
    this.view = { ...IDLE, phase: "waiting" };
    this.#armTimeout(session);
    try {
      await api.startRecording(studentId, passageId, deviceId, (event) => {
        // Events of an earlier, cancelled recording must not disturb this one.
        if (session !== this.#session) return;
        this.view = applyRecorderEvent(this.view, event);
        if (this.view.phase === "recording") this.#clearTimeout();
        if (event.kind === "failed") this.#clearTimeout();
      });
    } catch (e) {
      if (session !== this.#session) return;
      this.#clearTimeout();
      this.view = { ...IDLE };
      this.error = e;
    }
  }

  /** Stops and returns the reading id to follow in scoring, or null when stopping failed. */
  async stop(): Promise<number | null> {
    this.#clearTimeout();
    this.view = { ...this.view, phase: "stopping" };
    try {
      const readingId = await api.stopRecording();
      this.#session++;
      this.view = { ...IDLE };
      return readingId;
    } catch (e) {
      this.#session++;
      this.view = { ...IDLE };
      this.error = e;
      return null;
    }
  }

  async cancel(): Promise<void> {
    this.#clearTimeout();
    this.#session++;
    this.view = { ...IDLE };
    this.stuck = false;
    try {
      await api.cancelRecording();
    } catch {
      // Nothing was running, or it is already gone: either way the screen is back at idle.
    }
  }

  /** Clears a shown error so the child can try again. */
  reset(): void {
    this.error = null;
    this.stuck = false;
    this.view = { ...IDLE };
  }

  #armTimeout(session: number) {
    this.#clearTimeout();
    this.#timer = setTimeout(() => {
      if (session === this.#session && this.view.phase === "waiting") this.stuck = true;
    }, START_TIMEOUT_MS);
  }

  #clearTimeout() {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
