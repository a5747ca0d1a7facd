// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/ufowriter.h"

#include "common/atomicfile.h"
#include "common/imageio.h"
#include "export/exporterror.h"
#include "export/glyphnames.h"
#include "export/stagingfolder.h"
#include "export/xmltext.h"

#include <cmath>
#include <cstdio>
#include <system_error>

namespace zistudio::fontexport
{

namespace
{

constexpr const char *kCreator = "org.zistudio";
constexpr const char *kMarkColor = "1,0,0,1"; // red: needs a designer's look
constexpr const char *kMetadataKey = "com.zistudio.export";
constexpr int kCoordDecimals = 2;

std::string hex(char32_t cp)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp));
    return buf;
}

std::string attrPoint(const Point &p)
{
    return "x=\"" + formatNumber(p.x, kCoordDecimals) + "\" y=\"" + formatNumber(p.y, kCoordDecimals) + "\"";
}

void appendContour(std::string &out, const Contour &c)
{
    out += "    <contour>\n";
    // UFO contours are cyclic: each segment is its off-curve points then its typed end point. The
    // last segment ends at the start point, so the start point is written once, last.
    for (const auto &s : c.segments) {
        if (s.type == Segment::Type::Cubic) {
            out += "      <point " + attrPoint(s.c1) + "/>\n";
            out += "      <point " + attrPoint(s.c2) + "/>\n";
            out += "      <point " + attrPoint(s.end) + " type=\"curve\"/>\n";
        } else {
            out += "      <point " + attrPoint(s.end) + " type=\"line\"/>\n";
        }
    }
    out += "    </contour>\n";
}

} // namespace

std::string buildGlif(const FontGlyph &glyph, const EmBox &emBox, const std::string &imageFileName, int imageSide)
{
    std::string out
        = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<glyph name=\"" + xmlEscape(glyph.name) + "\" format=\"2\">\n";
    const double emHeight = emBox.emBoxTop - emBox.emBoxBottom;
    out += "  <advance width=\"" + std::to_string(glyph.advanceWidth) + "\" height=\""
        + formatNumber(emHeight, kCoordDecimals) + "\"/>\n";
    if (glyph.codePoint != 0)
        out += "  <unicode hex=\"" + hex(glyph.codePoint) + "\"/>\n";
    if (!imageFileName.empty() && imageSide > 0) {
        out += "  <image fileName=\"" + xmlEscape(imageFileName) + "\" xScale=\""
            + formatNumber(emHeight / imageSide, 6) + "\" yScale=\"" + formatNumber(emHeight / imageSide, 6)
            + "\" yOffset=\"" + formatNumber(emBox.emBoxBottom, 6) + "\"/>\n";
    }
    out += "  <outline>\n";
    for (const auto &c : glyph.outline.contours)
        appendContour(out, c);
    out += "  </outline>\n";
    out += "  <lib>\n    <dict>\n";
    if (glyph.flagged)
        out += "      <key>public.markColor</key>\n      <string>" + std::string(kMarkColor) + "</string>\n";
    out += "      <key>public.verticalOrigin</key>\n      <real>" + formatNumber(emBox.emBoxTop, kCoordDecimals)
        + "</real>\n";
    out += "    </dict>\n  </lib>\n</glyph>\n";
    return out;
}

std::string buildFontInfoPlist(const FontInfo &info)
{
    const EmBox &box = info.emBox;
    PlistWriter p;
    p.beginDict();
    p.key("familyName");
    p.string(info.family);
    p.key("styleName");
    p.string(info.style);
    p.key("versionMajor");
    p.integer(info.versionMajor);
    p.key("versionMinor");
    p.integer(info.versionMinor);
    p.key("unitsPerEm");
    p.integer(box.unitsPerEm);
    p.key("ascender");
    p.integer(box.ascender);
    p.key("descender");
    p.integer(box.descender);
    p.key("xHeight");
    p.integer(box.resolvedXHeight());
    p.key("capHeight");
    p.integer(box.resolvedCapHeight());
    p.key("postscriptFontName");
    p.string(postScriptName(info));
    p.key("openTypeOS2TypoAscender");
    p.integer(box.ascender);
    p.key("openTypeOS2TypoDescender");
    p.integer(box.descender);
    p.key("openTypeOS2TypoLineGap");
    p.integer(0);
    p.key("openTypeOS2Selection");
    p.beginArray();
    p.integer(7); // USE_TYPO_METRICS
    p.endArray();
    p.key("openTypeOS2UnicodeRanges");
    p.beginArray();
    p.integer(59); // CJK Unified Ideographs
    p.endArray();
    p.key("openTypeHheaAscender");
    p.integer(box.ascender);
    p.key("openTypeHheaDescender");
    p.integer(box.descender);
    p.key("openTypeHheaLineGap");
    p.integer(0);
    // Vertical metrics: the em box is the vertical advance, centred on the ideographic em box.
    const long long half = std::lround((box.emBoxTop - box.emBoxBottom) / 2);
    p.key("openTypeVheaVertTypoAscender");
    p.integer(half);
    p.key("openTypeVheaVertTypoDescender");
    p.integer(-half);
    p.key("openTypeVheaVertTypoLineGap");
    p.integer(0);
    p.key("openTypeOS2VendorID");
    p.string(info.vendorId);
    p.endDict();
    return p.finish();
}

