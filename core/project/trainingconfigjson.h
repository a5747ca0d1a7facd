// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/computedevice.h"
#include "common/utf8.h"
#include "project/projecterror.h"
#include "project/trainingconfig.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <set>
#include <string>

namespace zistudio::training
{

inline void to_json(nlohmann::json &j, const TrainingConfig &c)
{
    j = nlohmann::json {
        {"batchSize", c.batchSize},
        {"steps", c.steps},
        {"learningRate", c.learningRate},
        {"beta1", c.beta1},
        {"beta2", c.beta2},
        {"decayEverySteps", c.decayEverySteps},
        {"decayFactor", c.decayFactor},
        {"minLearningRate", c.minLearningRate},
        {"l1Weight", c.l1Weight},
        {"constWeight", c.constWeight},
        {"categoryWeight", c.categoryWeight},
        {"ganWeight", c.ganWeight},
        {"tvWeight", c.tvWeight},
        {"generatorStepsPerDiscriminatorStep", c.generatorStepsPerDiscriminatorStep},
        {"labelShuffling", c.labelShuffling},
        {"freezeEncoder", c.freezeEncoder},
        {"augment", c.augment},
        {"validateEvery", c.validateEvery},
        {"checkpointEvery", c.checkpointEvery},
        {"keepLast", c.keepLast},
        {"bestMetric", c.bestMetric},
        {"seed", c.seed},
        {"device", c.device},
        {"precision", c.precision},
        {"threads", c.threads},
        {"loaderThreads", c.loaderThreads},
        {"deterministic", c.deterministic},
        {"fineTuneFrom", c.fineTuneFrom},
        {"fineTuneStep", c.fineTuneStep},
        {"fineTuneStyles", c.fineTuneStyles},
        {"probeChars", c.probeChars},
    };
}

namespace detail
{

/** Whether `v` is an integer that `T` holds exactly. */
template<typename T> bool fitsIn(const nlohmann::json &v)
{
    // if constexpr keeps every comparison one that can fail (no -Wtype-limits "always true").
    if (v.is_number_unsigned()) {
        if constexpr (std::is_signed_v<T> || sizeof(T) < sizeof(std::uint64_t))
            return v.template get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<T>::max());
        else
            return true;
    }
    if (!v.is_number_integer())
        return false;
    const auto x = v.template get<std::int64_t>();
    if (x < 0) {
        if constexpr (!std::is_signed_v<T>)
            return false;
        else if constexpr (sizeof(T) < sizeof(std::int64_t))
            return x >= static_cast<std::int64_t>(std::numeric_limits<T>::min());
        else
            return true;
    }
    if constexpr (sizeof(T) < sizeof(std::int64_t))
        return x <= static_cast<std::int64_t>(std::numeric_limits<T>::max());
    else
        return true;
}

/** Reads an optional member with a type check; the error names `where.key` and the expected type. */
template<typename T>
void readMember(const nlohmann::json &j, const char *key, T &out, const std::string &where, const char *expected)
{
    if (!j.contains(key))
        return;
    const auto &v = j[key];
    bool ok = false;
    if constexpr (std::is_same_v<T, bool>)
        ok = v.is_boolean();
    else if constexpr (std::is_integral_v<T>)
        ok = fitsIn<T>(v); // a number the field cannot hold is an error, never a silently wrapped value
    else if constexpr (std::is_floating_point_v<T>)
        ok = v.is_number() && std::isfinite(v.template get<double>());
    else if constexpr (std::is_same_v<T, std::string>)
        ok = v.is_string();
    else
        ok = v.is_array();
    if (ok) {
        try {
            out = v.template get<T>();
            return;
        } catch (const nlohmann::json::exception &) { }
    }
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>)
        if (v.is_number_integer())
            throw project::ProjectError(where + "." + key + ": " + v.dump() + " is out of range for this setting");
    throw project::ProjectError(where + "." + key + ": expected " + expected + ", got " + v.dump());
}

inline void requireRange(bool ok, const std::string &where, const char *key, const std::string &rule)
{
    if (!ok)
        throw project::ProjectError(where + "." + key + ": " + rule);
}

} // namespace detail

/**
 * Parses and validates the "training" section of a project (missing keys keep their defaults;
 * unknown keys and out-of-range values are errors naming `where.key`). Throws project::ProjectError.
 */
