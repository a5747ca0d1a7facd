#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the seed corpora of fuzz_font and fuzz_charset from real Debian fonts (scripts/setup-deps
installs them): tiny subsets (a few glyphs each) so the whole corpus stays small.
Usage: tests/fuzz/make-font-seeds.py   (rewrites tests/fuzz/corpus/font and corpus/charset)"""
import io
import pathlib

from fontTools import subset
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTFont
from fontTools.ttLib.ttCollection import TTCollection

HERE = pathlib.Path(__file__).resolve().parent
KAI = "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
CJK = "永国一字中"


def make_subset(path, text):
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = [1, 2, 4, 6]
    options.notdef_outline = True
    options.drop_tables += ["DSIG", "GSUB", "GPOS", "GDEF"]
    font = subset.load_font(path, options)
    sub = subset.Subsetter(options)
    sub.populate(text=text)
    sub.subset(font)
    return font


def to_bytes(font):
    buf = io.BytesIO()
    font.save(buf)
    return buf.getvalue()


def cff_from(ttf):
    """The same glyphs as CFF outlines (an 'OTTO' font), drawn through a T2 charstring pen."""
    order = ttf.getGlyphOrder()
    glyph_set = ttf.getGlyphSet()
    upem = ttf["head"].unitsPerEm
    char_strings = {}
    for name in order:
        pen = T2CharStringPen(glyph_set[name].width, glyph_set)
        glyph_set[name].draw(pen)
        char_strings[name] = pen.getCharString()
    fb = FontBuilder(upem, isTTF=False)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap(ttf.getBestCmap())
    fb.setupCFF("ZiStudioFuzzCFF", {"FullName": "ZiStudio Fuzz CFF"}, char_strings, {})
    fb.setupHorizontalMetrics({n: ttf["hmtx"][n] for n in order})
    hhea = ttf["hhea"]
    fb.setupHorizontalHeader(ascent=hhea.ascent, descent=hhea.descent)
    fb.setupNameTable({"familyName": "ZiStudio Fuzz CFF", "styleName": "Regular"})
    os2 = ttf["OS/2"]
    fb.setupOS2(sTypoAscender=os2.sTypoAscender, sTypoDescender=os2.sTypoDescender, usWinAscent=os2.usWinAscent,
                usWinDescent=os2.usWinDescent)
    fb.setupPost()
    return fb.font


def main():
    fonts = HERE / "corpus" / "font"
    fonts.mkdir(parents=True, exist_ok=True)
    kai = make_subset(KAI, CJK + "Ag ")
    dejavu = make_subset(DEJAVU, "Ag ")
    (fonts / "kai-subset.ttf").write_bytes(to_bytes(kai))
    (fonts / "dejavu-subset.ttf").write_bytes(to_bytes(dejavu))
    (fonts / "kai-subset-cff.otf").write_bytes(to_bytes(cff_from(TTFont(io.BytesIO(to_bytes(kai))))))
    collection = TTCollection()
    collection.fonts = [TTFont(io.BytesIO(to_bytes(make_subset(KAI, "永一")))),
                        TTFont(io.BytesIO(to_bytes(dejavu)))]
    buf = io.BytesIO()
    collection.save(buf)
    (fonts / "two-faces.ttc").write_bytes(buf.getvalue())

    charsets = HERE / "corpus" / "charset"
    charsets.mkdir(parents=True, exist_ok=True)
    (charsets / "commented.txt").write_text("# 常用字\n永国 一字\t中 # trailing comment\n\n字中A\n", encoding="utf-8")
    (charsets / "bom-and-blanks.txt").write_bytes("\ufeff永\u3000国\ufe0f\u200b\r\n".encode("utf-8"))
    (charsets / "astral.txt").write_text("𠮟𡈽 𪚥\n", encoding="utf-8")
    (charsets / "invalid.txt").write_bytes(b"\xe6\xb0\xb8\n\xc0\xaf\xed\xa0\x80")


if __name__ == "__main__":
    main()
