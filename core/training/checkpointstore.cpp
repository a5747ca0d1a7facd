// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/checkpointstore.h"

#include "common/atomicfile.h"
#include "common/error.h"
#include "common/hashing.h"
#include "common/jsontext.h"
#include "training/trainingerror.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace zistudio::training
{

namespace fs = std::filesystem;

namespace
{

constexpr std::uintmax_t kMaxManifestBytes = 1 << 20;
constexpr const char *kPinsFile = "pins.json";

/** Parses "step-000500" (and nothing else) into 500. */
std::optional<long long> stepOfFolder(const std::string &name)
{
    if (name.size() < 6 || name.rfind("step-", 0) != 0 || name.size() > 5 + 18)
        return std::nullopt;
    long long step = 0;
    for (std::size_t i = 5; i < name.size(); ++i) {
        if (name[i] < '0' || name[i] > '9')
            return std::nullopt;
        step = step * 10 + (name[i] - '0');
    }
    return step;
}

bool isHex64(const std::string &s)
{
    return s.size() == 64
        && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string formatMetric(double value)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", value);
    return buf;
}

} // namespace

void DamagedCheckpoints::add(const fs::path &dir, const std::string &reason)
{
    dirs.push_back(dir);
    reasons.push_back(reason);
}

void DamagedCheckpoints::append(const DamagedCheckpoints &other)
{
    for (std::size_t i = 0; i < other.dirs.size(); ++i)
        if (std::find(dirs.begin(), dirs.end(), other.dirs[i]) == dirs.end())
            add(other.dirs[i], other.reasons[i]);
}

std::string describeChoice(const LoadedCheckpoint &loaded, const std::string &run)
{
    return "using checkpoint " + loaded.info.dir.filename().string() + " (" + loaded.why + ") of run \"" + run + "\"";
}

std::vector<std::string> skippedLines(const LoadedCheckpoint &loaded)
{
    std::vector<std::string> lines;
    for (const auto &s : loaded.skipped)
        lines.push_back("skipped damaged checkpoint " + s);
    return lines;
}

std::string describeNoCheckpoint(const std::string &run, const DamagedCheckpoints &damaged)
{
    if (damaged.empty())
        return "run \"" + run + "\" has no checkpoint yet";
    std::string text = "run \"" + run + "\" has no usable checkpoint: "
        + (damaged.dirs.size() == 1 ? std::string("its only checkpoint is damaged: ")
                                    : "all " + std::to_string(damaged.dirs.size()) + " checkpoints are damaged: ");
    for (std::size_t i = 0; i < damaged.reasons.size(); ++i)
        text += (i ? "; " : "") + damaged.reasons[i];
    return text;
}

std::string CheckpointStore::folderName(long long step)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "step-%06lld", step);
    return buf;
}

CheckpointStore::CheckpointStore(fs::path dir, CheckpointPolicy policy, Mode mode)
    : m_dir(std::move(dir))
    , m_policy(std::move(policy))
    , m_mode(mode)
{
    if (m_policy.keepLast < 1)
        throw TrainingError("keep-last must be at least 1 (got " + std::to_string(m_policy.keepLast) + ")");
    std::error_code ec;
    if (m_mode == Mode::ReadOnly) {
        if (!fs::is_directory(m_dir, ec))
            throw TrainingError("no checkpoints in " + m_dir.string());
        return;
    }
    fs::create_directories(m_dir, ec);
    if (ec)
        throw IoError("cannot create checkpoint folder " + m_dir.string() + ": " + ec.message());
}

void CheckpointStore::recover()
{
    if (m_mode == Mode::ReadOnly)
        throw TrainingError("checkpoint store " + m_dir.string() + " was opened read-only");
    std::error_code ec;
    std::vector<fs::path> entries;
    for (const auto &entry : fs::directory_iterator(m_dir, ec))
        entries.push_back(entry.path());
    for (const auto &path : entries) {
        const std::string name = path.filename().string();
        if (name.ends_with(".partial")) {
            fs::remove_all(path, ec); // an unfinished write of a killed process
        } else if (name.ends_with(".replaced")) {
            // Killed between moving the old step-N aside and renaming the new one into place.
            const fs::path final = m_dir / name.substr(0, name.size() - std::string(".replaced").size());
            if (fs::exists(final, ec))
                fs::remove_all(path, ec);
            else
                fs::rename(path, final, ec);
        }
    }
}

CheckpointWriter CheckpointStore::begin(long long step, const std::string &kind)
{
    if (m_mode == Mode::ReadOnly)
        throw TrainingError("checkpoint store " + m_dir.string() + " was opened read-only");
    return CheckpointWriter(*this, step, kind);
}

