// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a libFuzzer harness over every file in the folders given (seed corpus, saved crashers).
// Exits non-zero when a folder is missing; a crash or sanitizer report fails the test by itself.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

int main(int argc, char **argv)
{
    int files = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path dir = argv[i];
        if (!std::filesystem::is_directory(dir)) {
            std::fprintf(stderr, "replay: no such folder: %s\n", argv[i]);
            return 2;
        }
        for (const auto &entry : std::filesystem::recursive_directory_iterator(dir)) {
            if (!entry.is_regular_file() || entry.path().filename() == ".keep")
                continue;
            std::ifstream in(entry.path(), std::ios::binary);
            const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size());
            ++files;
        }
    }
    std::printf("replayed %d inputs\n", files);
    return files > 0 ? 0 : 1;
}
