// The UI language (English or Spanish) and the translation function.

import en from "./en.json";
import es from "./es.json";
import { interpolate, pickUiLang, type UiLang } from "../lib/i18n-core";
import { loadString, saveString } from "../lib/storage";

export type MessageKey = keyof typeof en;

// Typed against the English keys: a key missing from es.json fails the type check.
const catalogs: Record<UiLang, Record<MessageKey, string>> = { en, es };

const STORAGE_KEY = "leo.uiLang";

export const i18n = $state<{ lang: UiLang }>({
  lang: pickUiLang(loadString(STORAGE_KEY), globalThis.navigator?.language),
});

export function setUiLang(lang: UiLang): void {
  i18n.lang = lang;
  saveString(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
}

/** The message for `key` in the current UI language, with {placeholders} filled in. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return interpolate(catalogs[i18n.lang][key] ?? catalogs.en[key] ?? key, params);
}
