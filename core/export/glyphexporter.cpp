// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/glyphexporter.h"

#include "common/atomicfile.h"
#include "common/imageio.h"
#include "export/cffwriter.h"
#include "export/exporterror.h"
#include "export/glyphnames.h"
#include "export/stagingfolder.h"
#include "export/svgwriter.h"
#include "export/truetypewriter.h"
#include "export/ufowriter.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <mutex>
#include <thread>

namespace zistudio::fontexport
{

namespace fs = std::filesystem;

namespace
{

constexpr int kMaxThreads = 64;
constexpr int kMaxImageSide = 4096;
constexpr auto kProgressInterval = std::chrono::milliseconds(100);

/** Per-glyph results, filled by the worker threads. */
struct GlyphWork
{
    Outline outline;
    TrueTypeGlyph tt;
    CffGlyph cff;
    bool blank = false;
};

void validateOptions(const ExportOptions &o)
{
    if (o.formats.empty() && o.mergeInto.empty())
        throw ExportError("nothing to export: no format chosen and no font to merge into");
    if (o.threads < 1 || o.threads > kMaxThreads)
        throw ExportError(
            "export threads must be 1.." + std::to_string(kMaxThreads) + ", got " + std::to_string(o.threads));
    if (!(o.quadraticTolerance > 0 && o.quadraticTolerance <= 100))
        throw ExportError(
            "quadratic tolerance must be between 0 and 100 font units, got " + std::to_string(o.quadraticTolerance));
    validateTraceOptions(o.trace);
    validateContactSheetOptions(o.sheet);
    if (!o.mergeInto.empty())
        checkMergeTarget(o.mergeInto); // before hours of tracing, not after
}

/** The code point's reason to be skipped, or "" when the glyph is usable. */
std::string rejectReason(const ExportGlyph &g, const std::set<char32_t> &seen)
{
    if (g.cp == 0 || !isUnicodeScalar(g.cp))
        return "not a Unicode scalar value";
    if (seen.count(g.cp))
        return "code point given twice (the first image was used)";
    if (g.image.isNull())
        return "no image";
    if (g.image.width != g.image.height)
        return "image is not square (" + std::to_string(g.image.width) + "x" + std::to_string(g.image.height) + ")";
    if (g.image.width > kMaxImageSide)
        return "image is larger than " + std::to_string(kMaxImageSide) + " px";
    if (g.image.pixels.size() != static_cast<std::size_t>(g.image.width) * static_cast<std::size_t>(g.image.height))
        return "image buffer does not match its size";
    return {};
}

void makeFolder(const fs::path &p)
{
    std::error_code ec;
    fs::create_directory(p, ec);
    if (ec)
        throw ExportError("cannot create folder " + p.string() + ": " + ec.message());
}

bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load();
}

[[noreturn]] void throwCancelled(const fs::path &outDir)
{
    throw ExportCancelled("export cancelled; nothing was changed in " + outDir.string());
}

std::map<std::string, std::string> sheetText(const ExportOptions &o, std::size_t sheet, std::size_t sheets)
{
    std::map<std::string, std::string> text = o.metadata;
    text["Software"] = "ZiStudio " ZISTUDIO_VERSION;
    text["Title"] = o.family + " " + o.style;
    text["zistudio.sheet"] = std::to_string(sheet) + "/" + std::to_string(sheets);
    return text;
}

class Exporter
{
public:
    Exporter(const std::vector<ExportGlyph> &glyphs, const ExportOptions &options, const fs::path &outDir,
        const ExportProgress &progress, const std::atomic<bool> *cancel)
        : m_glyphs(glyphs)
        , m_o(options)
        , m_outDir(outDir)
        , m_progress(progress)
        , m_cancel(cancel)
    {
        m_info.family = options.family;
        m_info.style = options.style;
        m_info.emBox = options.emBox;
        m_info.versionMajor = options.versionMajor;
        m_info.versionMinor = options.versionMinor;
        m_info.metadata = options.metadata;
    }

