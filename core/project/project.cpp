// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/project.h"

#include "common/atomicfile.h"
#include "common/jsontext.h"
#include "common/printable.h"
#include "common/utf8.h"
#include "data/datasetspecjson.h"
#include "model/modelconfigjson.h"
#include "project/projecterror.h"
#include "project/runstore.h"
#include "project/trainingconfigjson.h"

#include <nlohmann/json.hpp>

#include <set>

namespace zistudio::project
{

namespace fs = std::filesystem;
using nlohmann::json;

namespace
{

constexpr std::uintmax_t kMaxProjectBytes = 16 << 20;

/** Relative paths resolve against the project folder. */
std::string absoluteIn(const fs::path &folder, const std::string &path)
{
    if (path.empty())
        return path;
    const fs::path p(path);
    return (p.is_absolute() ? p : folder / p).lexically_normal().string();
}

/** Paths inside the project folder are stored relative to it; others stay absolute. */
std::string storedIn(const fs::path &folder, const std::string &path)
{
    if (path.empty() || folder.empty())
        return path;
    const fs::path rel = fs::path(path).lexically_normal().lexically_relative(folder.lexically_normal());
    if (rel.empty() || *rel.begin() == "..")
        return path;
    return rel.string();
}

template<typename F> void mapPaths(data::DatasetSpec &spec, F &&f)
{
    spec.source.path = f(spec.source.path);
    for (auto &t : spec.targets)
        t.path = f(t.path);
    spec.charset.file = f(spec.charset.file);
}

} // namespace

std::string toString(Review review)
{
    switch (review) {
    case Review::Accepted:
        return "accepted";
    case Review::Rejected:
        return "rejected";
    case Review::Flagged:
        return "flagged";
    }
    return "flagged";
}

Review parseReview(const std::string &text)
{
    if (text == "accepted")
        return Review::Accepted;
    if (text == "rejected")
        return Review::Rejected;
    if (text == "flagged")
        return Review::Flagged;
    throw ProjectError("review \"" + text + "\" is not one of accepted, rejected, flagged");
}

void validateProject(const Project &p, const std::string &where)
{
    auto fail = [&](const std::string &what) { throw ProjectError(where + ": " + what); };
    if (p.name.empty())
        fail("name: must not be empty");
    try {
        model::validate(p.model);
    } catch (const Error &e) {
        fail(std::string("model: ") + e.what());
    }
    if (p.dataset.imageSize != p.model.imageSize)
        fail("dataset.imageSize (" + std::to_string(p.dataset.imageSize) + ") and model.imageSize ("
            + std::to_string(p.model.imageSize) + ") differ");
    if (p.dataset.source.path.empty())
        fail("dataset.source.path: no source font");
    if (p.dataset.targets.empty())
        fail("dataset.targets: at least one target style is needed");
    std::set<int> ids;
    for (std::size_t i = 0; i < p.dataset.targets.size(); ++i) {
        const auto &t = p.dataset.targets[i];
        const std::string field = "dataset.targets[" + std::to_string(i) + "]";
        if (t.path.empty())
            fail(field + ".path: empty");
        if (t.styleId < 0 || t.styleId >= p.model.embeddingNum)
            fail(field + ".styleId: " + std::to_string(t.styleId) + " is outside the model's style table (0.."
                + std::to_string(p.model.embeddingNum - 1) + ")");
        if (!ids.insert(t.styleId).second)
            fail(field + ".styleId: " + std::to_string(t.styleId) + " is used twice");
    }
    if (!p.training.fineTuneFrom.empty() && !isValidRunName(p.training.fineTuneFrom))
        fail("training.fineTuneFrom: \"" + printable(p.training.fineTuneFrom)
            + "\" is not a run name (a run of this project: 1-64 letters, digits, '.', '_' or '-', not starting "
              "with '.'; never a path)");
    if (p.training.fineTuneStep > 0 && p.training.fineTuneFrom.empty())
        fail("training.fineTuneStep: step " + std::to_string(p.training.fineTuneStep)
            + " names a checkpoint of training.fineTuneFrom, which is not set");
    for (int id : p.training.fineTuneStyles)
        if (!ids.count(id))
            fail("training.fineTuneStyles: style " + std::to_string(id) + " is not a target of this project");
    if (p.dataset.charset.builtin.empty() && p.dataset.charset.file.empty() && p.dataset.charset.text.empty())
        fail("dataset.charset: choose a built-in charset, a charset file or literal characters");
}

Project defaultProject(const std::string &name)
{
    Project p;
    p.name = name;
    p.model = model::cpu64();
    p.dataset.imageSize = p.model.imageSize;
    p.dataset.charset.builtin = "gb2312-1";
    p.dataset.charset.limit = 1000;
    p.training.batchSize = 16;
    p.training.steps = 3000;
    p.training.validateEvery = 250;
    p.training.checkpointEvery = 500;
    p.training.decayEverySteps = 1000;
    return p;
}

json projectToJson(const Project &project, const fs::path &folder)
{
    data::DatasetSpec dataset = project.dataset;
    mapPaths(dataset, [&](const std::string &path) { return storedIn(folder, path); });
    json reviews = json::object();
    for (const auto &[cp, review] : project.reviews)
        reviews[encodeUtf8(cp)] = toString(review);
    return json {{"format", kProjectFormat}, {"version", kProjectVersion}, {"name", project.name},
        {"dataset", data::datasetSpecToJson(dataset)}, {"model", project.model}, {"training", project.training},
        {"reviews", reviews}};
}

namespace
{

Project readProjectJson(const json &j, const fs::path &folder, const std::string &where)
{
    auto fail = [&](const std::string &what) { throw ProjectError(where + ": " + what); };
    if (!j.is_object() || !j.contains("format") || j["format"] != kProjectFormat)
        fail("not a ZiStudio project file (\"format\" is not \"zistudio-project\")");
    if (!j.contains("version") || !j["version"].is_number_integer())
        fail("version: missing");
    if (j["version"].get<long long>() > kProjectVersion)
        fail("written by a newer ZiStudio (project version " + j["version"].dump() + ", this one reads "
            + std::to_string(kProjectVersion) + ")");
    if (j["version"].get<long long>() < 1)
        fail("version: invalid " + j["version"].dump());
    static const std::set<std::string> kKnown
        = {"format", "version", "name", "dataset", "model", "training", "reviews"};
    for (const auto &[key, value] : j.items())
        if (!kKnown.count(key))
            fail(key + ": unknown field");
    for (const char *key : {"name", "dataset", "model"})
        if (!j.contains(key))
            fail(std::string(key) + ": missing");
    Project p;
    if (!j["name"].is_string())
        fail("name: must be a string");
    p.name = j["name"].get<std::string>();
    try {
        p.dataset = data::datasetSpecFromJson(j["dataset"], where + ": dataset");
        p.model = model::modelConfigFromJson(j["model"], where + ": model");
        if (j.contains("training"))
            p.training = training::trainingConfigFromJson(j["training"], where + ": training");
    } catch (const ProjectError &) {
        throw;
    } catch (const Error &e) {
        throw ProjectError(e.what());
    }
    mapPaths(p.dataset, [&](const std::string &path) { return absoluteIn(folder, path); });
    if (j.contains("reviews")) {
        if (!j["reviews"].is_object())
            fail("reviews: must be an object mapping characters to accepted/rejected/flagged");
        for (const auto &[key, value] : j["reviews"].items()) {
            const auto cp = singleCodePoint(key);
            if (!cp)
                fail("reviews: key \"" + printable(key) + "\" is not exactly one character");
            if (!value.is_string())
                fail("reviews." + printable(key) + ": must be a string");
            try {
                p.reviews[*cp] = parseReview(value.get<std::string>());
            } catch (const ProjectError &e) {
                fail("reviews." + printable(key) + ": " + e.what());
            }
        }
    }
    validateProject(p, where);
    return p;
}

} // namespace

Project projectFromJson(const json &j, const fs::path &folder, const std::string &where)
{
    try {
        return readProjectJson(j, folder, where);
    } catch (const json::exception &e) {
        // A slip of a field reader (a type or range the checks above missed) is still this file's error.
        throw ProjectError(where + ": " + describeJsonException(e));
    }
}

namespace
{

/** Reads and parses a project-format JSON file (a project or a run's settings); errors start with `where`. */
json readProjectFile(const fs::path &file, const std::string &where)
{
    std::string text;
    try {
        text = readFile(file, kMaxProjectBytes);
    } catch (const IoError &e) {
        throw ProjectError(std::string("cannot read ") + where + ": " + e.what());
    }
    return parseJsonAs<ProjectError>(text, where);
}

} // namespace

Project loadProject(const fs::path &file)
{
    const std::string where = "project " + file.string();
    const json j = readProjectFile(file, where);
    const fs::path folder = fs::absolute(file).parent_path();
    return projectFromJson(j, folder, where);
}

Project runConfigFromText(std::string_view text, const std::string &where)
{
    return projectFromJson(parseJsonAs<ProjectError>(text, where), {}, where);
}

Project loadRunConfig(const fs::path &runFile)
{
    const std::string where = "run configuration " + runFile.string();
    return projectFromJson(readProjectFile(runFile, where), {}, where);
}

Project loadRunConfig(const ProjectLayout &layout, const std::string &run)
{
    std::error_code ec;
    if (!isValidRunName(run) || !fs::exists(layout.runDir(run) / kRunConfigFile, ec))
        throw ProjectError("no run named \"" + printable(run) + "\" in " + layout.folder.string());
    return loadRunConfig(layout.runDir(run) / kRunConfigFile);
}

void saveRunConfig(const ProjectLayout &layout, const std::string &run, const Project &config)
{
    writeFileAtomically(layout.runDir(run) / kRunConfigFile, projectToJson(config).dump(2));
}

void saveProject(const Project &project, const fs::path &file)
{
    const std::string where = "project " + file.string();
    validateProject(project, where);
    const fs::path folder = fs::absolute(file).parent_path();
    writeFileAtomically(file, projectToJson(project, folder).dump(2) + "\n");
}

} // namespace zistudio::project
