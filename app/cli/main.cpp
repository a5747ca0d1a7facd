// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio-cli: train, generate, inspect and export without the studio window.
#include "clicommand.h"
#include "clioutput.h"

#include "common/buildinfo.h"
#include "common/computedevice.h"

#include <exception>
#include <iostream>
#include <string>

int main(int argc, char **argv)
{
    using namespace zistudio;
    cli::installTerminalSafeOutput(); // no control byte from a file reaches the terminal, whatever prints it
    CLI::App app {"ZiStudio: train a neural network to draw the CJK glyphs you have not drawn yet", "zistudio-cli"};
    app.require_subcommand(0, 1);
    bool showVersion = false;
    int threads = 0;
    app.add_flag("--version", showVersion, "Print ZiStudio, LibTorch, FreeType and HarfBuzz versions and the device");
    app.add_option("--threads", threads, "CPU threads of LibTorch and its BLAS (default: all cores)")
        ->check(CLI::NonNegativeNumber);

    // Runs after parsing, before any subcommand's callback: thread settings apply to every command.
    app.parse_complete_callback([&threads] { configureComputeThreads(threads); });

    for (const auto &command : cli::registeredCommands())
        command.setup(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError &e) {
        if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success))
            return app.exit(e); // --help and friends
        if (dynamic_cast<const CLI::RuntimeError *>(&e) != nullptr)
            return e.get_exit_code(); // a command's chosen exit status; it has said why (font-check's JSON)
        // A usage error is one line on stderr, like every other error, with where to look for the options.
        std::string command = "zistudio-cli";
        for (const CLI::App *sub = &app; !sub->get_subcommands().empty();) {
            sub = sub->get_subcommands().front();
            command += " " + sub->get_name();
        }
        std::cerr << "zistudio-cli: error: " << cli::safeLines(e.what()) << " (see " << command << " --help)\n";
        return 2;
    } catch (const std::exception &e) {
        // Messages quote file content (names, values): control characters must not reach the terminal.
        std::cerr << "zistudio-cli: error: " << cli::safeLines(e.what()) << '\n';
        return 1;
    }
    // Subcommand callbacks run inside parse(); the flags below apply when no subcommand was given.
    if (showVersion) {
        std::cout << formatBuildInfo(buildInfo());
        return 0;
    }
    if (app.get_subcommands().empty()) {
        std::cout << app.help();
        return 0;
    }
    return 0;
}