std::optional<CheckpointInfo> CheckpointStore::readInfo(const fs::path &dir, std::string *problem) const
{
    auto fail = [&](const std::string &why) -> std::optional<CheckpointInfo> {
        if (problem)
            *problem = dir.filename().string() + ": " + why;
        return std::nullopt;
    };
    const auto step = stepOfFolder(dir.filename().string());
    if (!step)
        return fail("not a checkpoint folder name");
    std::string text;
    try {
        text = readFile(dir / "manifest.json", kMaxManifestBytes);
    } catch (const IoError &e) {
        return fail(std::string("manifest missing or unreadable (") + e.what() + ")");
    }
    nlohmann::json j;
    try {
        j = parseJsonText(text);
    } catch (const JsonTextError &e) {
        return fail(std::string("manifest.json is damaged: ") + e.what());
    }
    // Typed checks before any value(): a field of the wrong type must be a damaged manifest, not a json::type_error.
    if (!j.is_object() || !j.contains("format") || j["format"] != "zistudio-checkpoint")
        return fail("manifest.json is not a ZiStudio checkpoint manifest");
    for (const char *key : {"kind", "created"})
        if (j.contains(key) && !j[key].is_string())
            return fail(std::string("manifest.json has a malformed \"") + key + "\" field");
    if (!j.contains("version") || !j["version"].is_number_integer() || j["version"].get<int>() != 1)
        return fail("manifest.json has an unsupported version");
    if (!j.contains("step") || !j["step"].is_number_integer() || j["step"].get<long long>() != *step)
        return fail("manifest.json step does not match the folder name");
    if (!j.contains("parts") || !j["parts"].is_array())
        return fail("manifest.json lists no parts");
    CheckpointInfo info;
    info.step = *step;
    info.dir = dir;
    info.kind = j.value("kind", std::string("regular"));
    info.created = j.value("created", std::string());
    if (j.contains("metrics") && j["metrics"].is_object())
        for (const auto &[k, v] : j["metrics"].items())
            if (v.is_number() && std::isfinite(v.get<double>()))
                info.metrics[k] = v.get<double>();
    std::set<std::string> names;
    for (const auto &p : j["parts"]) {
        if (!p.is_object() || !p.contains("name") || !p["name"].is_string() || !p.contains("bytes")
            || !p["bytes"].is_number_unsigned() || !p.contains("sha256") || !p["sha256"].is_string())
            return fail("manifest.json has a malformed part entry");
        CheckpointPart part {.name = p["name"].get<std::string>(),
            .bytes = p["bytes"].get<std::uint64_t>(),
            .sha256 = p["sha256"].get<std::string>()};
        if (part.name.empty() || part.name.find('/') != std::string::npos || part.name == "." || part.name == ".."
            || part.name == "manifest.json" || !isHex64(part.sha256) || !names.insert(part.name).second)
            return fail("manifest.json has an invalid part entry '" + part.name + "'");
        info.parts.push_back(std::move(part));
    }
    return info;
}

std::vector<CheckpointInfo> CheckpointStore::list() const
{
    std::vector<CheckpointInfo> infos;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(m_dir, ec)) {
        if (!entry.is_directory(ec) || !stepOfFolder(entry.path().filename().string()))
            continue;
        if (auto info = readInfo(entry.path(), nullptr))
            infos.push_back(std::move(*info));
    }
    std::sort(infos.begin(), infos.end(), [](const auto &a, const auto &b) { return a.step < b.step; });
    const auto pins = pinnedSteps();
    const auto best = bestOf(infos);
    for (auto &info : infos) {
        info.pinned = std::find(pins.begin(), pins.end(), info.step) != pins.end();
        info.best = best == info.step;
    }
    return infos;
}

void CheckpointStore::verify(const CheckpointInfo &info) const
{
    const std::string where = "checkpoint " + info.dir.string();
    for (const auto &part : info.parts) {
        const fs::path path = info.dir / part.name;
        std::error_code ec;
        const auto size = fs::file_size(path, ec);
        if (ec)
            throw TrainingError(where + ": part " + part.name + " is missing");
        if (size != part.bytes)
            throw TrainingError(where + ": part " + part.name + " has " + std::to_string(size)
                + " bytes, the manifest says " + std::to_string(part.bytes) + " (truncated or damaged)");
        std::string hash;
        try {
            hash = sha256File(path);
        } catch (const IoError &e) {
            throw TrainingError(where + ": part " + part.name + " cannot be read: " + e.what());
        }
        if (hash != part.sha256)
            throw TrainingError(where + ": part " + part.name + " does not match its SHA-256 (damaged)");
    }
}

