// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/exporterror.h"
#include "export/glyphexporter.h"

#include <algorithm>
#include <cctype>

namespace zistudio::fontexport
{

namespace
{

struct FormatName
{
    ExportFormat format;
    const char *name;
};
constexpr FormatName kFormatNames[] = {{ExportFormat::Png, "png"}, {ExportFormat::ContactSheet, "contact-sheet"},
    {ExportFormat::Svg, "svg"}, {ExportFormat::Ufo, "ufo"}, {ExportFormat::Ttf, "ttf"}, {ExportFormat::Otf, "otf"}};

} // namespace

const char *exportFormatName(ExportFormat format)
{
    for (const auto &f : kFormatNames)
        if (f.format == format)
            return f.name;
    return "?";
}

std::set<ExportFormat> parseExportFormats(std::string_view list)
{
    std::set<ExportFormat> out;
    std::size_t from = 0;
    while (from <= list.size()) {
        const std::size_t comma = std::min(list.find(',', from), list.size());
        std::string item(list.substr(from, comma - from));
        item.erase(0, item.find_first_not_of(" \t"));
        item.erase(item.find_last_not_of(" \t") + 1);
        std::transform(
            item.begin(), item.end(), item.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (!item.empty()) {
            bool found = false;
            for (const auto &f : kFormatNames)
                if (item == f.name
                    || (f.format == ExportFormat::ContactSheet && (item == "sheet" || item == "sheets"))) {
                    out.insert(f.format);
                    found = true;
                }
            if (!found)
                throw ExportError(
                    "unknown export format \"" + item + "\" (known: png, contact-sheet, svg, ufo, ttf, otf)");
        }
        from = comma + 1;
    }
    return out;
}

} // namespace zistudio::fontexport