inline TrainingConfig trainingConfigFromJson(const nlohmann::json &j, const std::string &where)
{
    using detail::readMember;
    using detail::requireRange;
    if (!j.is_object())
        throw project::ProjectError(where + ": expected an object");
    static const std::set<std::string> kKnown = {"batchSize", "steps", "learningRate", "beta1", "beta2",
        "decayEverySteps", "decayFactor", "minLearningRate", "l1Weight", "constWeight", "categoryWeight", "ganWeight",
        "tvWeight", "generatorStepsPerDiscriminatorStep", "labelShuffling", "freezeEncoder", "augment", "validateEvery",
        "checkpointEvery", "keepLast", "bestMetric", "seed", "device", "precision", "threads", "loaderThreads",
        "deterministic", "fineTuneFrom", "fineTuneStep", "fineTuneStyles", "probeChars"};
    for (const auto &[key, value] : j.items())
        if (!kKnown.count(key))
            throw project::ProjectError(where + "." + key + ": unknown setting");
    TrainingConfig c;
    readMember(j, "batchSize", c.batchSize, where, "an integer");
    readMember(j, "steps", c.steps, where, "an integer");
    readMember(j, "learningRate", c.learningRate, where, "a number");
    readMember(j, "beta1", c.beta1, where, "a number");
    readMember(j, "beta2", c.beta2, where, "a number");
    readMember(j, "decayEverySteps", c.decayEverySteps, where, "an integer");
    readMember(j, "decayFactor", c.decayFactor, where, "a number");
    readMember(j, "minLearningRate", c.minLearningRate, where, "a number");
    readMember(j, "l1Weight", c.l1Weight, where, "a number");
    readMember(j, "constWeight", c.constWeight, where, "a number");
    readMember(j, "categoryWeight", c.categoryWeight, where, "a number");
    readMember(j, "ganWeight", c.ganWeight, where, "a number");
    readMember(j, "tvWeight", c.tvWeight, where, "a number");
    readMember(j, "generatorStepsPerDiscriminatorStep", c.generatorStepsPerDiscriminatorStep, where, "an integer");
    readMember(j, "labelShuffling", c.labelShuffling, where, "true or false");
    readMember(j, "freezeEncoder", c.freezeEncoder, where, "true or false");
    readMember(j, "augment", c.augment, where, "true or false");
    readMember(j, "validateEvery", c.validateEvery, where, "an integer");
    readMember(j, "checkpointEvery", c.checkpointEvery, where, "an integer");
    readMember(j, "keepLast", c.keepLast, where, "an integer");
    readMember(j, "bestMetric", c.bestMetric, where, "a string");
    readMember(j, "seed", c.seed, where, "a non-negative integer");
    readMember(j, "device", c.device, where, "a string");
    readMember(j, "precision", c.precision, where, "a string");
    readMember(j, "threads", c.threads, where, "an integer");
    readMember(j, "loaderThreads", c.loaderThreads, where, "an integer");
    readMember(j, "deterministic", c.deterministic, where, "true or false");
    readMember(j, "fineTuneFrom", c.fineTuneFrom, where, "a string");
    readMember(j, "fineTuneStep", c.fineTuneStep, where, "an integer");
    readMember(j, "fineTuneStyles", c.fineTuneStyles, where, "an array of style ids");
    readMember(j, "probeChars", c.probeChars, where, "an array of one-character strings");

    requireRange(c.batchSize >= 1 && c.batchSize <= 4096, where, "batchSize", "must be 1..4096");
    const std::string stepRange = "1.." + std::to_string(kMaxSteps);
    requireRange(c.steps >= 1 && c.steps <= kMaxSteps, where, "steps", "must be " + stepRange);
    requireRange(c.learningRate > 0 && c.learningRate <= 1, where, "learningRate", "must be in (0, 1]");
    requireRange(c.beta1 >= 0 && c.beta1 < 1, where, "beta1", "must be in [0, 1)");
    requireRange(c.beta2 >= 0 && c.beta2 < 1, where, "beta2", "must be in [0, 1)");
    requireRange(c.decayEverySteps >= 0, where, "decayEverySteps", "must be 0 (off) or positive");
    requireRange(c.decayFactor > 0 && c.decayFactor <= 1, where, "decayFactor", "must be in (0, 1]");
    requireRange(c.minLearningRate >= 0 && c.minLearningRate <= c.learningRate, where, "minLearningRate",
        "must be in [0, learningRate]");
    for (const auto &[key, value] : {std::pair {"l1Weight", c.l1Weight}, {"constWeight", c.constWeight},
             {"categoryWeight", c.categoryWeight}, {"ganWeight", c.ganWeight}, {"tvWeight", c.tvWeight}})
        requireRange(value >= 0, where, key, "must not be negative");
    requireRange(c.generatorStepsPerDiscriminatorStep >= 1 && c.generatorStepsPerDiscriminatorStep <= 100, where,
        "generatorStepsPerDiscriminatorStep", "must be 1..100");
    requireRange(c.validateEvery >= 1, where, "validateEvery", "must be at least 1");
    requireRange(c.checkpointEvery >= 1, where, "checkpointEvery", "must be at least 1");
    requireRange(c.keepLast >= 1 && c.keepLast <= 1000, where, "keepLast", "must be 1..1000");
    requireRange(c.bestMetric == "val_l1" || c.bestMetric == "val_ssim", where, "bestMetric",
        "must be \"val_l1\" or \"val_ssim\" (got \"" + c.bestMetric + "\")");
    requireRange(isDevicePreference(c.device), where, "device",
        "must be \"auto\", \"cpu\", \"cuda\" or \"cuda:N\" (got \"" + c.device + "\")");
    requireRange(c.precision == "auto" || c.precision == "fp32" || c.precision == "bf16", where, "precision",
        "must be \"auto\", \"fp32\" or \"bf16\" (got \"" + c.precision + "\")");
    requireRange(c.threads >= 0 && c.threads <= 1024, where, "threads", "must be 0 (all cores) .. 1024");
    requireRange(c.loaderThreads >= 0 && c.loaderThreads <= 64, where, "loaderThreads", "must be 0..64");
    requireRange(c.fineTuneStep >= 0 && c.fineTuneStep <= kMaxSteps, where, "fineTuneStep",
        "must be 0 (the best checkpoint) .. " + std::to_string(kMaxSteps));
    for (int id : c.fineTuneStyles)
        requireRange(id >= 0, where, "fineTuneStyles", "style ids must not be negative");
    for (const auto &ch : c.probeChars)
        requireRange(
            utf8Length(ch) == 1, where, "probeChars", "each entry must be exactly one character (got \"" + ch + "\")");
    return c;
}

inline void from_json(const nlohmann::json &j, TrainingConfig &c)
{
    c = trainingConfigFromJson(j, "training");
}

} // namespace zistudio::training