std::string CheckpointStore::readPart(const CheckpointInfo &info, const std::string &name) const
{
    const auto it = std::find_if(info.parts.begin(), info.parts.end(), [&](const auto &p) { return p.name == name; });
    if (it == info.parts.end())
        throw TrainingError("checkpoint " + info.dir.string() + " has no part " + name);
    std::string bytes;
    try {
        bytes = readFile(info.dir / name, it->bytes + 1);
    } catch (const IoError &e) {
        throw TrainingError("checkpoint " + info.dir.string() + ": part " + name + " cannot be read: " + e.what());
    }
    if (bytes.size() != it->bytes || sha256Hex(bytes) != it->sha256)
        throw TrainingError(
            "checkpoint " + info.dir.string() + ": part " + name + " does not match its SHA-256 (damaged)");
    return bytes;
}

std::optional<LoadedCheckpoint> CheckpointStore::loadLatest(DamagedCheckpoints *damaged) const
{
    LoadedCheckpoint result;
    result.why = "the latest";
    std::vector<fs::path> dirs;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(m_dir, ec))
        if (entry.is_directory(ec) && stepOfFolder(entry.path().filename().string()))
            dirs.push_back(entry.path());
    std::sort(dirs.begin(), dirs.end(), [](const fs::path &a, const fs::path &b) {
        return *stepOfFolder(a.filename().string()) > *stepOfFolder(b.filename().string());
    });
    const auto pins = pinnedSteps();
    for (const auto &dir : dirs) {
        std::string problem;
        auto info = readInfo(dir, &problem);
        if (!info) {
            result.skipped.push_back(problem);
            result.skippedDirs.push_back(dir);
            continue;
        }
        try {
            verify(*info);
        } catch (const TrainingError &e) {
            result.skipped.push_back(dir.filename().string() + ": " + e.what());
            result.skippedDirs.push_back(dir);
            continue;
        }
        info->pinned = std::find(pins.begin(), pins.end(), info->step) != pins.end();
        info->best = bestStep() == info->step;
        result.info = std::move(*info);
        if (!result.skipped.empty())
            result.why = "the latest that is intact";
        if (damaged)
            for (std::size_t i = 0; i < result.skipped.size(); ++i)
                damaged->add(result.skippedDirs[i], result.skipped[i]);
        return result;
    }
    if (damaged)
        for (std::size_t i = 0; i < result.skipped.size(); ++i)
            damaged->add(result.skippedDirs[i], result.skipped[i]);
    return std::nullopt;
}

std::optional<LoadedCheckpoint> CheckpointStore::loadBest(DamagedCheckpoints *damaged) const
{
    // Checkpoints whose manifest cannot be read are not in list(): name them, any might have been the best.
    DamagedCheckpoints unreadable;
    {
        std::error_code ec;
        std::vector<fs::path> dirs;
        for (const auto &entry : fs::directory_iterator(m_dir, ec))
            if (entry.is_directory(ec) && stepOfFolder(entry.path().filename().string()))
                dirs.push_back(entry.path());
        std::sort(dirs.begin(), dirs.end());
        for (const auto &dir : dirs) {
            std::string problem;
            if (!readInfo(dir, &problem))
                unreadable.add(dir, problem);
        }
    }
    auto infos = list();
    std::vector<CheckpointInfo> ranked;
    for (const auto &info : infos)
        if (info.metrics.count(m_policy.bestMetric))
            ranked.push_back(info);
    const std::string metric = m_policy.bestMetric;
    const bool lower = m_policy.lowerIsBetter;
    std::stable_sort(ranked.begin(), ranked.end(), [&](const auto &a, const auto &b) {
        return lower ? a.metrics.at(metric) < b.metrics.at(metric) : a.metrics.at(metric) > b.metrics.at(metric);
    });
    LoadedCheckpoint result;
    result.skipped = unreadable.reasons;
    result.skippedDirs = unreadable.dirs;
    for (auto &info : ranked) {
        try {
            verify(info);
        } catch (const TrainingError &e) {
            result.skipped.push_back(info.dir.filename().string() + ": " + e.what());
            result.skippedDirs.push_back(info.dir);
            continue;
        }
        result.why = std::string(result.skipped.empty() ? "the best" : "the best intact one") + " by " + metric + " = "
            + formatMetric(info.metrics.at(metric));
        result.info = std::move(info);
        if (damaged)
            for (std::size_t i = 0; i < result.skipped.size(); ++i)
                damaged->add(result.skippedDirs[i], result.skipped[i]);
        return result;
    }
    DamagedCheckpoints latestDamaged;
    auto latest = loadLatest(&latestDamaged);
    DamagedCheckpoints all;
    for (std::size_t i = 0; i < result.skipped.size(); ++i)
        all.add(result.skippedDirs[i], result.skipped[i]);
    all.append(latestDamaged);
    if (damaged)
        damaged->append(all);
    if (latest) {
        latest->skipped = all.reasons;
        latest->skippedDirs = all.dirs;
        latest->why = (ranked.empty() ? "the latest: no checkpoint has " + metric + " yet"
                                      : "the latest: every checkpoint with " + metric + " is damaged");
    }
    return latest;
}

