// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/imageio.h"

#include "common/atomicfile.h"
#include "common/error.h"

#include <cstring>
#include <limits>
#include <png.h>
#include <stb_image.h>
#include <vector>

namespace zistudio
{

namespace
{

void pngWrite(png_structp png, png_bytep data, png_size_t len)
{
    auto *out = static_cast<std::string *>(png_get_io_ptr(png));
    out->append(reinterpret_cast<const char *>(data), len);
}

void pngFlush(png_structp)
{ }

std::string encodePng(int width, int height, int colorType, int bytesPerPixel, const std::uint8_t *rows,
    const std::map<std::string, std::string> &text)
{
    if (width <= 0 || height <= 0)
        throw Error("cannot encode an empty image as PNG");
    std::string out;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info) {
        png_destroy_write_struct(&png, nullptr);
        throw Error("cannot initialise the PNG encoder");
    }
    std::vector<png_text> chunks;
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        throw Error("PNG encoding failed");
    }
    png_set_write_fn(png, &out, pngWrite, pngFlush);
    png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8, colorType,
        PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png, 6);
    for (const auto &[key, value] : text) {
        png_text t {};
        t.compression = PNG_TEXT_COMPRESSION_NONE;
        t.key = const_cast<char *>(key.c_str());
        t.text = const_cast<char *>(value.c_str());
        t.text_length = value.size();
        chunks.push_back(t);
    }
    if (!chunks.empty())
        png_set_text(png, info, chunks.data(), static_cast<int>(chunks.size()));
    png_write_info(png, info);
    const std::size_t stride = static_cast<std::size_t>(width) * bytesPerPixel;
    for (int y = 0; y < height; ++y)
        png_write_row(png, const_cast<png_bytep>(rows + stride * static_cast<std::size_t>(y)));
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return out;
}

} // namespace

std::string encodeGrayPng(const GrayImage &img, const std::map<std::string, std::string> &text)
{
    std::vector<std::uint8_t> paper(img.pixels.size());
    for (std::size_t i = 0; i < paper.size(); ++i)
        paper[i] = static_cast<std::uint8_t>(255 - img.pixels[i]);
    return encodePng(img.width, img.height, PNG_COLOR_TYPE_GRAY, 1, paper.data(), text);
}

void writeGrayPng(
    const std::filesystem::path &path, const GrayImage &img, const std::map<std::string, std::string> &text)
{
    writeFileAtomically(path, encodeGrayPng(img, text));
}

void writeRgbaPng(
    const std::filesystem::path &path, const RgbaImage &img, const std::map<std::string, std::string> &text)
{
    writeFileAtomically(path, encodePng(img.width, img.height, PNG_COLOR_TYPE_RGBA, 4, img.pixels.data(), text));
}

GrayImage readLuminanceImage(const std::filesystem::path &path)
{
    constexpr std::uintmax_t kMaxImageBytes = 64u << 20; // a glyph scan is never this big
    return decodeLuminanceImage(readFile(path, kMaxImageBytes), path.string());
}

GrayImage decodeLuminanceImage(std::string_view bytes, const std::string &name)
{
    constexpr int kMaxSide = 8192;
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        throw IoError("image file is too large: " + name);
    int w = 0;
    int h = 0;
    int channels = 0;
    const auto *buf = reinterpret_cast<const stbi_uc *>(bytes.data());
    const int len = static_cast<int>(bytes.size());
    if (!stbi_info_from_memory(buf, len, &w, &h, &channels))
        throw IoError("not a readable image (" + std::string(stbi_failure_reason()) + "): " + name);
    if (w <= 0 || h <= 0 || w > kMaxSide || h > kMaxSide)
        throw IoError("image size " + std::to_string(w) + "x" + std::to_string(h) + " is outside 1.."
            + std::to_string(kMaxSide) + " pixels: " + name);
    stbi_uc *data = stbi_load_from_memory(buf, len, &w, &h, &channels, 2);
    if (!data)
        throw IoError("cannot decode image (" + std::string(stbi_failure_reason()) + "): " + name);
    GrayImage img(w, h);
    for (std::size_t i = 0; i < img.pixels.size(); ++i) {
        const int lum = data[2 * i];
        const int alpha = data[2 * i + 1];
        // Composite on white paper so transparent scans read as paper.
        img.pixels[i] = static_cast<std::uint8_t>((lum * alpha + 255 * (255 - alpha) + 127) / 255);
    }
    stbi_image_free(data);
    return img;
}

GrayImage readGrayPng(const std::filesystem::path &path)
{
    GrayImage img = readLuminanceImage(path);
    for (auto &p : img.pixels)
        p = static_cast<std::uint8_t>(255 - p);
    return img;
}

} // namespace zistudio
