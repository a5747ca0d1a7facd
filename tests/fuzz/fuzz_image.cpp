// SPDX-License-Identifier: GPL-3.0-or-later
// Hand-drawn glyph images come from users: any bytes must give an image or an IoError.
#include "common/error.h"
#include "common/imageio.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        const zistudio::GrayImage img
            = zistudio::decodeLuminanceImage(std::string_view(reinterpret_cast<const char *>(data), size), "fuzz");
        if (img.pixels.size() != static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height))
            __builtin_trap();
    } catch (const zistudio::IoError &) { }
    return 0;
}
