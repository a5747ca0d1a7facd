// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/buildinfo.h"

#include "common/computedevice.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>
#include <sstream>

namespace zistudio
{

BuildInfo buildInfo()
{
    BuildInfo info;
    info.zistudio = ZISTUDIO_VERSION;
    FT_Library lib = nullptr;
    if (FT_Init_FreeType(&lib) == 0) {
        FT_Int major = 0, minor = 0, patch = 0;
        FT_Library_Version(lib, &major, &minor, &patch);
        info.freetype = std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
        FT_Done_FreeType(lib);
    }
    info.harfbuzz = hb_version_string();
    const ComputeDeviceInfo dev = describeComputeDevice();
    info.libtorch = dev.libtorchDescription();
    info.device = dev.description();
    return info;
}

std::string formatBuildInfo(const BuildInfo &info)
{
    std::ostringstream out;
    out << "ZiStudio " << info.zistudio << '\n'
        << "  LibTorch: " << info.libtorch << '\n'
        << "  FreeType: " << info.freetype << '\n'
        << "  HarfBuzz: " << info.harfbuzz << '\n'
        << "  Device:   " << info.device << '\n';
    return out.str();
}

} // namespace zistudio
