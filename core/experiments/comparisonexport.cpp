// SPDX-License-Identifier: GPL-3.0-or-later
#include "experiments/comparisonexport.h"

#include "common/atomicfile.h"
#include "common/imageio.h"
#include "glyphs/utf8.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace zistudio::experiments
{

namespace
{

nlohmann::json number(double v)
{
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json();
}

nlohmann::json curve(const std::vector<project::MetricPoint> &points)
{
    auto out = nlohmann::json::array();
    for (const auto &p : points)
        out.push_back({p.step, p.value});
    return out;
}

std::string cell(double v)
{
    if (!std::isfinite(v))
        return {};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.9g", v);
    return buf;
}

std::string quoted(const std::string &text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

std::string gammaText(const RunSummary &s)
{
    std::string out;
    for (const auto &g : s.gammas)
        out += (out.empty() ? "" : ";") + g.site + "=" + cell(g.gamma);
    return out;
}

std::string base64(const std::string &bytes)
{
    static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16)
            | (static_cast<unsigned char>(bytes[i + 1]) << 8) | static_cast<unsigned char>(bytes[i + 2]);
        for (int shift : {18, 12, 6, 0})
            out += kDigits[(v >> shift) & 63];
    }
    if (i < bytes.size()) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size())
            v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += kDigits[(v >> 18) & 63];
        out += kDigits[(v >> 12) & 63];
        out += i + 1 < bytes.size() ? kDigits[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

/** The glyph grid with each glyph as a base64 PNG ("" = missing), so a study carries its pictures. */
nlohmann::json glyphsJson(const GlyphComparison &g)
{
    auto chars = nlohmann::json::array();
    for (char32_t cp : g.chars)
        chars.push_back(glyphs::encodeUtf8(cp));
    auto rows = nlohmann::json::array();
    for (std::size_t r = 0; r < g.rows.size(); ++r) {
        auto cells = nlohmann::json::array();
        for (const auto &img : g.rows[r])
            cells.push_back(img.isNull() ? std::string() : base64(encodeGrayPng(img)));
        rows.push_back({{"label", g.rowLabels[r]}, {"png", cells}});
    }
    return {{"chars", chars}, {"style", g.styleId}, {"rows", rows}};
}

/** 1-based rank by the verdict's metric (0 = unscored). */
int rankOf(const Comparison &c, const RunSummary &s)
{
    const bool ssim = c.verdict.metric == "val_ssim";
    const double mine = ssim ? s.valSsim : s.valL1;
    if (!std::isfinite(mine))
        return 0;
    int rank = 1;
    for (const auto &o : c.runs) {
        const double theirs = ssim ? o.valSsim : o.valL1;
        if (std::isfinite(theirs) && (c.verdict.lowerIsBetter ? theirs < mine : theirs > mine))
            ++rank;
    }
    return rank;
}

} // namespace

std::string comparisonJson(const Comparison &c)
{
    nlohmann::json j {{"format", "zistudio-comparison"}, {"version", 1}, {"project", c.projectFile.string()}};
    j["runs"] = nlohmann::json::array();
    for (const auto &s : c.runs) {
        nlohmann::json gammas = nlohmann::json::object();
        for (const auto &g : s.gammas)
            gammas[g.site] = g.gamma;
        auto &run
            = j["runs"].emplace_back(nlohmann::json {{"name", s.name}, {"status", s.status}, {"attention", s.attention},
                {"seed", s.seed}, {"steps", s.steps}, {"lastStep", s.lastStep}, {"rank", rankOf(c, s)},
                {"best",
                    {{"step", s.bestStep >= 0 ? nlohmann::json(s.bestStep) : nlohmann::json()},
                        {"kind", s.scoredCheckpoint}, {"checkpoint", s.bestCheckpoint}, {"val_l1", number(s.valL1)},
                        {"val_ssim", number(s.valSsim)}, {"baseline_l1", number(s.baselineL1)},
                        {"baseline_ssim", number(s.baselineSsim)}}},
                {"generatorParams", s.generatorParams}, {"attentionParams", s.attentionParams},
                {"discriminatorParams", s.discriminatorParams}, {"batchSize", s.batchSize},
                {"stepFlops", number(s.stepFlops)}, {"estimatedMemoryBytes", s.estimatedMemoryBytes},
                {"stepSeconds", number(s.stepSeconds)}, {"stepCpuSeconds", number(s.stepCpuSeconds)},
                {"peakRssBytes", number(s.peakRssBytes)}, {"gammas", gammas},
                {"validation", {{"val_l1", curve(s.valL1Curve)}, {"val_ssim", curve(s.valSsimCurve)}}},
                {"termDifferences", s.termDifferences}, {"note", s.note}});
        if (!s.configJson.empty())
            run["config"] = nlohmann::json::parse(s.configJson);
    }
    j["placements"] = nlohmann::json::array();
    for (const auto &p : c.placements)
        j["placements"].push_back({{"placement", p.placement}, {"runs", p.runs}, {"scored", p.scored},
            {"val_l1", {{"mean", number(p.valL1Mean)}, {"min", number(p.valL1Min)}, {"max", number(p.valL1Max)}}},
            {"val_ssim",
                {{"mean", number(p.valSsimMean)}, {"min", number(p.valSsimMin)}, {"max", number(p.valSsimMax)}}},
            {"baseline_l1", number(p.baselineL1)}, {"baseline_ssim", number(p.baselineSsim)},
            {"stepSeconds", number(p.stepSeconds)}, {"stepCpuSeconds", number(p.stepCpuSeconds)},
            {"peakRssBytes", number(p.peakRssBytes)}, {"attentionParams", p.attentionParams},
            {"estimatedMemoryBytes", p.estimatedMemoryBytes}, {"stepFlops", number(p.stepFlops)}});
    const auto &v = c.verdict;
    j["verdict"] = {{"metric", v.metric}, {"lowerIsBetter", v.lowerIsBetter}, {"standing", toString(v.standing)},
        {"best", v.best}, {"bestPlacement", v.bestPlacement}, {"bestValue", number(v.bestValue)},
        {"runnerUp", v.runnerUp}, {"runnerUpPlacement", v.runnerUpPlacement},
        {"runnerUpValue", v.runnerUp.empty() ? nlohmann::json() : number(v.runnerUpValue)},
        {"margin", v.runnerUp.empty() ? nlohmann::json() : number(v.margin)},
        {"noise", v.noiseRuns >= 2 ? number(v.noise) : nlohmann::json()}, {"noisePlacement", v.noisePlacement},
        {"noiseRuns", v.noiseRuns}, {"noiseFromPair", v.noiseFromPair}, {"byPlacement", v.byPlacement},
        {"bestRuns", v.bestRuns}, {"runnerUpRuns", v.runnerUpRuns}, {"marginExceedsNoise", v.marginExceedsNoise()},
        {"summary", v.summary()}};
    j["warnings"] = c.warnings;
    if (!c.glyphs.chars.empty())
        j["glyphs"] = glyphsJson(c.glyphs);
    return j.dump(2);
}

std::string comparisonCsv(const Comparison &c)
{
    std::string out = "run,attention,seed,status,steps,last_step,best_step,val_l1,val_ssim,baseline_l1,baseline_ssim,"
                      "generator_params,attention_params,batch_size,step_flops,est_memory_bytes,step_seconds,"
                      "step_cpu_seconds,peak_rss_bytes,gammas,rank,verdict,margin,noise\r\n";
    const auto &v = c.verdict;
    for (const auto &s : c.runs) {
        const bool best = s.name == v.best;
        const std::vector<std::string> cells {quoted(s.name), quoted(s.attention), std::to_string(s.seed),
            quoted(s.status), std::to_string(s.steps), std::to_string(s.lastStep),
            s.bestStep >= 0 ? std::to_string(s.bestStep) : std::string(), cell(s.valL1), cell(s.valSsim),
            cell(s.baselineL1), cell(s.baselineSsim), std::to_string(s.generatorParams),
            std::to_string(s.attentionParams), std::to_string(s.batchSize), cell(s.stepFlops),
            std::to_string(s.estimatedMemoryBytes), cell(s.stepSeconds), cell(s.stepCpuSeconds), cell(s.peakRssBytes),
            quoted(gammaText(s)), std::to_string(rankOf(c, s)),
            best ? quoted("best: " + toString(v.standing)) : std::string(),
            best && !v.runnerUp.empty() ? cell(v.margin) : std::string(),
            best && v.noiseRuns >= 2 ? cell(v.noise) : std::string()};
        for (std::size_t i = 0; i < cells.size(); ++i)
            out += (i ? "," : "") + cells[i];
        out += "\r\n";
    }
    return out;
}

void writeComparisonJson(const std::filesystem::path &file, const Comparison &comparison)
{
    writeFileAtomically(file, comparisonJson(comparison) + "\n");
}

void writeComparisonCsv(const std::filesystem::path &file, const Comparison &comparison)
{
    writeFileAtomically(file, comparisonCsv(comparison));
}

} // namespace zistudio::experiments
