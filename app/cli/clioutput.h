// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace zistudio::cli
{

/**
 * Makes std::cout and std::cerr terminal-safe for the whole process: every control byte written to
 * them (ESC, CR, BEL, backspace, DEL...; not newline or tab) comes out escaped ("\\x1b"), so no name
 * or message from a file can drive the terminal, whichever command prints it. JSON output is
 * unchanged (a JSON dump never holds a raw control byte). ProgressLine redraws through rawOut().
 */
void installTerminalSafeOutput();
/** stdout without the escaping (only for the progress line's carriage return). */
std::ostream &rawOut();

/** `text` safe for a terminal with its line breaks kept: printable() (common/printable.h) on each line. */
std::string safeLines(const std::string &text);

/**
 * The checkpoint a command loaded and why (first line), then each damaged one it skipped, on stderr
 * ("zistudio-cli: using checkpoint ...", "zistudio-cli: warning: skipped damaged checkpoint ...").
 */
void printCheckpointReport(const std::vector<std::string> &lines);

/** Prints rows as an aligned text table (first row = header) to stdout. */
void printTable(const std::vector<std::vector<std::string>> &rows);

/**
 * A one-line terminal progress bar, redrawn in place when stdout is a terminal. When stdout is a log (a
 * pipe or a file), every update is a line of its own; with Log::Deciles only each tenth of the work is.
 */
class ProgressLine
{
public:
    enum class Log
    {
        EveryUpdate,
        Deciles
    };
    explicit ProgressLine(Log log = Log::EveryUpdate)
        : m_log(log)
    { }
    void update(double fraction, const std::string &text);
    void finish();

private:
    Log m_log;
    int m_lastDecile = -1;
    bool m_tty = false;
    bool m_checked = false;
    std::size_t m_lastWidth = 0;
};

} // namespace zistudio::cli
