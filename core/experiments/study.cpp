// SPDX-License-Identifier: GPL-3.0-or-later
#include "experiments/study.h"

#include "common/atomicfile.h"
#include "common/imageio.h"
#include "experiments/experimentserror.h"
#include "experiments/runterms.h"
#include "glyphs/utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

namespace zistudio::experiments
{

namespace fs = std::filesystem;
using nlohmann::json;

namespace
{

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::uintmax_t kMaxStudyFileBytes = 64u << 20;

/** Mean of the finite values (NaN when none). */
double meanOf(const std::vector<double> &values)
{
    double sum = 0;
    int n = 0;
    for (double v : values)
        if (std::isfinite(v)) {
            sum += v;
            ++n;
        }
    return n ? sum / n : kNaN;
}

double num(const json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : kNaN;
}

std::string str(const json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

long long integer(const json &j, const char *key, long long fallback)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<long long>() : fallback;
}

std::vector<project::MetricPoint> curveFrom(const json &j)
{
    std::vector<project::MetricPoint> out;
    if (!j.is_array())
        return out;
    for (const auto &p : j)
        if (p.is_array() && p.size() == 2 && p[0].is_number_integer() && p[1].is_number())
            out.push_back({p[0].get<long long>(), p[1].get<double>()});
    return out;
}

std::string base64Decode(const std::string &text, const std::string &where)
{
    auto value = [&](char c) -> int {
        if (c >= 'A' && c <= 'Z')
            return c - 'A';
        if (c >= 'a' && c <= 'z')
            return c - 'a' + 26;
        if (c >= '0' && c <= '9')
            return c - '0' + 52;
        if (c == '+')
            return 62;
        if (c == '/')
            return 63;
        throw ExperimentError(where + ": a glyph image is not base64");
    };
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : text) {
        if (c == '=')
            break;
        buffer = (buffer << 6) | static_cast<unsigned>(value(c));
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    return out;
}

GrayImage glyphFrom(const json &cell, const std::string &where)
{
    if (!cell.is_string() || cell.get<std::string>().empty())
        return {};
    GrayImage image = decodeLuminanceImage(base64Decode(cell.get<std::string>(), where), where);
    for (auto &p : image.pixels)
        p = static_cast<std::uint8_t>(255 - p); // stored black on white; in memory ink coverage
    return image;
}

RunSummary runFrom(const json &r, const std::string &where)
{
    RunSummary s;
    s.name = str(r, "name");
    if (s.name.empty())
        throw ExperimentError(where + ": a run without a name");
    s.status = str(r, "status");
    s.attention = str(r, "attention");
    s.seed = static_cast<unsigned long long>(integer(r, "seed", 0));
    s.steps = integer(r, "steps", 0);
    s.lastStep = integer(r, "lastStep", 0);
    const json best = r.value("best", json::object());
    s.bestStep = integer(best, "step", -1);
    s.bestCheckpoint = str(best, "checkpoint");
    s.scoredCheckpoint = best.value("kind", std::string("best"));
    s.valL1 = num(best, "val_l1");
    s.valSsim = num(best, "val_ssim");
    s.baselineL1 = num(best, "baseline_l1");
    s.baselineSsim = num(best, "baseline_ssim");
    s.generatorParams = integer(r, "generatorParams", 0);
    s.attentionParams = integer(r, "attentionParams", 0);
    s.discriminatorParams = integer(r, "discriminatorParams", 0);
    s.batchSize = static_cast<int>(integer(r, "batchSize", 0));
    s.stepFlops = num(r, "stepFlops");
    s.estimatedMemoryBytes = integer(r, "estimatedMemoryBytes", 0);
    s.stepSeconds = num(r, "stepSeconds");
    s.stepCpuSeconds = num(r, "stepCpuSeconds");
    s.peakRssBytes = num(r, "peakRssBytes");
    if (const auto g = r.find("gammas"); g != r.end() && g->is_object())
        for (const auto &[site, value] : g->items())
            if (value.is_number())
                s.gammas.push_back({site, value.get<double>()});
    const json validation = r.value("validation", json::object());
    s.valL1Curve = curveFrom(validation.value("val_l1", json::array()));
    s.valSsimCurve = curveFrom(validation.value("val_ssim", json::array()));
    s.note = str(r, "note");
    if (const auto c = r.find("config"); c != r.end() && c->is_object())
        s.configJson = c->dump();
    return s;
}

/** Term differences against the first run with a configuration, and the warnings they make. */
void checkTerms(Comparison &c)
{
    c.warnings.clear();
    const RunSummary *first = nullptr;
    std::optional<project::Project> reference;
    for (auto &s : c.runs) {
        s.termDifferences.clear();
        if (s.configJson.empty())
            continue;
        try {
            auto config = project::projectFromJson(json::parse(s.configJson), {}, "run " + s.name);
            if (!reference) {
                reference = std::move(config);
                first = &s;
                continue;
            }
            s.termDifferences = termDifferences(*reference, config, {"model.attention", "training.seed"});
        } catch (const std::exception &e) {
            c.warnings.push_back(s.name + ": its configuration cannot be read (" + e.what() + ")");
            continue;
        }
        if (!s.termDifferences.empty()) {
            std::string list;
            for (const auto &d : s.termDifferences)
                list += (list.empty() ? "" : "; ") + d;
            c.warnings.push_back(
                s.name + " was not trained on the same terms as " + first->name + " (" + list + ", first vs this run)");
        }
    }
}

std::vector<fs::path> comparisonFiles(const fs::path &path)
{
    std::error_code ec;
    if (!fs::is_directory(path, ec))
        return {path};
    std::vector<fs::path> files;
    for (const auto &entry : fs::recursive_directory_iterator(path, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".json")
            files.push_back(entry.path());
    if (ec)
        throw ExperimentError("cannot read the folder " + path.string() + ": " + ec.message());
    std::sort(files.begin(), files.end());
    return files;
}

bool looksLikeComparison(const std::string &text)
{
    return text.find("\"zistudio-comparison\"") != std::string::npos;
}

Comparison comparisonFrom(const json &j, const std::string &where);

} // namespace

PlacementSummary::PlacementSummary()
    : valL1Mean(kNaN)
    , valL1Min(kNaN)
    , valL1Max(kNaN)
    , valSsimMean(kNaN)
    , valSsimMin(kNaN)
    , valSsimMax(kNaN)
    , baselineL1(kNaN)
    , baselineSsim(kNaN)
    , stepSeconds(kNaN)
    , stepCpuSeconds(kNaN)
    , peakRssBytes(kNaN)
{ }

std::vector<PlacementSummary> summarizePlacements(const std::vector<RunSummary> &runs)
{
    std::vector<PlacementSummary> out;
    for (const auto &s : runs) {
        auto it = std::find_if(out.begin(), out.end(), [&](const auto &p) { return p.placement == s.attention; });
        if (it == out.end()) {
            PlacementSummary p;
            p.placement = s.attention;
            p.attentionParams = s.attentionParams;
            p.estimatedMemoryBytes = s.estimatedMemoryBytes;
            p.stepFlops = s.stepFlops;
            out.push_back(p);
            it = out.end() - 1;
        }
        it->runs.push_back(s.name);
    }
    for (auto &p : out) {
        std::vector<double> l1, ssim, wall, cpu, rss;
        for (const auto &s : runs) {
            if (s.attention != p.placement)
                continue;
            wall.push_back(s.stepSeconds);
            cpu.push_back(s.stepCpuSeconds);
            rss.push_back(s.peakRssBytes);
            if (!std::isfinite(s.valL1))
                continue;
            ++p.scored;
            l1.push_back(s.valL1);
            ssim.push_back(s.valSsim);
            if (std::isnan(p.baselineL1)) {
                p.baselineL1 = s.baselineL1;
                p.baselineSsim = s.baselineSsim;
            }
        }
        p.stepSeconds = meanOf(wall);
        p.stepCpuSeconds = meanOf(cpu);
        p.peakRssBytes = meanOf(rss);
        if (l1.empty())
            continue;
        p.valL1Mean = meanOf(l1);
        p.valL1Min = *std::min_element(l1.begin(), l1.end());
        p.valL1Max = *std::max_element(l1.begin(), l1.end());
        p.valSsimMean = meanOf(ssim);
        p.valSsimMin = *std::min_element(ssim.begin(), ssim.end());
        p.valSsimMax = *std::max_element(ssim.begin(), ssim.end());
    }
    return out;
}

void finishComparison(Comparison &c, const std::string &metric)
{
    std::vector<ScoredRun> scored;
    for (const auto &s : c.runs)
        scored.push_back({s.name, s.attention, metric == "val_ssim" ? s.valSsim : s.valL1});
    c.verdict = decideByPlacement(scored, metric, metric != "val_ssim");
    c.placements = summarizePlacements(c.runs);
}

Comparison comparisonFromJson(const std::string &text, const std::string &where)
{
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception &e) {
        throw ExperimentError(where + " is not JSON: " + e.what());
    }
    if (!j.is_object() || !j.contains("format") || j["format"] != "zistudio-comparison")
        throw ExperimentError(where + " is not a comparison (zistudio-cli compare --save writes one)");
    try {
        return comparisonFrom(j, where);
    } catch (const json::exception &e) {
        throw ExperimentError(where + " is damaged: " + e.what());
    } catch (const ExperimentError &) {
        throw;
    } catch (const Error &e) { // a glyph picture that does not decode
        throw ExperimentError(where + " is damaged: " + e.what());
    }
}

namespace
{

Comparison comparisonFrom(const json &j, const std::string &where)
{
    Comparison c;
    c.projectFile = str(j, "project");
    const auto runs = j.value("runs", json::array());
    if (!runs.is_array())
        throw ExperimentError(where + ": \"runs\" is not a list");
    for (const auto &r : runs)
        c.runs.push_back(runFrom(r, where));
    if (const auto g = j.find("glyphs"); g != j.end() && g->is_object()) {
        for (const auto &ch : g->value("chars", json::array()))
            if (ch.is_string()) {
                const auto cps = glyphs::decodeUtf8OrThrow(ch.get<std::string>(), where);
                if (cps.size() == 1)
                    c.glyphs.chars.push_back(cps[0]);
            }
        c.glyphs.styleId = static_cast<int>(integer(*g, "style", 0));
        for (const auto &row : g->value("rows", json::array())) {
            c.glyphs.rowLabels.push_back(str(row, "label"));
            std::vector<GrayImage> cells;
            for (const auto &cell : row.value("png", json::array()))
                cells.push_back(glyphFrom(cell, where));
            cells.resize(c.glyphs.chars.size());
            c.glyphs.rows.push_back(std::move(cells));
        }
        if (c.glyphs.chars.empty()) { // rows of no character: nothing to show (and nothing a save keeps)
            c.glyphs.rowLabels.clear();
            c.glyphs.rows.clear();
        }
    }
    const json verdict = j.value("verdict", json::object());
    checkTerms(c);
    finishComparison(c, verdict.value("metric", std::string("val_l1")));
    return c;
}

} // namespace

Comparison loadStudy(const std::vector<fs::path> &paths)
{
    std::vector<Comparison> parts;
    for (const auto &path : paths) {
        const bool folder = fs::is_directory(path);
        for (const auto &file : comparisonFiles(path)) {
            std::string text;
            try {
                text = readFile(file, kMaxStudyFileBytes);
            } catch (const Error &e) {
                throw ExperimentError(e.what());
            }
            if (folder && !looksLikeComparison(text))
                continue; // an evaluation or another file kept beside the comparisons
            parts.push_back(comparisonFromJson(text, file.string()));
        }
    }
    Comparison c;
    std::string metric = "val_l1";
    std::map<std::string, std::string> seen; // run -> where
    const GlyphComparison *grid = nullptr;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        auto &part = parts[i];
        if (c.projectFile.empty())
            c.projectFile = part.projectFile;
        if (c.runs.empty())
            metric = part.verdict.metric;
        if (!grid && !part.glyphs.chars.empty() && part.glyphs.rows.size() >= 2) {
            grid = &part.glyphs;
            c.glyphs.chars = grid->chars;
            c.glyphs.styleId = grid->styleId;
        }
        for (auto &s : part.runs) {
            if (!seen.emplace(s.name, part.projectFile.string()).second)
                throw ExperimentError("run \"" + s.name + "\" is in the study twice");
            // This part's glyph row of the run, when it drew the same characters as the grid.
            std::vector<GrayImage> row;
            if (grid && part.glyphs.chars == grid->chars)
                for (std::size_t r = 0; r < part.glyphs.rowLabels.size(); ++r)
                    if (part.glyphs.rowLabels[r] == s.name)
                        row = part.glyphs.rows[r];
            if (grid) {
                row.resize(grid->chars.size());
                c.glyphs.rowLabels.push_back(s.name);
                c.glyphs.rows.push_back(std::move(row));
            }
            c.runs.push_back(std::move(s));
        }
    }
    if (c.runs.empty())
        throw ExperimentError("no runs in the study (give comparison JSON files written by compare --save)");
    if (grid) {
        // Runs of parts before the first grid got no row: give them empty ones; then source and target.
        const std::size_t missing = c.runs.size() - c.glyphs.rows.size();
        for (std::size_t i = 0; i < missing; ++i) {
            c.glyphs.rowLabels.insert(c.glyphs.rowLabels.begin() + static_cast<std::ptrdiff_t>(i), c.runs[i].name);
            c.glyphs.rows.insert(
                c.glyphs.rows.begin() + static_cast<std::ptrdiff_t>(i), std::vector<GrayImage>(grid->chars.size()));
        }
        c.glyphs.rowLabels.insert(c.glyphs.rowLabels.begin(), "source");
        c.glyphs.rows.insert(c.glyphs.rows.begin(), grid->rows.front());
        c.glyphs.rowLabels.push_back("target");
        c.glyphs.rows.push_back(grid->rows.back());
    }
    checkTerms(c);
    finishComparison(c, metric);
    return c;
}

Comparison selectRuns(const Comparison &comparison, const std::vector<std::string> &keep)
{
    Comparison c;
    c.projectFile = comparison.projectFile;
    const auto kept = [&](const std::string &name) { return std::find(keep.begin(), keep.end(), name) != keep.end(); };
    for (const auto &s : comparison.runs)
        if (kept(s.name))
            c.runs.push_back(s);
    const auto &g = comparison.glyphs;
    c.glyphs.chars = g.chars;
    c.glyphs.styleId = g.styleId;
    for (std::size_t r = 0; r < g.rowLabels.size(); ++r) {
        const bool frame = r == 0 || r + 1 == g.rowLabels.size(); // source and target
        if (frame || kept(g.rowLabels[r])) {
            c.glyphs.rowLabels.push_back(g.rowLabels[r]);
            c.glyphs.rows.push_back(g.rows[r]);
        }
    }
    checkTerms(c);
    finishComparison(c, comparison.verdict.metric);
    return c;
}

} // namespace zistudio::experiments