UfoWriter::UfoWriter(std::filesystem::path ufoDir, FontInfo info, std::vector<std::string> glyphOrder, bool withImages)
    : m_dir(std::move(ufoDir))
    , m_info(std::move(info))
    , m_order(std::move(glyphOrder))
    , m_withImages(withImages)
{
    validateFontInfo(m_info);
    std::error_code ec;
    if (std::filesystem::exists(m_dir, ec))
        throw ExportError("UFO folder already exists: " + m_dir.string());
    std::filesystem::create_directory(m_dir, ec);
    if (!ec)
        std::filesystem::create_directory(m_dir / "glyphs", ec);
    if (!ec && m_withImages)
        std::filesystem::create_directory(m_dir / "images", ec);
    if (ec)
        throw ExportError("cannot create UFO folder " + m_dir.string() + ": " + ec.message());
    std::set<std::string> taken {"contents.plist", "layerinfo.plist"};
    for (const auto &name : m_order) {
        if (m_files.count(name))
            throw ExportError("UFO: glyph name appears twice in the glyph order: " + name);
        m_files.emplace(name, ufoFileName(name, taken));
    }
}

const std::string &UfoWriter::glifFileName(const std::string &glyphName) const
{
    const auto it = m_files.find(glyphName);
    if (it == m_files.end())
        throw ExportError("UFO: glyph " + glyphName + " is not in the glyph order");
    return it->second;
}

void UfoWriter::writeGlyph(const FontGlyph &glyph, const GrayImage *background) const
{
    const std::string &file = glifFileName(glyph.name);
    std::string imageName;
    if (background && m_withImages && !background->isNull()) {
        imageName = file.substr(0, file.size() - 5) + ".png"; // same stem as the .glif
        writeNewFile(m_dir / "images" / imageName, encodeGrayPng(*background));
    }
    writeNewFile(
        m_dir / "glyphs" / file, buildGlif(glyph, m_info.emBox, imageName, background ? background->width : 0));
    const std::lock_guard lock(m_mutex);
    m_written.insert(glyph.name);
}

void UfoWriter::finish() const
{
    const std::lock_guard lock(m_mutex);
    {
        PlistWriter p;
        p.beginDict();
        p.key("creator");
        p.string(kCreator);
        p.key("formatVersion");
        p.integer(3);
        p.endDict();
        writeFileAtomically(m_dir / "metainfo.plist", p.finish());
    }
    writeFileAtomically(m_dir / "fontinfo.plist", buildFontInfoPlist(m_info));
    {
        PlistWriter p;
        p.beginArray();
        p.beginArray();
        p.string("public.default");
        p.string("glyphs");
        p.endArray();
        p.endArray();
        writeFileAtomically(m_dir / "layercontents.plist", p.finish());
    }
    {
        PlistWriter p;
        p.beginDict();
        for (const auto &[name, file] : m_files) {
            if (!m_written.count(name))
                continue;
            p.key(name);
            p.string(file);
        }
        p.endDict();
        writeFileAtomically(m_dir / "glyphs" / "contents.plist", p.finish());
    }
    {
        PlistWriter p;
        p.beginDict();
        p.key("public.glyphOrder");
        p.beginArray();
        for (const auto &name : m_order)
            if (m_written.count(name))
                p.string(name);
        p.endArray();
        p.key(kMetadataKey);
        p.beginDict();
        for (const auto &[k, v] : m_info.metadata) {
            p.key(k);
            p.string(v);
        }
        p.endDict();
        p.endDict();
        writeFileAtomically(m_dir / "lib.plist", p.finish());
    }
}

} // namespace zistudio::fontexport
