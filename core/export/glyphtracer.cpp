// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/glyphtracer.h"

#include "export/exporterror.h"

#include <potracelib.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

namespace zistudio::fontexport
{

namespace
{

constexpr int kMaxUpscale = 8;
constexpr int kMaxImageSide = 4096;
constexpr int kWordBits = static_cast<int>(8 * sizeof(potrace_word));

void sort3(std::uint8_t &a, std::uint8_t &b, std::uint8_t &c)
{
    if (a > b)
        std::swap(a, b);
    if (b > c)
        std::swap(b, c);
    if (a > b)
        std::swap(a, b);
}

std::uint8_t median3of(std::uint8_t a, std::uint8_t b, std::uint8_t c)
{
    return std::max(std::min(a, b), std::min(std::max(a, b), c));
}

/**
 * 3×3 median with replicated borders. Exact and fast: sort each column's three values, then the
 * median of nine is the median of (largest column minimum, median of column medians, smallest
 * column maximum).
 */
GrayImage median3(const GrayImage &in)
{
    const int w = in.width, h = in.height;
    GrayImage out(w, h);
    std::vector<std::uint8_t> lo(static_cast<std::size_t>(w)), mid(static_cast<std::size_t>(w)),
        hi(static_cast<std::size_t>(w));
    for (int y = 0; y < h; ++y) {
        const std::uint8_t *a = &in.pixels[static_cast<std::size_t>(std::max(y - 1, 0)) * w];
        const std::uint8_t *b = &in.pixels[static_cast<std::size_t>(y) * w];
        const std::uint8_t *c = &in.pixels[static_cast<std::size_t>(std::min(y + 1, h - 1)) * w];
        for (int x = 0; x < w; ++x) {
            std::uint8_t p = a[x], q = b[x], r = c[x];
            sort3(p, q, r);
            lo[x] = p, mid[x] = q, hi[x] = r;
        }
        std::uint8_t *o = &out.pixels[static_cast<std::size_t>(y) * w];
        for (int x = 0; x < w; ++x) {
            const int l = std::max(x - 1, 0), r = std::min(x + 1, w - 1);
            const std::uint8_t maxLo = std::max({lo[l], lo[x], lo[r]});
            const std::uint8_t minHi = std::min({hi[l], hi[x], hi[r]});
            o[x] = median3of(maxLo, median3of(mid[l], mid[x], mid[r]), minHi);
        }
    }
    return out;
}

struct BitmapDeleter
{
    void operator()(potrace_state_t *s) const { potrace_state_free(s); }
};
struct ParamDeleter
{
    void operator()(potrace_param_t *p) const { potrace_param_free(p); }
};

/** A potrace bitmap (scanline 0 = bottom row) of the image upsampled and thresholded. */
struct Bitmap
{
    potrace_bitmap_t bm {};
    std::vector<potrace_word> words;
    bool anyInk = false;
};

void setBit(Bitmap &b, int x, int y)
{
    b.words[static_cast<std::size_t>(y) * static_cast<std::size_t>(b.bm.dy) + static_cast<std::size_t>(x / kWordBits)]
        |= potrace_word(1) << (kWordBits - 1 - x % kWordBits);
}

Bitmap rasterise(const GrayImage &img, int up, double threshold)
{
    Bitmap b;
    const int w = img.width * up;
    const int h = img.height * up;
    b.bm.w = w;
    b.bm.h = h;
    b.bm.dy = (w + kWordBits - 1) / kWordBits;
    b.words.assign(static_cast<std::size_t>(b.bm.dy) * static_cast<std::size_t>(h), 0);
    b.bm.map = b.words.data();
    // Bilinear sample at the centre of each output pixel, clamped at the borders, in 8-bit fixed
    // point: value * 65536 compared with the threshold * 65536.
    constexpr int kOne = 256;
    const auto limit = static_cast<std::int64_t>(std::ceil(threshold * 255.0 * kOne * kOne));
    struct Tap
    {
        int i0, i1, w1;
    };
    auto taps = [&](int n, int src) {
        std::vector<Tap> t(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            const double s = std::clamp((i + 0.5) / up - 0.5, 0.0, src - 1.0);
            const int i0 = static_cast<int>(s);
            t[static_cast<std::size_t>(i)]
                = Tap {i0, std::min(i0 + 1, src - 1), static_cast<int>(std::lround((s - i0) * kOne))};
        }
        return t;
    };
    const std::vector<Tap> xt = taps(w, img.width), yt = taps(h, img.height);
    for (int y = 0; y < h; ++y) {
        const Tap &ty = yt[static_cast<std::size_t>(y)];
        const std::uint8_t *r0 = img.pixels.data() + static_cast<std::size_t>(ty.i0) * img.width;
        const std::uint8_t *r1 = img.pixels.data() + static_cast<std::size_t>(ty.i1) * img.width;
        const int row = h - 1 - y; // potrace scanline 0 is the bottom row
        for (int x = 0; x < w; ++x) {
            const Tap &tx = xt[static_cast<std::size_t>(x)];
            const int a = r0[tx.i0], bb = r0[tx.i1], c = r1[tx.i0], d = r1[tx.i1];
            if ((a | bb | c | d) == 0)
                continue; // paper: the common case
            const std::int64_t top = a * (kOne - tx.w1) + bb * tx.w1;
            const std::int64_t bottom = c * (kOne - tx.w1) + d * tx.w1;
            if (top * (kOne - ty.w1) + bottom * ty.w1 >= limit) {
                setBit(b, x, row);
                b.anyInk = true;
            }
        }
    }
    return b;
}

} // namespace

void validateTraceOptions(const TraceOptions &o)
{
    if (o.turdsize < 0)
        throw ExportError("trace option turdsize must be 0 or more, got " + std::to_string(o.turdsize));
    if (!(o.alphamax >= 0 && o.alphamax <= 2))
        throw ExportError("trace option alphamax must be between 0 and 2, got " + std::to_string(o.alphamax));
    if (!(o.opttolerance >= 0 && o.opttolerance <= 10))
        throw ExportError("trace option opttolerance must be between 0 and 10, got " + std::to_string(o.opttolerance));
    if (o.upscale < 1 || o.upscale > kMaxUpscale)
        throw ExportError("trace option upscale must be between 1 and " + std::to_string(kMaxUpscale) + ", got "
            + std::to_string(o.upscale));
    if (!(o.threshold > 0 && o.threshold < 1))
        throw ExportError(
            "trace option threshold must be between 0 and 1 (exclusive), got " + std::to_string(o.threshold));
}

Outline traceGlyph(const GrayImage &image, const EmBox &emBox, const TraceOptions &options)
{
    validateTraceOptions(options);
    validateEmBox(emBox);
    if (image.isNull())
        throw ExportError("cannot trace an empty glyph image");
    if (image.width != image.height)
        throw ExportError("glyph image must be square (em-box placement), got " + std::to_string(image.width) + "x"
            + std::to_string(image.height));
    if (image.width > kMaxImageSide)
        throw ExportError("glyph image is too large to trace: " + std::to_string(image.width) + " px (limit "
            + std::to_string(kMaxImageSide) + ")");
    if (image.pixels.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height))
        throw ExportError("glyph image pixel buffer does not match its size");

