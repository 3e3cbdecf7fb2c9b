// Pure parts of the translations, kept apart from the reactive state so tests can use them.

export type UiLang = "en" | "es";

/**
 * Replaces {name} placeholders; unknown placeholders stay visible so a gap is noticed.
 * "one | other" messages pick by `count` (English and Spanish both have just these two forms).
 */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (template.includes("|")) {
    const [one, other] = template.split("|").map((s) => s.trim());
    template = params?.count === 1 ? one : (other ?? one);
  }
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/** The stored choice wins; otherwise Spanish for any es-* browser language, else English. */
export function pickUiLang(stored: string | null, browserLanguage: string | undefined): UiLang {
  if (stored === "en" || stored === "es") return stored;
  return browserLanguage?.toLowerCase().startsWith("es") ? "es" : "en";
}

/** The placeholder names used in a message, sorted, for comparing translations. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}
