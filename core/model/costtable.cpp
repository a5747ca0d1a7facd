// SPDX-License-Identifier: GPL-3.0-or-later
// formatCostTable: the cost report as aligned text for the CLI and logs.
#include "model/costmodel.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace zistudio::model
{

namespace
{

/** 1234567 -> "1.23 M"; small counts stay exact. */
std::string count(double value)
{
    static constexpr const char *kUnits[] = {"", " K", " M", " G", " T", " P"};
    std::size_t unit = 0;
    while (value >= 1000.0 && unit + 1 < std::size(kUnits)) {
        value /= 1000.0;
        ++unit;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, unit == 0 ? "%.0f%s" : "%.2f%s", value, kUnits[unit]);
    return buf;
}

/** Bytes in binary units: "64.0 MiB". */
std::string bytes(double value)
{
    static constexpr const char *kUnits[] = {" B", " KiB", " MiB", " GiB", " TiB"};
    std::size_t unit = 0;
    while (value >= 1024.0 && unit + 1 < std::size(kUnits)) {
        value /= 1024.0;
        ++unit;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, unit == 0 ? "%.0f%s" : "%.1f%s", value, kUnits[unit]);
    return buf;
}

void printRows(std::ostringstream &out, const std::vector<std::vector<std::string>> &rows)
{
    std::vector<std::size_t> widths;
    for (const auto &row : rows)
        for (std::size_t i = 0; i < row.size(); ++i) {
            widths.resize(std::max(widths.size(), row.size()));
            widths[i] = std::max(widths[i], row[i].size());
        }
    for (const auto &row : rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            const std::string &cell = row[i];
            // First column left-aligned, numbers right-aligned.
            const std::string pad(widths[i] - cell.size(), ' ');
            line += i == 0 ? cell + pad : pad + cell;
            if (i + 1 < row.size())
                line += "  ";
        }
        line.erase(line.find_last_not_of(' ') + 1);
        out << line << '\n';
    }
}

std::string sides(bool enc, bool dec)
{
    if (enc && dec)
        return "enc+dec";
    return enc ? "enc" : (dec ? "dec" : "-");
}

} // namespace

std::string formatCostTable(const CostReport &report)
{
    std::ostringstream out;
    const ModelConfig &c = report.config;
    out << "model: " << c.imageSize << " px, depth " << (report.depths.empty() ? 0 : report.depths.size() - 1)
        << ", ngf " << c.ngf << ", ndf " << c.ndf << ", norm " << toString(c.norm) << ", up " << toString(c.upsample)
        << ", skip " << toString(c.skip) << ", embedding " << c.embeddingNum << "x" << c.embeddingDim << ", attention "
        << c.attention.toString() << ", batch " << report.batchSize << ", attention memory "
        << toString(report.attentionMemory) << "\n\n";

    std::vector<std::vector<std::string>> rows {{"depth", "map", "enc ch", "dec ch", "enc params", "dec params",
        "MACs/img", "attention", "attn MACs", "attn matrix", "activations"}};
    for (const DepthCost &d : report.depths) {
        std::int64_t matrix = 0;
        for (const AttentionCost &a : report.attention)
            if (a.site.depth == d.depth)
                matrix += a.matrixBytes;
        rows.push_back({std::to_string(d.depth), std::to_string(d.resolution) + "x" + std::to_string(d.resolution),
            std::to_string(d.encoderChannels), std::to_string(d.decoderChannels), count(double(d.encoderParams)),
            count(double(d.decoderParams)), count(d.encoderMacs + d.decoderMacs + d.attentionMacs),
            sides(d.encoderAttention, d.decoderAttention), d.attentionMacs > 0 ? count(d.attentionMacs) : "-",
            matrix > 0 ? bytes(double(matrix)) : "-", bytes(double(d.activationBytes))});
    }
    printRows(out, rows);

    if (!report.attention.empty()) {
        out << "\nattention layers:\n";
        std::vector<std::vector<std::string>> attn {
            {"site", "map", "channels", "q/k ch", "params", "FLOPs/img", "matrix (batch)", "note"}};
        for (const AttentionCost &a : report.attention)
            attn.push_back({toString(a.site), std::to_string(a.height) + "x" + std::to_string(a.width),
                std::to_string(a.channels), std::to_string(a.keyChannels), count(double(a.params)), count(a.flops),
                bytes(double(a.matrixBytes)),
                a.degenerate ? "degenerate (1 position)" : (a.blocked ? "blocked: matrix never built" : "")});
        printRows(out, attn);
    }

    out << "\nparameters:\n";
    printRows(out,
        {{"encoder", count(double(report.encoderParams)), std::to_string(report.encoderParams)},
            {"decoder", count(double(report.decoderParams)), std::to_string(report.decoderParams)},
            {"attention", count(double(report.attentionParams)), std::to_string(report.attentionParams)},
            {"embedding", count(double(report.embeddingParams)), std::to_string(report.embeddingParams)},
            {"generator", count(double(report.generatorParams)), std::to_string(report.generatorParams)},
            {"discriminator", count(double(report.discriminatorParams)), std::to_string(report.discriminatorParams)}});
    out << "\ncompute and memory:\n";
    printRows(out,
        {{"generator forward", count(report.generatorMacs) + "MAC", count(report.generatorFlops) + "FLOP", "per image"},
            {"discriminator forward", count(report.discriminatorMacs) + "MAC",
                count(2.0 * report.discriminatorMacs) + "FLOP", "per image pair"},
            {"training step", "", count(report.trainingStepFlops) + "FLOP",
                "batch " + std::to_string(report.batchSize)},
            {"generator activations", "", bytes(double(report.generatorActivationBytes)),
                "batch " + std::to_string(report.batchSize)},
            {"attention matrices", "", bytes(double(report.attentionMatrixBytes)),
                "batch " + std::to_string(report.batchSize) + ", if built at once"},
            {"training memory (est.)", "", bytes(double(report.trainingMemoryBytes)),
                "weights+grads+Adam+activations"}});
    for (const std::string &w : report.warnings)
        out << "warning: " << w << '\n';
    return out.str();
}

} // namespace zistudio::model
