// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/embox.h"

#include "export/exporterror.h"

#include <cmath>
#include <string>

namespace zistudio::fontexport
{

namespace
{

constexpr double kDerivedXHeight = 0.543;
constexpr double kDerivedCapHeight = 0.733;

} // namespace

int EmBox::resolvedXHeight() const
{
    return xHeight > 0 ? xHeight : static_cast<int>(std::lround(kDerivedXHeight * unitsPerEm));
}

int EmBox::resolvedCapHeight() const
{
    return capHeight > 0 ? capHeight : static_cast<int>(std::lround(kDerivedCapHeight * unitsPerEm));
}

EmBox emBoxFromFont(int sourceUnitsPerEm, double top, double bottom, int unitsPerEm)
{
    if (sourceUnitsPerEm <= 0)
        throw ExportError("font units per em must be positive, got " + std::to_string(sourceUnitsPerEm));
    const double s = static_cast<double>(unitsPerEm) / sourceUnitsPerEm;
    EmBox box;
    box.unitsPerEm = unitsPerEm;
    box.emBoxTop = top * s;
    box.emBoxBottom = bottom * s;
    box.ascender = static_cast<int>(std::lround(top * s));
    box.descender = static_cast<int>(std::lround(bottom * s));
    return box;
}

void validateEmBox(const EmBox &box)
{
    if (box.unitsPerEm < 16 || box.unitsPerEm > 16384)
        throw ExportError("em box: unitsPerEm must be between 16 and 16384, got " + std::to_string(box.unitsPerEm));
    if (!(box.emBoxTop > box.emBoxBottom) || !std::isfinite(box.emBoxTop) || !std::isfinite(box.emBoxBottom))
        throw ExportError("em box: emBoxTop (" + std::to_string(box.emBoxTop) + ") must be above emBoxBottom ("
            + std::to_string(box.emBoxBottom) + ")");
    if (box.ascender < box.descender)
        throw ExportError("em box: ascender (" + std::to_string(box.ascender) + ") is below descender ("
            + std::to_string(box.descender) + ")");
    if (std::abs(box.emBoxTop) > 32767 || std::abs(box.emBoxBottom) > 32767)
        throw ExportError("em box: emBoxTop/emBoxBottom are outside the 16-bit font unit range");
}

} // namespace zistudio::fontexport
