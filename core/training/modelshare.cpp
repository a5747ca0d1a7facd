// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/modelshare.h"

#include "common/atomicfile.h"
#include "common/buildinfo.h"
#include "model/costmodel.h"
#include "model/modelconfigjson.h"
#include "model/modelstate.h"
#include "model/unetgenerator.h"
#include "project/project.h"
#include "project/projectlayout.h"
#include "project/runstore.h"
#include "project/trainingconfig.h"
#include "training/checkpointstore.h"
#include "training/runrecords.h"
#include "training/tensorarchive.h"
#include "training/trainingerror.h"

#include <nlohmann/json.hpp>

#include <ctime>
#include <map>
#include <optional>
#include <set>

namespace zistudio::training
{

namespace fs = std::filesystem;
using nlohmann::json;

namespace
{

constexpr std::size_t kMaxStyleName = 256;
/// Names and dates a shared model carries (project, run, source font, ZiStudio version).
constexpr std::size_t kMaxTextField = 1024;
/// The largest generator a shared model may declare: 256 M parameters (1 GiB of float32). The
/// biggest reference configuration (512 px, ngf 64, attention) has well under a tenth of that.
constexpr std::int64_t kMaxSharedGeneratorParams = std::int64_t(256) << 20;
/// Attention matrices of one glyph (batch 1): 4 GiB allows 128x128 maps (a 512 px model at depth 2)
/// but not the 16 GiB of a 256x256 map that would exhaust memory at the first generate.
constexpr std::int64_t kMaxSharedAttentionBytes = std::int64_t(4) << 30;

/** What a shared model may hold: a 512 px attention generator is well under a GiB. */
const ArchiveLimits kShareLimits {
    .maxTotalBytes = std::uint64_t(4) << 30, .maxHeaderBytes = std::uint64_t(16) << 20, .maxTensors = 10000};

std::string utcNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm {};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

[[noreturn]] void bad(const std::string &where, const std::string &problem)
{
    throw TrainingError("shared model " + where + ": " + problem);
}

std::string optionalString(const json &j, const char *key, const std::string &where)
{
    if (!j.contains(key))
        return {};
    if (!j[key].is_string())
        bad(where, std::string("\"") + key + "\" must be a string");
    auto text = j[key].get<std::string>();
    if (text.size() > kMaxTextField)
        bad(where, std::string("\"") + key + "\" is longer than " + std::to_string(kMaxTextField) + " bytes");
    return text;
}

/**
 * The declared configuration against sane bounds, from the cost model alone (nothing is allocated):
 * a 576-byte file must not make us build a 3.5 GB generator before its tensors are looked at.
 */
void checkDeclaredSize(const model::ModelConfig &config, const NamedTensors &tensors, const std::string &where)
{
    const auto cost = model::estimateCost(config, 1);
    if (cost.generatorParams > kMaxSharedGeneratorParams)
        bad(where,
            "the declared model (" + std::to_string(config.imageSize) + " px, ngf " + std::to_string(config.ngf)
                + ") would have " + std::to_string(cost.generatorParams)
                + " parameters; shared models may have at most " + std::to_string(kMaxSharedGeneratorParams));
    if (cost.attentionMatrixBytes > kMaxSharedAttentionBytes)
        bad(where,
            "the declared attention (" + config.attention.toString() + " at " + std::to_string(config.imageSize)
                + " px) needs " + std::to_string(cost.attentionMatrixBytes >> 20)
                + " MiB of attention matrices for a single glyph; shared models may need at most "
                + std::to_string(kMaxSharedAttentionBytes >> 20) + " MiB");
    std::int64_t values = 0;
    for (const auto &[name, t] : tensors)
        values += t.numel();
    if (values < cost.generatorParams)
        bad(where,
            "the declared model needs " + std::to_string(cost.generatorParams) + " parameters but the file holds only "
                + std::to_string(values) + " values (damaged, or not the model it claims to be)");
}

/** The metadata of a shared model, validated (format, version, model configuration, styles). */
SharedModelInfo parseMetadata(const json &meta, const std::string &where)
{
    if (!meta.is_object() || !meta.contains("format") || meta["format"] != kSharedModelFormat)
        bad(where, "not a ZiStudio shared model (metadata \"format\" is not \"zistudio-model\")");
    if (!meta.contains("version") || !meta["version"].is_number_integer())
        bad(where, "metadata has no \"version\"");
    if (meta["version"].get<long long>() != kSharedModelVersion)
        bad(where,
            "format version " + std::to_string(meta["version"].get<long long>()) + " (this ZiStudio reads "
                + std::to_string(kSharedModelVersion) + ")");
    if (!meta.contains("model"))
        bad(where, "metadata has no \"model\" configuration");
    SharedModelInfo info;
    try {
        info.model = model::modelConfigFromJson(meta["model"], "model");
        model::validate(info.model);
    } catch (const Error &e) {
        bad(where, e.what());
    }
    if (!meta.contains("styles") || !meta["styles"].is_array())
        bad(where, "metadata has no \"styles\" list");
    std::set<int> ids;
    for (const auto &s : meta["styles"]) {
        if (!s.is_object() || !s.contains("styleId") || !s["styleId"].is_number_integer())
            bad(where, "a style entry has no integer \"styleId\"");
        const long long id = s["styleId"].get<long long>();
        if (id < 0 || id >= info.model.embeddingNum)
            bad(where,
                "style " + std::to_string(id) + " is outside the model's style table (0.."
                    + std::to_string(info.model.embeddingNum - 1) + ")");
        if (!ids.insert(static_cast<int>(id)).second)
            bad(where, "style " + std::to_string(id) + " is listed twice");
        const std::string name = optionalString(s, "name", where);
        if (name.size() > kMaxStyleName)
            bad(where, "style " + std::to_string(id) + " has a name longer than 256 bytes");
        info.styles.push_back({.styleId = static_cast<int>(id), .name = name});
    }
    if (meta.contains("source")) {
        const json &source = meta["source"];
        if (!source.is_object())
            bad(where, "\"source\" must be an object");
        info.projectName = optionalString(source, "project", where);
        info.run = optionalString(source, "run", where);
        info.sourceFont = optionalString(source, "sourceFont", where);
        if (source.contains("step")) {
            const json &step = source["step"];
            if (!step.is_number_integer() || (step.is_number_unsigned() && step.get<std::uint64_t>() > kMaxSteps)
                || step.get<long long>() < 0 || step.get<long long>() > kMaxSteps)
                bad(where,
                    "\"source.step\" must be an integer 0.." + std::to_string(kMaxSteps) + ", got " + step.dump());
            info.step = step.get<long long>();
        }
    }
    info.created = optionalString(meta, "created", where);
    info.zistudioVersion = optionalString(meta, "zistudio", where);
    return info;
}

/** Every tensor must be exactly what a fresh generator of `config` holds (name, shape, dtype), and finite. */
void checkTensors(const model::ModelConfig &config, const NamedTensors &tensors, const std::string &where)
{
    checkDeclaredSize(config, tensors, where);
    std::optional<model::UNetGenerator> built;
    try {
        built.emplace(config);
    } catch (const c10::Error &e) {
        bad(where, std::string("cannot build the declared model: ") + e.what_without_backtrace());
    }
    const model::UNetGenerator &net = *built;
    std::map<std::string, const torch::Tensor *> saved;
    for (const auto &[name, t] : tensors)
        saved.emplace(name, &t);
    std::set<std::string> expectedNames;
    for (const auto &[name, expected] : model::namedState(*net)) {
        expectedNames.insert(name);
        const auto it = saved.find(name);
        if (it == saved.end())
            bad(where, "tensor '" + name + "' of the declared model is missing");
        if (it->second->sizes() != expected.sizes() || it->second->scalar_type() != expected.scalar_type())
            bad(where, "tensor '" + name + "' has the wrong shape or type for the declared model");
    }
    for (const auto &[name, t] : tensors)
        if (!expectedNames.count(name))
            bad(where, "tensor '" + name + "' does not belong to the declared model");
    const std::string nonFinite = firstNonFinite(tensors);
    if (!nonFinite.empty())
        bad(where, "tensor '" + nonFinite + "' holds NaN or Inf");
}

std::uint64_t parameterCount(const NamedTensors &tensors)
{
    std::uint64_t n = 0;
    for (const auto &[name, t] : tensors)
        n += static_cast<std::uint64_t>(t.numel());
    return n;
}

json metadataOf(const SharedModelInfo &info)
{
    json styles = json::array();
    for (const auto &s : info.styles)
        styles.push_back({{"styleId", s.styleId}, {"name", s.name}});
    return {{"format", kSharedModelFormat}, {"version", kSharedModelVersion}, {"model", info.model}, {"styles", styles},
        {"source",
            {{"project", info.projectName}, {"run", info.run}, {"step", info.step}, {"sourceFont", info.sourceFont}}},
        {"created", info.created}, {"zistudio", info.zistudioVersion}};
}

/** A run's configuration snapshot; its failures are TrainingErrors like every other failure here. */
project::Project runConfig(const project::ProjectLayout &layout, const std::string &run)
{
    try {
        return project::loadRunConfig(layout, run);
    } catch (const Error &e) {
        throw TrainingError(e.what());
    }
}

} // namespace

SharedModelInfo ModelShare::exportModel(
    const fs::path &projectFile, const std::string &run, const std::string &checkpoint, const fs::path &out)
{
    const project::Project projectData = project::loadProject(projectFile);
    const auto layout = project::ProjectLayout::of(projectFile);
    const project::Project config = runConfig(layout, run);
    const CheckpointStore store(
        layout.checkpointsDir(run), checkpointPolicyFor(config.training), CheckpointStore::Mode::ReadOnly);
    DamagedCheckpoints damaged;
    const auto chosen = store.loadChoice(checkpoint, &damaged);
    if (!chosen)
        throw TrainingError(describeNoCheckpoint(run, damaged));
    const fs::path part = chosen->info.dir / "generator.zt";
    const TensorArchive archive = decodeTensorArchive(store.readPart(chosen->info, "generator.zt"), part.string());

    SharedModelInfo info;
    try {
        info.model = archive.metadata.contains("model") ? model::modelConfigFromJson(archive.metadata["model"], "model")
                                                        : config.model;
    } catch (const Error &e) {
        throw TrainingError(part.string() + ": " + e.what());
    }
    checkTensors(info.model, archive.tensors, part.string());
    for (const auto &t : config.dataset.targets)
        info.styles.push_back(
            {.styleId = t.styleId, .name = t.name.empty() ? fs::path(t.path).filename().string() : t.name});
    info.sourceFont = fs::path(config.dataset.source.path).filename().string();
    info.projectName = projectData.name;
    info.run = run;
    info.step = chosen->info.step;
    info.created = utcNow();
    info.zistudioVersion = buildInfo().zistudio;
    info.tensors = archive.tensors.size();
    info.parameters = parameterCount(archive.tensors);
    info.checkpointReport.push_back(describeChoice(*chosen, run));
    for (const auto &line : skippedLines(*chosen))
        info.checkpointReport.push_back(line);
    writeTensorArchive(out, archive.tensors, metadataOf(info), true);
    return info;
}

SharedModelInfo ModelShare::inspect(const fs::path &file)
{
    const TensorArchive archive = readTensorArchive(file, kShareLimits);
    SharedModelInfo info = parseMetadata(archive.metadata, file.string());
    checkTensors(info.model, archive.tensors, file.string());
    info.tensors = archive.tensors.size();
    info.parameters = parameterCount(archive.tensors);
    return info;
}

SharedModelInfo ModelShare::importModel(const fs::path &file, const fs::path &projectFile, const std::string &run)
{
    const TensorArchive archive = readTensorArchive(file, kShareLimits);
    SharedModelInfo info = parseMetadata(archive.metadata, file.string());
    checkTensors(info.model, archive.tensors, file.string());
    info.tensors = archive.tensors.size();
    info.parameters = parameterCount(archive.tensors);

    const project::Project projectData = project::loadProject(projectFile);
    const auto layout = project::ProjectLayout::of(projectFile);
    if (!project::isValidRunName(run))
        throw TrainingError(
            "invalid run name \"" + run + "\": use 1-64 letters, digits, '.', '_' or '-', not starting with '.'");
    std::error_code ec;
    fs::create_directories(layout.runsDir, ec);
    if (ec)
        throw IoError("cannot create " + layout.runsDir.string() + ": " + ec.message());
    project::RunStore runs = project::openRunStore(layout, true);
    const fs::path runDir = layout.runDir(run);
    if (fs::exists(runDir) || runs.run(run))
        throw TrainingError("run \"" + run + "\" already exists in " + layout.folder.string() + "; pick another name");

    project::Project config = projectData;
    config.model = info.model;
    config.dataset.imageSize = info.model.imageSize;
    try {
        project::validateProject(config, "project " + layout.file.string() + " with the shared model");
    } catch (const Error &e) {
        throw TrainingError(std::string("the shared model does not fit this project: ") + e.what());
    }

    // Build the run beside its final place (a name no run can have), then rename it into place: the run
    // appears whole or not at all.
    const fs::path staging = layout.runsDir / ("." + run + ".import");
    fs::remove_all(staging, ec);
    fs::create_directories(staging, ec);
    if (ec)
        throw IoError("cannot create " + staging.string() + ": " + ec.message());
    try {
        writeFileAtomically(staging / "run.json", project::projectToJson(config).dump(2));
        CheckpointStore store(staging / "checkpoints");
        auto writer = store.begin(info.step, "imported");
        writer.addPart("generator.zt",
            encodeTensorArchive(archive.tensors, {{"model", info.model}, {"shared", metadataOf(info)}}));
        writer.commit();
        fs::rename(staging, runDir, ec);
        if (ec)
            throw IoError("cannot move the imported run into " + runDir.string() + ": " + ec.message());
        syncDirectory(layout.runsDir);
    } catch (...) {
        fs::remove_all(staging, ec);
        throw;
    }
    runs.createRun(project::RunRecord {.name = run,
        .created = "",
        .status = "completed",
        .configJson = project::projectToJson(config).dump(),
        .attention = config.model.attention.toString(),
        .seed = config.training.seed,
        .versions = json {{"zistudio", buildInfo().zistudio}, {"imported", metadataOf(info)}}.dump(),
        .parent = "",
        .lastStep = 0});
    return info;
}

} // namespace zistudio::training
