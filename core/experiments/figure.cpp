// SPDX-License-Identifier: GPL-3.0-or-later
#include "experiments/figure.h"

#include "common/imageio.h"
#include "common/utf8.h"
#include "experiments/canvas.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>

namespace zistudio::experiments
{

namespace
{

constexpr int kWidth = 980;      ///< figure width unless the glyph grid needs more
constexpr int kPad = 16;         ///< outer margin
constexpr int kPlotLeft = 72;    ///< room for the y tick labels
constexpr int kPlotTop = 44;     ///< room for the title
constexpr int kPlotHeight = 300; ///< chart height
constexpr int kLegendWidth = 300;
constexpr int kTextHeight = 11; ///< cap height of labels
constexpr int kLineGap = 18;    ///< baseline to baseline
constexpr int kTicks = 5;
constexpr Rgba kWhite {255, 255, 255, 255};
constexpr Rgba kInk {25, 25, 25, 255};
constexpr Rgba kAxis {90, 90, 90, 255};
constexpr Rgba kGrid {230, 230, 230, 255};
constexpr Rgba kBaseline {150, 150, 150, 255};
constexpr Rgba kMissing {200, 200, 200, 255};

std::string fixed(double v, int digits)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

/** 1, 2 or 5 times a power of ten, about range / ticks. */
double niceStep(double range, int ticks)
{
    const double raw = range / ticks;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0})
        if (m * power >= raw)
            return m * power;
    return 10 * power;
}

int digitsFor(double step)
{
    return std::clamp(static_cast<int>(-std::floor(std::log10(step))), 0, 6);
}

/** `text` cut to `width` pixels, ending in "..." when cut (long run names and placements). */
std::string elided(const fontexport::LabelFont &font, const std::string &text, int width)
{
    if (font.width(text) <= width)
        return text;
    std::string out = text;
    while (!out.empty() && font.width(out + "...") > width)
        out.pop_back();
    return out + "...";
}

/** Greedy word wrap to `width` pixels. */
std::vector<std::string> wrap(const fontexport::LabelFont &font, const std::string &text, int width)
{
    std::vector<std::string> lines;
    std::string current;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find(' ', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string word = text.substr(start, end - start);
        const std::string candidate = current.empty() ? word : current + " " + word;
        if (!current.empty() && font.width(candidate) > width) {
            lines.push_back(current);
            current = word;
        } else {
            current = candidate;
        }
        start = end + 1;
    }
    if (!current.empty())
        lines.push_back(current);
    return lines;
}

} // namespace

std::vector<project::MetricPoint> plottedValidationL1(const RunSummary &run)
{
    std::vector<project::MetricPoint> out;
    for (const auto &p : run.valL1Curve)
        if (p.step > 0)
            out.push_back(p);
    return out;
}

Rgba placementColour(std::size_t index)
{
    static constexpr std::array<Rgba, 8> kPalette {{{31, 119, 180, 255}, {255, 127, 14, 255}, {44, 160, 44, 255},
        {214, 39, 40, 255}, {148, 103, 189, 255}, {140, 86, 75, 255}, {227, 119, 194, 255}, {23, 190, 207, 255}}};
    return kPalette[index % kPalette.size()];
}

