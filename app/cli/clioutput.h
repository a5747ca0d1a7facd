// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace zistudio::cli
{

/** Prints rows as an aligned text table (first row = header) to stdout. */
void printTable(const std::vector<std::vector<std::string>> &rows);

/** A one-line terminal progress bar, redrawn in place when stdout is a terminal. */
class ProgressLine
{
public:
    void update(double fraction, const std::string &text);
    void finish();

private:
    bool m_tty = false;
    bool m_checked = false;
    std::size_t m_lastWidth = 0;
};

} // namespace zistudio::cli
