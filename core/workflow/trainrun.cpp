// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/trainrun.h"

#include "common/buildinfo.h"
#include "glyphs/fontface.h"
#include "project/runstore.h"
#include "training/checkpointstore.h"
#include "training/trainingerror.h"

#include <nlohmann/json.hpp>

namespace zistudio::workflow
{

namespace fs = std::filesystem;
using training::TrainingError;

namespace
{

/** Opens the source font and every font target: a file that is not a usable font fails here, by name. */
void requireFonts(const project::Project &config)
{
    const auto open = [](const std::string &path, int face, const std::string &role) {
        try {
            glyphs::FontFace font(path, face);
        } catch (const Error &e) {
            throw TrainingError("cannot train: the " + role + " is not a usable font: " + e.what());
        }
    };
    open(config.dataset.source.path, config.dataset.source.face, "source");
    for (const auto &t : config.dataset.targets)
        if (t.kind == data::TargetSpec::Kind::Font)
            open(t.path, t.face, "target \"" + t.name + "\"");
}

std::string versionsJson()
{
    const auto info = buildInfo();
    return nlohmann::json {{"zistudio", info.zistudio}, {"libtorch", info.libtorch}, {"freetype", info.freetype},
        {"harfbuzz", info.harfbuzz}, {"device", info.device}}
        .dump();
}

void addRunRow(project::RunStore &store, const std::string &runName, const project::Project &config)
{
    store.createRun(project::RunRecord {.name = runName,
        .created = "",
        .status = "created",
        .configJson = project::projectToJson(config).dump(),
        .attention = config.model.attention.toString(),
        .seed = config.training.seed,
        .versions = versionsJson(),
        .parent = config.training.fineTuneFrom,
        .lastStep = 0});
}

/** A fine-tuning source step that is not there is refused before the run exists: no failed run stays behind. */
void requireFineTuneStep(const project::ProjectLayout &layout, const training::TrainingConfig &settings)
{
    const long long step = settings.fineTuneStep;
    if (step <= 0 || settings.fineTuneFrom.empty())
        return;
    std::string have;
    bool found = false;
    for (const auto &info : training::CheckpointStore(
             layout.checkpointsDir(settings.fineTuneFrom), {}, training::CheckpointStore::Mode::ReadOnly)
                                .list()) {
        found = found || info.step == step;
        have += (have.empty() ? "" : ", ") + std::to_string(info.step);
    }
    if (!found)
        throw TrainingError("cannot fine-tune from step " + std::to_string(step) + " of run \"" + settings.fineTuneFrom
            + "\": it has no complete checkpoint at that step ("
            + (have.empty() ? std::string("it has none") : "it has steps " + have) + ")");
}

/** The project's settings with a new run's overrides applied and validated. */
project::Project newRunConfig(project::Project config, const RunRequest &request, const project::ProjectLayout &layout,
    const project::RunStore &store, const std::string &runName)
{
    if (request.steps > 0)
        config.training.steps = request.steps;
    if (!request.attention.empty()) {
        try {
            config.model.attention = model::AttentionSpec::parse(request.attention);
        } catch (const Error &e) {
            throw TrainingError("attention placement \"" + request.attention + "\": " + e.what());
        }
    }
    if (request.seed)
        config.training.seed = *request.seed;
    if (!request.fineTuneFrom.empty()) {
        if (request.fineTuneFrom == runName || !project::isValidRunName(request.fineTuneFrom)
            || !store.run(request.fineTuneFrom))
            throw TrainingError(
                "cannot fine-tune from run \"" + request.fineTuneFrom + "\": no such run in " + layout.folder.string());
        config.training.fineTuneFrom = request.fineTuneFrom;
        config.training.fineTuneStep = 0; // the project's step named a checkpoint of its own fineTuneFrom
    }
    if (request.fineTuneStep)
        config.training.fineTuneStep = *request.fineTuneStep;
    if (request.freezeEncoder)
        config.training.freezeEncoder = *request.freezeEncoder;
    if (request.fineTuneStyles)
        config.training.fineTuneStyles = *request.fineTuneStyles;
    if (!request.attention.empty() || request.seed || !request.fineTuneFrom.empty() || request.fineTuneStep
        || request.freezeEncoder || request.fineTuneStyles)
        project::validateProject(config, "run " + runName);
    requireFineTuneStep(layout, config.training);
    requireFonts(config);
    return config;
}

} // namespace

training::PreparedRun prepareRun(const RunRequest &request)
{
    const auto layout = project::ProjectLayout::of(request.projectFile);
    if (request.resume && request.runName.empty())
        throw TrainingError("name the run to resume (--run NAME)");
    // A new run's project is read first: a broken project file is named before anything is created.
    // A resume trains with the run's own settings (its run.json), whatever the project file says now.
    std::optional<project::Project> project;
    if (!request.resume)
        project = project::loadProject(request.projectFile);
    training::PreparedRun run {.projectFile = request.projectFile,
        .runName = request.runName.empty() ? project::newRunName(layout) : request.runName,
        .config = {},
        .resume = request.resume,
        .startOver = request.startOver,
        .follower = false};
    if (!project::isValidRunName(run.runName))
        throw TrainingError("invalid run name \"" + run.runName
            + "\": use 1-64 letters, digits, '.', '_' or '-', not starting with '.'");
    std::error_code ec;
    fs::create_directories(layout.runsDir, ec);
    if (ec)
        throw IoError("cannot create " + layout.runsDir.string() + ": " + ec.message());
    auto store = project::openRunStore(layout, true);
    const fs::path runDir = layout.runDir(run.runName);
    if (request.resume) {
        run.config = project::loadRunConfig(layout, run.runName);
        if (request.steps > 0 && request.steps != run.config.training.steps) {
            run.config.training.steps = request.steps;
            project::saveRunConfig(layout, run.runName, run.config);
        }
        if (!store.run(run.runName)) {
            // A resumed run whose store lost the row (e.g. a deleted runs.sqlite): again, unless a recovery
            // (openRunStore in another process) has just added it from the run's folder.
            try {
                addRunRow(store, run.runName, run.config);
            } catch (const Error &) {
                if (!store.run(run.runName))
                    throw;
            }
        }
        return run;
    }
    if (fs::exists(runDir) || store.run(run.runName))
        throw TrainingError("run \"" + run.runName + "\" already exists; resume it with --resume or pick another name");
    run.config = newRunConfig(std::move(*project), request, layout, store, run.runName);
    fs::create_directories(runDir, ec);
    if (ec)
        throw IoError("cannot create " + runDir.string() + ": " + ec.message());
    // The row before run.json: whoever opens the store meanwhile (the studio refreshing its run list)
    // recovers rows for run folders that have a run.json, and must not race the trainer to this one.
    addRunRow(store, run.runName, run.config);
    project::saveRunConfig(layout, run.runName, run.config);
    return run;
}

training::PreparedRun followRun(const fs::path &projectFile, bool resume)
{
    return training::PreparedRun {.projectFile = projectFile,
        .runName = {},
        .config = {},
        .resume = resume,
        .startOver = false,
        .follower = true};
}

training::RunPreparation preparation(RunRequest request)
{
    return [request = std::move(request)] { return prepareRun(request); };
}

} // namespace zistudio::workflow
