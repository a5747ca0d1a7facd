// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommand.h"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <filesystem>

namespace zistudio::cli
{

namespace
{

std::vector<RegisteredCommand> &registry()
{
    static std::vector<RegisteredCommand> commands;
    return commands;
}

std::atomic<int> g_interrupts {0};
std::atomic<bool> g_interruptFlag {false};

extern "C" void onInterrupt(int)
{
    // First Ctrl-C: finish the current step and save. Second: leave now.
    g_interruptFlag.store(true);
    if (g_interrupts.fetch_add(1) >= 1)
        std::_Exit(130);
}

} // namespace

bool registerCommand(const char *name, CommandSetup setup)
{
    registry().push_back({name, setup});
    return true;
}

std::vector<RegisteredCommand> registeredCommands()
{
    auto commands = registry();
    std::sort(commands.begin(), commands.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
    return commands;
}

bool interruptRequested()
{
    return g_interrupts.load() > 0;
}

const std::atomic<bool> *interruptFlag()
{
    return &g_interruptFlag;
}

void installInterruptHandler()
{
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

data::FontRef parseFontRef(const std::string &text)
{
    namespace fs = std::filesystem;
    const auto colon = text.rfind(':');
    if (colon != std::string::npos && colon + 1 < text.size()
        && text.find_first_not_of("0123456789", colon + 1) == std::string::npos)
        return {fs::absolute(text.substr(0, colon)).lexically_normal().string(), std::stoi(text.substr(colon + 1))};
    return {fs::absolute(text).lexically_normal().string(), 0};
}

} // namespace zistudio::cli
