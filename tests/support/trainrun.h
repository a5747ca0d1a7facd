// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "training/trainer.h"
#include "workflow/trainrun.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <string>

namespace zistudio::test
{

/** Trains run `run` of the project file `project` to completion (header-only: the test links training). */
inline training::RunResult trainToCompletion(const std::filesystem::path &project, const std::string &run)
{
    training::Trainer trainer(workflow::preparation({.projectFile = project, .runName = run}));
    std::atomic<bool> cancel {false};
    const auto result = trainer.run([](const training::ProgressRecord &) {}, cancel);
    EXPECT_EQ(result.outcome, training::RunOutcome::Completed) << result.message;
    return result;
}

} // namespace zistudio::test
