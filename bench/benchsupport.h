// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the engine benchmarks (bench_train_step, bench_attention, bench_generate): statistics,
// the machine's description, CPU time and peak memory, and worker processes that answer one JSON
// line per command (our step in a re-executed copy of the benchmark, the PyTorch peers in
// /usr/bin/python3), so every comparison alternates the contenders in one run.

#include "common/computedevice.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace zistudio::bench
{

using Clock = std::chrono::steady_clock;

inline double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/** CPU time (user + system) of this process, all threads: steadier than wall time on a shared machine. */
inline double cpuSeconds()
{
    rusage u {};
    ::getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
        + static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

/** Peak resident set of this process in bytes. */
inline double peakRssBytes()
{
    rusage u {};
    ::getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) * 1024.0;
}

/** Median and range of repeated measurements. */
struct Stats
{
    double median = 0;
    double min = 0;
    double max = 0;
    std::size_t n = 0;
    /** (max - min) / median: how much the machine moved under the measurement. */
    double spread() const { return median > 0 ? (max - min) / median : 0; }
    nlohmann::json json() const
    {
        return {{"median", median}, {"min", min}, {"max", max}, {"n", n}, {"spread", spread()}};
    }
};

inline Stats stats(std::vector<double> v)
{
    if (v.empty())
        return {};
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return {n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2, v.front(), v.back(), n};
}

inline std::string cpuModel()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0)
            return line.substr(line.find(':') + 2);
    return "unknown";
}

inline double loadAverage()
{
    double l = 0;
    if (FILE *f = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(f, "%lf", &l) != 1)
            l = 0;
        std::fclose(f);
    }
    return l;
}

/** The machine and the settings every result file records. */
inline nlohmann::json machineJson()
{
    const char *policy = std::getenv("OMP_WAIT_POLICY");
    return {{"cpu", cpuModel()}, {"cores", std::thread::hardware_concurrency()}, {"load_average", loadAverage()},
        {"omp_wait_policy", policy ? policy : "(default)"},
        {"gpu", cudaAvailable() ? describeComputeDevice("cuda").description() : std::string("none")}};
}

/** A Debian font file: /usr/share/fonts/RELATIVE, or $ZISTUDIO_FONT_ROOT/RELATIVE (scripts/gpu-check's prefix). */
inline std::string debianFont(const std::string &relative)
{
    const char *root = std::getenv("ZISTUDIO_FONT_ROOT");
    return (root ? std::string(root) : std::string("/usr/share/fonts")) + "/" + relative;
}

/** Where the benchmark sources live (the peers are found there). */
inline std::filesystem::path sourceDir()
{
    return ZISTUDIO_SOURCE_DIR;
}

/** This executable, to re-run it as a worker. */
inline std::string selfExe()
{
    return std::filesystem::read_symlink("/proc/self/exe").string();
}

/**
 * A worker process that answers each command line with one JSON line on its stdout. Its stderr
 * is ours. The destructor sends "quit" and reaps it.
 */
class Worker
{
public:
    Worker(std::string name, const std::vector<std::string> &argv)
        : m_name(std::move(name))
    {
        int toChild[2];
        int fromChild[2];
        if (::pipe(toChild) != 0 || ::pipe(fromChild) != 0)
            throw std::runtime_error("pipe failed for worker " + m_name);
        m_pid = ::fork();
        if (m_pid < 0)
            throw std::runtime_error("fork failed for worker " + m_name);
        if (m_pid == 0) {
            ::dup2(toChild[0], STDIN_FILENO);
            ::dup2(fromChild[1], STDOUT_FILENO);
            ::close(toChild[0]);
            ::close(toChild[1]);
            ::close(fromChild[0]);
            ::close(fromChild[1]);
            std::vector<char *> args;
            for (const auto &a : argv)
                args.push_back(const_cast<char *>(a.c_str()));
            args.push_back(nullptr);
            ::execvp(args[0], args.data());
            std::perror(("cannot start " + argv[0]).c_str());
            ::_exit(127);
        }
        ::close(toChild[0]);
        ::close(fromChild[1]);
        m_in = ::fdopen(toChild[1], "w");
        m_out = ::fdopen(fromChild[0], "r");
        const nlohmann::json hello = readLine();
        if (!hello.value("ready", false))
            throw std::runtime_error("worker " + m_name + " did not start: " + hello.dump());
        m_hello = hello;
    }
    ~Worker()
    {
        if (m_in) {
            std::fputs("quit\n", m_in);
            std::fclose(m_in);
        }
        if (m_out)
            std::fclose(m_out);
        if (m_pid > 0) {
            int status = 0;
            ::waitpid(m_pid, &status, 0);
        }
    }
    Worker(const Worker &) = delete;
    Worker &operator=(const Worker &) = delete;

    /** Sends one command and returns its answer; throws when the worker died or answered an error. */
    nlohmann::json request(const std::string &command)
    {
        std::fputs((command + "\n").c_str(), m_in);
        std::fflush(m_in);
        nlohmann::json answer = readLine();
        if (answer.contains("error"))
            throw std::runtime_error("worker " + m_name + ": " + answer["error"].get<std::string>());
        return answer;
    }
    const std::string &name() const { return m_name; }
    const nlohmann::json &hello() const { return m_hello; }

private:
    nlohmann::json readLine()
    {
        std::string line;
        for (int c = std::fgetc(m_out); c != EOF && c != '\n'; c = std::fgetc(m_out))
            line.push_back(static_cast<char>(c));
        if (line.empty())
            throw std::runtime_error("worker " + m_name + " ended without an answer");
        return nlohmann::json::parse(line);
    }

    std::string m_name;
    pid_t m_pid = -1;
    std::FILE *m_in = nullptr;
    std::FILE *m_out = nullptr;
    nlohmann::json m_hello;
};

/** The serve loop of a C++ worker: the same protocol as bench/peer_model.py. */
template<typename Handler> int serve(const nlohmann::json &hello, Handler &&handle)
{
    std::printf("%s\n", hello.dump().c_str());
    std::fflush(stdout);
    char buffer[256];
    while (std::fgets(buffer, sizeof buffer, stdin)) {
        std::string line(buffer);
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
            line.pop_back();
        if (line.empty())
            continue;
        if (line == "quit")
            break;
        nlohmann::json answer;
        try {
            answer = handle(line);
        } catch (const std::exception &e) {
            answer = {{"error", e.what()}};
        }
        std::printf("%s\n", answer.dump().c_str());
        std::fflush(stdout);
    }
    return 0;
}

/** "a,b,c" -> {"a", "b", "c"} (or split at another separator). */
inline std::vector<std::string> splitList(const std::string &text, char separator = ',')
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(separator, start), text.size());
        if (comma > start)
            out.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

/** Writes a result file (creating bench/results/) and says where. */
inline void writeJson(const std::filesystem::path &path, const nlohmann::json &json)
{
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << json.dump(2) << "\n";
    std::printf("wrote %s\n", path.string().c_str());
}

} // namespace zistudio::bench
