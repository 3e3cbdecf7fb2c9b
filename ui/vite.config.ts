/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// `--mode mock` runs the UI in a plain browser: a stand-in for the Rust shell
// (dev/mock-tauri.ts) is loaded before the app. The production build never
// references that file, so it cannot end up in ui/dist.
function mockTauriShell(mock: boolean): Plugin {
  return {
    name: "leo-mock-tauri-shell",
    // "pre": before Vite bundles the page's scripts, so the mock is bundled like any entry.
    transformIndexHtml: {
      order: "pre",
      handler: (html) =>
        html.replace(
          "<!-- mock-shell -->",
          mock ? '<script type="module" src="/dev/mock-tauri.ts"></script>' : "",
        ),
    },
  };
}

export default defineConfig(({ mode }) => {
  const mock = mode === "mock";
  return {
    plugins: [svelte(), mockTauriShell(mock)],
    // Tauri serves the files itself; relative paths keep them working from any origin.
    base: "./",
    clearScreen: false,
    server: {
      host: "127.0.0.1",
      port: 5173,
      strictPort: true,
      // The mock shell reads the real passage library from the repository's assets.
      fs: { allow: mock ? [".", "../assets/passages"] : ["."] },
    },
    preview: { host: "127.0.0.1", port: 4173, strictPort: true },
    build: {
      outDir: mock ? "dist-mock" : "dist",
      emptyOutDir: true,
      target: "safari15",
      // Fonts are bundled as files; keep them out of data: URLs so the CSS stays small.
      assetsInlineLimit: 0,
    },
    test: {
      include: ["src/**/*.test.ts"],
      environment: "node",
    },
  };
});
