// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <utility>

namespace zistudio::test
{

/**
 * The message of the `E` that `f()` throws, or "" when it throws nothing; any other exception propagates
 * (and fails the test), so an error of the wrong kind is never mistaken for the expected one.
 */
template<typename E, typename F> std::string errorOf(F &&f)
{
    try {
        std::forward<F>(f)();
    } catch (const E &e) {
        return e.what();
    }
    return {};
}

} // namespace zistudio::test
