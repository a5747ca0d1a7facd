// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/glyphtracer.h"

#include "export/exporterror.h"

#include <potracelib.h>

#include <algorithm>
#include <array>
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

GrayImage median3(const GrayImage &in)
{
    GrayImage out(in.width, in.height);
    std::array<std::uint8_t, 9> v {};
    for (int y = 0; y < in.height; ++y) {
        for (int x = 0; x < in.width; ++x) {
            int n = 0;
            for (int dy = -1; dy <= 1; ++dy) {
                const int yy = std::clamp(y + dy, 0, in.height - 1);
                for (int dx = -1; dx <= 1; ++dx)
                    v[n++] = in.at(std::clamp(x + dx, 0, in.width - 1), yy);
            }
            std::nth_element(v.begin(), v.begin() + 4, v.end());
            out.at(x, y) = v[4];
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
    const double limit = threshold * 255.0;
    // Bilinear sample at the centre of each output pixel, clamped at the borders.
    std::vector<int> x0(static_cast<std::size_t>(w)), x1(static_cast<std::size_t>(w));
    std::vector<double> fx(static_cast<std::size_t>(w));
    for (int x = 0; x < w; ++x) {
        const double sx = std::clamp((x + 0.5) / up - 0.5, 0.0, img.width - 1.0);
        x0[x] = static_cast<int>(sx);
        x1[x] = std::min(x0[x] + 1, img.width - 1);
        fx[x] = sx - x0[x];
    }
    for (int y = 0; y < h; ++y) {
        const double sy = std::clamp((y + 0.5) / up - 0.5, 0.0, img.height - 1.0);
        const int y0 = static_cast<int>(sy);
        const int y1 = std::min(y0 + 1, img.height - 1);
        const double fy = sy - y0;
        const std::uint8_t *r0 = img.pixels.data() + static_cast<std::size_t>(y0) * img.width;
        const std::uint8_t *r1 = img.pixels.data() + static_cast<std::size_t>(y1) * img.width;
        const int row = h - 1 - y; // potrace scanline 0 is the bottom row
        for (int x = 0; x < w; ++x) {
            const double top = r0[x0[x]] + (r0[x1[x]] - r0[x0[x]]) * fx[x];
            const double bottom = r1[x0[x]] + (r1[x1[x]] - r1[x0[x]]) * fx[x];
            if (top + (bottom - top) * fy >= limit) {
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
