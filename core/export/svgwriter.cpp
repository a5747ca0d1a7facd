// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/svgwriter.h"

#include "export/xmltext.h"

namespace zistudio::fontexport
{

namespace
{

constexpr int kDecimals = 1;

void appendPoint(std::string &d, const Point &p, const EmBox &box)
{
    d += formatNumber(p.x, kDecimals);
    d += ' ';
    d += formatNumber(box.emBoxTop - p.y, kDecimals);
}

} // namespace

std::string svgPathData(const Outline &outline, const EmBox &emBox)
{
    std::string d;
    for (const auto &c : outline.contours) {
        if (!d.empty())
            d += ' ';
        d += 'M';
        appendPoint(d, c.start, emBox);
        for (const auto &s : c.segments) {
            if (s.type == Segment::Type::Line) {
                d += 'L';
            } else {
                d += 'C';
                appendPoint(d, s.c1, emBox);
                d += ' ';
                appendPoint(d, s.c2, emBox);
                d += ' ';
            }
            appendPoint(d, s.end, emBox);
        }
        d += 'Z';
    }
    return d;
}

std::string outlineToSvg(const Outline &outline, const EmBox &emBox, const std::string &title)
{
    // The em box is square (see EmBox): the glyph image's canvas.
    const std::string h = formatNumber(emBox.emBoxTop - emBox.emBoxBottom, kDecimals);
    const std::string &w = h;
    std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 "
        + w + " " + h + "\" width=\"" + w + "\" height=\"" + h + "\">\n";
    if (!title.empty())
        svg += "  <title>" + xmlEscape(title) + "</title>\n";
    svg += "  <path fill=\"#000000\" fill-rule=\"nonzero\" d=\"" + svgPathData(outline, emBox) + "\"/>\n</svg>\n";
    return svg;
}

} // namespace zistudio::fontexport
