#!/usr/bin/env python3
"""Assembles the deployable PWA from the Emscripten output and web-shell/: icons rendered from
icon.svg, the manifest, and a service worker whose cache name is the hash of every precached file
(Emscripten's output names never change, so the hash is what tells builds apart)."""
import argparse
import hashlib
import json
import shutil
import subprocess
from pathlib import Path

APP_FILES = ["pyprep.js", "pyprep.wasm", "pyprep.data"]
SHELL_FILES = ["index.html", "app.css", "bridge.js"]
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

    precached = sorted(p.name for p in out.iterdir())
    digest = hashlib.sha256()
    for name in precached:
        digest.update(name.encode() + b"\0" + (out / name).read_bytes())
    worker = (args.shell / "sw.js").read_text()
    worker = worker.replace("__CACHE__", "pyprep-" + digest.hexdigest()[:16])
    worker = worker.replace("__FILES__", json.dumps(["./"] + precached))
    (out / "sw.js").write_text(worker)


if __name__ == "__main__":
    main()
