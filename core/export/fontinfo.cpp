// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/fontinfo.h"

#include "export/exporterror.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace zistudio::fontexport
{

namespace
{

constexpr std::size_t kMaxPostScriptName = 63;
constexpr double kNotdefMargin = 0.1;  // of the em, on each side
constexpr double kNotdefStroke = 0.05; // of the em

Contour box(double x0, double y0, double x1, double y1, bool counterClockwise)
{
    Contour c;
    c.start = {x0, y0};
    const std::array<Point, 4> ccw = {Point {x1, y0}, Point {x1, y1}, Point {x0, y1}, Point {x0, y0}};
    const std::array<Point, 4> cw = {Point {x0, y1}, Point {x1, y1}, Point {x1, y0}, Point {x0, y0}};
    for (const auto &p : counterClockwise ? ccw : cw)
        c.segments.push_back(Segment {Segment::Type::Line, {}, {}, p});
    return c;
}

std::string psClean(std::string_view s)
{
    std::string out;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c > 32 && c < 127 && std::string_view("[](){}<>/%").find(ch) == std::string_view::npos)
            out += ch;
    }
    return out;
}

} // namespace

std::string postScriptName(const FontInfo &info)
{
    std::string family = psClean(info.family);
    std::string style = psClean(info.style);
    if (family.empty())
        family = "ZiStudioGenerated";
    std::string name = style.empty() ? family : family + "-" + style;
    if (name.size() > kMaxPostScriptName)
        name.resize(kMaxPostScriptName);
    return name;
}

std::string exportFileStem(const FontInfo &info)
{
    std::string stem;
    for (const char ch : postScriptName(info)) {
        const bool safe = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.'
            || ch == '_' || ch == '-';
        if (safe && !(stem.empty() && (ch == '.' || ch == '-')))
            stem += ch;
    }
    if (stem.empty() || stem.find_first_not_of(".-_") == std::string::npos)
        stem = "ZiStudioGenerated-Regular";
    return stem;
}

std::string versionString(const FontInfo &info)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d.%03d", info.versionMajor, info.versionMinor);
    return buf;
}

Outline notdefOutline(const EmBox &emBox)
{
    const double em = emBox.unitsPerEm;
    const double x0 = std::round(em * kNotdefMargin);
    const double x1 = std::round(em * (1 - kNotdefMargin));
    const double y0 = std::round(emBox.emBoxBottom + em * kNotdefMargin);
    const double y1 = std::round(emBox.emBoxTop - em * kNotdefMargin);
    const double t = std::round(em * kNotdefStroke);
    Outline o;
    o.contours.push_back(box(x0, y0, x1, y1, true));
    o.contours.push_back(box(x0 + t, y0 + t, x1 - t, y1 - t, false));
    return o;
}

void validateFontInfo(const FontInfo &info)
{
    validateEmBox(info.emBox);
    if (info.family.empty())
        throw ExportError("font family name is empty");
    for (const auto *name : {&info.family, &info.style})
        for (const char ch : *name)
            if (static_cast<unsigned char>(ch) < 32 || ch == 127)
                throw ExportError("font " + std::string(name == &info.family ? "family" : "style")
                    + " name contains a control character");
    if (info.versionMajor < 0 || info.versionMajor > 32767 || info.versionMinor < 0 || info.versionMinor > 999)
        throw ExportError("font version must be 0..32767 . 0..999, got " + std::to_string(info.versionMajor) + "."
            + std::to_string(info.versionMinor));
    if (info.vendorId.size() > 4)
        throw ExportError("font vendor id must be at most 4 characters, got \"" + info.vendorId + "\"");
    for (const char ch : info.vendorId)
        if (static_cast<unsigned char>(ch) < 32 || static_cast<unsigned char>(ch) > 126)
            throw ExportError("font vendor id must be printable ASCII, got \"" + info.vendorId + "\"");
}

} // namespace zistudio::fontexport
