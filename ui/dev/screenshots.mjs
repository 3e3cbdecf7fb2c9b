// Walks every screen of the mock build in headless Chromium (via chromedriver's WebDriver API)
// and saves a PNG of each, for looking at the UI without the desktop shell.
//
//   npm run build:mock && node dev/screenshots.mjs [OUT_DIR]
//
// Needs Debian's chromium and chromium-driver. Uses only 127.0.0.1.

import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const OUT = process.argv[2] ?? "/tmp/leo-shots";
const APP = "http://127.0.0.1:4173/";
const DRIVER = "http://127.0.0.1:9515";
mkdirSync(OUT, { recursive: true });

const children = [
  spawn(process.execPath, ["node_modules/vite/bin/vite.js", "preview", "--mode", "mock"], { stdio: "ignore" }),
  spawn("chromedriver", ["--port=9515"], { stdio: "ignore" }),
];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function wd(method, path, body) {
  const res = await fetch(DRIVER + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value).slice(0, 300)}`);
  return json.value;
}

async function waitForServers() {
  for (let i = 0; i < 60; i++) {
    try {
      await fetch(APP);
      await fetch(DRIVER + "/status");
      return;
    } catch {
      await sleep(250);
    }
  }
  throw new Error("preview or chromedriver did not start");
}

let session;
const s = (path) => `/session/${session}${path}`;

async function open(query, hash, lang = "en") {
  await wd("POST", s("/url"), { url: "about:blank" });
  await wd("POST", s("/url"), { url: `${APP}?mock=${query}#${hash}` });
  await wd("POST", s("/execute/sync"), {
    script: "localStorage.setItem('leo.uiLang', arguments[0]); return 1;",
    args: [lang],
  });
  await wd("POST", s("/refresh"), {});
  await sleep(700);
}

async function find(testid, timeout = 8000) {
  const until = Date.now() + timeout;
  for (;;) {
    try {
      const el = await wd("POST", s("/element"), { using: "css selector", value: `[data-testid="${testid}"]` });
      return Object.values(el)[0];
    } catch (e) {
      if (Date.now() > until) throw new Error(`no ${testid}: ${e.message}`);
      await sleep(150);
    }
  }
}

const click = async (testid) => wd("POST", s(`/element/${await find(testid)}/click`), {});
const type = async (testid, text) => wd("POST", s(`/element/${await find(testid)}/value`), { text });
/** Sets the page's viewport (the window rect includes the browser's own frame). */
async function size(width, height) {
  await wd("POST", s("/window/rect"), { width, height });
  const [w, h] = await wd("POST", s("/execute/sync"), { script: "return [innerWidth, innerHeight];", args: [] });
  await wd("POST", s("/window/rect"), { width: width * 2 - w, height: height * 2 - h });
}

async function shot(name) {
  const png = await wd("GET", s("/screenshot"));
  writeFileSync(join(OUT, `${name}.png`), Buffer.from(png, "base64"));
  console.log("saved", name);
}

async function run() {
  await waitForServers();
  session = (
    await wd("POST", "/session", {
      capabilities: {
        alwaysMatch: {
          browserName: "chrome",
          "goog:chromeOptions": {
            binary: "/usr/bin/chromium",
            args: [
              "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
              "--autoplay-policy=no-user-gesture-required",
            ],
          },
        },
      },
    })
  ).sessionId;
  // The window size includes no browser chrome in headless mode.
  await size(1280, 800);

  await open("", "/");
  await find("class-1");
  await shot("01-home");
  await click("class-1");
  await find("student-1");
  await shot("02-students");
  await click("student-1");
  await find("record-button");
  await shot("03-reading-idle");
  await click("record-button");
  await sleep(400);
  await shot("04-reading-waiting");
  await sleep(1800);
  await shot("05-reading-recording");
  await click("stop-button");
  await sleep(1500);
  await shot("06-scoring");
  await find("result-wcpm", 10000);
  await sleep(300);
  await shot("07-result");

  await open("", "/class/1/read/1/en");
  await click("text-bigger");
  await click("dyslexia-mode");
  await click("line-focus");
  await sleep(300);
  await wd("POST", s(`/element/${await find("passage-text")}/value`), { text: "\uE015\uE015" });
  await sleep(300);
  await shot("08-reading-dyslexia-linefocus");
  await click("dyslexia-mode");
  await click("line-focus");
  await click("text-smaller");

  await open("nomic", "/class/1/read/3");
  await click("record-button");
  await find("mic-error");
  await shot("09-no-microphone");

  await open("noaudio", "/class/1/read/3");
  await click("record-button");
  await find("no-audio", 9000);
  await shot("10-no-audio");

  await open("scorefail", "/class/1/read/3");
  await click("record-button");
  await sleep(1500);
  await click("stop-button");
  await find("scoring-failed", 9000);
  await shot("11-scoring-failed");

  await open("firstrun", "/teacher");
  await find("pin-input");
  await shot("12-pin-create");
  await open("", "/teacher");
  await find("pin-input");
  await type("pin-input", "1234");
  await shot("13-pin-enter");

  await open("unlocked", "/teacher/classes");
  await find("open-class-1");
  await shot("14-classes");
  await click("open-class-1");
  await find("row-1");
  await sleep(300);
  await click("export-class-csv");
  await find("export-path");
  await shot("15-class-overview");
  await click("open-student-1");
  await find("trend-chart");
  await sleep(500);
  await shot("16-student-page");
  await click("delete-student");
  await type("delete-confirm-input", "Ana");
  await shot("17-student-delete-confirm");

  await open("unlocked", "/teacher/class/1/student/1/review/101");
  await find("word-3");
  const text = async (testid) =>
    wd("GET", s(`/element/${await find(testid)}/text`));
  const before = [await text("review-wcpm"), await text("review-accuracy")];
  await click("word-3");
  await find("status-chooser");
  await click("status-option-correct");
  await sleep(300);
  console.log("review numbers before/after override:", before, [await text("review-wcpm"), await text("review-accuracy")]);
  await shot("18-review");

  await open("unlocked", "/teacher/passages");
  await find("new-passage-text");
  await type("new-passage-title", "My dog Max");
  await type("new-passage-topic", "animals");
  await type("new-passage-text", "Max is my dog. He likes to run in the park and dig in the sand. When it rains, Max sleeps by the door and waits for me to come home from school.");
  await sleep(800);
  await shot("19-passages");

  await open("", "/", "es");
  await find("class-1");
  await shot("20-home-es");
  await open("", "/class/1/read/2", "es");
  await find("record-button");
  await shot("21-reading-es");

  await size(1024, 768);
  await open("", "/class/1/read/1/en");
  await find("record-button");
  await shot("22-reading-1024");
  await open("unlocked", "/teacher/class/1/student/1/en");
  await find("trend-chart");
  await sleep(500);
  await shot("23-student-page-1024");
  await open("unlocked", "/teacher/class/1");
  await find("row-1");
  await sleep(300);
  await shot("24-class-overview-1024");
}

try {
  await run();
} finally {
  if (session) await wd("DELETE", `/session/${session}`).catch(() => {});
  for (const child of children) child.kill();
}
