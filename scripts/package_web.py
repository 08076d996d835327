#!/usr/bin/env python3
"""Assembles the deployable PWA from the Emscripten output and web-shell/: icons rendered from
icon.svg, the manifest, and a service worker whose cache name is the hash of every precached file
(Emscripten's output names never change, so the hash is what tells builds apart).

The Python runtime (the pinned npm package pyodide) goes into pyodide/ but is not precached: the
app downloads it when the user first needs it and the service worker keeps it in a cache named
by the runtime's version, which outlives app updates. runtime.json lists its files and sizes."""
import argparse
import hashlib
import json
import shutil
import subprocess
from pathlib import Path

APP_FILES = ["pyprep.js", "pyprep.wasm", "pyprep.data"]
SHELL_FILES = ["index.html", "app.css", "bridge.js"]
RUNNER_FILES = ["worker.mjs", "host.mjs", "grade.py"]  # web-shell/runner/, precached
RUNTIME_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json"]
BACKGROUND = "#F6F7FB"
THEME = "#3776AB"


def manifest():
    icons = [{"src": f"icon-{size}.png", "sizes": f"{size}x{size}", "type": "image/png",
              "purpose": "any"} for size in (192, 512)]
    icons.append({"src": "icon-maskable-512.png", "sizes": "512x512", "type": "image/png",
                  "purpose": "maskable"})
    return {
        "id": "/pyprep/",
        "name": "PyPrep — Python interview practice",
        "short_name": "PyPrep",
        "description": "Practise Python, Django and backend interview questions with spaced "
                       "repetition, offline.",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "orientation": "portrait",
        "background_color": BACKGROUND,
        "theme_color": THEME,
        "categories": ["education", "productivity"],
        "icons": icons,
    }


def render_icon(svg, out, size):
    subprocess.run(["rsvg-convert", "-w", str(size), "-h", str(size), "-o", str(out), str(svg)],
                   check=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", required=True, type=Path)
    parser.add_argument("--shell", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--pyodide", required=True, type=Path, help="node_modules/pyodide")
    args = parser.parse_args()

    out = args.out
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in APP_FILES:
        shutil.copy2(args.build / "ui" / name, out / name)
    for name in SHELL_FILES:
        shutil.copy2(args.shell / name, out / name)
    render_icon(args.shell / "icon.svg", out / "icon-192.png", 192)
    render_icon(args.shell / "icon.svg", out / "icon-512.png", 512)
    render_icon(args.shell / "icon.svg", out / "icon-maskable-512.png", 512)
    (out / "manifest.webmanifest").write_text(json.dumps(manifest(), indent=2, ensure_ascii=False))
    (out / "runner").mkdir()
    for name in RUNNER_FILES:
        shutil.copy2(args.shell / "runner" / name, out / "runner" / name)

    version = json.loads((args.pyodide / "package.json").read_text())["version"]
    (out / "pyodide").mkdir()
    for name in RUNTIME_FILES:
        shutil.copy2(args.pyodide / name, out / "pyodide" / name)
    runtime = {"version": version, "cache": "python-runtime-" + version,
               "files": [{"path": "pyodide/" + name, "bytes": (out / "pyodide" / name).stat().st_size}
                         for name in RUNTIME_FILES]}
    (out / "runtime.json").write_text(json.dumps(runtime, indent=2))

    precached = sorted(str(p.relative_to(out)) for p in out.rglob("*")
                       if p.is_file() and p.relative_to(out).parts[0] != "pyodide")
    digest = hashlib.sha256()
    for name in precached:
        digest.update(name.encode() + b"\0" + (out / name).read_bytes())
    worker = (args.shell / "sw.js").read_text()
    worker = worker.replace("__CACHE__", "pyprep-" + digest.hexdigest()[:16])
    worker = worker.replace("__FILES__", json.dumps(["./"] + precached))
    worker = worker.replace("__RUNTIME_CACHE__", runtime["cache"])
    (out / "sw.js").write_text(worker)


if __name__ == "__main__":
    main()
