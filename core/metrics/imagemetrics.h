// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "common/image.h"

namespace zistudio::metrics
{

/** Two images that cannot be compared (different sizes, empty, smaller than the SSIM window). */
class MetricsError : public Error
{
public:
    using Error::Error;
};

/** Side of the SSIM Gaussian window (Wang et al. 2004). */
inline constexpr int kSsimWindow = 11;
/** Standard deviation of the SSIM Gaussian window. */
inline constexpr double kSsimSigma = 1.5;

/**
 * Mean absolute error of two ink-coverage images on [0, 1] (0 = identical, 1 = one is all ink
 * where the other is all paper). Throws MetricsError when the sizes differ or the images are empty.
 */
double meanAbsoluteError(const GrayImage &a, const GrayImage &b);

/**
 * Structural similarity (Wang et al. 2004): 11x11 Gaussian window with sigma 1.5, data range 1,
 * K1 = 0.01, K2 = 0.03, population (biased) variances, averaged over every window position that
 * lies fully inside the image ("valid" filtering, as the reference ssim_index.m and scikit-image
 * with gaussian_weights=True do). The images are compared as they are displayed and stored in PNG
 * files (paper = 1, ink = 0), so the numbers match tools that read our PNGs. 1 means identical.
 * Throws MetricsError when the sizes differ or a side is smaller than the window.
 */
double ssim(const GrayImage &a, const GrayImage &b);

/** L1 and SSIM of one prediction against its target. */
struct QualityScores
{
    double l1 = 0.0;
    double ssim = 0.0;
};

/** Both metrics at once (one pass over the pixels for L1, one SSIM). */
QualityScores compareImages(const GrayImage &prediction, const GrayImage &target);

} // namespace zistudio::metrics
