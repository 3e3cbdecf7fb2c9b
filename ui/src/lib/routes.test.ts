import { describe, expect, it } from "vitest";
import { formatRoute, parseRoute, type Route } from "./routes";

const routes: Route[] = [
  { name: "home" },
  { name: "students", classId: 3 },
  { name: "read", classId: 3, studentId: 7, lang: null },
  { name: "read", classId: 3, studentId: 7, lang: "es" },
  { name: "scoring", classId: 3, studentId: 7, readingId: 55 },
  { name: "result", classId: 3, studentId: 7, readingId: 55 },
  { name: "pin" },
  { name: "classes" },
  { name: "class", classId: 3 },
  { name: "student", classId: 3, studentId: 7, lang: "en" },
  { name: "student", classId: 3, studentId: 7, lang: null },
  { name: "review", classId: 3, studentId: 7, readingId: 55 },
  { name: "passages" },
];

describe("routes", () => {
  it.each(routes)("round-trips %o", (route) => {
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });
  it("sends anything unknown home", () => {
    expect(parseRoute("")).toEqual({ name: "home" });
    expect(parseRoute("#/class/abc")).toEqual({ name: "home" });
    expect(parseRoute("#/teacher/class/x")).toEqual({ name: "home" });
    expect(parseRoute("#/nowhere")).toEqual({ name: "home" });
  });
});
