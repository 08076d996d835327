#!/usr/bin/env python3
"""Assembles the deployable PWA from the Emscripten output and web-shell/: icons rendered from
icon.svg, the manifest, and a service worker whose cache name is the hash of every precached file
(Emscripten's output names never change, so the hash is what tells builds apart).

The Python runtime (the pinned npm package pyodide) goes into pyodide/ but is not precached: the
app downloads it when the user first needs it and the service worker keeps it in a cache named
by the runtime's version, which outlives app updates. runtime.json lists its files and sizes.

The page's colours (app.css, index.html, the manifest) come from the app's own palettes in
ui/theme.cpp: a shell file names one as {{light.background}} or {{dark.text}}."""
import argparse
import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

APP_FILES = ["pyprep.js", "pyprep.wasm", "pyprep.data"]
SHELL_FILES = ["index.html", "app.css", "access.js", "bridge.js"]
RUNNER_FILES = ["worker.mjs", "host.mjs", "grade.py"]  # web-shell/runner/, precached
RUNTIME_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json"]
# The fields of ui/theme.h's Palette, in order.
PALETTE_FIELDS = ["background", "surface", "raised", "text", "text_secondary", "primary",
                  "on_primary", "accent", "border", "again", "hard", "good", "easy"]


def palettes(theme_cpp):
    text = theme_cpp.read_text()
    found = {}
    for variable, name in (("kLight", "light"), ("kDark", "dark")):
        body = re.search(variable + r"\{(.*?)\};", text, re.S)
        colours = re.findall(r"rgb\(0x([0-9A-Fa-f]{6})\)", body.group(1)) if body else []
        if len(colours) != len(PALETTE_FIELDS):
            raise SystemExit(f"{theme_cpp}: {variable} should list {len(PALETTE_FIELDS)} rgb(0x…) colours")
        found[name] = {field: "#" + c.upper() for field, c in zip(PALETTE_FIELDS, colours)}
    return found


def with_colours(text, palette):
    return re.sub(r"\{\{(light|dark)\.(\w+)\}\}", lambda m: palette[m[1]][m[2]], text)


def manifest(palette):
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
        "background_color": palette["light"]["background"],
        "theme_color": palette["light"]["primary"],
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
    palette = palettes(args.shell.parent / "ui" / "theme.cpp")
    for name in SHELL_FILES:
        (out / name).write_text(with_colours((args.shell / name).read_text(), palette))
    render_icon(args.shell / "icon.svg", out / "icon-192.png", 192)
    render_icon(args.shell / "icon.svg", out / "icon-512.png", 512)
    render_icon(args.shell / "icon.svg", out / "icon-maskable-512.png", 512)
    (out / "manifest.webmanifest").write_text(json.dumps(manifest(palette), indent=2, ensure_ascii=False))
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
