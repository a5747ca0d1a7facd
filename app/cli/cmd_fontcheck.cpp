// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio-cli font-check FONT [--face N] [--size PX] [--renders N] [--json]: the worker that opens,
// validates and rasterises a font a user adds, in its own process, so that a font which crashes or
// hangs FreeType takes down this process and not the studio (ui/fontisolation/fontprobe.h runs it
// with a timeout and CPU/memory limits). Exit status 0: usable report; 1: the font was refused (with
// --json the refusal is a JSON object {"ok": false, "error": ...} on stdout as well).
#include "clicommand.h"
#include "clioutput.h"

#include "common/error.h"
#include "common/imageio.h"
#include "glyphs/charsets.h"
#include "glyphs/coverage.h"
#include "glyphs/fonterror.h"
#include "glyphs/fontface.h"
#include "glyphs/rasterizer.h"
#include "glyphs/utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <thread>
#include <unordered_set>
#include <vector>

#include <sys/resource.h>

namespace zistudio::cli
{

namespace
{

/// Characters rendered per built-in charset the face covers, spread evenly over the covered ones.
constexpr std::size_t kSamplePerCharset = 32;
/// Renders included as PNG, preferring these characters (永 is the classic calligraphy test character).
constexpr char32_t kPreferredRenders[] = {U'\u6C38', U'\u56FD', U'\u570B', U'\u5B57', U'\u4E2D', U'\u3042', U'A'};

struct FontCheckOptions
{
    std::string font;
    int face = 0;
    int size = 64;
    int renders = 4;
    bool json = false;
    long long maxMemoryMb = 0; ///< address space the check may add to what the program maps at start (0 = no limit)
    // Hidden hooks for the tests of the isolation (tests/ui/test_fontprobe.cpp): a worker that misbehaves.
    bool testHang = false;
    bool testSpin = false;
    bool testCrash = false;
    bool testAlloc = false;
    bool testGarbage = false;
};

std::string base64(const std::string &bytes)
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 | static_cast<unsigned char>(bytes[i + 1]) << 8
            | static_cast<unsigned char>(bytes[i + 2]);
        out += {kAlphabet[v >> 18], kAlphabet[(v >> 12) & 63], kAlphabet[(v >> 6) & 63], kAlphabet[v & 63]};
    }
    if (i + 1 == bytes.size()) {
        const unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        out += {kAlphabet[v >> 18], kAlphabet[(v >> 12) & 63], '=', '='};
    } else if (i + 2 == bytes.size()) {
        const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 | static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += {kAlphabet[v >> 18], kAlphabet[(v >> 12) & 63], kAlphabet[(v >> 6) & 63], '='};
    }
    return out;
}

/** The process's address space now (VmSize), in bytes; 0 when /proc does not say. */
unsigned long long addressSpaceNow()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmSize:", 0) == 0)
            return std::strtoull(line.c_str() + 7, nullptr, 10) * 1024; // "VmSize:   123456 kB"
    return 0;
}

/**
 * Caps the address space at what the program maps now plus `megabytes`: the budget counts only what
 * the font work allocates, whatever the size of the libraries (a CUDA LibTorch build maps gigabytes
 * of them). The studio passes its limit this way (a limit set before exec would stop the loader).
 */
void limitMemory(long long megabytes)
{
    if (megabytes <= 0)
        return;
    const rlim_t limit = addressSpaceNow() + static_cast<rlim_t>(megabytes) * 1024 * 1024;
    const rlimit memory {limit, limit};
    if (::setrlimit(RLIMIT_AS, &memory) != 0)
        throw IoError(std::string("font-check: cannot limit its memory: ") + std::strerror(errno));
}

/** Misbehaves as asked (test hooks only); returns when no hook is set. */
void runTestHooks(const FontCheckOptions &o)
{
    if (o.testGarbage) {
        std::cout << "this is not JSON\n" << std::flush;
        std::_Exit(0);
    }
    if (o.testCrash)
        std::raise(SIGSEGV);
    if (o.testHang)
        for (;;)
            std::this_thread::sleep_for(std::chrono::hours(1));
    if (o.testSpin) {
        volatile unsigned long long n = 0;
        for (;;)
            n = n + 1;
    }
    if (o.testAlloc) {
        std::vector<std::unique_ptr<char[]>> blocks;
        constexpr std::size_t kBlock = std::size_t(256) << 20;
        for (int i = 0; i < 256; ++i) { // 64 GiB at most: stops at the address-space limit long before
            blocks.push_back(std::make_unique<char[]>(kBlock));
            std::fill_n(blocks.back().get(), kBlock, char(1));
        }
    }
}

