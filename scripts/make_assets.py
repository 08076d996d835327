#!/usr/bin/env python3
"""Builds the fonts the app reads at start, subset to the characters that the bank and the UI
actually use (fonts/glyphs.txt lists them, so the app rasterises exactly those glyphs). The bank
itself is packed by tools/bank_pack.cpp."""
import argparse
import shutil
import subprocess
import sys
from pathlib import Path

FONTS = {  # shipped name: Debian file
    "Inter-Regular.otf": "/usr/share/fonts/opentype/inter/Inter-Regular.otf",
    "Inter-SemiBold.otf": "/usr/share/fonts/opentype/inter/Inter-SemiBold.otf",
    "JetBrainsMono-Regular.ttf": "/usr/share/fonts/truetype/jetbrains-mono/JetBrainsMono-Regular.ttf",
}
ALWAYS = "".join(chr(c) for c in range(0x20, 0x7F)) + "…’‘“”–—•·✓→←↑↓≤≥×÷°±€£★☆↩›‹"


def used_characters(source: Path) -> str:
    chars = set(ALWAYS)
    for path in sorted((source / "assets" / "bank").glob("*.json")):
        chars.update(path.read_text(encoding="utf-8"))
    for path in sorted((source / "ui").rglob("*.[ch]*")):
        chars.update(path.read_text(encoding="utf-8"))
    return "".join(sorted(c for c in chars if c.isprintable() and c != "\ufeff"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args()

    shutil.rmtree(args.out / "bank", ignore_errors=True)  # the JSON a build before the pack shipped
    fonts_out = args.out / "fonts"
    fonts_out.mkdir(parents=True, exist_ok=True)
    text = used_characters(args.source)
    (fonts_out / "glyphs.txt").write_text(text, encoding="utf-8")
    for name, debian_path in FONTS.items():
        if not Path(debian_path).exists():
            sys.exit(f"make_assets: {debian_path} is missing: run scripts/setup.sh")
        subprocess.run([sys.executable, "-m", "fontTools.subset", debian_path,
                        f"--text-file={fonts_out / 'glyphs.txt'}", f"--output-file={fonts_out / name}",
                        "--layout-features=kern", "--no-hinting", "--desubroutinize",
                        "--name-IDs=*", "--notdef-outline"], check=True)
    (args.out / "stamp").write_text("ok\n")


if __name__ == "__main__":
    main()
