// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A tiny trained run for the Attention and Preview view tests: two target styles (Kai, and Smiley
// Sans, which lacks a few symbols such as ★ that the Song source has), three attention layers.

#include "uitestsupport.h"

#include "training/trainer.h"
#include "workflow/trainrun.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>

namespace zistudio::test
{

/** The tiny project with a second style and attention at enc:1 (16x16), enc:2 and dec:2 (8x8). */
inline project::Project twoStyleAttentionProject()
{
    auto p = tinyUiProject();
    p.dataset.targets.push_back({.kind = data::TargetSpec::Kind::Font,
        .path = TestFonts::smiley().string(),
        .face = 0,
        .styleId = 1,
        .name = "Smiley"});
    p.model.attention = model::AttentionSpec::parse("enc:1,enc:2,dec:2");
    p.training.steps = 2;
    p.training.validateEvery = 2;
    p.training.checkpointEvery = 2;
    return p;
}

/** A project file in its own folder with a run "r" trained to completion (a few seconds). */
struct TrainedRun
{
    TempDir dir;
    QString file;
    QString run = QStringLiteral("r");

    explicit TrainedRun(const project::Project &project = twoStyleAttentionProject())
    {
        file = writeProject(dir, project);
        workflow::RunRequest request;
        request.projectFile = toPath(file);
        request.runName = run.toStdString();
        training::Trainer trainer(workflow::preparation(request));
        std::atomic<bool> cancel {false};
        const auto result = trainer.run([](const training::ProgressRecord &) {}, cancel);
        EXPECT_EQ(result.outcome, training::RunOutcome::Completed) << result.message;
    }
};

/** Generous: the shared CI machines are slow. */
inline constexpr int kViewTimeoutMs = 120000;

} // namespace zistudio::test
