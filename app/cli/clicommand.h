// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/datasetspec.h"

#include <CLI/CLI.hpp>

#include <atomic>
#include <string>
#include <vector>

namespace zistudio::cli
{

/** Adds one subcommand (with its options and callback) to the root app. */
using CommandSetup = void (*)(CLI::App &root);

struct RegisteredCommand
{
    std::string name;
    CommandSetup setup;
};

/** Called from static initialisers in cmd_*.cpp; main() sets the commands up in name order. */
bool registerCommand(const char *name, CommandSetup setup);
std::vector<RegisteredCommand> registeredCommands();

/** Set by the SIGINT handler; long commands check it between steps and stop gracefully. */
bool interruptRequested();
/** The same as a flag long-running core calls can poll (set by the first Ctrl-C). */
const std::atomic<bool> *interruptFlag();
void installInterruptHandler();

/** "FONT" or "FONT:FACE" (the suffix counts as a face index only when it is all digits); absolute path. */
data::FontRef parseFontRef(const std::string &text);

} // namespace zistudio::cli

#define ZISTUDIO_CLI_COMMAND(name, setupFunction)                                                                      \
    namespace                                                                                                          \
    {                                                                                                                  \
    const bool kRegistered_##setupFunction = ::zistudio::cli::registerCommand(name, setupFunction);                    \
    }