    ExportReport run()
    {
        const auto start = std::chrono::steady_clock::now();
        validateOptions(m_o);
        validateFontInfo(m_info);
        selectGlyphs();
        if (m_order.empty())
            throw ExportError("nothing to export: "
                + std::string(m_glyphs.empty() ? "no glyphs were given"
                                               : "none of the " + std::to_string(m_glyphs.size())
                            + " glyphs is usable (" + m_report.skipped.front().reason + ")")
                + "; " + m_outDir.string() + " was left as it was");
        m_needOutlines = has(ExportFormat::Svg) || has(ExportFormat::Ufo) || has(ExportFormat::Ttf)
            || has(ExportFormat::Otf) || !m_o.mergeInto.empty();
        StagingFolder staging(m_outDir, m_o.overwrite);
        m_stage = staging.path();
        prepare();
        auto lap = std::chrono::steady_clock::now();
        auto split = [&lap] {
            const auto now = std::chrono::steady_clock::now();
            const double s = std::chrono::duration<double>(now - lap).count();
            lap = now;
            return s;
        };
        processGlyphs();
        m_report.glyphSeconds = split();
        if (cancelled(m_cancel))
            throwCancelled(m_outDir);
        writeFonts();
        writeSheets();
        m_report.fontSeconds = split();
        if (cancelled(m_cancel))
            throwCancelled(m_outDir);
        m_report.outputs = staging.commit();
        m_report.commitSeconds = split();
        m_report.filesWritten = m_files.load();
        m_report.elapsedSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        report(total(), total());
        return std::move(m_report);
    }

private:
    bool has(ExportFormat f) const { return m_o.formats.count(f) != 0; }
    int total() const { return static_cast<int>(m_order.size()) + 1; }
    void report(int done, int all) const
    {
        if (m_progress)
            m_progress(done, all);
    }

    void selectGlyphs()
    {
        std::set<char32_t> seen;
        for (std::size_t i = 0; i < m_glyphs.size(); ++i) {
            const std::string why = rejectReason(m_glyphs[i], seen);
            if (!why.empty()) {
                m_report.skipped.push_back(SkippedGlyph {m_glyphs[i].cp, why});
                continue;
            }
            seen.insert(m_glyphs[i].cp);
            m_order.push_back(i);
        }
        std::sort(m_order.begin(), m_order.end(),
            [&](std::size_t a, std::size_t b) { return m_glyphs[a].cp < m_glyphs[b].cp; });
        m_work.resize(m_order.size());
    }

    void prepare()
    {
        m_base = exportFileStem(m_info);
        if (has(ExportFormat::Png))
            makeFolder(m_stage / "png");
        if (has(ExportFormat::Svg))
            makeFolder(m_stage / "svg");
        if (has(ExportFormat::Ufo)) {
            std::vector<std::string> order {".notdef"};
            for (const auto i : m_order)
                order.push_back(glyphNameFor(m_glyphs[i].cp));
            m_ufo.emplace(m_stage / (m_base + ".ufo"), m_info, std::move(order), m_o.backgroundImages);
            FontGlyph notdef {".notdef", 0, m_info.emBox.unitsPerEm, notdefOutline(m_info.emBox)};
            m_ufo->writeGlyph(notdef);
            ++m_files;
        }
    }

    void processGlyph(std::size_t k)
    {
        const ExportGlyph &g = m_glyphs[m_order[k]];
        GlyphWork &w = m_work[k];
        const std::string name = glyphNameFor(g.cp);
        if (has(ExportFormat::Png)) {
            writeNewFile(m_stage / "png" / (name + ".png"),
                encodeGrayPng(g.image,
                    {{"Software", "ZiStudio " ZISTUDIO_VERSION}, {"zistudio.codepoint", formatCodePoint(g.cp)}}));
            ++m_files;
        }
        if (!m_needOutlines)
            return;
        w.outline = traceGlyph(g.image, m_o.emBox, m_o.trace);
        ++m_traced;
        if (w.outline.isEmpty()) {
            w.blank = true;
            return;
        }
        if (has(ExportFormat::Svg)) {
            writeNewFile(m_stage / "svg" / (name + ".svg"),
                outlineToSvg(w.outline, m_o.emBox, formatCodePoint(g.cp) + " " + encodeUtf8(g.cp)));
            ++m_files;
        }
        const int advance = m_o.emBox.unitsPerEm;
        if (m_ufo) {
            m_ufo->writeGlyph(
                FontGlyph {name, g.cp, advance, w.outline, g.flagged}, m_o.backgroundImages ? &g.image : nullptr);
            m_files += m_o.backgroundImages ? 2 : 1;
        }
        if (has(ExportFormat::Ttf))
            w.tt = compileTrueTypeGlyph(w.outline, m_o.quadraticTolerance);
        if (has(ExportFormat::Otf))
            w.cff = compileCffGlyph(w.outline, advance, advance);
    }

