// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a libFuzzer harness over every file in the folders given (seed corpus, saved crashers).
// Exits non-zero when a folder is missing; a crash or sanitizer report fails the test by itself.
//
// With --fuzz SECONDS it then keeps mutating those inputs for that long (blind mutation: the harness's
// structure-aware mutator when it has one, else byte mutations and out-of-range tokens), so the
// sanitizer build of CI fuzzes every harness for a bounded time without clang's libFuzzer. An input
// that crashes is written to --crash-dir (default: the working folder) as crash-<target>-<n> before
// the process dies; commit it to tests/fuzz/regressions/<target>/ with the fix.
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);
// Present only in sanitizer builds (weak: null otherwise): called when ASan/UBSan end the process.
extern "C" __attribute__((weak)) void __sanitizer_set_death_callback(void (*callback)());
extern "C" __attribute__((weak)) std::size_t LLVMFuzzerCustomMutator(
    std::uint8_t *data, std::size_t size, std::size_t maxSize, unsigned seed);

namespace
{

constexpr std::size_t kMaxInput = 1 << 20;

std::mt19937 &rng()
{
    static std::mt19937 generator(12345);
    return generator;
}

/** Tokens that broke parsers before: numbers out of range, terminal escapes, path tricks, odd UTF-8. */
const char *const kTokens[] = {"1e400", "-1e400", "1e2308", "18446744073709551616", "-9223372036854775809",
    "9223372036854775807", "1e-400", "0.0", "-0", "\"\\u001b]0;x\\u0007\"", "\"\\r\\n\"", "\"../../x\"", "\"\xff\xfe\"",
    "[[[[[[[[", "}}}}", "null", "true", "\"\"", "{}", "[]", "4294967296", "2147483648", "-1"};

/** Crash reporting: the input under test, written by the dying process (async-signal-safe). */
std::vector<std::uint8_t> g_current;
std::string g_crashFile;

void saveCurrent()
{
    static volatile std::sig_atomic_t saved = 0;
    if (saved || g_crashFile.empty())
        return;
    saved = 1;
    const int fd = ::open(g_crashFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return;
    std::size_t done = 0;
    while (done < g_current.size()) {
        const ssize_t n = ::write(fd, g_current.data() + done, g_current.size() - done);
        if (n <= 0)
            break;
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    const char msg[] = "replay: the crashing input was saved as ";
    [[maybe_unused]] ssize_t ignored = ::write(2, msg, sizeof msg - 1);
    ignored = ::write(2, g_crashFile.c_str(), g_crashFile.size());
    ignored = ::write(2, "\n", 1);
}

void onSignal(int sig)
{
    saveCurrent();
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

} // namespace

/** libFuzzer's byte mutator, for the harnesses' custom mutators (jsonmutator.h falls back to it). */
extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t *data, std::size_t size, std::size_t maxSize)
{
    auto &r = rng();
    std::string s(reinterpret_cast<const char *>(data), size);
    switch (r() % 6) {
    case 0: // flip a bit
        if (!s.empty())
            s[r() % s.size()] ^= static_cast<char>(1u << (r() % 8));
        break;
    case 1: // erase a run
        if (!s.empty()) {
            const std::size_t at = r() % s.size();
            s.erase(at, 1 + r() % std::min<std::size_t>(16, s.size() - at));
        }
        break;
    case 2: // duplicate a run
        if (!s.empty()) {
            const std::size_t at = r() % s.size();
            s.insert(at, s.substr(at, 1 + r() % 32));
        }
        break;
    case 3: // a random byte
        s.insert(s.empty() ? 0 : r() % (s.size() + 1), 1, static_cast<char>(r() % 256));
        break;
    default: { // an interesting token, at a random place or over a number
        const std::string token = kTokens[r() % std::size(kTokens)];
        const std::size_t digit = s.find_first_of("0123456789", s.empty() ? 0 : r() % s.size());
        if (digit != std::string::npos && r() % 2 == 0) {
            const std::size_t end = s.find_first_not_of("0123456789.eE+-", digit);
            s.replace(digit, (end == std::string::npos ? s.size() : end) - digit, token);
        } else {
            s.insert(s.empty() ? 0 : r() % (s.size() + 1), token);
        }
    }
    }
    if (s.size() > maxSize)
        s.resize(maxSize);
    std::memcpy(data, s.data(), s.size());
    return s.size();
}

int main(int argc, char **argv)
{
    double fuzzSeconds = 0;
    std::string crashDir = ".";
    std::string target = std::filesystem::path(argv[0]).filename().string();
    if (target.rfind("replay_", 0) == 0)
        target = target.substr(7);
    std::vector<std::filesystem::path> dirs;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--fuzz" && i + 1 < argc)
            fuzzSeconds = std::atof(argv[++i]);
        else if (arg == "--crash-dir" && i + 1 < argc)
            crashDir = argv[++i];
        else if (arg == "--seed" && i + 1 < argc)
            rng().seed(static_cast<unsigned>(std::strtoul(argv[++i], nullptr, 10)));
        else
            dirs.emplace_back(arg);
    }
    g_crashFile = (std::filesystem::path(crashDir) / ("crash-" + target)).string();
    for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL})
        std::signal(sig, onSignal);
    std::set_terminate([] {
        saveCurrent();
        std::abort();
    });
    if (__sanitizer_set_death_callback)
        __sanitizer_set_death_callback(saveCurrent);

    std::vector<std::string> inputs;
    for (const auto &dir : dirs) {
        if (!std::filesystem::is_directory(dir)) {
            std::fprintf(stderr, "replay: no such folder: %s\n", dir.c_str());
            return 2;
        }
        for (const auto &entry : std::filesystem::recursive_directory_iterator(dir)) {
            if (!entry.is_regular_file() || entry.path().filename() == ".keep")
                continue;
            std::ifstream in(entry.path(), std::ios::binary);
            inputs.emplace_back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            g_current.assign(inputs.back().begin(), inputs.back().end());
            LLVMFuzzerTestOneInput(g_current.data(), g_current.size());
        }
    }
    std::printf("replayed %zu inputs\n", inputs.size());
    if (inputs.empty())
        return 1;
    if (fuzzSeconds <= 0)
        return 0;

    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(fuzzSeconds);
    long long executions = 0;
    std::vector<std::uint8_t> buffer(kMaxInput);
    while (std::chrono::steady_clock::now() < end) {
        const std::string &base = inputs[rng()() % inputs.size()];
        std::size_t size = std::min(base.size(), kMaxInput);
        std::memcpy(buffer.data(), base.data(), size);
        for (unsigned n = 1 + rng()() % 4; n > 0; --n)
            size = LLVMFuzzerCustomMutator ? LLVMFuzzerCustomMutator(buffer.data(), size, kMaxInput, rng()())
                                           : LLVMFuzzerMutate(buffer.data(), size, kMaxInput);
        g_current.assign(buffer.begin(), buffer.begin() + static_cast<long>(size));
        LLVMFuzzerTestOneInput(g_current.data(), g_current.size());
        ++executions;
        if (executions % 64 == 0 && inputs.size() < 4096 && rng()() % 8 == 0)
            inputs.emplace_back(g_current.begin(), g_current.end()); // keep some mutants to mutate further
    }
    std::printf("fuzzed %s for %.0f s: %lld executions, no crash\n", target.c_str(), fuzzSeconds, executions);
    return 0;
}
