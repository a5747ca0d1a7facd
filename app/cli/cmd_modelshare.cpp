// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio-cli model export|import|inspect: trained generators shared between people as plain data
// (training/modelshare.h): a tensor archive with a JSON header, read back by our own bounds-checked reader,
// never by torch::load. These subcommands join `model` (cmd_model.cpp), which is set up first.
#include "clicommand.h"
#include "clioutput.h"

#include "common/printable.h"
#include "model/modelconfig.h"
#include "training/modelshare.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace zistudio::cli
{

namespace
{

struct ShareOptions
{
    std::string project;
    std::string run;
    std::string checkpoint = "best";
    std::string file;
    bool json = false;
};

void print(const training::SharedModelInfo &info, const std::string &file, bool asJson)
{
    if (asJson) {
        nlohmann::ordered_json styles = nlohmann::ordered_json::array();
        for (const auto &s : info.styles)
            styles.push_back({{"styleId", s.styleId}, {"name", s.name}});
        const nlohmann::ordered_json out {{"file", file}, {"imageSize", info.model.imageSize},
            {"attention", info.model.attention.toString()}, {"styles", styles}, {"project", info.projectName},
            {"run", info.run}, {"step", info.step}, {"sourceFont", info.sourceFont}, {"created", info.created},
            {"zistudio", info.zistudioVersion}, {"tensors", info.tensors}, {"parameters", info.parameters}};
        printCheckpointReport(info.checkpointReport);
        std::cout << out.dump(2) << '\n';
        return;
    }
    printCheckpointReport(info.checkpointReport);
    std::cout << printable(file) << ": generator " << info.model.imageSize << " px, ngf " << info.model.ngf
              << ", attention " << info.model.attention.toString() << ", " << info.parameters << " parameters in "
              << info.tensors << " tensors\n";
    // Every name below comes from the file: escaped, so a crafted model cannot drive the terminal.
    std::cout << "from run \"" << printable(info.run) << "\" step " << info.step << " of project \""
              << printable(info.projectName) << "\" (source font " << printable(info.sourceFont) << "), "
              << printable(info.created) << "\n";
    for (const auto &s : info.styles)
        std::cout << "  style " << s.styleId << ": " << printable(s.name) << '\n';
}

CLI::App *modelCommand(CLI::App &root)
{
    try {
        return root.get_subcommand("model");
    } catch (const CLI::OptionNotFound &) {
        CLI::App *model = root.add_subcommand("model", "Inspect, export and import models");
        model->require_subcommand(1);
        return model;
    }
}

void setupModelShare(CLI::App &root)
{
    CLI::App *model = modelCommand(root);
    auto o = std::make_shared<ShareOptions>();

    CLI::App *exp = model->add_subcommand("export", "Write a run's trained generator to a shareable .zsm file");
    exp->add_option("--project", o->project, "Project file (.zistudio)")->required();
    exp->add_option("--run", o->run, "Run name")->required();
    exp->add_option("--checkpoint", o->checkpoint, "best, last or a step number")->capture_default_str();
    exp->add_option("--out", o->file, "Output file (.zsm)")->required();
    exp->add_flag("--json", o->json, "Print what was written as JSON");
    exp->callback([o] {
        print(training::ModelShare::exportModel(o->project, o->run, o->checkpoint, o->file), o->file, o->json);
    });

    CLI::App *imp = model->add_subcommand("import", "Add a shared .zsm generator to a project as a new run");
    imp->add_option("FILE", o->file, "Shared model (.zsm)")->required();
    imp->add_option("--project", o->project, "Project file (.zistudio)")->required();
    imp->add_option("--run", o->run, "Name of the new run")->required();
    imp->add_flag("--json", o->json, "Print what was imported as JSON");
    imp->callback([o] { print(training::ModelShare::importModel(o->file, o->project, o->run), o->file, o->json); });

    CLI::App *inspect = model->add_subcommand("inspect", "Validate a shared .zsm file and show what it holds");
    inspect->add_option("FILE", o->file, "Shared model (.zsm)")->required();
    inspect->add_flag("--json", o->json, "Print as JSON");
    inspect->callback([o] { print(training::ModelShare::inspect(o->file), o->file, o->json); });
}

} // namespace

ZISTUDIO_CLI_COMMAND("model-share", setupModelShare)

} // namespace zistudio::cli
