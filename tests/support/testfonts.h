// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>

namespace zistudio::test
{

/** Paths of the real Debian fonts the tests use (installed by scripts/setup-deps). */
struct TestFonts
{
    static std::filesystem::path songGb();   ///< AR PL SungtiL GB (fonts-arphic-gbsn00lp), TrueType, upem 1024
    static std::filesystem::path kaiGb();    ///< AR PL KaitiM GB (fonts-arphic-gkai00mp)
    static std::filesystem::path ukaiTtc();  ///< AR PL UKai, 4 faces (fonts-arphic-ukai)
    static std::filesystem::path umingTtc(); ///< AR PL UMing, 4 faces + embedded bitmaps (fonts-arphic-uming)
    static std::filesystem::path smiley();   ///< Smiley Sans Oblique (fonts-smiley-sans), upem 1000
    static std::filesystem::path dejavu();   ///< DejaVu Sans: a font without CJK (fonts-dejavu-core)
};

/**
 * Skips nothing: a missing font is a broken test machine, so this fails the test with the package to install.
 * With ZISTUDIO_FONT_ROOT set, /usr/share/fonts/X is looked up as $ZISTUDIO_FONT_ROOT/X (scripts/gpu-check).
 */
std::filesystem::path requireFont(const std::filesystem::path &path, const char *package);

} // namespace zistudio::test
