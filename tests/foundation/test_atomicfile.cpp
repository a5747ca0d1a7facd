// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/atomicfile.h"
#include "common/error.h"
#include "common/hashing.h"
#include "tempdir.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace zistudio;

TEST(AtomicFile, WritesAndReadsBack)
{
    test::TempDir dir;
    writeFileAtomically(dir / "a.txt", std::string_view("hello"));
    EXPECT_EQ(readFile(dir / "a.txt"), "hello");
    writeFileAtomically(dir / "a.txt", std::string_view("second"));
    EXPECT_EQ(readFile(dir / "a.txt"), "second");
    // No temporary files are left behind.
    int count = 0;
    for ([[maybe_unused]] const auto &entry : std::filesystem::directory_iterator(dir.path()))
        ++count;
    EXPECT_EQ(count, 1);
}

TEST(AtomicFile, ReadOnlyFolderKeepsPreviousContent)
{
    if (::geteuid() == 0)
        GTEST_SKIP() << "root ignores folder permissions; the tmpfs test in tests/reliability covers this as root";
    test::TempDir dir;
    writeFileAtomically(dir / "a.txt", std::string_view("old"));
    std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    EXPECT_THROW(writeFileAtomically(dir / "a.txt", std::string_view("new")), IoError);
    EXPECT_EQ(readFile(dir / "a.txt"), "old");
}

TEST(AtomicFile, MissingFolderIsAClearError)
{
    test::TempDir dir;
    try {
        writeFileAtomically(dir / "missing" / "a.txt", std::string_view("x"));
        FAIL() << "expected IoError";
    } catch (const IoError &e) {
        EXPECT_NE(std::string(e.what()).find("missing"), std::string::npos) << e.what();
    }
}

TEST(AtomicFile, ReadFileNamesMissingPath)
{
    try {
        readFile("/nonexistent/zistudio.txt");
        FAIL() << "expected IoError";
    } catch (const IoError &e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/zistudio.txt"), std::string::npos);
    }
}

TEST(Hashing, KnownSha256)
{
    // FIPS 180-2 test vector.
    EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    test::TempDir dir;
    writeFileAtomically(dir / "abc", std::string_view("abc"));
    EXPECT_EQ(sha256File(dir / "abc"), sha256Hex("abc"));
}

// readFile is the one door every file we parse comes through: it must refuse what is not a regular
// file before opening it (a FIFO would block open() forever, /dev/zero and /dev/urandom never end)
// and never read past its cap, whatever the size says.
TEST(ReadFile, RefusesAFifoWithoutHanging)
{
    test::TempDir dir;
    const auto fifo = dir / "pipe";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    try {
        readFile(fifo);
        FAIL() << "expected IoError";
    } catch (const IoError &e) {
        EXPECT_NE(std::string(e.what()).find("named pipe"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(fifo.string()), std::string::npos) << e.what();
    }
}

TEST(ReadFile, RefusesEndlessDevices)
{
    for (const char *device : {"/dev/zero", "/dev/urandom", "/dev/null"}) {
        try {
            readFile(device, 1 << 20);
            FAIL() << "expected IoError for " << device;
        } catch (const IoError &e) {
            EXPECT_NE(std::string(e.what()).find("character device"), std::string::npos) << e.what();
        }
    }
}

TEST(ReadFile, ASymlinkToADeviceIsRefusedToo)
{
    test::TempDir dir;
    std::filesystem::create_symlink("/dev/zero", dir / "charset.txt");
    EXPECT_THROW(readFile(dir / "charset.txt"), IoError);
}

TEST(ReadFile, CapsEveryRead)
{
    test::TempDir dir;
    writeFileAtomically(dir / "big.txt", std::string(1000, 'x'));
    EXPECT_EQ(readFile(dir / "big.txt", 1000).size(), 1000u);
    try {
        readFile(dir / "big.txt", 999);
        FAIL() << "expected IoError";
    } catch (const IoError &e) {
        EXPECT_NE(std::string(e.what()).find("too large"), std::string::npos) << e.what();
    }
    writeFileAtomically(dir / "empty.txt", std::string_view());
    EXPECT_EQ(readFile(dir / "empty.txt", 0), "");
}

TEST(ReadFile, ReadsFilesLargerThanOneChunk)
{
    test::TempDir dir;
    std::string text(3 * (1 << 20) + 17, 'a');
    for (std::size_t i = 0; i < text.size(); i += 4099)
        text[i] = static_cast<char>('a' + i % 26);
    writeFileAtomically(dir / "big.bin", text);
    EXPECT_EQ(readFile(dir / "big.bin"), text);
}
