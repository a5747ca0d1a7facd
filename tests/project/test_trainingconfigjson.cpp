// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/projecterror.h"
#include "project/trainingconfigjson.h"

#include <gtest/gtest.h>

using namespace zistudio::training;

namespace
{

std::string errorOf(const nlohmann::json &j)
{
    try {
        trainingConfigFromJson(j, "p.zistudio: training");
    } catch (const zistudio::project::ProjectError &e) {
        return e.what();
    }
    return {};
}

} // namespace

TEST(TrainingConfigJson, RoundTripsEveryField)
{
    TrainingConfig c;
    c.batchSize = 8;
    c.steps = 1234;
    c.learningRate = 5e-4;
    c.beta1 = 0.4;
    c.decayEverySteps = 300;
    c.decayFactor = 0.7;
    c.minLearningRate = 1e-5;
    c.tvWeight = 0.5;
    c.generatorStepsPerDiscriminatorStep = 2;
    c.labelShuffling = true;
    c.freezeEncoder = true;
    c.augment = false;
    c.validateEvery = 50;
    c.checkpointEvery = 100;
    c.keepLast = 4;
    c.bestMetric = "val_ssim";
    c.seed = 4000000000u;
    c.device = "cuda:1";
    c.precision = "bf16";
    c.threads = 2;
    c.loaderThreads = 3;
    c.deterministic = false;
    c.fineTuneFrom = "base";
    c.fineTuneStyles = {1, 3};
    c.probeChars = {"永", "𠮟"};
    const nlohmann::json j = c;
    EXPECT_EQ(j.get<TrainingConfig>(), c);
    EXPECT_EQ(trainingConfigFromJson(nlohmann::json::parse(j.dump()), "x"), c);
}

TEST(TrainingConfigJson, MissingKeysKeepDefaults)
{
    EXPECT_EQ(trainingConfigFromJson(nlohmann::json::object(), "x"), TrainingConfig {});
    const auto c = trainingConfigFromJson({{"steps", 10}}, "x");
    EXPECT_EQ(c.steps, 10);
    EXPECT_EQ(c.batchSize, TrainingConfig {}.batchSize);
}

TEST(TrainingConfigJson, ErrorsNameTheFieldAndTheProblem)
{
    EXPECT_EQ(errorOf({{"batchSize", 0}}), "p.zistudio: training.batchSize: must be 1..4096");
    EXPECT_EQ(errorOf({{"batchSize", "16"}}), "p.zistudio: training.batchSize: expected an integer, got \"16\"");
    EXPECT_EQ(errorOf({{"learningRate", -1}}), "p.zistudio: training.learningRate: must be in (0, 1]");
    EXPECT_EQ(errorOf({{"bachSize", 4}}), "p.zistudio: training.bachSize: unknown setting");
    EXPECT_NE(errorOf({{"bestMetric", "loss"}}).find("training.bestMetric: must be \"val_l1\" or \"val_ssim\""),
        std::string::npos);
    EXPECT_NE(errorOf({{"device", "tpu"}}).find("training.device"), std::string::npos);
    EXPECT_EQ(errorOf({{"precision", "fp16"}}),
        "p.zistudio: training.precision: must be \"auto\", \"fp32\" or \"bf16\" (got \"fp16\")");
    EXPECT_NE(errorOf({{"probeChars", {"永久"}}}).find("exactly one character"), std::string::npos);
    EXPECT_NE(errorOf({{"probeChars", {"\xff"}}}).find("exactly one character"), std::string::npos);
    EXPECT_NE(
        errorOf({{"fineTuneStyles", {1, "a"}}}).find("training.fineTuneStyles: expected an array"), std::string::npos);
    EXPECT_NE(errorOf({{"seed", -1}}).find("training.seed"), std::string::npos);
    EXPECT_NE(errorOf({{"minLearningRate", 0.5}}).find("minLearningRate"), std::string::npos);
    EXPECT_NE(errorOf(nlohmann::json::array()).find("expected an object"), std::string::npos);
    EXPECT_NE(errorOf({{"l1Weight", -3}}).find("training.l1Weight: must not be negative"), std::string::npos);
}
