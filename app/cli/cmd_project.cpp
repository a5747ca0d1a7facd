// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio-cli project new FILE ... | project show FILE: make and inspect a project without the studio.
#include "clicommand.h"
#include "clioutput.h"

#include "common/printable.h"
#include "glyphs/charsets.h"
#include "glyphs/fontface.h"
#include "glyphs/handdrawnset.h"
#include "glyphs/utf8.h"
#include "model/costmodel.h"
#include "model/modelconfigjson.h"
#include "project/project.h"
#include "project/projecterror.h"
#include "project/projectlayout.h"
#include "project/runstore.h"
#include "project/trainingconfigjson.h"
#include "workflow/targets.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

namespace zistudio::cli
{

namespace
{

namespace fs = std::filesystem;

struct ProjectNewOptions
{
    std::string file;
    std::string name;
    std::string source;
    std::vector<std::string> targets;
    std::string charset;
    std::string charsetFile;
    bool coveredByAll = false;
    std::string valCharsFile;
    double valFraction = -1; ///< < 0 = the default
    int validateEvery = 0;
    int checkpointEvery = 0;
    long long seed = -1; ///< < 0 = the default
    int limit = 0;
    int size = 64;
    int ngf = 0;
    std::string attention;
    long long steps = 0;
    int batch = 0;
    bool force = false;
};

std::string megabytes(double bytes)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MiB", bytes / (1024.0 * 1024.0));
    return buf;
}

std::string millions(std::int64_t n)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f M", static_cast<double>(n) / 1e6);
    return buf;
}

void runProjectNew(const ProjectNewOptions &o)
{
    const fs::path file = fs::absolute(o.file);
    if (file.extension() != project::kProjectExtension)
        throw project::ProjectError("project files end in .zistudio: " + file.string());
    if (fs::exists(file) && !o.force)
        throw project::ProjectError("project file exists (use --force to replace it): " + file.string());
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);

    auto p = project::defaultProject(o.name.empty() ? file.stem().string() : o.name);
    p.dataset.source = parseFontRef(o.source);
    glyphs::FontFace source(p.dataset.source.path, p.dataset.source.face); // a clear error now, not at training
    for (const auto &target : o.targets) {
        if (std::error_code ec; fs::is_directory(target, ec)) {
            // A clear error now (an empty folder, one named like a font), not at training.
            glyphs::RasterOptions raster;
            raster.size = o.size;
            glyphs::HandDrawnSet::load(target, raster);
            workflow::addTargets(p.dataset, target, 0);
        } else {
            const auto ref = parseFontRef(target);
            workflow::addTargets(p.dataset, ref.path, ref.face);
        }
    }
    p.dataset.charset = {};
    if (!o.charset.empty()) {
        glyphs::builtinCharset(o.charset); // names the valid charsets when wrong
        p.dataset.charset.builtin = o.charset;
    }
    if (!o.charsetFile.empty()) {
        glyphs::loadCharsetFile(o.charsetFile);
        p.dataset.charset.file = fs::absolute(o.charsetFile).lexically_normal().string();
    }
    p.dataset.charset.limit = o.limit;
    p.dataset.charset.coveredByAll = o.coveredByAll;
    if (!o.valCharsFile.empty())
        for (char32_t cp : glyphs::loadCharsetFile(o.valCharsFile))
            p.dataset.validationChars.push_back(glyphs::encodeUtf8(cp));
    if (o.valFraction >= 0)
        p.dataset.validationFraction = o.valFraction;
    if (o.validateEvery > 0)
        p.training.validateEvery = o.validateEvery;
    if (o.checkpointEvery > 0)
        p.training.checkpointEvery = o.checkpointEvery;
    if (o.seed >= 0)
        p.training.seed = static_cast<unsigned>(o.seed);
    p.model.imageSize = o.size;
    p.dataset.imageSize = o.size;
    if (o.ngf > 0) {
        p.model.ngf = o.ngf;
        p.model.ndf = o.ngf;
    }
    if (!o.attention.empty())
        p.model.attention = model::AttentionSpec::parse(o.attention);
    if (o.steps > 0)
        p.training.steps = o.steps;
    if (o.batch > 0)
        p.training.batchSize = o.batch;
    project::saveProject(p, file);
    std::cout << "created " << file.string() << " (" << p.dataset.targets.size()
              << (p.dataset.targets.size() == 1 ? " target style, " : " target styles, ") << p.model.imageSize
              << " px, attention " << p.model.attention.toString() << ")\n";
}

std::string charsetText(const data::CharsetSpec &c)
{
    std::string s;
    if (!c.builtin.empty())
        s += "built-in " + c.builtin;
    if (!c.file.empty())
        s += (s.empty() ? "" : " + ") + std::string("file ") + c.file;
    if (!c.text.empty())
        s += (s.empty() ? "" : " + ") + std::to_string(glyphs::decodeUtf8OrThrow(c.text, "charset text").size())
            + " literal characters";
    if (c.limit > 0)
        s += ", first " + std::to_string(c.limit);
    return s;
}

