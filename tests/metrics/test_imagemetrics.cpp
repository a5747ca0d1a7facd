// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/imagemetrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace zistudio;
using namespace zistudio::metrics;

namespace
{

GrayImage filledSquare(int size, int x0, int y0, int side)
{
    GrayImage img(size, size, 0);
    for (int y = y0; y < y0 + side; ++y)
        for (int x = x0; x < x0 + side; ++x)
            img.at(x, y) = 255;
    return img;
}

GrayImage randomImage(int w, int h, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> dist(0, 255);
    GrayImage img(w, h);
    for (auto &p : img.pixels)
        p = static_cast<std::uint8_t>(dist(rng));
    return img;
}

/** The textbook definition, window by window with a 2-D Gaussian: independent of the separable code. */
double naiveSsim(const GrayImage &a, const GrayImage &b)
{
    double g[11];
    double gs = 0;
    for (int i = 0; i < 11; ++i) {
        g[i] = std::exp(-double((i - 5) * (i - 5)) / (2 * 1.5 * 1.5));
        gs += g[i];
    }
    double total = 0;
    int count = 0;
    for (int oy = 0; oy + 11 <= a.height; ++oy) {
        for (int ox = 0; ox + 11 <= a.width; ++ox) {
            double mx = 0, my = 0;
            for (int v = 0; v < 11; ++v)
                for (int u = 0; u < 11; ++u) {
                    const double w = g[u] * g[v] / (gs * gs);
                    mx += w * (1 - a.at(ox + u, oy + v) / 255.0);
                    my += w * (1 - b.at(ox + u, oy + v) / 255.0);
                }
            double vx = 0, vy = 0, c = 0;
            for (int v = 0; v < 11; ++v)
                for (int u = 0; u < 11; ++u) {
                    const double w = g[u] * g[v] / (gs * gs);
                    const double dx = (1 - a.at(ox + u, oy + v) / 255.0) - mx;
                    const double dy = (1 - b.at(ox + u, oy + v) / 255.0) - my;
                    vx += w * dx * dx;
                    vy += w * dy * dy;
                    c += w * dx * dy;
                }
            total += (2 * mx * my + 1e-4) * (2 * c + 9e-4) / ((mx * mx + my * my + 1e-4) * (vx + vy + 9e-4));
            ++count;
        }
    }
    return total / count;
}

} // namespace

TEST(ImageMetrics, IdenticalImagesAreZeroL1AndOneSsim)
{
    const auto img = randomImage(32, 32, 7);
    EXPECT_DOUBLE_EQ(meanAbsoluteError(img, img), 0.0);
    EXPECT_NEAR(ssim(img, img), 1.0, 1e-12);
}

TEST(ImageMetrics, PaperAgainstInkByHand)
{
    const GrayImage paper(16, 16, 0), ink(16, 16, 255);
    EXPECT_DOUBLE_EQ(meanAbsoluteError(paper, ink), 1.0);
    // Flat images: variances and covariance vanish; displayed means are 1 and 0.
    const double c1 = 1e-4;
    EXPECT_NEAR(ssim(paper, ink), c1 / (1.0 + c1), 1e-12);
}

TEST(ImageMetrics, FlatGrayByHand)
{
    const GrayImage paper(12, 12, 0), gray(12, 12, 128);
    EXPECT_NEAR(meanAbsoluteError(paper, gray), 128.0 / 255.0, 1e-15);
    const double my = 1.0 - 128.0 / 255.0;
    EXPECT_NEAR(ssim(paper, gray), (2 * my + 1e-4) / (1 + my * my + 1e-4), 1e-12);
}

TEST(ImageMetrics, InvertedCheckerboardIsAnticorrelated)
{
    GrayImage a(24, 24), b(24, 24);
    for (int y = 0; y < 24; ++y)
        for (int x = 0; x < 24; ++x) {
            a.at(x, y) = ((x + y) % 2) ? 255 : 0;
            b.at(x, y) = static_cast<std::uint8_t>(255 - a.at(x, y));
        }
    EXPECT_DOUBLE_EQ(meanAbsoluteError(a, b), 1.0);
    EXPECT_LT(ssim(a, b), -0.9);
    EXPECT_NEAR(ssim(a, b), naiveSsim(a, b), 1e-10);
}

TEST(ImageMetrics, ShiftedSquareByHand)
{
    const auto a = filledSquare(64, 20, 20, 20);
    const auto b1 = filledSquare(64, 21, 20, 20);
    const auto b3 = filledSquare(64, 23, 20, 20);
    // Shifting a 20x20 square by s pixels changes 2*s*20 pixels from ink to paper or back.
    EXPECT_NEAR(meanAbsoluteError(a, b1), 2.0 * 1 * 20 / (64.0 * 64.0), 1e-15);
    EXPECT_NEAR(meanAbsoluteError(a, b3), 2.0 * 3 * 20 / (64.0 * 64.0), 1e-15);
    const double s1 = ssim(a, b1), s3 = ssim(a, b3);
    EXPECT_LT(s1, 1.0);
    EXPECT_LT(s3, s1);
    EXPECT_NEAR(s1, naiveSsim(a, b1), 1e-10);
    EXPECT_NEAR(s3, naiveSsim(a, b3), 1e-10);
}

TEST(ImageMetrics, MatchesNaiveLoopOnRandomImages)
{
    for (unsigned seed = 1; seed <= 3; ++seed) {
        const auto a = randomImage(23, 19, seed);
        const auto b = randomImage(23, 19, seed + 100);
        EXPECT_NEAR(ssim(a, b), naiveSsim(a, b), 1e-10);
        EXPECT_NEAR(ssim(a, b), ssim(b, a), 1e-12);
    }
}

TEST(ImageMetrics, MatchesNumpyReference)
{
    // Reference from an independent numpy script (explicit 2-D window loop, float64):
    //   a = ((x*x + 3*y) * 37) % 256, b = (a + 40*(x % 3) + y) % 256, 20 wide, 17 high.
    GrayImage a(20, 17), b(20, 17);
    for (int y = 0; y < 17; ++y)
        for (int x = 0; x < 20; ++x) {
            a.at(x, y) = static_cast<std::uint8_t>(((x * x + 3 * y) * 37) % 256);
            b.at(x, y) = static_cast<std::uint8_t>((a.at(x, y) + 40 * (x % 3) + y) % 256);
        }
    EXPECT_NEAR(ssim(a, b), 0.15309834981147094, 1e-12);
    EXPECT_NEAR(meanAbsoluteError(a, b), 0.2625374855824683, 1e-15);
    const auto both = compareImages(a, b);
    EXPECT_DOUBLE_EQ(both.ssim, ssim(a, b));
    EXPECT_DOUBLE_EQ(both.l1, meanAbsoluteError(a, b));
}

TEST(ImageMetrics, RejectsMismatchedAndTinyImages)
{
    EXPECT_THROW(meanAbsoluteError(GrayImage(8, 8), GrayImage(8, 9)), MetricsError);
    EXPECT_THROW(ssim(GrayImage(32, 32), GrayImage(32, 31)), MetricsError);
    EXPECT_THROW(ssim(GrayImage(10, 32), GrayImage(10, 32)), MetricsError);
    EXPECT_THROW(meanAbsoluteError(GrayImage(), GrayImage()), MetricsError);
    try {
        ssim(GrayImage(64, 64), GrayImage(32, 32));
        FAIL();
    } catch (const MetricsError &e) {
        EXPECT_NE(std::string(e.what()).find("64x64 vs 32x32"), std::string::npos) << e.what();
    }
}