    const GrayImage filtered = options.median3 ? median3(image) : image;
    const int up = options.upscale;
    Bitmap bitmap = rasterise(filtered, up, options.threshold);
    if (!bitmap.anyInk)
        return {};

    std::unique_ptr<potrace_param_t, ParamDeleter> param(potrace_param_default());
    if (!param)
        throw ExportError("potrace: out of memory");
    param->turdsize = options.turdsize * up * up;
    param->alphamax = options.alphamax;
    param->opticurve = options.opttolerance > 0 ? 1 : 0;
    param->opttolerance = options.opttolerance;
    std::unique_ptr<potrace_state_t, BitmapDeleter> state(potrace_trace(param.get(), &bitmap.bm));
    if (!state || state->status != POTRACE_STATUS_OK)
        throw ExportError("potrace failed to trace a " + std::to_string(image.width) + " px glyph image");

    // Square pixels, as the rasterizer draws them: the canvas spans the em box height both ways.
    const double s = (emBox.emBoxTop - emBox.emBoxBottom) / static_cast<double>(bitmap.bm.h);
    auto map = [&](const potrace_dpoint_t &p) { return Point {p.x * s, emBox.emBoxBottom + p.y * s}; };

    Outline outline;
    for (const potrace_path_t *path = state->plist; path; path = path->next) {
        const potrace_curve_t &curve = path->curve;
        if (curve.n <= 0)
            continue;
        Contour contour;
        contour.start = map(curve.c[curve.n - 1][2]);
        for (int i = 0; i < curve.n; ++i) {
            const auto *c = curve.c[i];
            if (curve.tag[i] == POTRACE_CORNER) {
                contour.segments.push_back(Segment {Segment::Type::Line, {}, {}, map(c[1])});
                contour.segments.push_back(Segment {Segment::Type::Line, {}, {}, map(c[2])});
            } else {
                contour.segments.push_back(Segment {Segment::Type::Cubic, map(c[0]), map(c[1]), map(c[2])});
            }
        }
        outline.contours.push_back(std::move(contour));
    }
    return outline;
}

} // namespace zistudio::fontexport
