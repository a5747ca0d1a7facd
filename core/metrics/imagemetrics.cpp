// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/imagemetrics.h"

#include <array>
#include <cmath>
#include <string>
#include <vector>

namespace zistudio::metrics
{

namespace
{

/** Wang et al.'s stabilising constants for data range L = 1: C1 = (K1 L)^2, C2 = (K2 L)^2. */
constexpr double kC1 = 0.01 * 0.01;
constexpr double kC2 = 0.03 * 0.03;

void requireComparable(const GrayImage &a, const GrayImage &b, const char *metric)
{
    if (a.isNull() || b.isNull())
        throw MetricsError(std::string(metric) + ": cannot compare an empty image");
    if (a.width != b.width || a.height != b.height)
        throw MetricsError(std::string(metric) + ": image sizes differ (" + std::to_string(a.width) + "x"
            + std::to_string(a.height) + " vs " + std::to_string(b.width) + "x" + std::to_string(b.height) + ")");
    if (a.pixels.size() != static_cast<std::size_t>(a.width) * static_cast<std::size_t>(a.height)
        || b.pixels.size() != a.pixels.size())
        throw MetricsError(std::string(metric) + ": image pixel buffer does not match its size");
}

std::array<double, kSsimWindow> gaussianWindow()
{
    std::array<double, kSsimWindow> w {};
    const int half = kSsimWindow / 2;
    double sum = 0.0;
    for (int i = 0; i < kSsimWindow; ++i) {
        const double x = i - half;
        w[static_cast<std::size_t>(i)] = std::exp(-(x * x) / (2.0 * kSsimSigma * kSsimSigma));
        sum += w[static_cast<std::size_t>(i)];
    }
    for (double &v : w)
        v /= sum;
    return w;
}

/** Separable "valid" filtering of a width x height plane with the 1-D window in both directions. */
std::vector<double> filterValid(const std::vector<double> &plane, int width, int height)
{
    static const auto kWindow = gaussianWindow();
    const int outW = width - kSsimWindow + 1;
    const int outH = height - kSsimWindow + 1;
    std::vector<double> rows(static_cast<std::size_t>(outW) * static_cast<std::size_t>(height));
    for (int y = 0; y < height; ++y) {
        const double *src = plane.data() + static_cast<std::size_t>(y) * width;
        double *dst = rows.data() + static_cast<std::size_t>(y) * outW;
        for (int x = 0; x < outW; ++x) {
            double acc = 0.0;
            for (int k = 0; k < kSsimWindow; ++k)
                acc += kWindow[static_cast<std::size_t>(k)] * src[x + k];
            dst[x] = acc;
        }
    }
    std::vector<double> out(static_cast<std::size_t>(outW) * static_cast<std::size_t>(outH));
    for (int y = 0; y < outH; ++y) {
        for (int x = 0; x < outW; ++x) {
            double acc = 0.0;
            for (int k = 0; k < kSsimWindow; ++k)
                acc += kWindow[static_cast<std::size_t>(k)] * rows[static_cast<std::size_t>(y + k) * outW + x];
            out[static_cast<std::size_t>(y) * outW + x] = acc;
        }
    }
    return out;
}

} // namespace

double meanAbsoluteError(const GrayImage &a, const GrayImage &b)
{
    requireComparable(a, b, "L1");
    long long sum = 0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i)
        sum += std::abs(int(a.pixels[i]) - int(b.pixels[i]));
    return static_cast<double>(sum) / (255.0 * static_cast<double>(a.pixels.size()));
}

double ssim(const GrayImage &a, const GrayImage &b)
{
    requireComparable(a, b, "SSIM");
    if (a.width < kSsimWindow || a.height < kSsimWindow)
        throw MetricsError("SSIM: images of " + std::to_string(a.width) + "x" + std::to_string(a.height)
            + " are smaller than the " + std::to_string(kSsimWindow) + "x" + std::to_string(kSsimWindow) + " window");
    const std::size_t n = a.pixels.size();
    // Displayed intensity: paper 1, ink 0 (see the header).
    std::vector<double> x(n), y(n), xx(n), yy(n), xy(n);
    for (std::size_t i = 0; i < n; ++i) {
        x[i] = 1.0 - a.pixels[i] / 255.0;
        y[i] = 1.0 - b.pixels[i] / 255.0;
        xx[i] = x[i] * x[i];
        yy[i] = y[i] * y[i];
        xy[i] = x[i] * y[i];
    }
    const auto muX = filterValid(x, a.width, a.height);
    const auto muY = filterValid(y, a.width, a.height);
    const auto eXX = filterValid(xx, a.width, a.height);
    const auto eYY = filterValid(yy, a.width, a.height);
    const auto eXY = filterValid(xy, a.width, a.height);
    double sum = 0.0;
    for (std::size_t i = 0; i < muX.size(); ++i) {
        const double mx = muX[i], my = muY[i];
        const double vx = eXX[i] - mx * mx;
        const double vy = eYY[i] - my * my;
        const double cxy = eXY[i] - mx * my;
        sum += ((2.0 * mx * my + kC1) * (2.0 * cxy + kC2)) / ((mx * mx + my * my + kC1) * (vx + vy + kC2));
    }
    return sum / static_cast<double>(muX.size());
}

QualityScores compareImages(const GrayImage &prediction, const GrayImage &target)
{
    return QualityScores {.l1 = meanAbsoluteError(prediction, target), .ssim = ssim(prediction, target)};
}

} // namespace zistudio::metrics
