// Every screen as a route, kept in the location hash so a reload (or an end-to-end test)
// lands on the same screen. Pure: parse and format only.

import type { Lang } from "../api";

export type Route =
  | { name: "home" }
  | { name: "students"; classId: number }
  | { name: "read"; classId: number; studentId: number; lang: Lang | null }
  | { name: "scoring"; classId: number; studentId: number; readingId: number }
  | { name: "result"; classId: number; studentId: number; readingId: number }
  | { name: "pin" }
  | { name: "classes" }
  | { name: "class"; classId: number }
  | { name: "student"; classId: number; studentId: number; lang: Lang | null }
  | { name: "review"; classId: number; studentId: number; readingId: number }
  | { name: "passages" };

export const TEACHER_ROUTES: ReadonlySet<Route["name"]> = new Set([
  "classes",
  "class",
  "student",
  "review",
  "passages",
]);

const id = (s: string | undefined): number | null =>
  s !== undefined && /^\d+$/.test(s) ? Number(s) : null;
const lang = (s: string | undefined): Lang | null => (s === "en" || s === "es" ? s : null);

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean);
  const [a, b, c, d, e] = parts;
  if (a === "class" && id(b) !== null) {
    const classId = id(b)!;
    if (c === undefined) return { name: "students", classId };
    const studentId = id(d);
    if (studentId !== null) {
      if (c === "read") return { name: "read", classId, studentId, lang: lang(e) };
      const readingId = id(e);
      if (readingId !== null && (c === "scoring" || c === "result")) {
        return { name: c, classId, studentId, readingId };
      }
    }
  }
  if (a === "teacher") {
    if (b === undefined) return { name: "pin" };
    if (b === "classes" && c === undefined) return { name: "classes" };
    if (b === "passages") return { name: "passages" };
    const classId = id(c);
    if (b === "class" && classId !== null) {
      if (d === undefined) return { name: "class", classId };
      const studentId = id(e);
      const sixth = parts[5];
      const seventh = parts[6];
      if (d === "student" && studentId !== null) {
        if (sixth === "review" && id(seventh) !== null) {
          return { name: "review", classId, studentId, readingId: id(seventh)! };
        }
        return { name: "student", classId, studentId, lang: lang(sixth) };
      }
    }
  }
  return { name: "home" };
}

export function formatRoute(route: Route): string {
  switch (route.name) {
    case "home":
      return "#/";
    case "students":
      return `#/class/${route.classId}`;
    case "read":
      return `#/class/${route.classId}/read/${route.studentId}${route.lang ? `/${route.lang}` : ""}`;
    case "scoring":
    case "result":
      return `#/class/${route.classId}/${route.name}/${route.studentId}/${route.readingId}`;
    case "pin":
      return "#/teacher";
    case "classes":
      return "#/teacher/classes";
    case "class":
      return `#/teacher/class/${route.classId}`;
    case "student":
      return `#/teacher/class/${route.classId}/student/${route.studentId}${route.lang ? `/${route.lang}` : ""}`;
    case "review":
      return `#/teacher/class/${route.classId}/student/${route.studentId}/review/${route.readingId}`;
    case "passages":
      return "#/teacher/passages";
  }
}
