// SPDX-License-Identifier: GPL-3.0-or-later
#include "glyphs/handdrawnset.h"

#include "common/hashing.h"
#include "common/imageio.h"
#include "glyphs/fonterror.h"
#include "glyphs/imageops.h"
#include "glyphs/utf8.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

namespace zistudio::glyphs
{

namespace
{

/// Paper/ink distance below which a scan counts as blank (8-bit luminance).
constexpr int kMinContrast = 48;
/// Coverage ramp, as fractions of the paper/ink contrast: below kPaperCut is paper, above kInkCut full ink.
constexpr double kPaperCut = 0.2;
constexpr double kInkCut = 0.8;

bool isImageExtension(std::string ext)
{
    std::transform(
        ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp";
}

/** Sorted folder entries (names in byte order, so results never depend on the file system's order). */
std::vector<std::filesystem::directory_entry> listFolder(const std::filesystem::path &folder)
{
    std::error_code ec;
    const auto status = std::filesystem::status(folder, ec);
    if (ec && ec != std::errc::no_such_file_or_directory)
        throw FontError("cannot open the hand-drawn glyph folder (" + ec.message() + "): " + folder.string());
    if (!std::filesystem::is_directory(status))
        throw FontError("hand-drawn glyph folder does not exist or is not a folder: " + folder.string());
    std::vector<std::filesystem::directory_entry> entries;
    std::filesystem::directory_iterator it(folder, ec);
    if (ec)
        throw FontError("cannot list the hand-drawn glyph folder (" + ec.message() + "): " + folder.string());
    for (; it != std::filesystem::directory_iterator(); it.increment(ec)) {
        if (ec)
            throw FontError("cannot list the hand-drawn glyph folder (" + ec.message() + "): " + folder.string());
        if (it->path().filename().string().starts_with("."))
            continue; // .DS_Store, editor swap files...
        entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(),
        [](const auto &a, const auto &b) { return a.path().filename().string() < b.path().filename().string(); });
    return entries;
}

int percentile(const std::vector<int> &histogram, long long total, double fraction)
{
    const long long target = static_cast<long long>(std::ceil(fraction * static_cast<double>(total)));
    long long seen = 0;
    for (int v = 0; v < 256; ++v) {
        seen += histogram[static_cast<std::size_t>(v)];
        if (seen >= std::max(1LL, target))
            return v;
    }
    return 255;
}

} // namespace

GrayImage HandDrawnSet::inkFromLuminance(const GrayImage &lum, bool *darkInk)
{
    GrayImage out(lum.width, lum.height);
    if (lum.isNull())
        return out;
    // Paper is what dominates the border.
    const int band = std::max(1, std::min(lum.width, lum.height) / 32);
    std::vector<int> border(256, 0);
    long long borderCount = 0;
    std::vector<int> all(256, 0);
    for (int y = 0; y < lum.height; ++y)
        for (int x = 0; x < lum.width; ++x) {
            const int v = lum.at(x, y);
            ++all[static_cast<std::size_t>(v)];
            if (x < band || y < band || x >= lum.width - band || y >= lum.height - band) {
                ++border[static_cast<std::size_t>(v)];
                ++borderCount;
            }
        }
    const int paper = percentile(border, borderCount, 0.5);
    const bool dark = paper >= 128;
    if (darkInk)
        *darkInk = dark;
    const long long total = static_cast<long long>(lum.pixels.size());
    // The ink level: the 0.2% most ink-like pixels (robust to a few dust specks of extreme value).
    const int ink = dark ? percentile(all, total, 0.002) : percentile(all, total, 0.998);
    const int contrast = std::abs(paper - ink);
    if (contrast < kMinContrast)
        return out;
    const double lo = kPaperCut * contrast;
    const double hi = kInkCut * contrast;
    for (std::size_t i = 0; i < lum.pixels.size(); ++i) {
        const double d = dark ? paper - lum.pixels[i] : lum.pixels[i] - paper;
        const double c = std::clamp((d - lo) / (hi - lo), 0.0, 1.0);
        out.pixels[i] = static_cast<std::uint8_t>(std::lround(c * 255.0));
    }
    return out;
}

HandDrawnSet HandDrawnSet::load(const std::filesystem::path &folder, const RasterOptions &options)
{
    if (options.size < 8 || options.size > 2048)
        throw FontError("glyph image size " + std::to_string(options.size) + " is outside 8..2048 pixels");
    HandDrawnSet set;
    set.m_folder = folder;
    std::map<char32_t, std::filesystem::path> taken;
    for (const auto &entry : listFolder(folder)) {
        const std::filesystem::path &file = entry.path();
        std::error_code ec;
        if (entry.is_directory(ec)) {
            set.m_problems.push_back({file, "a subfolder: ignored (images must be directly in the folder)"});
            continue;
        }
        if (!isImageExtension(file.extension().string())) {
            set.m_problems.push_back({file, "not a .png, .jpg or .bmp image: ignored"});
            continue;
        }
        const auto cp = parseCodePointName(file.stem().string());
        if (!cp) {
            set.m_problems.push_back({file,
                "the name does not say which character it is (use the character, uniXXXX or U+XXXX, e.g. "
                "永.png or uni6C38.png)"});
            continue;
        }
        if (const auto it = taken.find(*cp); it != taken.end()) {
            set.m_problems.push_back({file,
                "duplicate: " + formatCodePoint(*cp) + " " + encodeUtf8(*cp) + " is already drawn in "
                    + it->second.filename().string()});
            continue;
        }
        GrayImage luminance;
        try {
            luminance = readLuminanceImage(file);
        } catch (const Error &e) {
            set.m_problems.push_back({file, std::string("unreadable: ") + e.what()});
            continue;
        }
        HandDrawnGlyph glyph;
        glyph.cp = *cp;
        glyph.file = file;
        const GrayImage ink = inkFromLuminance(luminance, &glyph.darkInk);
        const PixelRect box = inkBounds(ink);
        if (box.empty()) {
            set.m_problems.push_back({file, "empty: no ink found (a blank or low-contrast image)"});
            continue;
        }
        glyph.image = fitToCanvas(ink, box, options.size, options.fitMargin);
        taken.emplace(*cp, file);
        set.m_glyphs.push_back(std::move(glyph));
    }
    if (set.m_glyphs.empty()) {
        // A style without a single glyph is a mistake (an empty folder, a folder named like a font), not a style.
        std::string ext = folder.extension().string();
        std::transform(
            ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        const bool fontName = ext == ".ttf" || ext == ".otf" || ext == ".ttc" || ext == ".otc";
        std::string why = fontName ? "it is a folder named like a font file, not a font"
            : set.m_problems.empty()
            ? "it is empty (hand-drawn glyphs are PNG, JPEG or BMP images named by their character, e.g. 永.png)"
            : set.m_problems.front().file.filename().string() + ": " + set.m_problems.front().reason;
        throw FontError("hand-drawn glyph folder holds no usable glyph image (" + why + "): " + folder.string());
    }
    std::sort(set.m_glyphs.begin(), set.m_glyphs.end(), [](const auto &a, const auto &b) { return a.cp < b.cp; });
    return set;
}

const HandDrawnGlyph *HandDrawnSet::find(char32_t cp) const
{
    const auto it = std::lower_bound(
        m_glyphs.begin(), m_glyphs.end(), cp, [](const HandDrawnGlyph &g, char32_t c) { return g.cp < c; });
    return it != m_glyphs.end() && it->cp == cp ? &*it : nullptr;
}

std::string HandDrawnSet::folderHash(const std::filesystem::path &folder)
{
    Sha256 hash;
    hash.add("zistudio-handdrawn-v1\n");
    for (const auto &entry : listFolder(folder)) {
        std::error_code ec;
        if (entry.is_directory(ec) || !isImageExtension(entry.path().extension().string()))
            continue;
        std::string fileHash;
        try {
            fileHash = sha256File(entry.path());
        } catch (const Error &) {
            fileHash = "unreadable"; // reported by load(); the hash only needs to change when the bytes do
        }
        hash.add(entry.path().filename().string());
        hash.add("\n");
        hash.add(fileHash);
        hash.add("\n");
    }
    return hash.hex();
}

} // namespace zistudio::glyphs
