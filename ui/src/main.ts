// Must run before any module that formats numbers or dates at load time.
import "./lib/locale-guard";
import { mount } from "svelte";
// Fonts ship inside the app (no network at schools): Atkinson Hyperlegible for all text,
// OpenDyslexic for the dyslexia-friendly reading mode.
import "@fontsource/atkinson-hyperlegible/400.css";
import "@fontsource/atkinson-hyperlegible/700.css";
import "@fontsource/opendyslexic/400.css";
import "./styles/global.css";
import "./styles/words.css";
import App from "./App.svelte";
import { trackScoring } from "./api";
import { i18n } from "./i18n/i18n.svelte";

document.documentElement.lang = i18n.lang;
trackScoring();

export default mount(App, { target: document.getElementById("app")! });
