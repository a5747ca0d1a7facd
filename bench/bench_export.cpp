// SPDX-License-Identifier: GPL-3.0-or-later
// Export benchmark: GB2312 (6,763 glyphs) rendered at 256 px with THE rasterizer from AR PL KaitiM GB,
// then exported to SVG + UFO + TTF (the target: < 30 s on 2 cores). Also times the stages alone and,
// side by side in the same run, the font compilation step against fontTools (cu2qu + FontBuilder, the
// pipeline the research notes proved) compiling the UFO we wrote.
// Usage: bench_export [--glyphs N] [--size PX] [--repeats R] [--threads T] [--font F] [--json PATH]
//                     [--extras no]  (skip the one-thread run, the stage timings and the peer)
#include "common/image.h"
#include "export/glyphexporter.h"
#include "export/glyphnames.h"
#include "export/truetypewriter.h"
#include "glyphs/charsets.h"
#include "glyphs/fontface.h"
#include "glyphs/rasterizer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <sys/resource.h>
#include <thread>
#include <vector>

using namespace zistudio;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace
{

struct Args
{
    int glyphs = 6763;
    int size = 256;
    int repeats = 3;
    int threads = 2;
    bool extras = true; ///< the one-thread run, the stage timings and the fontTools peer
    std::string font = "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf";
    std::string json = std::string(ZISTUDIO_SOURCE_DIR) + "/bench/results/export.json";
};

Args parseArgs(int argc, char **argv)
{
    Args a;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--glyphs")
            a.glyphs = std::stoi(v);
        else if (k == "--size")
            a.size = std::stoi(v);
        else if (k == "--repeats")
            a.repeats = std::max(1, std::stoi(v));
        else if (k == "--threads")
            a.threads = std::stoi(v);
        else if (k == "--font")
            a.font = v;
        else if (k == "--json")
            a.json = v;
        else if (k == "--extras")
            a.extras = v != "0" && v != "no";
        else
            throw std::runtime_error("unknown option " + k);
    }
    return a;
}

double seconds(Clock::time_point since)
{
    return std::chrono::duration<double>(Clock::now() - since).count();
}

/** CPU time (user + system) of the whole process, all threads: on a busy machine this, not the wall time, is stable. */
double cpuSeconds()
{
    rusage u {};
    ::getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
        + static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Stats
{
    double median = 0, min = 0, max = 0;
};

Stats stats(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return {n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2, v.front(), v.back()};
}

fs::path freshDir(const std::string &tag)
{
    const fs::path p = fs::temp_directory_path() / ("zistudio-bench-export-" + tag);
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
}

std::string cpuModel()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0)
            return line.substr(line.find(':') + 2);
    return "unknown";
}

double loadAverage()
{
    double l = 0;
    if (FILE *f = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(f, "%lf", &l) != 1)
            l = 0;
        std::fclose(f);
    }
    return l;
}

/** fontTools compiling our UFO to a TTF (cu2qu max_err 1, reversed contours, TTGlyphPen, FontBuilder). */
const char *kPeerScript = R"PY(
import sys, time
from fontTools.ufoLib import UFOReader
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.reverseContourPen import ReverseContourPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
ufo, out = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
r = UFOReader(ufo, validate=False)
gs = r.getGlyphSet()
order = r.readLib()['public.glyphOrder']
class G: pass
glyphs, metrics, cmap = {}, {}, {}
for name in order:
    g = G()
    gs.readGlyph(name, g)
    pen = TTGlyphPen(None)
    gs[name].draw(Cu2QuPen(ReverseContourPen(pen), 1.0))
    glyphs[name] = pen.glyph()
    for u in getattr(g, 'unicodes', []):
        cmap[u] = name
for name in order:
    glyph = glyphs[name]
    glyph.recalcBounds(None) if hasattr(glyph, 'coordinates') and glyph.numberOfContours > 0 else None
    metrics[name] = (1000, getattr(glyph, 'xMin', 0))
fb = FontBuilder(1000, isTTF=True)
fb.setupGlyphOrder(order)
fb.setupCharacterMap(cmap)
fb.setupGlyf(glyphs)
fb.setupHorizontalMetrics(metrics)
fb.setupHorizontalHeader(ascent=880, descent=-120)
fb.setupNameTable({'familyName': 'Peer', 'styleName': 'Regular'})
fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
fb.setupPost()
fb.save(out)
print('%.3f' % (time.perf_counter() - t0))
)PY";

