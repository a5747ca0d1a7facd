// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/locallauncher.h"

#include "common/error.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;

namespace zistudio::training
{

namespace
{

using Clock = std::chrono::steady_clock;

/** After a rank failed: how long the others get to notice and leave before SIGTERM. */
constexpr auto kTermAfter = std::chrono::seconds(5);

/** Variables the launcher sets for every rank (an inherited value would confuse a rank). */
constexpr const char *kJobVariables[]
    = {"WORLD_SIZE", "RANK", "LOCAL_RANK", "LOCAL_WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT", "OMP_NUM_THREADS"};

std::string describe(int status)
{
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        const char *name = ::strsignal(sig);
        return "was killed by signal " + std::to_string(sig) + " (" + (name ? name : "unknown") + ")";
    }
    return "exited with status " + std::to_string(WEXITSTATUS(status));
}

bool inherited(const char *entry)
{
    for (const char *name : kJobVariables) {
        const std::size_t n = std::strlen(name);
        if (std::strncmp(entry, name, n) == 0 && entry[n] == '=')
            return false;
    }
    return true;
}

} // namespace

int freeLocalPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        throw IoError(std::string("cannot open a socket to find a free port: ") + std::strerror(errno));
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0
        || ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) != 0) {
        const int saved = errno;
        ::close(fd);
        throw IoError(std::string("cannot find a free port on 127.0.0.1: ") + std::strerror(saved));
    }
    ::close(fd);
    return ntohs(addr.sin_port);
}

LocalLaunchResult launchLocalJob(const LocalLaunchOptions &options, const std::atomic<bool> *interrupt,
    const std::function<void(int rank, int pid)> &started)
{
    if (options.processes < 1)
        throw Error("--nproc must be at least 1, got " + std::to_string(options.processes));
    LocalLaunchResult result;
    result.masterPort = options.masterPort > 0 ? options.masterPort : freeLocalPort();

    // Everything a child needs is built before fork(): after it, only exec-safe calls.
    std::vector<std::string> args {options.executable.string()};
    args.insert(args.end(), options.arguments.begin(), options.arguments.end());
    std::vector<char *> argv;
    for (auto &a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> common;
    for (char **e = environ; e && *e; ++e)
        if (inherited(*e))
            common.emplace_back(*e);
    common.push_back("WORLD_SIZE=" + std::to_string(options.processes));
    common.push_back("LOCAL_WORLD_SIZE=" + std::to_string(options.processes));
    common.push_back("MASTER_ADDR=" + options.masterAddr);
    common.push_back("MASTER_PORT=" + std::to_string(result.masterPort));
    common.push_back("OMP_NUM_THREADS=" + std::to_string(std::max(1, options.threadsPerProcess)));

    const pid_t parent = ::getpid();
    std::vector<pid_t> pids;
    std::vector<int> statuses(static_cast<std::size_t>(options.processes), -1);
    pid_t group = 0;
    const auto signalAll = [&](int sig) {
        for (std::size_t r = 0; r < pids.size(); ++r)
            if (statuses[r] < 0)
                ::kill(pids[r], sig);
    };
    for (int rank = 0; rank < options.processes; ++rank) {
        std::vector<std::string> env = common;
        env.push_back("RANK=" + std::to_string(rank));
        env.push_back("LOCAL_RANK=" + std::to_string(rank));
        std::vector<char *> envp;
        for (auto &e : env)
            envp.push_back(e.data());
        envp.push_back(nullptr);
        const pid_t pid = ::fork();
        if (pid < 0) {
            const int saved = errno;
            signalAll(SIGKILL);
            for (pid_t p : pids)
                ::waitpid(p, nullptr, 0);
            throw IoError("cannot start rank " + std::to_string(rank) + ": " + std::strerror(saved));
        }
        if (pid == 0) {
            // Die with the launcher; a group of their own, so the terminal's Ctrl-C reaches the
            // launcher only and it forwards exactly one SIGINT (a second one means "quit at once").
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            if (::getppid() != parent)
                ::_exit(127);
            ::setpgid(0, group);
            ::execve(argv[0], argv.data(), envp.data());
            ::_exit(127);
        }
        ::setpgid(pid, group); // also here: whichever runs first
        if (group == 0)
            group = pid;
        pids.push_back(pid);
        if (started)
            started(rank, static_cast<int>(pid));
    }

    bool forwarded = false;
    bool killPending = false;
    bool termSent = false;
    Clock::time_point termAt {};
    Clock::time_point killAt {};
    std::size_t running = pids.size();
    while (running > 0) {
        for (std::size_t r = 0; r < pids.size(); ++r) {
            if (statuses[r] >= 0)
                continue;
            int status = 0;
            const pid_t done = ::waitpid(pids[r], &status, WNOHANG);
            if (done == 0 || (done < 0 && errno == EINTR))
                continue;
            statuses[r] = done < 0 ? (1 << 8) : status; // lost (ECHILD): count it as a failure
            --running;
            const bool success = done > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
            if (success)
                continue;
            // The first failure is the cause; later ones (the ranks that noticed it) follow in order.
            result.message += (result.failedRank < 0 ? "" : ", then ")
                + ("rank " + std::to_string(r) + " (pid " + std::to_string(pids[r]) + ") "
                    + (done < 0 ? std::string("vanished") : describe(status)));
            if (result.failedRank < 0) {
                result.failedRank = static_cast<int>(r);
                // The others normally notice by themselves (their next collective fails) and say
                // what they saw; one that does not gets SIGTERM, then SIGKILL.
                termAt = Clock::now() + std::min<Clock::duration>(kTermAfter, options.grace / 2);
                killAt = Clock::now() + options.grace;
                killPending = true;
            }
        }
        if (interrupt && interrupt->load() && !forwarded) {
            forwarded = true;
            signalAll(SIGINT);
        }
        if (killPending && !termSent && Clock::now() > termAt) {
            signalAll(SIGTERM);
            termSent = true;
        }
        if (killPending && Clock::now() > killAt) {
            signalAll(SIGKILL);
            killPending = false;
        }
        if (running > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    result.ok = result.failedRank < 0;
    return result;
}

} // namespace zistudio::training
