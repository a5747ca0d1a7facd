// SPDX-License-Identifier: GPL-3.0-or-later
#include "clioutput.h"

#include "common/printable.h"
#include "common/utf8.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <streambuf>
#include <unistd.h>

namespace zistudio::cli
{

namespace
{

// Display width of a UTF-8 string: CJK and other wide characters take two columns.
std::size_t displayWidth(const std::string &s)
{
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        const std::size_t len = decodeUtf8Sequence(s, i, cp);
        width += len != 0 && cp >= 0x800 ? 2 : 1;
        i += len == 0 ? 1 : len;
    }
    return width;
}

/** A streambuf that passes text on and escapes control bytes (not '\n' or '\t'). */
class TerminalSafeBuffer : public std::streambuf
{
public:
    explicit TerminalSafeBuffer(std::streambuf *target)
        : m_target(target)
    { }
    std::streambuf *target() const { return m_target; }

protected:
    int_type overflow(int_type ch) override
    {
        if (traits_type::eq_int_type(ch, traits_type::eof()))
            return traits_type::not_eof(ch);
        const auto byte = static_cast<unsigned char>(traits_type::to_char_type(ch));
        if ((byte >= 0x20 && byte != 0x7f) || byte == '\n' || byte == '\t')
            return m_target->sputc(static_cast<char>(byte));
        char escaped[8];
        const int n = byte == '\r' ? std::snprintf(escaped, sizeof escaped, "\\r")
                                   : std::snprintf(escaped, sizeof escaped, "\\x%02x", static_cast<unsigned>(byte));
        return m_target->sputn(escaped, n) == n ? ch : traits_type::eof();
    }
    int sync() override { return m_target->pubsync(); }

private:
    std::streambuf *m_target;
};

std::streambuf *g_rawStdout = nullptr;
std::streambuf *g_rawStderr = nullptr;

} // namespace

void installTerminalSafeOutput()
{
    if (g_rawStdout)
        return;
    // Function-local statics with an atexit() registered after them: the streams get their own buffers
    // back before these are destroyed, and before the final flush of std::cout.
    static TerminalSafeBuffer out(std::cout.rdbuf());
    static TerminalSafeBuffer err(std::cerr.rdbuf());
    g_rawStdout = out.target();
    g_rawStderr = err.target();
    std::cout.rdbuf(&out);
    std::cerr.rdbuf(&err);
    std::atexit([] {
        std::cout.flush();
        std::cerr.flush();
        std::cout.rdbuf(g_rawStdout);
        std::cerr.rdbuf(g_rawStderr);
    });
}

std::ostream &rawOut()
{
    static std::ostream raw(nullptr);
    raw.rdbuf(g_rawStdout ? g_rawStdout : std::cout.rdbuf());
    return raw;
}

std::string safeLines(const std::string &text)
{
    std::string out;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find('\n', start);
        out += printable(
            std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos)
            break;
        out += '\n';
        start = end + 1;
    }
    return out;
}

void printCheckpointReport(const std::vector<std::string> &lines)
{
    for (std::size_t i = 0; i < lines.size(); ++i)
        std::cerr << "zistudio-cli: " << (i == 0 ? "" : "warning: ") << safeLines(lines[i]) << '\n';
    std::cerr << std::flush;
}

void printTable(const std::vector<std::vector<std::string>> &raw)
{
    // Cells show names and text from files (projects, runs, fonts): escaped like everything else printed.
    std::vector<std::vector<std::string>> rows;
    for (const auto &row : raw) {
        rows.emplace_back();
        for (const auto &cell : row)
            rows.back().push_back(printable(cell));
    }
    std::vector<std::size_t> widths;
    for (const auto &row : rows) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (std::size_t c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], displayWidth(row[c]));
    }
    for (const auto &row : rows) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            line += row[c];
            if (c + 1 < row.size())
                line += std::string(widths[c] - displayWidth(row[c]) + 2, ' ');
        }
        std::cout << line << '\n';
    }
}

void ProgressLine::update(double fraction, const std::string &text)
{
    if (!m_checked) {
        m_tty = ::isatty(STDOUT_FILENO) == 1;
        m_checked = true;
    }
    constexpr int kBarWidth = 30;
    const int filled = std::clamp(static_cast<int>(fraction * kBarWidth + 0.5), 0, kBarWidth);
    std::string line = "[" + std::string(filled, '#') + std::string(kBarWidth - filled, '.') + "] " + text;
    if (m_tty) {
        const std::size_t width = displayWidth(line);
        std::cout << std::flush; // what went through the escaping buffer first, then the redraw
        rawOut() << '\r' << line << std::string(m_lastWidth > width ? m_lastWidth - width : 0, ' ') << std::flush;
        m_lastWidth = width;
    } else {
        const int decile = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 10);
        if (m_log == Log::EveryUpdate || decile != m_lastDecile)
            std::cout << line << '\n' << std::flush;
        m_lastDecile = decile;
    }
}

void ProgressLine::finish()
{
    if (m_tty && m_lastWidth > 0)
        std::cout << '\n';
    m_lastWidth = 0;
}

} // namespace zistudio::cli
