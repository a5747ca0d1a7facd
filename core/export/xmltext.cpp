// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/xmltext.h"

#include "common/utf8.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace zistudio::fontexport
{

namespace
{

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

} // namespace

std::string xmlEscape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t len = decodeUtf8Sequence(text, i, cp);
        if (len == 0) {
            out += kReplacement;
            ++i;
            continue;
        }
        switch (cp) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        default:
            if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF)
                break; // not representable in XML 1.0
            out.append(text.substr(i, len));
        }
        i += len;
    }
    return out;
}

std::string formatNumber(double value, int decimals)
{
    constexpr double kPowers[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
    decimals = std::clamp(decimals, 0, 8);
    const double scale = kPowers[decimals];
    double r = std::round(value * scale) / scale;
    if (r == 0)
        r = 0; // no "-0"
    if (r == std::floor(r) && std::abs(r) < 1e15)
        return std::to_string(static_cast<long long>(r));
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, r, std::chars_format::fixed, decimals);
    std::string s(buf, res.ptr);
    while (!s.empty() && s.back() == '0')
        s.pop_back();
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

PlistWriter::PlistWriter()
{
    m_out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
            "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
            "<plist version=\"1.0\">\n";
}

void PlistWriter::line(std::string_view text)
{
    m_out.append(static_cast<std::size_t>(m_depth) * 2, ' ');
    m_out += text;
    m_out += '\n';
}

void PlistWriter::beginDict()
{
    line("<dict>");
    ++m_depth;
}

void PlistWriter::endDict()
{
    --m_depth;
    line("</dict>");
}

void PlistWriter::beginArray()
{
    line("<array>");
    ++m_depth;
}

void PlistWriter::endArray()
{
    --m_depth;
    line("</array>");
}

void PlistWriter::key(std::string_view k)
{
    line("<key>" + xmlEscape(k) + "</key>");
}

void PlistWriter::string(std::string_view s)
{
    line("<string>" + xmlEscape(s) + "</string>");
}

void PlistWriter::integer(long long v)
{
    line("<integer>" + std::to_string(v) + "</integer>");
}

void PlistWriter::real(double v)
{
    line("<real>" + formatNumber(v, 6) + "</real>");
}

void PlistWriter::boolean(bool v)
{
    line(v ? "<true/>" : "<false/>");
}

std::string PlistWriter::finish()
{
    m_out += "</plist>\n";
    return std::move(m_out);
}

} // namespace zistudio::fontexport
