// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/error.h"
#include "common/imageio.h"
#include "tempdir.h"

#include <gtest/gtest.h>

using namespace zistudio;

TEST(ImageIo, GrayPngRoundTripKeepsInkConvention)
{
    test::TempDir dir;
    GrayImage img(7, 5);
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x)
            img.at(x, y) = static_cast<std::uint8_t>(x * 30 + y * 7);
    writeGrayPng(dir / "g.png", img, {{"zistudio.step", "42"}});
    EXPECT_EQ(readGrayPng(dir / "g.png"), img);
    // On disk, full ink is black (luminance 0).
    const GrayImage lum = readLuminanceImage(dir / "g.png");
    EXPECT_EQ(lum.at(0, 0), 255);
}

TEST(ImageIo, NonImageIsAClearError)
{
    test::TempDir dir;
    std::FILE *f = std::fopen((dir / "x.png").c_str(), "wb");
    std::fputs("not a png", f);
    std::fclose(f);
    try {
        readLuminanceImage(dir / "x.png");
        FAIL();
    } catch (const IoError &e) {
        EXPECT_NE(std::string(e.what()).find("x.png"), std::string::npos);
    }
}
