// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/distributedconfig.h"

#include <charconv>
#include <cstdlib>

namespace zistudio::training
{

namespace
{

std::optional<std::string> variable(const char *name)
{
    const char *value = std::getenv(name);
    if (!value || !*value)
        return std::nullopt;
    return std::string(value);
}

int integerVariable(const char *name, const std::string &text)
{
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        throw TrainingError(std::string("environment variable ") + name + "=\"" + text + "\" is not a whole number");
    return value;
}

} // namespace

void validateDistributedConfig(const DistributedConfig &c)
{
    if (c.worldSize < 1)
        throw TrainingError("WORLD_SIZE must be at least 1, got " + std::to_string(c.worldSize));
    if (c.rank < 0 || c.rank >= c.worldSize)
        throw TrainingError(
            "RANK " + std::to_string(c.rank) + " is outside 0.." + std::to_string(c.worldSize - 1) + " (WORLD_SIZE)");
    if (c.localRank < 0)
        throw TrainingError("LOCAL_RANK must not be negative, got " + std::to_string(c.localRank));
    if (c.masterAddr.empty())
        throw TrainingError("MASTER_ADDR is empty: name the host of rank 0");
    if (c.masterPort < 1 || c.masterPort > 65535)
        throw TrainingError("MASTER_PORT " + std::to_string(c.masterPort) + " is outside 1..65535");
    if (c.timeoutSeconds < 1)
        throw TrainingError(
            "the distributed timeout must be at least 1 second, got " + std::to_string(c.timeoutSeconds));
    if (c.backend != "auto" && c.backend != "gloo" && c.backend != "nccl")
        throw TrainingError("unknown distributed backend \"" + c.backend + "\" (use auto, gloo or nccl)");
}

std::optional<DistributedConfig> distributedConfigFromEnvironment()
{
    const auto world = variable("WORLD_SIZE");
    if (!world)
        return std::nullopt;
    DistributedConfig c;
    c.worldSize = integerVariable("WORLD_SIZE", *world);
    const auto rank = variable("RANK");
    if (!rank && c.worldSize > 1)
        throw TrainingError("WORLD_SIZE is set but RANK is not: set both (torchrun's variables)");
    c.rank = rank ? integerVariable("RANK", *rank) : 0;
    if (const auto local = variable("LOCAL_RANK"))
        c.localRank = integerVariable("LOCAL_RANK", *local);
    else
        c.localRank = c.rank;
    if (const auto addr = variable("MASTER_ADDR"))
        c.masterAddr = *addr;
    const auto port = variable("MASTER_PORT");
    if (!port && c.worldSize > 1)
        throw TrainingError("WORLD_SIZE is set but MASTER_PORT is not: set MASTER_ADDR and MASTER_PORT to rank 0's "
                            "host and a free port");
    if (port)
        c.masterPort = integerVariable("MASTER_PORT", *port);
    validateDistributedConfig(c);
    return c;
}

} // namespace zistudio::training
