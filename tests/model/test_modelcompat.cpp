// SPDX-License-Identifier: GPL-3.0-or-later
// The cost model's parameter counts against the built modules, and checkpoint compatibility.
#include "model/costmodel.h"
#include "model/discriminator.h"
#include "model/modelstate.h"
#include "model/unetgenerator.h"

#include "tempdir.h"

#include <gtest/gtest.h>

using namespace zistudio::model;

namespace
{

int64_t numel(const torch::nn::Module &module)
{
    int64_t n = 0;
    for (const torch::Tensor &p : module.parameters())
        n += p.numel();
    return n;
}

ModelConfig tiny(int size, const std::string &attention = "none")
{
    ModelConfig config;
    config.imageSize = size;
    config.ngf = 4;
    config.ndf = 4;
    config.embeddingNum = 5;
    config.embeddingDim = 6;
    config.attention = AttentionSpec::parse(attention);
    return config;
}

void expectCountsMatch(const ModelConfig &config, const std::string &what)
{
    const CostReport report = estimateCost(config, 1);
    UNetGenerator g(config);
    Discriminator d(config);
    EXPECT_EQ(report.generatorParams, numel(*g)) << what;
    EXPECT_EQ(report.discriminatorParams, numel(*d)) << what;
    const auto children = g->named_children();
    std::size_t checked = 0;
    for (const ModuleParams &m : report.modules) {
        if (m.name == "discriminator")
            continue;
        ASSERT_TRUE(children.contains(m.name)) << what << ": no module " << m.name;
        EXPECT_EQ(m.params, numel(*children[m.name])) << what << ": " << m.name;
        ++checked;
    }
    EXPECT_EQ(checked, children.size()) << what;
}

/** Writes a module's state the way a checkpoint does and reads it back as named tensors. */
NamedTensors saveAndLoad(const torch::nn::Module &module, const std::filesystem::path &file)
{
    torch::serialize::OutputArchive out;
    for (const auto &[name, tensor] : namedState(module))
        out.write(name, tensor);
    out.save_to(file.string());
    torch::serialize::InputArchive in;
    in.load_from(file.string());
    NamedTensors loaded;
    for (const std::string &key : in.keys()) {
        torch::Tensor t;
        in.read(key, t);
        loaded.emplace_back(key, t);
    }
    return loaded;
}

std::string errorOf(torch::nn::Module &target, const NamedTensors &saved)
{
    try {
        loadCompatible(target, saved);
    } catch (const ModelError &e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST(CostModelCounts, EqualTheBuiltModules)
{
    torch::manual_seed(30);
    expectCountsMatch(cpu64(), "cpu64");
    ModelConfig alt = tiny(32, "enc:1,enc:5,dec:2,dec:5");
    alt.norm = NormKind::Instance;
    alt.upsample = UpsampleKind::PixelShuffle;
    alt.skip = SkipKind::Residual;
    alt.spectralNorm = true;
    expectCountsMatch(alt, "instance/pixelshuffle/residual/spectral");
    ModelConfig concat = tiny(128, "dec:1,dec:7,enc:4");
    concat.upsample = UpsampleKind::PixelShuffle;
    expectCountsMatch(concat, "128 concat pixelshuffle");
}

TEST(CostModelCounts, EqualTheBuiltClassicAndAttentionModels)
{
    torch::manual_seed(31);
    expectCountsMatch(attn256(), "attn256"); // classic256 plus enc:3, enc:4
}

TEST(Checkpoint, SaveLoadRoundTripGivesIdenticalOutputs)
{
    zistudio::test::TempDir dir;
    torch::manual_seed(32);
    const ModelConfig config = tiny(32, "enc:2,dec:3");
    UNetGenerator a(config);
    Discriminator da(config);
    {
        torch::NoGradGuard noGrad;
        for (const auto &[site, gamma] : a->gammas())
            a->attentionAt(site)->gamma.fill_(0.3F);
    }
    // Move the batch-norm statistics away from their initial values, as training would.
    const torch::Tensor x = torch::rand({2, 1, 32, 32}) * 2 - 1;
    const torch::Tensor ids = torch::tensor({1, 3}, torch::kLong);
    a->train();
    a(x, ids);
    da(x, x);

    torch::manual_seed(99); // a differently initialised target
    UNetGenerator b(config);
    Discriminator db(config);
    loadCompatible(*b, saveAndLoad(*a, dir / "g.pt"));
    loadCompatible(*db, saveAndLoad(*da, dir / "d.pt"));
    a->eval();
    b->eval();
    da->eval();
    db->eval();
    EXPECT_TRUE(torch::equal(a(x, ids).image, b(x, ids).image));
    EXPECT_TRUE(torch::equal(da(x, x).logits, db(x, x).logits));
    EXPECT_TRUE(torch::equal(da(x, x).categoryLogits, db(x, x).categoryLogits));
}

TEST(Checkpoint, AddingAttentionKeepsTheOutputUntilFineTuned)
{
    torch::manual_seed(33);
    UNetGenerator plain(tiny(64));
    torch::manual_seed(34);
    UNetGenerator attention(tiny(64, "enc:2,enc:3,dec:3,dec:6"));
    loadCompatible(*attention, namedState(*plain));
    for (const auto &[site, gamma] : attention->gammas())
        EXPECT_EQ(gamma, 0.0F) << toString(site);
    plain->eval();
    attention->eval();
    const torch::Tensor x = torch::rand({2, 1, 64, 64}) * 2 - 1;
    const torch::Tensor ids = torch::tensor({0, 4}, torch::kLong);
    EXPECT_TRUE(torch::equal(plain(x, ids).image, attention(x, ids).image));
    // Once a gate opens the new layer does change the output (so the check above can fail).
    {
        torch::NoGradGuard noGrad;
        attention->attentionAt({AttentionSide::Encoder, 3})->gamma.fill_(1.0F);
    }
    EXPECT_FALSE(torch::equal(plain(x, ids).image, attention(x, ids).image));
}

TEST(Checkpoint, IncompatibleWeightsAreNamedAndNothingIsCopied)
{
    torch::manual_seed(35);
    UNetGenerator target(tiny(32));
    const NamedTensors before = namedState(*target);
    std::vector<torch::Tensor> snapshot;
    for (const auto &[name, t] : before)
        snapshot.push_back(t.clone());

    ModelConfig wider = tiny(32);
    wider.ngf = 8;
    const std::string shape = errorOf(*target, namedState(*UNetGenerator(wider)));
    EXPECT_NE(
        shape.find("shape mismatch: enc1.conv.weight (saved [8, 1, 4, 4], model [4, 1, 4, 4])"), std::string::npos)
        << shape;

    NamedTensors missing = namedState(*UNetGenerator(tiny(32)));
    std::erase_if(missing, [](const auto &item) { return item.first == "embedding.weight"; });
    const std::string lost = errorOf(*target, missing);
    EXPECT_NE(lost.find("missing: embedding.weight"), std::string::npos) << lost;

    const std::string extra = errorOf(*target, namedState(*UNetGenerator(tiny(32, "enc:3"))));
    EXPECT_NE(extra.find("unexpected: attn_enc3."), std::string::npos) << extra;

    ModelConfig instance = tiny(32);
    instance.norm = NormKind::Instance; // no running statistics
    const std::string buffers = errorOf(*target, namedState(*UNetGenerator(instance)));
    EXPECT_NE(buffers.find("enc2.norm.running_mean"), std::string::npos) << buffers;

    const NamedTensors after = namedState(*target);
    for (std::size_t i = 0; i < after.size(); ++i)
        EXPECT_TRUE(torch::equal(after[i].second, snapshot[i])) << after[i].first;
}

TEST(Checkpoint, AttentionNamesAreRecognised)
{
    EXPECT_TRUE(isAttentionParameter("attn_enc3.gamma"));
    EXPECT_TRUE(isAttentionParameter("attn_dec2.query.weight"));
    EXPECT_TRUE(isAttentionParameter("generator.attn_dec2.value.bias"));
    EXPECT_FALSE(isAttentionParameter("enc3.conv.weight"));
    EXPECT_FALSE(isAttentionParameter("dec2.norm.running_mean"));
    EXPECT_FALSE(isAttentionParameter("attn_"));
    EXPECT_FALSE(isAttentionParameter("xattn_enc3.gamma"));
}
