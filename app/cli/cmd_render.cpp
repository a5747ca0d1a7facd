// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio-cli render: characters of a font through THE rasterizer into uniXXXX.png files.
#include "clicommand.h"
#include "clioutput.h"

#include "common/imageio.h"
#include "data/datasetspec.h"
#include "glyphs/charsets.h"
#include "glyphs/fontface.h"
#include "glyphs/rasterizer.h"
#include "glyphs/utf8.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace zistudio::cli
{

namespace
{

struct RenderOptions
{
    std::string font;
    int face = 0;
    std::string chars;
    std::string charset;
    std::string charsetFile;
    int limit = 0;
    int size = 0;
    std::string policy = "embox";
    double margin = 0.08;
    std::string out;
};

/**
 * Writes PNGs on a few threads: every file is written atomically (fsync included), which costs milliseconds per
 * file, so overlapping the writes makes a 6,763-glyph charset several times faster. Bounded queue.
 */
class PngWriters
{
public:
    explicit PngWriters(int threads)
    {
        for (int i = 0; i < threads; ++i)
            m_threads.emplace_back([this] { loop(); });
    }
    ~PngWriters() { stop(); }
    PngWriters(const PngWriters &) = delete;
    PngWriters &operator=(const PngWriters &) = delete;

    void submit(std::filesystem::path path, GrayImage image, std::map<std::string, std::string> text)
    {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [this] { return m_queue.size() < kMaxQueued || m_error; });
        if (m_error)
            std::rethrow_exception(m_error);
        m_queue.push_back({std::move(path), std::move(image), std::move(text)});
        m_work.notify_one();
    }

    /** Waits for every write; rethrows the first error. */
    void finish()
    {
        stop();
        if (m_error)
            std::rethrow_exception(m_error);
    }

private:
    struct Item
    {
        std::filesystem::path path;
        GrayImage image;
        std::map<std::string, std::string> text;
    };
    static constexpr std::size_t kMaxQueued = 64;

    void loop()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_work.wait(lock, [this] { return !m_queue.empty() || m_stopping; });
            if (m_queue.empty())
                return;
            Item item = std::move(m_queue.front());
            m_queue.pop_front();
            m_space.notify_one();
            lock.unlock();
            std::exception_ptr error;
            try {
                writeGrayPng(item.path, item.image, item.text);
            } catch (...) {
                error = std::current_exception();
            }
            lock.lock();
            if (error && !m_error) {
                m_error = error;
                m_queue.clear();
                m_space.notify_all();
            }
        }
    }

    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_work.notify_all();
        for (auto &t : m_threads)
            if (t.joinable())
                t.join();
    }

    std::mutex m_mutex;
    std::condition_variable m_work;
    std::condition_variable m_space;
    std::deque<Item> m_queue;
    std::vector<std::thread> m_threads;
    std::exception_ptr m_error;
    bool m_stopping = false;
};

glyphs::Placement parsePolicy(const std::string &policy)
{
    if (policy == "embox")
        return glyphs::Placement::EmBox;
    if (policy == "fit")
        return glyphs::Placement::FitToInk;
    throw std::runtime_error("--policy must be 'embox' or 'fit', got '" + policy + "'");
}