/** The characters to render: evenly spread covered characters of every built-in charset, plus ASCII. */
std::vector<char32_t> sampleChars(const glyphs::FontFace &face)
{
    std::vector<char32_t> sample;
    std::unordered_set<char32_t> seen;
    auto add = [&](char32_t cp) {
        if (seen.insert(cp).second)
            sample.push_back(cp);
    };
    for (char32_t cp : kPreferredRenders)
        if (face.hasGlyph(cp))
            add(cp);
    for (const auto &name : glyphs::builtinCharsetNames()) {
        const auto covered = glyphs::coveredChars(face, glyphs::builtinCharset(name));
        const std::size_t step = std::max<std::size_t>(1, covered.size() / kSamplePerCharset);
        for (std::size_t i = 0; i < covered.size(); i += step)
            add(covered[i]);
    }
    for (char32_t cp = U'!'; cp <= U'~'; ++cp)
        if (face.hasGlyph(cp))
            add(cp);
    return sample;
}

nlohmann::ordered_json check(const FontCheckOptions &o)
{
    const auto faces = glyphs::listFaces(o.font); // opens and validates every face of the file
    if (o.face < 0 || o.face >= static_cast<int>(faces.size()))
        throw glyphs::FontError("face index " + std::to_string(o.face) + " is out of range (the file has "
            + std::to_string(faces.size()) + (faces.size() == 1 ? " face): " : " faces): ") + o.font);
    const glyphs::FontFace face(o.font, o.face);
    const glyphs::FaceInfo &info = face.info();
    const glyphs::Rasterizer rasterizer(face, {.size = o.size, .placement = glyphs::Placement::EmBox});

    const auto sample = sampleChars(face);
    std::vector<glyphs::GlyphRender> renders;
    renders.reserve(sample.size());
    for (char32_t cp : sample)
        renders.push_back(rasterizer.renderChecked(cp));
    const int repeated = glyphs::markRepeated(renders);
    int ok = 0;
    int empty = 0;
    int damaged = 0;
    nlohmann::ordered_json damage = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < renders.size(); ++i) {
        switch (renders[i].status) {
        case glyphs::GlyphStatus::Ok:
            ++ok;
            break;
        case glyphs::GlyphStatus::EmptyOutline:
            ++empty;
            break;
        case glyphs::GlyphStatus::Damaged:
            ++damaged;
            if (damage.size() < 8)
                damage.push_back({{"char", glyphs::encodeUtf8(sample[i])},
                    {"codepoint", glyphs::formatCodePoint(sample[i])}, {"detail", renders[i].detail}});
            break;
        default:
            break;
        }
    }

    nlohmann::ordered_json faceList = nlohmann::ordered_json::array();
    for (const auto &f : faces)
        faceList.push_back({{"index", f.index}, {"family", f.family}, {"style", f.style}, {"format", f.format},
            {"glyphCount", f.glyphCount}});
    nlohmann::ordered_json coverage = nlohmann::ordered_json::object();
    for (const auto &c : glyphs::builtinCoverage(face))
        coverage[c.charset] = {{"covered", c.covered}, {"total", c.total}};
    nlohmann::ordered_json pictures = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < renders.size() && static_cast<int>(pictures.size()) < o.renders; ++i) {
        if (!renders[i].ok())
            continue;
        pictures.push_back({{"char", glyphs::encodeUtf8(sample[i])}, {"codepoint", glyphs::formatCodePoint(sample[i])},
            {"png", base64(encodeGrayPng(renders[i].image))}});
    }
    nlohmann::ordered_json problems = nlohmann::ordered_json::array();
    if (ok == 0)
        problems.push_back("no sampled character renders");
    if (damaged > 0)
        problems.push_back(
            std::to_string(damaged) + " of " + std::to_string(renders.size()) + " sampled glyphs are damaged");
    if (repeated > 0)
        problems.push_back(std::to_string(repeated) + " sampled characters share one placeholder glyph (tofu)");

    return {{"ok", true}, {"file", o.font}, {"face", o.face}, {"numFaces", faces.size()}, {"faces", faceList},
        {"family", info.family}, {"style", info.style}, {"format", info.format}, {"glyphCount", info.glyphCount},
        {"unitsPerEm", info.unitsPerEm},
        {"emBox", {{"top", info.emBoxTop}, {"bottom", info.emBoxBottom}, {"source", info.emBoxSource}}},
        {"embeddedBitmaps", info.hasEmbeddedBitmaps}, {"coverage", coverage},
        {"sample",
            {{"size", o.size}, {"rendered", renders.size()}, {"ok", ok}, {"empty", empty}, {"damaged", damaged},
                {"repeated", repeated}, {"damagedGlyphs", damage}}},
        {"renders", pictures}, {"problems", problems}};
}

