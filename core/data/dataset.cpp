// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/dataset.h"

#include "common/hashing.h"
#include "data/dataerror.h"
#include "data/datasetspecjson.h"
#include "data/datasetstore.h"
#include "data/split.h"
#include "glyphs/charsets.h"
#include "glyphs/coverage.h"
#include "glyphs/fontface.h"
#include "glyphs/handdrawnset.h"
#include "glyphs/utf8.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace zistudio::data
{

namespace
{

/// Bump when the rasterizer's output changes, so stores rendered by an older version are rebuilt.
constexpr const char *kRasterizerVersion = "rasterizer-1";

MissingReason reasonOf(glyphs::GlyphStatus status)
{
    switch (status) {
    case glyphs::GlyphStatus::EmptyOutline:
        return MissingReason::EmptyOutline;
    case glyphs::GlyphStatus::Repeated:
        return MissingReason::Repeated;
    case glyphs::GlyphStatus::Damaged:
        return MissingReason::Damaged;
    default:
        return MissingReason::NotInFont;
    }
}

void sortMissing(std::vector<MissingChar> &missing)
{
    std::stable_sort(missing.begin(), missing.end(), [](const MissingChar &a, const MissingChar &b) {
        return static_cast<int>(a.reason) < static_cast<int>(b.reason);
    });
}

/** Counts rendered glyphs, reports progress now and then, and stops the build when asked to. */
class BuildTicker
{
public:
    BuildTicker(
        int total, const Dataset::Progress &progress, const std::atomic<bool> *cancel, const std::filesystem::path &dir)
        : m_total(total)
        , m_progress(progress)
        , m_cancel(cancel)
        , m_dir(dir)
    { }

    void tick(int n = 1)
    {
        if (m_cancel && m_cancel->load())
            throw BuildCancelled("dataset build cancelled; the dataset in " + m_dir.string() + " is unchanged");
        const int before = m_done;
        m_done += n;
        if (m_progress && m_done != m_reported && (m_done / 64 != before / 64 || m_done == m_total)) {
            m_reported = m_done;
            m_progress(m_done, m_total);
        }
    }

private:
    int m_total;
    int m_done = 0;
    int m_reported = -1;
    const Dataset::Progress &m_progress;
    const std::atomic<bool> *m_cancel;
    std::filesystem::path m_dir;
};

/** One font's glyphs of a charset, streamed into the blob as they are rendered: a build holds no image set. */
struct StreamedFont
{
    std::vector<glyphs::GlyphStatus> status; ///< per character; Repeated after the tofu filter
    std::vector<int> image;                  ///< per character: its blob index, or -1 when not kept
    int repeated = 0;                        ///< characters the tofu filter dropped
};

/**
 * Renders `chars` in `face` and appends the Ok glyphs that `wanted` accepts to the blob. The tofu filter
 * (zi2zi's repeated bitmaps) counts every Ok glyph of the font, kept or not; a dropped glyph's image may
 * already be in the blob, where nothing refers to it (placeholders are few; a second rendering pass would
 * cost every build more).
 */
template<typename Wanted>
StreamedFont renderInto(const glyphs::FontFace &face, const std::vector<char32_t> &chars,
    const glyphs::RasterOptions &options, bool filterRepeated, const Wanted &wanted, BuildTicker &ticker,
    BlobWriter &blob)
{
    const glyphs::Rasterizer rasterizer(face, options);
    StreamedFont out;
    out.status.resize(chars.size());
    out.image.assign(chars.size(), -1);
    std::vector<std::uint64_t> hashes(chars.size());
    std::vector<unsigned> glyphIds(chars.size());
    std::vector<bool> ok(chars.size());
    for (std::size_t i = 0; i < chars.size(); ++i) {
        ticker.tick();
        const glyphs::GlyphRender render = rasterizer.renderChecked(chars[i]);
        out.status[i] = render.status;
        ok[i] = render.ok();
        glyphIds[i] = render.glyphId;
        if (!ok[i])
            continue;
        hashes[i] = glyphs::imageHash(render.image);
        if (wanted(chars[i]))
            out.image[i] = blob.append(render.image);
    }
    if (filterRepeated) {
        const std::vector<bool> repeated = glyphs::findRepeated(hashes, glyphIds, ok);
        for (std::size_t i = 0; i < chars.size(); ++i)
            if (repeated[i]) {
                out.status[i] = glyphs::GlyphStatus::Repeated;
                out.image[i] = -1;
                ++out.repeated;
            }
    }
    return out;
}

std::string folderName(const std::string &path)
{
    std::filesystem::path p(path);
    if (p.filename().empty())
        p = p.parent_path();
    return p.filename().string();
}

} // namespace

struct Dataset::Impl
{
    StoreContent content;
    std::filesystem::path dir;
    std::unordered_map<char32_t, int> sourceOf;

    explicit Impl(StoreContent c, std::filesystem::path d)
        : content(std::move(c))
        , dir(std::move(d))
    {
        for (const auto &[cp, index] : content.sources)
            sourceOf.emplace(cp, index);
    }
};

glyphs::RasterOptions rasterOptionsFor(const DatasetSpec &spec)
{
    return {.size = spec.imageSize,
        .placement = spec.placement == Placement::EmBox ? glyphs::Placement::EmBox : glyphs::Placement::FitToInk,
        .fitMargin = spec.fitMargin};
}

std::string Dataset::contentHash(const DatasetSpec &spec)
{
    const auto chars = glyphs::resolveCharset(spec.charset);
    Sha256 hash;
    hash.add("zistudio-dataset-1\n");
    hash.add(kRasterizerVersion);
    hash.add("\n");
    hash.add(datasetSpecToJson(spec).dump());
    hash.add("\n");
    hash.add(glyphs::encodeUtf8(std::u32string(chars.begin(), chars.end())));
    hash.add("\nsource ");
    hash.add(sha256File(spec.source.path));
    for (const auto &t : spec.targets) {
        hash.add("\ntarget ");
        hash.add(t.kind == TargetSpec::Kind::Font ? sha256File(t.path) : glyphs::HandDrawnSet::folderHash(t.path));
    }
    return hash.hex();
}

Dataset Dataset::build(const DatasetSpec &spec, const std::filesystem::path &storeDir, const Progress &progress,
    const std::atomic<bool> *cancel)
{
    validateDatasetSpec(spec, "dataset");
    // Open everything first: a bad font fails fast with its own message, before any hashing or rendering.
    const glyphs::FontFace sourceFace(spec.source.path, spec.source.face);
    std::vector<std::unique_ptr<glyphs::FontFace>> targetFaces;
    std::vector<const glyphs::FontFace *> fonts {&sourceFace};
    for (const auto &t : spec.targets) {
        targetFaces.push_back(
            t.kind == TargetSpec::Kind::Font ? std::make_unique<glyphs::FontFace>(t.path, t.face) : nullptr);
        if (targetFaces.back())
            fonts.push_back(targetFaces.back().get());
    }
    int notCoveredByAll = 0;
    const std::vector<char32_t> chars = glyphs::resolveCharset(spec.charset, fonts, &notCoveredByAll);

    const std::string hash = contentHash(spec);
    if (storedContentHash(storeDir) == hash) {
        try {
            Dataset reused = open(storeDir);
            reused.m_reused = true;
            return reused;
        } catch (const DataError &) {
            // A damaged store with the right hash: render it again.
        }
    }

    const glyphs::RasterOptions options = rasterOptionsFor(spec);
    BuildTicker ticker(static_cast<int>(chars.size() * (1 + spec.targets.size())), progress, cancel, storeDir);
    StoreContent c;
    c.contentHash = hash;
    c.spec = spec;
    c.imageSize = spec.imageSize;
    c.chars = chars;
    // Images go to disk as they are rendered; the finished store is memory-mapped (see MappedImages).
    createStoreFolder(storeDir);
    BlobWriter blob(storeDir / blobFileName(hash), spec.imageSize);
    DatasetReport &report = c.report;
    report.imageSize = spec.imageSize;
    report.placement = spec.placement == Placement::EmBox ? "embox" : "fit";
    report.charsetSize = static_cast<int>(chars.size());
    report.notCoveredByAll = notCoveredByAll;
    report.sourcePath = spec.source.path;

    std::unordered_map<char32_t, int> sourceOf;
    std::vector<char32_t> drawable;
    {
        const StreamedFont source = renderInto(
            sourceFace, chars, options, spec.filterRepeated, [](char32_t) { return true; }, ticker, blob);
        report.sourceRepeated = source.repeated;
        for (std::size_t i = 0; i < chars.size(); ++i) {
            if (source.image[i] >= 0) {
                sourceOf.emplace(chars[i], source.image[i]);
                c.sources.emplace_back(chars[i], source.image[i]);
                drawable.push_back(chars[i]);
            } else {
                report.sourceMissing.push_back({chars[i], reasonOf(source.status[i])});
            }
        }
        sortMissing(report.sourceMissing);
        report.sourceGlyphs = static_cast<int>(drawable.size());
    }

    std::vector<char32_t> pinned;
    for (const std::string &s : spec.validationChars) {
        const char32_t cp = glyphs::decodeUtf8(s)->front(); // validated: exactly one character
        if (sourceOf.count(cp))
            pinned.push_back(cp);
        else
            report.pinnedMissing.push_back(s);
    }
    c.validationChars = chooseValidationChars(drawable, spec.validationFraction, spec.seed, pinned);
    const std::unordered_set<char32_t> held(c.validationChars.begin(), c.validationChars.end());
    report.validationChars = static_cast<int>(c.validationChars.size());

    for (std::size_t ti = 0; ti < spec.targets.size(); ++ti) {
        const TargetSpec &t = spec.targets[ti];
        StyleReport style;
        style.styleId = t.styleId;
        style.kind = t.kind == TargetSpec::Kind::Font ? "font" : "images";
        style.path = t.path;
        const auto addPair = [&](char32_t cp, int imageIndex) {
            const Sample sample {cp, t.styleId, sourceOf.at(cp), imageIndex};
            if (held.count(cp)) {
                c.validation.push_back(sample);
                ++style.validation;
            } else {
                c.train.push_back(sample);
                ++style.train;
            }
        };
        if (t.kind == TargetSpec::Kind::Font) {
            const glyphs::FontFace &face = *targetFaces[ti];
            style.name = t.name.empty() ? face.info().family : t.name;
            const auto drawnBySource = [&](char32_t cp) { return sourceOf.count(cp) > 0; };
            const StreamedFont target
                = renderInto(face, chars, options, spec.filterRepeated, drawnBySource, ticker, blob);
            style.repeated = target.repeated;
            for (std::size_t i = 0; i < chars.size(); ++i) {
                if (!drawnBySource(chars[i]))
                    continue;
                if (target.image[i] >= 0)
                    addPair(chars[i], target.image[i]);
                else
                    style.missing.push_back({chars[i], reasonOf(target.status[i])});
            }
        } else {
            style.name = t.name.empty() ? folderName(t.path) : t.name;
            const auto set = glyphs::HandDrawnSet::load(t.path, options);
            ticker.tick(static_cast<int>(chars.size()));
            for (const auto &problem : set.problems())
                style.problems.push_back(problem.file.filename().string() + ": " + problem.reason);
            for (char32_t cp : chars) {
                if (!sourceOf.count(cp))
                    continue;
                if (const auto *glyph = set.find(cp))
                    addPair(cp, blob.append(glyph->image));
                else
                    style.missing.push_back({cp, MissingReason::NoImage});
            }
        }
        sortMissing(style.missing);
        style.pairs = style.train + style.validation;
        report.trainPairs += style.train;
        report.validationPairs += style.validation;
        report.styles.push_back(std::move(style));
    }
    report.images = blob.count();
    ticker.tick(0);

    writeStore(storeDir, c, blob);
    Dataset out;
    out.m_impl = std::make_shared<const Impl>(std::move(c), storeDir);
    return out;
}

Dataset Dataset::open(const std::filesystem::path &storeDir)
{
    Dataset out;
    out.m_impl = std::make_shared<const Impl>(readStore(storeDir), storeDir);
    return out;
}

Dataset::Dataset()
    : m_impl(std::make_shared<const Impl>(StoreContent {}, std::filesystem::path {}))
{ }

Dataset::~Dataset() = default;
Dataset::Dataset(const Dataset &) = default;
Dataset &Dataset::operator=(const Dataset &) = default;
Dataset::Dataset(Dataset &&) noexcept = default;
Dataset &Dataset::operator=(Dataset &&) noexcept = default;

const DatasetSpec &Dataset::spec() const
{
    return m_impl->content.spec;
}

int Dataset::imageSize() const
{
    return m_impl->content.imageSize;
}

int Dataset::imageCount() const
{
    return static_cast<int>(m_impl->content.images->count());
}

GrayImage Dataset::image(int index) const
{
    const auto p = pixels(index);
    GrayImage out;
    out.width = out.height = imageSize();
    out.pixels.assign(p.begin(), p.end());
    return out;
}

std::span<const std::uint8_t> Dataset::pixels(int index) const
{
    if (index < 0 || index >= imageCount())
        throw DataError("dataset image index " + std::to_string(index) + " is out of range (0.."
            + std::to_string(imageCount() - 1) + ")");
    return m_impl->content.images->pixels(static_cast<std::size_t>(index));
}

const std::vector<Sample> &Dataset::trainSamples() const
{
    return m_impl->content.train;
}

const std::vector<Sample> &Dataset::validationSamples() const
{
    return m_impl->content.validation;
}

const std::vector<char32_t> &Dataset::validationChars() const
{
    return m_impl->content.validationChars;
}

const std::vector<char32_t> &Dataset::chars() const
{
    return m_impl->content.chars;
}

std::optional<GrayImage> Dataset::sourceImage(char32_t cp) const
{
    const auto it = m_impl->sourceOf.find(cp);
    if (it == m_impl->sourceOf.end())
        return std::nullopt;
    return image(it->second);
}

std::vector<int> Dataset::styleIds() const
{
    std::vector<int> ids;
    for (const auto &t : m_impl->content.spec.targets)
        ids.push_back(t.styleId);
    return ids;
}

const DatasetReport &Dataset::report() const
{
    return m_impl->content.report;
}

const std::string &Dataset::contentHashValue() const
{
    return m_impl->content.contentHash;
}

const std::filesystem::path &Dataset::storeDir() const
{
    return m_impl->dir;
}

bool Dataset::reusedStore() const
{
    return m_reused;
}

} // namespace zistudio::data