std::string shellQuote(const std::string &s)
{
    std::string out = "'";
    for (const char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

} // namespace

int main(int argc, char **argv)
{
    try {
        const Args args = parseArgs(argc, argv);
        std::vector<char32_t> chars = glyphs::builtinCharset("gb2312");
        chars.resize(std::min<std::size_t>(chars.size(), static_cast<std::size_t>(args.glyphs)));

        // Input: GB2312 rendered with the rasterizer at 256 px (timed for information only).
        const glyphs::FontFace face(args.font);
        const glyphs::Rasterizer raster(face, glyphs::RasterOptions {.size = args.size});
        const auto tRender = Clock::now();
        std::vector<fontexport::ExportGlyph> input;
        input.reserve(chars.size());
        for (const char32_t cp : chars)
            input.push_back(fontexport::ExportGlyph {cp, raster.render(cp), false});
        const double renderSeconds = seconds(tRender);

        fontexport::ExportOptions o;
        const auto &info = face.info();
        o.emBox = fontexport::emBoxFromFont(info.unitsPerEm, info.emBoxTop, info.emBoxBottom);
        o.formats = {fontexport::ExportFormat::Svg, fontexport::ExportFormat::Ufo, fontexport::ExportFormat::Ttf};
        o.family = "ZiStudio Bench";
        o.threads = args.threads;

        // Warm-up (page cache, allocator): a small export.
        {
            std::vector<fontexport::ExportGlyph> few(
                input.begin(), input.begin() + std::min<std::size_t>(200, input.size()));
            fontexport::exportGlyphSet(few, o, freshDir("warmup"));
        }
        // Each run exports into a new folder (the usual first export); outputs are deleted only at the
        // end, because deleting thousands of files just before makes ext4 slow to allocate inodes.
        std::vector<double> runs, cpuRuns;
        fontexport::ExportReport last;
        fs::path outDir;
        for (int r = 0; r < args.repeats; ++r) {
            outDir = freshDir("main-" + std::to_string(r));
            const auto t = Clock::now();
            const double c = cpuSeconds();
            last = fontexport::exportGlyphSet(input, o, outDir);
            runs.push_back(seconds(t));
            cpuRuns.push_back(cpuSeconds() - c);
        }
        const Stats main = stats(runs);
        const Stats mainCpu = stats(cpuRuns);
        // Exporting again over the last export: includes moving the old folders out and deleting them.
        const auto tAgain = Clock::now();
        fontexport::exportGlyphSet(input, o, outDir);
        const double againSeconds = seconds(tAgain);

        double oneThread = -1, traceSeconds = -1, traceCpu = -1, ttfSeconds = -1, peerSeconds = -1;
        std::size_t ttfBytes = 0;
        if (args.extras) {
            // One thread, once: the threading gain.
            fontexport::ExportOptions one = o;
            one.threads = 1;
            const auto tOne = Clock::now();
            fontexport::exportGlyphSet(input, one, freshDir("one"));
            oneThread = seconds(tOne);

            // Stages alone, one thread: tracing; our TTF compilation from the traced outlines.
            const auto tTrace = Clock::now();
            const double cTrace = cpuSeconds();
            std::vector<fontexport::FontGlyph> outlines;
            outlines.reserve(input.size());
            for (const auto &g : input)
                outlines.push_back(fontexport::FontGlyph {fontexport::glyphNameFor(g.cp), g.cp, o.emBox.unitsPerEm,
                    fontexport::traceGlyph(g.image, o.emBox, o.trace)});
            traceSeconds = seconds(tTrace);
            traceCpu = cpuSeconds() - cTrace;
            fontexport::FontInfo fontInfo;
            fontInfo.emBox = o.emBox;
            const auto tTtf = Clock::now();
            ttfBytes = fontexport::buildTrueTypeFont(fontInfo, outlines).size();
            ttfSeconds = seconds(tTtf);

            // Peer, same run: fontTools compiling the UFO we wrote into a TTF.
            const fs::path ufo = outDir / "ZiStudioBench-Regular.ufo";
            const std::string cmd = "/usr/bin/python3 -c " + shellQuote(kPeerScript) + " " + shellQuote(ufo.string())
                + " " + shellQuote((freshDir("peer") / "peer.ttf").string()) + " 2>&1";
            if (FILE *pipe = ::popen(cmd.c_str(), "r")) {
                char buf[256] = {};
                std::string output;
                while (std::fgets(buf, sizeof buf, pipe))
                    output += buf;
                if (::pclose(pipe) == 0)
                    peerSeconds = std::atof(output.c_str());
                else
                    std::cerr << "peer failed: " << output << "\n";
            }
        }

        const unsigned cores = std::thread::hardware_concurrency();
        std::printf("export benchmark: %zu glyphs (GB2312) at %d px, AR PL KaitiM GB, %s, %u cores, load %.1f\n",
            input.size(), args.size, cpuModel().c_str(), cores, loadAverage());
        std::printf("%-44s %10s %10s %10s %10s\n", "step", "median s", "min s", "max s", "CPU s");
        std::printf("%-44s %10.2f %10s %10s\n", "render input (rasterizer, not timed below)", renderSeconds, "", "");
        std::printf("%-44s %10.2f %10.2f %10.2f %10.2f\n",
            ("export SVG+UFO+TTF, " + std::to_string(args.threads) + " threads").c_str(), main.median, main.min,
            main.max, mainCpu.median);
        std::printf("%-44s %10.2f\n", "  of which: glyphs (trace, SVG, .glif)", last.glyphSeconds);
        std::printf("%-44s %10.2f\n", "  of which: fonts (UFO plists, TTF)", last.fontSeconds);
        std::printf("%-44s %10.2f\n", "  of which: commit (syncfs, renames)", last.commitSeconds);
        std::printf("%-44s %10.2f\n", "export again over it (replaces, deletes old)", againSeconds);
        std::printf("%-44s %10.2f\n", "export SVG+UFO+TTF, 1 thread", oneThread);
        std::printf("%-44s %10.2f %32.2f   (%.2f ms CPU/glyph)\n", "trace only, 1 thread", traceSeconds, traceCpu,
            1000 * traceCpu / static_cast<double>(input.size()));
        std::printf("%-44s %10.2f\n", "TTF from outlines (ours), 1 thread", ttfSeconds);
        std::printf("%-44s %10.2f   (ours/peer %.2f)\n", "TTF from our UFO (fontTools peer)", peerSeconds,
            peerSeconds > 0 ? ttfSeconds / peerSeconds : 0.0);
        std::printf("target: < 30 s on 2 cores -> %s; %zu files, TTF %zu bytes\n", main.median < 30 ? "met" : "MISSED",
            last.filesWritten, ttfBytes);

        const nlohmann::json j = {{"benchmark", "export"}, {"glyphs", input.size()}, {"size", args.size},
            {"font", args.font}, {"formats", "svg,ufo,ttf"}, {"threads", args.threads},
            {"machine", {{"cpu", cpuModel()}, {"cores", cores}, {"load_average", loadAverage()}}},
            {"render_seconds", renderSeconds},
            {"export_seconds", {{"median", main.median}, {"min", main.min}, {"max", main.max}, {"runs", runs}}},
            {"export_cpu_seconds", {{"median", mainCpu.median}, {"runs", cpuRuns}}},
            {"trace_cpu_seconds_one_thread", traceCpu}, {"export_one_thread_seconds", oneThread},
            {"export_again_over_previous_seconds", againSeconds},
            {"last_run_split_seconds",
                {{"glyphs", last.glyphSeconds}, {"fonts", last.fontSeconds}, {"commit", last.commitSeconds}}},
            {"trace_seconds_one_thread", traceSeconds}, {"ttf_build_seconds", ttfSeconds},
            {"peer_fonttools_ttf_seconds", peerSeconds}, {"files_written", last.filesWritten}, {"target_seconds", 30},
            {"target_met", main.median < 30}};
        fs::create_directories(fs::path(args.json).parent_path());
        std::ofstream(args.json) << j.dump(2) << "\n";
        std::printf("wrote %s\n", args.json.c_str());
        for (const auto &e : fs::directory_iterator(fs::temp_directory_path()))
            if (e.path().filename().string().rfind("zistudio-bench-export-", 0) == 0)
                fs::remove_all(e.path());
        return 0;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_export: error: %s\n", e.what());
        return 1;
    }
}