void runProjectShow(const std::string &fileName, bool json)
{
    const auto p = project::loadProject(fileName);
    const auto layout = project::ProjectLayout::of(fileName);
    std::vector<project::RunRecord> runs;
    runs = project::openRunStore(layout).listRuns();
    const auto cost = model::estimateCost(p.model, p.training.batchSize, model::attentionMemoryOn(p.training.device));
    if (json) {
        auto j = project::projectToJson(p);
        j["file"] = layout.file.string();
        j["runs"] = nlohmann::json::array();
        for (const auto &r : runs)
            j["runs"].push_back({{"name", r.name}, {"status", r.status}, {"lastStep", r.lastStep}});
        j["cost"] = {{"generatorParams", cost.generatorParams}, {"discriminatorParams", cost.discriminatorParams},
            {"trainingStepFlops", cost.trainingStepFlops}, {"trainingMemoryBytes", cost.trainingMemoryBytes}};
        std::cout << j.dump(2) << '\n';
        return;
    }
    std::cout << printable(p.name) << " (" << printable(layout.file.string()) << ")\n";
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"  source",
        p.dataset.source.path + (p.dataset.source.face ? ":" + std::to_string(p.dataset.source.face) : "")});
    for (const auto &t : p.dataset.targets)
        rows.push_back({"  style " + std::to_string(t.styleId),
            t.name + " — " + (t.kind == data::TargetSpec::Kind::Font ? "font " : "images ") + t.path});
    rows.push_back({"  characters", charsetText(p.dataset.charset)});
    rows.push_back({"  validation",
        std::to_string(static_cast<int>(p.dataset.validationFraction * 100 + 0.5)) + "% held out"
            + (p.dataset.validationChars.empty()
                    ? ""
                    : ", " + std::to_string(p.dataset.validationChars.size()) + " pinned")});
    rows.push_back({"  image",
        std::to_string(p.dataset.imageSize) + " px, "
            + (p.dataset.placement == data::Placement::EmBox ? "em-box placement" : "fit to ink")});
    rows.push_back({"  model",
        "ngf " + std::to_string(p.model.ngf) + ", ndf " + std::to_string(p.model.ndf) + ", attention "
            + p.model.attention.toString()});
    rows.push_back({"  parameters",
        "generator " + millions(cost.generatorParams) + ", discriminator " + millions(cost.discriminatorParams)});
    rows.push_back({"  training",
        std::to_string(p.training.steps) + " steps, batch " + std::to_string(p.training.batchSize) + ", lr "
            + nlohmann::json(p.training.learningRate).dump() + ", ~"
            + megabytes(static_cast<double>(cost.trainingMemoryBytes)) + " per step"});
    rows.push_back({"  reviews", std::to_string(p.reviews.size())});
    printTable(rows);
    for (const auto &w : cost.warnings)
        std::cout << "  warning: " << w << '\n';
    if (runs.empty()) {
        std::cout << "no runs yet\n";
        return;
    }
    std::vector<std::vector<std::string>> table {{"run", "status", "step", "created"}};
    for (const auto &r : runs)
        table.push_back({r.name, r.status, std::to_string(r.lastStep), r.created});
    printTable(table);
}

void setupProject(CLI::App &root)
{
    auto *cmd = root.add_subcommand("project", "Create and inspect ZiStudio projects (*.zistudio)");
    cmd->require_subcommand(1);

    auto *create = cmd->add_subcommand("new", "Create a project file");
    auto o = std::make_shared<ProjectNewOptions>();
    create->add_option("FILE", o->file, "The project file to create (name.zistudio)")->required();
    create->add_option("--source", o->source, "Source font, FONT or FONT:FACE")->required();
    create->add_option("--target", o->targets, "Target style: FONT[:FACE] or a folder of hand-drawn images (repeat)")
        ->required();
    auto *charset = create->add_option("--charset", o->charset, "Built-in charset (gb2312, gb2312-1, big5, ...)");
    auto *charsetFile = create->add_option("--charset-file", o->charsetFile, "UTF-8 text file of characters");
    charset->excludes(charsetFile);
    create->add_flag("--covered-by-all", o->coveredByAll,
        "Only the characters every chosen font covers (source and target fonts), before --limit");
    create->add_option("--limit", o->limit, "Use only the first N characters")->check(CLI::NonNegativeNumber);
    create->add_option("--val-chars-file", o->valCharsFile, "Characters always held out for validation");
    create
        ->add_option("--val-fraction", o->valFraction,
            "Share of the characters held out for validation, pinned ones included (default 0.1; 0 = only the "
            "--val-chars-file ones)")
        ->check(CLI::Range(0.0, 0.9));
    create->add_option("--validate-every", o->validateEvery, "Steps between validations (default 250)")
        ->check(CLI::PositiveNumber);
    create->add_option("--checkpoint-every", o->checkpointEvery, "Steps between checkpoints (default 500)")
        ->check(CLI::PositiveNumber);
    create->add_option("--seed", o->seed, "Training seed: weights, data order, augmentation (default 42)")
        ->check(CLI::Range(0LL, 4294967295LL));
    create->add_option("--size", o->size, "Glyph image size in pixels")->check(CLI::IsMember({32, 64, 128, 256, 512}));
    create->add_option("--ngf", o->ngf, "Generator (and discriminator) base width")->check(CLI::Range(1, 1024));
    create->add_option("--attention", o->attention, "Self-attention sites, e.g. enc:3,dec:4 (default none)");
    create->add_option("--steps", o->steps, "Training steps")->check(CLI::PositiveNumber);
    create->add_option("--batch", o->batch, "Batch size")->check(CLI::Range(1, 4096));
    create->add_option("--name", o->name, "Project name (default: the file name)");
    create->add_flag("--force", o->force, "Replace an existing project file");
    create->callback([o] {
        if (o->charset.empty() && o->charsetFile.empty())
            throw project::ProjectError("choose the characters with --charset NAME or --charset-file FILE");
        runProjectNew(*o);
    });

    auto *show = cmd->add_subcommand("show", "Print a project's settings and runs");
    auto file = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    show->add_option("FILE", *file, "Project file")->required();
    show->add_flag("--json", *json, "Print JSON");
    show->callback([file, json] { runProjectShow(*file, *json); });
}

} // namespace

ZISTUDIO_CLI_COMMAND("project", setupProject)

} // namespace zistudio::cli
