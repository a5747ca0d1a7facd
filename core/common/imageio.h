// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/image.h"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace zistudio
{

/**
 * Writes an ink-coverage image as an 8-bit grayscale PNG, black ink on white paper, atomically.
 * `text` becomes PNG tEXt chunks (settings that produced the image). Throws IoError.
 */
void writeGrayPng(
    const std::filesystem::path &path, const GrayImage &img, const std::map<std::string, std::string> &text = {});

/** Writes an RGBA PNG atomically. Throws IoError. */
void writeRgbaPng(
    const std::filesystem::path &path, const RgbaImage &img, const std::map<std::string, std::string> &text = {});

/** Encodes to PNG bytes in memory (ink-coverage → black on white). */
std::string encodeGrayPng(const GrayImage &img, const std::map<std::string, std::string> &text = {});

/**
 * Decodes any PNG/JPEG/BMP/GIF/TGA file to 8-bit luminance (alpha composited on white), as stored:
 * 255 = white. Callers that want ink coverage invert (see glyphs::HandDrawnSet for polarity
 * detection). Throws IoError naming the file and the decoder's reason.
 */
GrayImage readLuminanceImage(const std::filesystem::path &path);

/** The same from bytes in memory; `name` appears in error messages. Throws IoError. */
GrayImage decodeLuminanceImage(std::string_view bytes, const std::string &name);

/** Reads a PNG this program wrote (black on white) back to ink coverage. */
GrayImage readGrayPng(const std::filesystem::path &path);

} // namespace zistudio