void runRender(const RenderOptions &opts)
{
    data::CharsetSpec spec;
    spec.builtin = opts.charset;
    spec.file = opts.charsetFile;
    spec.text = opts.chars;
    spec.limit = opts.limit;
    const glyphs::RasterOptions raster {
        .size = opts.size, .placement = parsePolicy(opts.policy), .fitMargin = opts.margin};
    const glyphs::FontFace face(opts.font, opts.face);
    const glyphs::Rasterizer rasterizer(face, raster);
    const std::vector<char32_t> chars = glyphs::resolveCharset(spec);

    const std::filesystem::path out(opts.out);
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec || !std::filesystem::is_directory(out))
        throw std::runtime_error("cannot create the output folder " + out.string()
            + (ec ? " (" + ec.message() + ")" : std::string(" (a file has that name)")));

    const std::map<std::string, std::string> baseText {{"zistudio.font", face.path()},
        {"zistudio.face", std::to_string(face.info().index)}, {"zistudio.size", std::to_string(raster.size)},
        {"zistudio.policy", opts.policy}};
    installInterruptHandler();
    ProgressLine progress(ProgressLine::Log::Deciles);
    const bool showProgress = chars.size() >= 200;
    std::map<glyphs::GlyphStatus, std::vector<char32_t>> skipped;
    std::size_t written = 0;
    PngWriters writers(4);
    for (std::size_t i = 0; i < chars.size(); ++i) {
        if (interruptRequested()) {
            writers.finish();
            throw std::runtime_error("interrupted after " + std::to_string(written) + " glyphs");
        }
        const char32_t cp = chars[i];
        glyphs::GlyphRender r = rasterizer.renderChecked(cp);
        if (r.ok()) {
            auto text = baseText;
            text["zistudio.char"] = glyphs::encodeUtf8(cp);
            writers.submit(out / (glyphs::glyphFileStem(cp) + ".png"), std::move(r.image), std::move(text));
            ++written;
        } else {
            skipped[r.status].push_back(cp);
        }
        if (showProgress && (i % 64 == 0 || i + 1 == chars.size()))
            progress.update(
                static_cast<double>(i + 1) / chars.size(), std::to_string(i + 1) + "/" + std::to_string(chars.size()));
    }
    writers.finish();
    if (showProgress)
        progress.finish();
    std::cout << "rendered " << written << " of " << chars.size() << " characters (" << raster.size << " px, "
              << opts.policy << ") to " << out.string() << '\n';
    for (const auto &[status, list] : skipped) {
        std::string sample;
        for (std::size_t k = 0; k < list.size() && k < 20; ++k)
            sample += glyphs::encodeUtf8(list[k]);
        std::cout << "skipped " << list.size() << " (" << glyphs::glyphStatusName(status) << "): " << sample
                  << (list.size() > 20 ? "..." : "") << '\n';
    }
}

void setupRender(CLI::App &root)
{
    auto *cmd = root.add_subcommand("render", "Render characters of a font to uniXXXX.png files (ink black on white)");
    auto opts = std::make_shared<RenderOptions>();
    cmd->add_option("--font", opts->font, "Font file (.ttf, .otf, .ttc, .otc)")->required();
    cmd->add_option("--face", opts->face, "Face of a collection (0-based)")->check(CLI::NonNegativeNumber);
    auto *chars = cmd->add_option("--chars", opts->chars, "Characters to render (UTF-8 text)");
    auto *charset = cmd->add_option("--charset", opts->charset,
        "Built-in charset: gb2312, gb2312-1, big5, big5-common, jis0208, joyo, ksx1001-hangul");
    auto *file = cmd->add_option("--charset-file", opts->charsetFile, "UTF-8 charset file ('#' comments)");
    chars->excludes(charset)->excludes(file);
    charset->excludes(file);
    cmd->add_option("--limit", opts->limit, "Only the first N characters (0 = all)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--size", opts->size, "Canvas size in pixels (e.g. 64, 128, 256, 512)")->required();
    cmd->add_option("--policy", opts->policy, "Placement: embox (default) or fit (crop to ink, centre)");
    cmd->add_option("--margin", opts->margin, "Margin for --policy fit, fraction of the size (default 0.08)");
    cmd->add_option("--out", opts->out, "Output folder (created when missing)")->required();
    cmd->callback([opts] {
        if (opts->chars.empty() && opts->charset.empty() && opts->charsetFile.empty())
            throw std::runtime_error("choose the characters with --chars, --charset or --charset-file");
        runRender(*opts);
    });
}

} // namespace

ZISTUDIO_CLI_COMMAND("render", setupRender)

} // namespace zistudio::cli
