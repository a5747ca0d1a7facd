// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkpointfixture.h"

#include "training/tensorarchive.h"

#include <nlohmann/json.hpp>

namespace zistudio::test
{

CheckpointFixture::CheckpointFixture(int scale)
{
    torch::manual_seed(7);
    const std::int64_t s = scale;
    m_archives.emplace_back("generator.zt",
        training::encodeTensorArchive(
            {{"enc.0.weight", torch::randn({16 * s, 1, 4, 4})}, {"enc.1.weight", torch::randn({32 * s, 16, 4, 4})},
                {"embedding", torch::randn({8, 16})}},
            {{"kind", "generator"}}));
    m_archives.emplace_back("discriminator.zt",
        training::encodeTensorArchive(
            {{"conv.0.weight", torch::randn({8 * s, 2, 4, 4})}, {"head.bias", torch::zeros({1})}},
            {{"kind", "discriminator"}}));
    m_archives.emplace_back("optimizers.zt",
        training::encodeTensorArchive(
            {{"g.exp_avg", torch::randn({32 * s, 16, 4, 4})}, {"g.step", torch::tensor({12}, torch::kLong)}},
            {{"kind", "optimizers"}}));
}

std::string CheckpointFixture::stateJson(long long step)
{
    return nlohmann::json {{"step", step}, {"epoch", step / 10}, {"seed", 1234}}.dump();
}

training::CheckpointInfo CheckpointFixture::write(training::CheckpointStore &store, long long step) const
{
    auto writer = store.begin(step);
    for (const auto &[name, bytes] : m_archives)
        writer.addPart(name, bytes);
    writer.addPart("state.json", stateJson(step));
    return writer.commit({{"val_l1", 1.0 / static_cast<double>(step + 1)}});
}

std::string CheckpointFixture::verify(
    const training::CheckpointStore &store, const training::CheckpointInfo &info) const
{
    try {
        if (info.parts.size() != m_archives.size() + 1)
            return "checkpoint " + info.dir.string() + " has " + std::to_string(info.parts.size()) + " parts";
        for (const auto &[name, bytes] : m_archives) {
            const std::string read = store.readPart(info, name);
            if (read != bytes)
                return "part " + name + " of " + info.dir.string() + " differs from what was written";
            const auto archive = training::decodeTensorArchive(read, name);
            if (archive.tensors.empty())
                return "part " + name + " holds no tensors";
        }
        const auto state = nlohmann::json::parse(store.readPart(info, "state.json"));
        if (state.at("step").get<long long>() != info.step)
            return "state.json of " + info.dir.string() + " names step " + state.at("step").dump();
    } catch (const std::exception &e) {
        return std::string("checkpoint ") + info.dir.string() + " does not load: " + e.what();
    }
    return {};
}

std::size_t CheckpointFixture::bytes() const
{
    std::size_t total = stateJson(0).size();
    for (const auto &[name, bytes] : m_archives)
        total += bytes.size();
    return total;
}

} // namespace zistudio::test
