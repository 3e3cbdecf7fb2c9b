import { afterEach, beforeAll, describe, expect, it } from "vitest";

// The Tauri API looks for its bridge on `window`; in Node the global object stands in.
beforeAll(() => {
  (globalThis as unknown as { window: typeof globalThis }).window = globalThis;
});

describe("api", () => {
  afterEach(async () => (await import("@tauri-apps/api/mocks")).clearMocks());

  it("unwraps ok results and calls the snake_case command with camelCase args", async () => {
    const { mockIPC } = await import("@tauri-apps/api/mocks");
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return [{ id: 1, name: "Ana", grade: 2, languages: "both", initials: "A" }];
    });
    const api = await import("./api");
    const students = await api.listStudents(4);
    expect(students[0].name).toBe("Ana");
    expect(calls).toEqual([["list_students", { classId: 4 }]]);
  });

  it("throws a typed error for an AppError", async () => {
    const { mockIPC } = await import("@tauri-apps/api/mocks");
    mockIPC(() => {
      throw { code: "noMicrophone", message: "no input device" };
    });
    const api = await import("./api");
    await expect(api.listInputDevices()).rejects.toMatchObject({
      name: "ApiError",
      code: "noMicrophone",
    });
  });

  it("delivers scoring progress from the shell's event", async () => {
    const { mockIPC } = await import("@tauri-apps/api/mocks");
    mockIPC(() => null, { shouldMockEvents: true });
    const api = await import("./api");
    const { events } = await import("./bindings");
    const seen: unknown[] = [];
    const stop = await api.onScoring((event) => seen.push(event));
    await events.scoringEvent.emit({ readingId: 9, stage: "listening", message: null });
    stop();
    expect(seen).toEqual([{ readingId: 9, stage: "listening", message: null }]);
  });

  it("treats an unknown failure as internal", async () => {
    const api = await import("./api");
    expect(api.toApiError("command list_x not found").code).toBe("internal");
    expect(api.toApiError({ code: "whatever", message: "m" }).code).toBe("internal");
    expect(api.toApiError({ code: "wrongPin", message: "m" }).code).toBe("wrongPin");
  });

  it("decodes base64 audio", async () => {
    const api = await import("./api");
    expect([...api.base64ToBytes("UklGRg==")]).toEqual([82, 73, 70, 70]);
  });
});
