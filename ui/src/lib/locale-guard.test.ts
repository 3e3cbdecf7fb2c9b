import { describe, expect, it } from "vitest";
import { usableLanguage } from "./locale-guard";

describe("usableLanguage", () => {
  it("keeps real language tags", () => {
    expect(usableLanguage("es-ES")).toBe("es-ES");
    expect(usableLanguage("en")).toBe("en");
  });
  it("replaces what an unset locale reports", () => {
    expect(usableLanguage("C")).toBe("en-US");
    expect(usableLanguage("")).toBe("en-US");
    expect(usableLanguage(undefined)).toBe("en-US");
  });
});
