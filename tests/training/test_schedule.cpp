// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/samplegrid.h"
#include "training/schedule.h"

#include <gtest/gtest.h>

using namespace zistudio;
using namespace zistudio::training;

TEST(Schedule, StepDecayWithFloorAndScale)
{
    TrainingConfig c;
    c.learningRate = 1e-3;
    c.decayEverySteps = 100;
    c.decayFactor = 0.5;
    c.minLearningRate = 2e-4;
    EXPECT_DOUBLE_EQ(learningRateAt(c, 0), 1e-3);
    EXPECT_DOUBLE_EQ(learningRateAt(c, 99), 1e-3);
    EXPECT_DOUBLE_EQ(learningRateAt(c, 100), 5e-4);
    EXPECT_DOUBLE_EQ(learningRateAt(c, 250), 2.5e-4);
    EXPECT_DOUBLE_EQ(learningRateAt(c, 300), 2e-4); // 1.25e-4 is below the floor
    EXPECT_DOUBLE_EQ(learningRateAt(c, 100000), 2e-4);
    EXPECT_DOUBLE_EQ(learningRateAt(c, 100, 0.5), 2.5e-4);
    c.decayEverySteps = 0;
    EXPECT_DOUBLE_EQ(learningRateAt(c, 100000), 1e-3);
}

TEST(SampleGrid, PlacesCellsRowByRow)
{
    GrayImage a(4, 4, 200), b(4, 4, 100);
    const auto grid = composeSampleGrid({{a, b}, {b, GrayImage()}, {a}}, 1, 3);
    ASSERT_EQ(grid.width, 2 * (4 + 1) + 1);
    ASSERT_EQ(grid.height, 3 * (4 + 1) + 1);
    EXPECT_EQ(grid.at(1, 1), 200); // row 0, column 0
    EXPECT_EQ(grid.at(6, 1), 100); // row 0, column 1
    EXPECT_EQ(grid.at(1, 6), 100); // row 1, column 0
    EXPECT_EQ(grid.at(6, 6), 0);   // null image: blank paper
    EXPECT_EQ(grid.at(6, 11), 0);  // short row: blank
    EXPECT_EQ(grid.at(0, 0), 40);  // the rule between cells
    const auto grouped = composeSampleGrid({{a}, {a}, {a}, {b}}, 2, 3);
    EXPECT_EQ(grouped.height, 4 * (4 + 2) + 2 + 2 * 2); // a wider gap between groups of three rows
    EXPECT_TRUE(composeSampleGrid({}).isNull());
}
