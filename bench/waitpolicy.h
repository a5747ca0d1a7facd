// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// libgomp (LibTorch's OpenMP) reads OMP_WAIT_POLICY once, while it loads, before main() runs, and
// glibc resets the environment after .preinit_array functions run, so the only way for a program
// to choose its own policy is to set it and execute itself again. A benchmark calls
// applyWaitPolicy(argc, argv) first thing in main(): "--wait-policy passive" (the default here),
// "active", or "default" (leave the environment as it is). Workers and peers started later
// inherit the environment, so every contender runs under the same policy.

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

namespace zistudio::bench
{

inline void applyWaitPolicy(int argc, char **argv)
{
    const char *policy = "passive";
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--wait-policy") == 0)
            policy = argv[i + 1];
    if (std::strcmp(policy, "default") == 0)
        return;
    const char *current = std::getenv("OMP_WAIT_POLICY");
    if (current && std::strcmp(current, policy) == 0)
        return;
    ::setenv("OMP_WAIT_POLICY", policy, 1);
    ::execv("/proc/self/exe", argv);
    std::perror("cannot re-execute with OMP_WAIT_POLICY set; running with the policy OpenMP already read");
}

/** The policy this process runs under, as OpenMP saw it at load time. */
inline std::string waitPolicyName()
{
    const char *policy = std::getenv("OMP_WAIT_POLICY");
    return policy ? policy : "default";
}

} // namespace zistudio::bench