void printReport(const nlohmann::ordered_json &r)
{
    std::cout << r["file"].get<std::string>() << ": face " << r["face"].get<int>() << " of "
              << r["numFaces"].get<std::size_t>() << ", " << r["family"].get<std::string>() << " "
              << r["style"].get<std::string>() << " (" << r["format"].get<std::string>() << ", "
              << r["glyphCount"].get<int>() << " glyphs)\n";
    const auto &s = r["sample"];
    std::cout << "rendered " << s["rendered"].get<std::size_t>() << " sample characters at " << s["size"].get<int>()
              << " px: " << s["ok"].get<int>() << " ok, " << s["empty"].get<int>() << " empty, "
              << s["damaged"].get<int>() << " damaged, " << s["repeated"].get<int>() << " repeated\n";
    std::vector<std::vector<std::string>> rows {{"charset", "covered", "of"}};
    for (const auto &[name, c] : r["coverage"].items())
        rows.push_back({name, std::to_string(c["covered"].get<int>()), std::to_string(c["total"].get<int>())});
    printTable(rows);
    for (const auto &p : r["problems"])
        std::cout << "problem: " << p.get<std::string>() << '\n';
}

void runFontCheck(const FontCheckOptions &o)
{
    limitMemory(o.maxMemoryMb);
    runTestHooks(o);
    if (!o.json) {
        printReport(check(o));
        return;
    }
    nlohmann::ordered_json report;
    try {
        report = check(o);
    } catch (const Error &e) {
        std::cout << nlohmann::ordered_json {{"ok", false}, {"file", o.font}, {"error", e.what()}}.dump(2) << '\n';
        throw CLI::RuntimeError(1); // refused: exit status 1, the reason is in the JSON
    }
    std::cout << report.dump(2) << '\n';
}

void setupFontCheck(CLI::App &root)
{
    auto opts = std::make_shared<FontCheckOptions>();
    auto *cmd = root.add_subcommand(
        "font-check", "Open, validate and rasterise a sample of a font (the studio runs this in a separate process)");
    cmd->add_option("FONT", opts->font, "Font file (.ttf, .otf, .ttc, .otc)")->required();
    cmd->add_option("--face", opts->face, "Face of a collection (0-based)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--size", opts->size, "Sample render size in pixels")
        ->check(CLI::Range(8, 512))
        ->capture_default_str();
    cmd->add_option("--renders", opts->renders, "Sample renders to include as PNG in the JSON")
        ->check(CLI::Range(0, 64))
        ->capture_default_str();
    cmd->add_flag("--json", opts->json, "Print the report (or the refusal) as JSON");
    cmd->add_option("--max-memory-mb", opts->maxMemoryMb,
           "Stop the check (out of memory) when it takes more than this many MiB of address space beyond the "
           "program's own (0 = no limit; the studio passes 2048)")
        ->check(CLI::Range(0LL, 1LL << 30));
    // Test hooks: hidden from --help (empty group).
    cmd->add_flag("--test-hang", opts->testHang, "")->group("");
    cmd->add_flag("--test-spin", opts->testSpin, "")->group("");
    cmd->add_flag("--test-crash", opts->testCrash, "")->group("");
    cmd->add_flag("--test-alloc", opts->testAlloc, "")->group("");
    cmd->add_flag("--test-garbage", opts->testGarbage, "")->group("");
    cmd->callback([opts] { runFontCheck(*opts); });
}

} // namespace

ZISTUDIO_CLI_COMMAND("font-check", setupFontCheck)

} // namespace zistudio::cli