std::optional<LoadedCheckpoint> CheckpointStore::loadChoice(const std::string &which, DamagedCheckpoints *damaged) const
{
    if (which == "best")
        return loadBest(damaged);
    if (which == "last" || which == "latest")
        return loadLatest(damaged);
    if (!which.empty() && which.size() < 19 && which.find_first_not_of("0123456789") == std::string::npos)
        return load(std::stoll(which));
    throw TrainingError("checkpoint \"" + which + "\": use best, last or a step number");
}

fs::path CheckpointStore::setAside(const fs::path &dir) const
{
    if (m_mode == Mode::ReadOnly)
        throw TrainingError("checkpoint store " + m_dir.string() + " was opened read-only");
    std::error_code ec;
    for (int n = 1; n < 1000; ++n) {
        fs::path aside = dir;
        aside += n == 1 ? std::string(".damaged") : ".damaged-" + std::to_string(n);
        if (fs::exists(fs::symlink_status(aside, ec)))
            continue;
        fs::rename(dir, aside, ec);
        if (ec)
            throw IoError("cannot set the damaged checkpoint " + dir.string() + " aside: " + ec.message());
        syncDirectory(m_dir);
        return aside;
    }
    throw IoError("cannot set the damaged checkpoint " + dir.string() + " aside: too many damaged copies");
}

LoadedCheckpoint CheckpointStore::load(long long step) const
{
    const fs::path dir = m_dir / folderName(step);
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw TrainingError("no checkpoint at step " + std::to_string(step) + " in " + m_dir.string());
    std::string problem;
    auto info = readInfo(dir, &problem);
    if (!info)
        throw TrainingError("checkpoint " + dir.string() + " is damaged: " + problem);
    verify(*info);
    const auto pins = pinnedSteps();
    info->pinned = std::find(pins.begin(), pins.end(), step) != pins.end();
    info->best = bestStep() == step;
    return LoadedCheckpoint {.info = std::move(*info), .skipped = {}, .skippedDirs = {}, .why = "as asked"};
}

std::vector<long long> CheckpointStore::pinnedSteps() const
{
    std::vector<long long> steps;
    try {
        const auto j = parseJsonText(readFile(m_dir / kPinsFile, kMaxManifestBytes));
        if (j.is_object() && j.contains("pinned") && j["pinned"].is_array())
            for (const auto &s : j["pinned"])
                if (s.is_number_integer())
                    steps.push_back(s.get<long long>());
    } catch (const std::exception &) {
        // No pins file (or an unreadable one): nothing is pinned. Pins only protect from pruning.
    }
    return steps;
}

void CheckpointStore::setPinned(long long step, bool pinned)
{
    if (m_mode == Mode::ReadOnly)
        throw TrainingError("checkpoint store " + m_dir.string() + " was opened read-only");
    auto steps = pinnedSteps();
    steps.erase(std::remove(steps.begin(), steps.end(), step), steps.end());
    if (pinned)
        steps.push_back(step);
    std::sort(steps.begin(), steps.end());
    writeFileAtomically(m_dir / kPinsFile, nlohmann::json {{"pinned", steps}}.dump());
}

std::optional<long long> CheckpointStore::bestOf(const std::vector<CheckpointInfo> &infos) const
{
    std::optional<long long> best;
    double bestValue = 0.0;
    for (const auto &info : infos) {
        const auto it = info.metrics.find(m_policy.bestMetric);
        if (it == info.metrics.end())
            continue;
        const bool better = m_policy.lowerIsBetter ? it->second < bestValue : it->second > bestValue;
        if (!best || better) {
            best = info.step;
            bestValue = it->second;
        }
    }
    return best;
}

std::optional<long long> CheckpointStore::bestStep() const
{
    return bestOf(list());
}

std::vector<long long> CheckpointStore::prune()
{
    if (m_mode == Mode::ReadOnly)
        return {};
    const auto infos = list();
    std::set<long long> keep;
    const std::size_t k = static_cast<std::size_t>(m_policy.keepLast);
    for (std::size_t i = infos.size() > k ? infos.size() - k : 0; i < infos.size(); ++i)
        keep.insert(infos[i].step);
    std::vector<long long> deleted;
    for (const auto &info : infos) {
        if (keep.count(info.step) || info.pinned || info.best)
            continue;
        std::error_code ec;
        // Rename first so that a kill mid-delete never leaves a half-deleted folder that looks complete.
        const fs::path doomed = m_dir / (folderName(info.step) + ".partial");
        fs::rename(info.dir, doomed, ec);
        if (!ec)
            fs::remove_all(doomed, ec);
        if (!ec)
            deleted.push_back(info.step);
    }
    return deleted;
}

} // namespace zistudio::training
