// SPDX-License-Identifier: GPL-3.0-or-later
// One self-attention layer, forward + backward, on the CPU: the blocked kernel (model::blockedAttention) at
// several row blocks against the whole-matrix products, alternating, at the model's attention shapes:
//   64 px (cpu-64, batch 16): 32x32 maps (N 1024, C 32) and 16x16 (N 256, C 64);
//   256 px (attn-256, batch 4): 32x32 (N 1024, C 256) and 16x16 (N 256, C 512);
//   generation at 256 px, one image: 64x64 (N 4096, C 128).
// Prints medians and the ratio matrix / blocked per shape, marks the row block the product picks
// (model::blockedAttentionRows), writes bench/results/attention_kernel.json.
// Usage: bench_attention [--threads T] [--rounds R] [--json PATH]
#include "benchsupport.h"

#include "common/computedevice.h"
#include "model/selfattention.h"

#include <cstdio>
#include <functional>
#include <iostream>

using namespace zistudio;
using namespace zistudio::bench;

namespace
{

/** softmax(q^T k) v^T with the N x N matrix, as SelfAttention computes it without the blocked kernel. */
torch::Tensor matrixAttention(const torch::Tensor &qkv, int64_t ck)
{
    const int64_t c = qkv.size(1) - 2 * ck;
    const torch::Tensor q = qkv.narrow(1, 0, ck);
    const torch::Tensor k = qkv.narrow(1, ck, ck);
    const torch::Tensor v = qkv.narrow(1, 2 * ck, c);
    return torch::bmm(v, torch::softmax(torch::bmm(q.transpose(1, 2), k), -1).transpose(1, 2));
}

struct Shape
{
    const char *what;
    int64_t batch, channels, positions;
};

} // namespace

int main(int argc, char **argv)
{
    int threads = 0, rounds = 5;
    std::string json = (sourceDir() / "bench/results/attention_kernel.json").string();
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--threads")
            threads = std::stoi(v);
        else if (k == "--rounds")
            rounds = std::max(1, std::stoi(v));
        else if (k == "--json")
            json = v;
        else {
            std::cerr << "bench_attention: unknown option " << k << "\n";
            return 1;
        }
    }
    configureComputeThreads(threads);
    std::printf("attention layer forward + backward, CPU, %d threads; %s, load average %.1f; %d rounds, alternating\n",
        torch::get_num_threads(), cpuModel().c_str(), loadAverage(), rounds);
    const std::vector<Shape> shapes {{"64 px, 32x32", 16, 32, 1024}, {"64 px, 16x16", 16, 64, 256},
        {"256 px, 32x32", 4, 256, 1024}, {"256 px, 16x16", 4, 512, 256}, {"256 px generation, 64x64", 1, 128, 4096}};
    const std::vector<int64_t> rowBlocks {16, 64, 128, 256, 512};
    nlohmann::json rows = nlohmann::json::array();
    torch::manual_seed(1);
    for (const Shape &s : shapes) {
        const int64_t ck = std::max<int64_t>(1, s.channels / 8);
        const torch::Tensor qkv = torch::randn({s.batch, 2 * ck + s.channels, s.positions}).requires_grad_(true);
        const torch::Tensor upstream = torch::randn({s.batch, s.channels, s.positions});
        std::vector<std::pair<std::string, std::function<torch::Tensor()>>> contenders {
            {"matrix", [&] { return matrixAttention(qkv, ck); }}};
        for (const int64_t r : rowBlocks)
            if (r <= s.positions)
                contenders.emplace_back(
                    "rows " + std::to_string(r), [&, r] { return model::blockedAttention(qkv, ck, r); });
        std::vector<std::vector<double>> times(contenders.size());
        for (int round = -1; round < rounds; ++round) // round -1 warms up
            for (std::size_t i = 0; i < contenders.size(); ++i) {
                qkv.mutable_grad() = torch::Tensor();
                const auto start = Clock::now();
                (contenders[i].second() * upstream).sum().backward();
                if (round >= 0)
                    times[i].push_back(secondsSince(start));
            }
        const Stats matrix = stats(times[0]);
        const int64_t chosen = model::blockedAttentionRows(s.positions);
        std::printf("\n%s: batch %lld, C %lld, N %lld (matrix %.0f MiB per image)\n", s.what,
            static_cast<long long>(s.batch), static_cast<long long>(s.channels), static_cast<long long>(s.positions),
            static_cast<double>(s.positions * s.positions) * 4 / (1 << 20));
        nlohmann::json entry {{"shape", s.what}, {"batch", s.batch}, {"channels", s.channels},
            {"positions", s.positions}, {"chosen_rows", chosen}};
        for (std::size_t i = 0; i < contenders.size(); ++i) {
            const Stats st = stats(times[i]);
            const bool picked = contenders[i].first == "rows " + std::to_string(chosen);
            std::printf("  %-10s %8.4f s  (%.4f-%.4f)  matrix / this %5.2f%s\n", contenders[i].first.c_str(), st.median,
                st.min, st.max, matrix.median / st.median, picked ? "  <- the product's choice" : "");
            entry["contenders"][contenders[i].first] = st.json();
        }
        rows.push_back(entry);
    }
    writeJson(json,
        {{"benchmark", "attention_kernel"}, {"machine", machineJson()}, {"threads", torch::get_num_threads()},
            {"rounds", rounds}, {"results", rows}});
    return 0;
}
