// A computer whose locale is unset reports navigator.language as "C", which is not a language
// tag: Intl (and libraries that format numbers at load time, such as uPlot) then throw and the
// screens never appear. Imported first by main.ts, before anything else runs.

export function usableLanguage(tag: string | undefined): string {
  try {
    if (tag) {
      new Intl.NumberFormat(tag);
      return tag;
    }
  } catch {
    // Falls through to the default below.
  }
  return "en-US";
}

const reported = globalThis.navigator?.language;
const usable = usableLanguage(reported);
if (globalThis.navigator && usable !== reported) {
  Object.defineProperty(globalThis.navigator, "language", { get: () => usable });
  Object.defineProperty(globalThis.navigator, "languages", { get: () => [usable] });
}
