// SPDX-License-Identifier: GPL-3.0-or-later
#include "testfonts.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace zistudio::test
{

std::filesystem::path requireFont(const std::filesystem::path &debianPath, const char *package)
{
    // scripts/gpu-check unpacks the font packages into a prefix of its own on a machine without them.
    const std::filesystem::path path
        = debianPath.string().starts_with("/usr/share/fonts/") && std::getenv("ZISTUDIO_FONT_ROOT")
        ? std::filesystem::path(std::getenv("ZISTUDIO_FONT_ROOT")) / debianPath.string().substr(17)
        : debianPath;
    if (!std::filesystem::exists(path))
        ADD_FAILURE() << "missing test font " << path << ": install " << package << " (scripts/setup-deps)";
    return path;
}

std::filesystem::path TestFonts::songGb()
{
    return requireFont("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", "fonts-arphic-gbsn00lp");
}

std::filesystem::path TestFonts::kaiGb()
{
    return requireFont("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf", "fonts-arphic-gkai00mp");
}

std::filesystem::path TestFonts::ukaiTtc()
{
    return requireFont("/usr/share/fonts/truetype/arphic/ukai.ttc", "fonts-arphic-ukai");
}

std::filesystem::path TestFonts::umingTtc()
{
    return requireFont("/usr/share/fonts/truetype/arphic/uming.ttc", "fonts-arphic-uming");
}

std::filesystem::path TestFonts::smiley()
{
    return requireFont("/usr/share/fonts/truetype/smiley-sans/SmileySans-Oblique.ttf", "fonts-smiley-sans");
}

std::filesystem::path TestFonts::dejavu()
{
    return requireFont("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "fonts-dejavu-core");
}

} // namespace zistudio::test