    void processGlyphs()
    {
        const std::size_t n = m_order.size();
        std::atomic<std::size_t> next {0}, done {0};
        std::atomic<bool> stop {false};
        std::exception_ptr error;
        std::mutex mutex;
        std::condition_variable cv;
        int running = std::min<int>(m_o.threads, static_cast<int>(std::max<std::size_t>(n, 1)));
        auto worker = [&] {
            while (!stop.load()) {
                if (cancelled(m_cancel))
                    break;
                const std::size_t k = next++;
                if (k >= n)
                    break;
                try {
                    processGlyph(k);
                } catch (...) {
                    const std::lock_guard lock(mutex);
                    if (!error)
                        error = std::current_exception();
                    stop = true;
                }
                ++done;
                cv.notify_one();
            }
            const std::lock_guard lock(mutex);
            --running;
            cv.notify_one();
        };
        std::vector<std::thread> threads;
        const int count = running;
        for (int t = 0; t < count; ++t)
            threads.emplace_back(worker);
        std::size_t reported = SIZE_MAX;
        {
            std::unique_lock lock(mutex);
            while (running > 0) {
                cv.wait_for(lock, kProgressInterval);
                const std::size_t d = done.load();
                if (d != reported && !stop.load()) {
                    reported = d;
                    lock.unlock();
                    try {
                        report(static_cast<int>(d), total());
                    } catch (...) {
                        // The callback failed: stop the workers, then pass its exception on.
                        const std::lock_guard relock(mutex);
                        if (!error)
                            error = std::current_exception();
                        stop = true;
                    }
                    lock.lock();
                }
            }
        }
        for (auto &t : threads)
            t.join();
        if (error)
            std::rethrow_exception(error);
        if (reported != done.load())
            report(static_cast<int>(done.load()), total()); // every glyph is reported before the fonts
    }

