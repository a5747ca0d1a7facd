// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/project.h"
#include "testfonts.h"

namespace zistudio::test
{

/** Characters of the tiny test dataset (Lantingji Xu): both Song and Kai GB fonts have them. */
inline constexpr const char *kTinyChars
    = "永和九年岁在癸丑暮春之初会于稽山阴兰亭修禊事也群贤毕至少长咸集此地有崇峻岭茂林竹又清流激湍映带左右";

/**
 * A project small enough to train in well under a second per step on two cores: 32 px, ngf 8,
 * Song -> Kai, ~50 characters, batch 4, validation and checkpoints every 4 steps.
 */
inline project::Project tinyProject()
{
    auto p = project::defaultProject("tiny");
    p.dataset.source = {TestFonts::songGb().string(), 0};
    p.dataset.targets = {{.kind = data::TargetSpec::Kind::Font,
        .path = TestFonts::kaiGb().string(),
        .face = 0,
        .styleId = 0,
        .name = "Kai"}};
    p.dataset.charset = {.builtin = "", .file = "", .text = kTinyChars, .limit = 0, .coveredByAll = false};
    p.dataset.imageSize = 32;
    p.dataset.validationFraction = 0.2;
    p.model.imageSize = 32;
    p.model.ngf = 8;
    p.model.ndf = 8;
    p.model.embeddingNum = 4;
    p.model.embeddingDim = 16;
    p.training.batchSize = 4;
    p.training.steps = 8;
    p.training.validateEvery = 4;
    p.training.checkpointEvery = 4;
    p.training.keepLast = 3;
    p.training.seed = 7;
    p.training.device = "cpu";
    p.training.threads = 1;
    p.training.loaderThreads = 1;
    p.training.decayEverySteps = 0;
    return p;
}

} // namespace zistudio::test