RgbaImage renderComparisonFigure(const Comparison &c)
{
    fontexport::LabelFont font(kTextHeight);
    fontexport::LabelFont small(kTextHeight - 2);
    const auto &runs = c.runs;

    // Colour per placement (first appearance), dashes for a placement's second and later runs.
    std::map<std::string, std::size_t> placementIndex;
    std::map<std::string, int> placementCount;
    std::vector<Rgba> colour;
    std::vector<bool> dashed;
    for (const auto &s : runs) {
        const auto [it, fresh] = placementIndex.try_emplace(s.attention, placementIndex.size());
        colour.push_back(placementColour(it->second));
        dashed.push_back(placementCount[s.attention]++ > 0);
    }

    // Glyph grid geometry.
    const auto &g = c.glyphs;
    const int glyphPx = g.rows.empty() || g.rows.front().empty() ? 0 : [&] {
        for (const auto &row : g.rows)
            for (const auto &img : row)
                if (!img.isNull())
                    return img.width;
        return 64;
    }();
    const int cell = glyphPx >= 64 ? 64 : std::clamp(glyphPx * 2, 32, 64);
    int labelWidth = 0;
    for (const auto &label : g.rowLabels)
        labelWidth = std::max(labelWidth, font.width(label));
    labelWidth += 14;
    const int gridWidth = g.rows.empty() ? 0 : labelWidth + static_cast<int>(g.chars.size()) * (cell + 6);
    const int width = std::max(kWidth, gridWidth + 2 * kPad);

    const int plotX = kPad + kPlotLeft;
    const int plotW = width - plotX - kLegendWidth - kPad;
    const int plotY = kPlotTop;
    // Tall enough for the legend: a study has a dozen runs or more.
    const int legendHeight = static_cast<int>(runs.size() + 1) * (2 * kLineGap + 2);
    const int plotH = std::max(kPlotHeight, legendHeight);
    const auto summaryLines = wrap(font, c.verdict.summary(), width - 2 * kPad);
    std::vector<std::string> warningLines;
    for (const auto &w : c.warnings)
        for (const auto &line : wrap(small, "warning: " + w, width - 2 * kPad))
            warningLines.push_back(line);
    const int textTop = plotY + plotH + 58;
    const int gridTop = textTop + static_cast<int>(summaryLines.size() + warningLines.size()) * kLineGap + 24;
    const int height = gridTop + (g.rows.empty() ? 0 : 30 + static_cast<int>(g.rows.size()) * (cell + 6)) + kPad;

    Canvas canvas(width, height, kWhite);
    auto &img = canvas.image();
    font.draw(img, kPad, kPad + kTextHeight,
        "Validation L1 by step (lower is better; the untrained step 0 is left out so the differences show)", kInk);

    // Axes ranges over every curve and the baseline.
    double minY = INFINITY, maxY = -INFINITY, maxX = 1;
    double baseline = NAN;
    for (const auto &s : runs) {
        for (const auto &p : plottedValidationL1(s)) {
            minY = std::min(minY, p.value);
            maxY = std::max(maxY, p.value);
            maxX = std::max(maxX, static_cast<double>(p.step));
        }
        if (std::isnan(baseline) && std::isfinite(s.baselineL1))
            baseline = s.baselineL1;
    }
    if (std::isfinite(baseline)) {
        minY = std::min(minY, baseline);
        maxY = std::max(maxY, baseline);
    }
    if (!std::isfinite(minY)) {
        minY = 0;
        maxY = 1;
    }
    if (maxY - minY < 1e-6)
        maxY = minY + 1e-3;
    const double yStep = niceStep(maxY - minY, kTicks);
    minY = std::floor(minY / yStep) * yStep;
    maxY = std::ceil(maxY / yStep) * yStep;
    const double xStep = niceStep(maxX, kTicks);
    maxX = std::ceil(maxX / xStep) * xStep;
    auto toX = [&](double step) { return plotX + step / maxX * plotW; };
    auto toY = [&](double v) { return plotY + plotH - (v - minY) / (maxY - minY) * plotH; };

    for (double y = minY; y <= maxY + yStep / 2; y += yStep) {
        const int py = static_cast<int>(std::lround(toY(y)));
        canvas.fillRect(plotX, py, plotW, 1, kGrid);
        const std::string label = fixed(y, digitsFor(yStep));
        small.draw(img, plotX - 8 - small.width(label), py + kTextHeight / 2 - 1, label, kAxis);
    }
    for (double x = 0; x <= maxX + xStep / 2; x += xStep) {
        const int px = static_cast<int>(std::lround(toX(x)));
        canvas.fillRect(px, plotY, 1, plotH, kGrid);
        const std::string label = fixed(x, 0);
        small.draw(img, px - small.width(label) / 2, plotY + plotH + 16, label, kAxis);
    }
    canvas.frame(plotX, plotY, plotW + 1, plotH + 1, kAxis);
    small.draw(img, plotX + plotW / 2 - small.width("step") / 2, plotY + plotH + 32, "step", kAxis);

    if (std::isfinite(baseline))
        canvas.line(plotX, toY(baseline), plotX + plotW, toY(baseline), kBaseline, 1.5, 6);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const auto curve = plottedValidationL1(runs[i]);
        for (std::size_t k = 1; k < curve.size(); ++k)
            canvas.line(toX(static_cast<double>(curve[k - 1].step)), toY(curve[k - 1].value),
                toX(static_cast<double>(curve[k].step)), toY(curve[k].value), colour[i], 2.0, dashed[i] ? 5 : 0);
        for (const auto &p : curve)
            canvas.fillRect(static_cast<int>(std::lround(toX(static_cast<double>(p.step)))) - 2,
                static_cast<int>(std::lround(toY(p.value))) - 2, 5, 5, colour[i]);
    }

    // Legend: swatch, name, placement, best value; the verdict's best run starred.
    const int legendX = plotX + plotW + 24;
    int ly = plotY + kTextHeight;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const auto &s = runs[i];
        canvas.line(legendX, ly - 4, legendX + 22, ly - 4, colour[i], 2.5, dashed[i] ? 4 : 0);
        const std::string star = s.name == c.verdict.best ? "* " : "";
        const int room = width - kPad - legendX - 30;
        font.draw(img, legendX + 30, ly, elided(font, star + s.name, room), kInk);
        const std::string score
            = std::isfinite(s.valL1) ? fixed(s.valL1, 4) + " @" + std::to_string(s.bestStep) : std::string("-");
        small.draw(img, legendX + 30, ly + 14,
            elided(small, s.attention, room - small.width(", seed " + std::to_string(s.seed) + ": " + score))
                + ", seed " + std::to_string(s.seed) + ": " + score,
            kAxis);
        ly += 2 * kLineGap + 2;
    }
    if (std::isfinite(baseline)) {
        canvas.line(legendX, ly - 4, legendX + 22, ly - 4, kBaseline, 1.5, 6);
        small.draw(img, legendX + 30, ly, "baseline (source glyph) " + fixed(baseline, 4), kAxis);
    }

    int ty = textTop;
    for (const auto &line : summaryLines) {
        font.draw(img, kPad, ty, line, kInk);
        ty += kLineGap;
    }
    for (const auto &line : warningLines) {
        small.draw(img, kPad, ty, line, Rgba {180, 40, 40, 255});
        ty += kLineGap;
    }

    if (!g.rows.empty()) {
        const bool last = !runs.empty()
            && std::all_of(runs.begin(), runs.end(), [](const RunSummary &s) { return s.scoredCheckpoint == "last"; });
        font.draw(img, kPad, gridTop,
            std::string("Held-out characters: source, each run's ") + (last ? "last" : "best") + " checkpoint, target",
            kInk);
        const int top = gridTop + 24;
        for (std::size_t col = 0; col < g.chars.size(); ++col) {
            const std::string label = formatCodePoint(g.chars[col]);
            small.draw(img, kPad + labelWidth + static_cast<int>(col) * (cell + 6) + (cell - small.width(label)) / 2,
                top, label, kAxis);
        }
        for (std::size_t row = 0; row < g.rows.size(); ++row) {
            const int y = top + 6 + static_cast<int>(row) * (cell + 6);
            Rgba labelColour = kInk;
            for (std::size_t i = 0; i < runs.size(); ++i)
                if (runs[i].name == g.rowLabels[row])
                    labelColour = colour[i];
            font.draw(img, kPad, y + cell / 2 + kTextHeight / 2, g.rowLabels[row], labelColour);
            for (std::size_t col = 0; col < g.rows[row].size(); ++col) {
                const int x = kPad + labelWidth + static_cast<int>(col) * (cell + 6);
                canvas.frame(x - 1, y - 1, cell + 2, cell + 2, kGrid);
                canvas.glyph(g.rows[row][col], x, y, cell, g.rows[row][col].isNull() ? kMissing : kInk);
            }
        }
    }
    return std::move(canvas.image());
}

void writeComparisonFigure(const std::filesystem::path &file, const Comparison &comparison)
{
    writeRgbaPng(file, renderComparisonFigure(comparison),
        {{"Software", "ZiStudio"}, {"Comment", comparison.verdict.summary()}});
}

} // namespace zistudio::experiments