    void writeFonts()
    {
        std::vector<std::size_t> inFonts; // indices into m_order with an outline
        for (std::size_t k = 0; k < m_order.size(); ++k) {
            if (!m_needOutlines)
                break;
            if (m_work[k].blank)
                m_report.skipped.push_back(
                    SkippedGlyph {m_glyphs[m_order[k]].cp, "blank image: no outline (PNG only)"});
            else
                inFonts.push_back(k);
        }
        m_report.glyphsTraced = m_traced.load();
        m_report.glyphsInFonts = m_needOutlines ? static_cast<int>(inFonts.size()) : 0;
        const int advance = m_o.emBox.unitsPerEm;
        if (m_ufo) {
            m_ufo->finish();
            m_files += 5;
        }
        if (has(ExportFormat::Ttf)) {
            std::vector<GlyphRecord> records;
            std::vector<TrueTypeGlyph> compiled;
            compiled.push_back(compileTrueTypeGlyph(notdefOutline(m_o.emBox), m_o.quadraticTolerance));
            records.push_back(glyphRecord(".notdef", 0, advance, compiled.back()));
            for (const auto k : inFonts) {
                compiled.push_back(std::move(m_work[k].tt));
                records.push_back(glyphRecord(
                    glyphNameFor(m_glyphs[m_order[k]].cp), m_glyphs[m_order[k]].cp, advance, compiled.back()));
            }
            writeFileAtomically(m_stage / (m_base + ".ttf"), buildTrueTypeFont(m_info, records, compiled));
            ++m_files;
        }
        if (cancelled(m_cancel))
            throwCancelled(m_outDir);
        if (has(ExportFormat::Otf)) {
            std::vector<GlyphRecord> records;
            std::vector<CffGlyph> compiled;
            compiled.push_back(compileCffGlyph(notdefOutline(m_o.emBox), advance, advance));
            records.push_back(glyphRecord(".notdef", 0, advance, compiled.back()));
            for (const auto k : inFonts) {
                compiled.push_back(std::move(m_work[k].cff));
                records.push_back(glyphRecord(
                    glyphNameFor(m_glyphs[m_order[k]].cp), m_glyphs[m_order[k]].cp, advance, compiled.back()));
            }
            writeFileAtomically(m_stage / (m_base + ".otf"), buildCffFont(m_info, records, compiled));
            ++m_files;
        }
        if (!m_o.mergeInto.empty()) {
            std::vector<FontGlyph> glyphs;
            for (const auto k : inFonts) {
                const char32_t cp = m_glyphs[m_order[k]].cp;
                glyphs.push_back(FontGlyph {glyphNameFor(cp), cp, advance, std::move(m_work[k].outline)});
            }
            const fs::path target(m_o.mergeInto);
            MergeReport merge;
            const std::string merged = mergeIntoFontData(
                readFile(target), target.string(), glyphs, m_o.emBox, merge, m_o.quadraticTolerance);
            writeFileAtomically(m_stage / (target.stem().string() + "-merged.ttf"), merged);
            ++m_files;
            for (const auto &t : merge.droppedTables)
                m_report.warnings.push_back("merge: dropped the '" + t + "' table of " + target.filename().string()
                    + " (it would no longer match the glyphs)");
            if (!merge.alreadyPresent.empty())
                m_report.warnings.push_back("merge: " + std::to_string(merge.alreadyPresent.size())
                    + " code points were already in " + target.filename().string() + " and kept their glyphs");
            m_report.merge = std::move(merge);
        }
    }

    void writeSheets()
    {
        if (!has(ExportFormat::ContactSheet) || m_order.empty())
            return;
        std::vector<SheetGlyph> sheetGlyphs;
        for (const auto i : m_order)
            sheetGlyphs.push_back(SheetGlyph {m_glyphs[i].cp, &m_glyphs[i].image, m_glyphs[i].flagged});
        const auto sheets = renderContactSheets(sheetGlyphs, m_o.sheet);
        makeFolder(m_stage / "contact-sheets");
        for (std::size_t s = 0; s < sheets.size(); ++s) {
            if (cancelled(m_cancel))
                throwCancelled(m_outDir);
            char name[32];
            std::snprintf(name, sizeof name, "sheet-%03zu.png", s + 1);
            writeRgbaPng(m_stage / "contact-sheets" / name, sheets[s], sheetText(m_o, s + 1, sheets.size()));
            ++m_files;
        }
    }

    const std::vector<ExportGlyph> &m_glyphs;
    const ExportOptions &m_o;
    fs::path m_outDir;
    const ExportProgress &m_progress;
    const std::atomic<bool> *m_cancel;
    FontInfo m_info;
    ExportReport m_report;
    std::vector<std::size_t> m_order; // indices into m_glyphs, by code point
    std::vector<GlyphWork> m_work;    // parallel to m_order
    fs::path m_stage;
    std::string m_base;
    bool m_needOutlines = false;
    std::optional<UfoWriter> m_ufo;
    std::atomic<std::size_t> m_files {0};
    std::atomic<int> m_traced {0};
};

} // namespace

ExportReport exportGlyphSet(const std::vector<ExportGlyph> &glyphs, const ExportOptions &options,
    const fs::path &outDir, const ExportProgress &progress, const std::atomic<bool> *cancel)
{
    try {
        return Exporter(glyphs, options, outDir, progress, cancel).run();
    } catch (const ExportError &) {
        throw;
    } catch (const Error &e) {
        // I/O errors (disk full, read-only folder) from the writers: one error type for callers.
        throw ExportError(std::string("export failed: ") + e.what());
    }
}

} // namespace zistudio::fontexport
