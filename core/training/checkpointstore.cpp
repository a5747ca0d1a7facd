// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/checkpointstore.h"

#include "common/atomicfile.h"
#include "common/error.h"
#include "common/hashing.h"
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

} // namespace

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
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception &) {
        return fail("manifest.json is not valid JSON (damaged)");
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

std::optional<LoadedCheckpoint> CheckpointStore::loadLatest() const
{
    LoadedCheckpoint result;
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
            continue;
        }
        try {
            verify(*info);
        } catch (const TrainingError &e) {
            result.skipped.push_back(dir.filename().string() + ": " + e.what());
            continue;
        }
        info->pinned = std::find(pins.begin(), pins.end(), info->step) != pins.end();
        info->best = bestStep() == info->step;
        result.info = std::move(*info);
        return result;
    }
    return std::nullopt;
}

std::optional<LoadedCheckpoint> CheckpointStore::loadBest() const
{
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
    for (auto &info : ranked) {
        try {
            verify(info);
        } catch (const TrainingError &e) {
            result.skipped.push_back(info.dir.filename().string() + ": " + e.what());
            continue;
        }
        result.info = std::move(info);
        return result;
    }
    auto latest = loadLatest();
    if (latest)
        latest->skipped.insert(latest->skipped.begin(), result.skipped.begin(), result.skipped.end());
    return latest;
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
    return LoadedCheckpoint {.info = std::move(*info), .skipped = {}};
}

std::vector<long long> CheckpointStore::pinnedSteps() const
{
    std::vector<long long> steps;
    try {
        const auto j = nlohmann::json::parse(readFile(m_dir / kPinsFile, kMaxManifestBytes));
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
