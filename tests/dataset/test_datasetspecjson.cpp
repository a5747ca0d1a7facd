// SPDX-License-Identifier: GPL-3.0-or-later
// DatasetSpec JSON: round trip, defaults, and errors that name the field.
#include "data/dataerror.h"
#include "data/datasetspecjson.h"

#include "common/atomicfile.h"
#include "datasettestutil.h"
#include "tempdir.h"

#include <gtest/gtest.h>

using namespace zistudio;
using namespace zistudio::data;
using nlohmann::json;
using zistudio::test::TempDir;

namespace
{

std::string errorOf(const json &j)
{
    try {
        datasetSpecFromJson(j, "dataset.json");
    } catch (const DataError &e) {
        return e.what();
    }
    ADD_FAILURE() << "expected DataError for " << j.dump();
    return {};
}

json minimal()
{
    return json::parse(R"({"source": {"path": "song.ttf"}, "targets": [{"path": "kai.ttf"}],
                          "charset": {"builtin": "gb2312-1"}})");
}

} // namespace

TEST(DatasetSpecJson, RoundTrip)
{
    DatasetSpec spec = test::smallSpec();
    spec.targets[1].kind = TargetSpec::Kind::ImageFolder;
    spec.placement = Placement::FitToInk;
    spec.fitMargin = 0.12;
    spec.validationChars = {"永", "𠮟"};
    spec.filterRepeated = false;
    spec.charset.limit = 5;
    spec.charset.coveredByAll = true;
    const json j = spec;
    EXPECT_EQ(j["targets"][1]["kind"], "images");
    EXPECT_EQ(j["charset"]["coveredByAll"], true);
    EXPECT_EQ(j["placement"], "fit");
    EXPECT_EQ(j.get<DatasetSpec>(), spec);
    EXPECT_EQ(datasetSpecFromJson(json::parse(j.dump()), "x"), spec);
}

TEST(DatasetSpecJson, Defaults)
{
    const DatasetSpec spec = datasetSpecFromJson(minimal(), "dataset.json");
    EXPECT_EQ(spec.imageSize, 64);
    EXPECT_EQ(spec.placement, Placement::EmBox);
    EXPECT_EQ(spec.targets[0].kind, TargetSpec::Kind::Font);
    EXPECT_EQ(spec.targets[0].styleId, 0);
    EXPECT_TRUE(spec.filterRepeated);
    EXPECT_FALSE(spec.charset.coveredByAll);
    EXPECT_EQ(spec.seed, DatasetSpec {}.seed);
}

TEST(DatasetSpecJson, ErrorsNameTheField)
{
    auto j = minimal();
    j["imagesize"] = 64;
    EXPECT_NE(errorOf(j).find("dataset.json.imagesize: unknown field"), std::string::npos) << errorOf(j);
    j = minimal();
    j["imageSize"] = 100;
    EXPECT_NE(errorOf(j).find("imageSize: must be 32, 64, 128, 256 or 512 (got 100)"), std::string::npos);
    j = minimal();
    j["targets"].push_back({{"path", "ukai.ttc"}, {"styleId", 0}});
    EXPECT_NE(errorOf(j).find("targets[1].styleId: 0 is used by targets[0] too"), std::string::npos) << errorOf(j);
    j = minimal();
    j["validationChars"] = {"永和"};
    EXPECT_NE(errorOf(j).find("validationChars[0]: expected exactly one character"), std::string::npos);
    j = minimal();
    j.erase("source");
    EXPECT_NE(errorOf(j).find("source: missing"), std::string::npos);
    j = minimal();
    j["charset"] = {{"builtin", "gb2312"}, {"coveredByAll", "yes"}};
    EXPECT_NE(errorOf(j).find("charset.coveredByAll: expected true or false"), std::string::npos) << errorOf(j);
    j = minimal();
    j["placement"] = "centre";
    EXPECT_NE(errorOf(j).find("placement: must be \"embox\" or \"fit\""), std::string::npos);
    j = minimal();
    j["targets"] = json::array();
    EXPECT_NE(errorOf(j).find("targets: empty"), std::string::npos);
    j = minimal();
    j["targets"][0]["kind"] = "svg";
    EXPECT_NE(errorOf(j).find("targets[0].kind"), std::string::npos);
    j = minimal();
    j["charset"] = json::object();
    EXPECT_NE(errorOf(j).find("charset: empty"), std::string::npos);
    j = minimal();
    j["validationFraction"] = 2;
    EXPECT_NE(errorOf(j).find("validationFraction"), std::string::npos);
    j = minimal();
    j["seed"] = -1;
    EXPECT_NE(errorOf(j).find("seed"), std::string::npos);
}

TEST(DatasetSpecJson, LoadResolvesRelativePathsAndNamesTheFile)
{
    TempDir dir;
    std::filesystem::create_directory(dir / "cfg");
    writeFileAtomically(dir / "cfg" / "dataset.json",
        R"({"source": {"path": "fonts/song.ttf"}, "targets": [{"kind": "images", "path": "../drawn"}],
            "charset": {"file": "chars.txt"}})");
    const DatasetSpec spec = loadDatasetSpec(dir / "cfg" / "dataset.json");
    EXPECT_EQ(spec.source.path, (dir / "cfg" / "fonts" / "song.ttf").string());
    EXPECT_EQ(spec.targets[0].path, (dir / "drawn").string());
    EXPECT_EQ(spec.charset.file, (dir / "cfg" / "chars.txt").string());

    writeFileAtomically(dir / "bad.json", "{\n  \"source\": {\"path\": \"a\"},\n  oops\n}");
    try {
        loadDatasetSpec(dir / "bad.json");
        FAIL() << "expected DataError";
    } catch (const DataError &e) {
        EXPECT_NE(std::string(e.what()).find("bad.json"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("line 3"), std::string::npos) << e.what();
    }
    EXPECT_THROW(loadDatasetSpec(dir / "missing.json"), DataError);
}
