// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/atomicfile.h"
#include "common/error.h"
#include "project/project.h"
#include "project/projecterror.h"
#include "project/projectlayout.h"
#include "tempdir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace zistudio;
using namespace zistudio::project;
namespace fs = std::filesystem;

namespace
{

Project sample(const fs::path &folder)
{
    Project p = defaultProject("demo");
    p.dataset.source = {.path = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", .face = 0};
    p.dataset.targets.push_back({.kind = data::TargetSpec::Kind::Font,
        .path = "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
        .face = 0,
        .styleId = 0,
        .name = "Kai"});
    p.dataset.targets.push_back({.kind = data::TargetSpec::Kind::ImageFolder,
        .path = (folder / "hand" / "drawn").string(),
        .face = 0,
        .styleId = 3,
        .name = "mine"});
    p.dataset.charset.file = (folder / "chars.txt").string();
    p.dataset.validationChars = {"永", "𠮟"};
    p.model.attention = model::AttentionSpec::parse("enc:3,dec:4");
    p.training.steps = 777;
    p.training.probeChars = {"永"};
    p.reviews[U'永'] = Review::Accepted;
    p.reviews[U'𠮟'] = Review::Flagged;
    p.reviews[U'a'] = Review::Rejected;
    return p;
}

std::string loadError(const fs::path &file)
{
    try {
        loadProject(file);
    } catch (const ProjectError &e) {
        return e.what();
    }
    return {};
}

/** Writes the sample project, lets `edit` change its JSON, and returns the load error. */
std::string errorAfter(const std::function<void(nlohmann::json &)> &edit)
{
    test::TempDir dir;
    saveProject(sample(dir.path()), dir / "p.zistudio");
    auto j = nlohmann::json::parse(readFile(dir / "p.zistudio"));
    edit(j);
    writeFileAtomically(dir / "p.zistudio", j.dump());
    return loadError(dir / "p.zistudio");
}

} // namespace

TEST(ProjectFile, RoundTripsEverything)
{
    test::TempDir dir;
    const auto p = sample(dir.path());
    saveProject(p, dir / "p.zistudio");
    EXPECT_EQ(loadProject(dir / "p.zistudio"), p);
    const auto j = nlohmann::json::parse(readFile(dir / "p.zistudio"));
    EXPECT_EQ(j["format"], "zistudio-project");
    EXPECT_EQ(j["version"], 1);
    EXPECT_EQ(j["reviews"]["永"], "accepted");
    // Paths inside the folder are stored relative to it, others stay absolute.
    EXPECT_EQ(j["dataset"]["targets"][1]["path"], "hand/drawn");
    EXPECT_EQ(j["dataset"]["charset"]["file"], "chars.txt");
    EXPECT_EQ(j["dataset"]["source"]["path"], "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf");
}

TEST(ProjectFile, RelativePathsFollowTheFolder)
{
    test::TempDir dir;
    fs::create_directory(dir / "a");
    saveProject(sample(dir / "a"), dir / "a" / "p.zistudio");
    fs::rename(dir / "a", dir / "b");
    const auto moved = loadProject(dir / "b" / "p.zistudio");
    EXPECT_EQ(moved.dataset.targets[1].path, (dir / "b" / "hand" / "drawn").string());
    EXPECT_EQ(moved.dataset.charset.file, (dir / "b" / "chars.txt").string());
}

TEST(ProjectFile, ErrorsNameTheFileAndTheField)
{
    using J = nlohmann::json;
    EXPECT_NE(errorAfter([](J &j) { j["format"] = "other"; }).find("not a ZiStudio project file"), std::string::npos);
    EXPECT_NE(errorAfter([](J &j) { j["version"] = 7; }).find("newer ZiStudio (project version 7"), std::string::npos);
    EXPECT_NE(errorAfter([](J &j) { j["colour"] = 1; }).find("colour: unknown field"), std::string::npos);
    EXPECT_NE(errorAfter([](J &j) { j.erase("model"); }).find("model: missing"), std::string::npos);
    EXPECT_NE(errorAfter([](J &j) { j["model"]["ngf"] = "wide"; }).find("ngf"), std::string::npos);
    EXPECT_NE(errorAfter([](J &j) { j["training"]["batchSize"] = 0; }).find("training.batchSize"), std::string::npos);
    EXPECT_NE(errorAfter([](J &j) { j["dataset"]["imageSize"] = 100; }).find("dataset.imageSize"), std::string::npos);
    EXPECT_NE(errorAfter([](J &j) {
        j["dataset"]["imageSize"] = 128;
    }).find("dataset.imageSize (128) and model.imageSize (64) differ"),
        std::string::npos);
    EXPECT_NE(errorAfter([](J &j) {
        j["dataset"]["targets"][1]["styleId"] = 0;
    }).find("dataset.targets[1].styleId: 0 is used by targets[0] too"),
        std::string::npos);
    EXPECT_NE(errorAfter([](J &j) { j["dataset"]["targets"][0]["styleId"] = 40; }).find("outside the model's style"),
        std::string::npos);
    EXPECT_NE(errorAfter([](J &j) { j["dataset"]["targets"][0]["kind"] = "svg"; }).find("targets[0].kind"),
        std::string::npos);
    EXPECT_NE(
        errorAfter([](J &j) { j["dataset"]["targets"] = J::array(); }).find("at least one target"), std::string::npos);
    EXPECT_NE(errorAfter([](J &j) { j["reviews"]["永久"] = "accepted"; }).find("not exactly one character"),
        std::string::npos);
    EXPECT_NE(errorAfter([](J &j) { j["reviews"]["永"] = "great"; }).find("reviews.永"), std::string::npos);
    EXPECT_NE(errorAfter([](J &j) { j["training"]["fineTuneStyles"] = {5}; }).find("style 5 is not a target"),
        std::string::npos);
    // Every message starts with the file.
    EXPECT_EQ(errorAfter([](J &j) { j["name"] = 3; }).rfind("project /", 0), 0u);
}

TEST(ProjectFile, UnreadableFilesAreClearErrors)
{
    test::TempDir dir;
    EXPECT_NE(loadError(dir / "missing.zistudio").find("missing.zistudio"), std::string::npos);
    writeFileAtomically(dir / "bad.zistudio", std::string_view("{\"format\": "));
    EXPECT_NE(loadError(dir / "bad.zistudio").find("not valid JSON"), std::string::npos);
    EXPECT_THROW(saveProject(sample(dir.path()), dir / "no" / "such" / "p.zistudio"), IoError);
    Project invalid = sample(dir.path());
    invalid.dataset.targets.clear();
    EXPECT_THROW(saveProject(invalid, dir / "p.zistudio"), ProjectError);
    EXPECT_FALSE(fs::exists(dir / "p.zistudio"));
}

TEST(ProjectFile, LayoutBesideTheFile)
{
    const auto l = ProjectLayout::of("/x/y/demo.zistudio");
    EXPECT_EQ(l.runStore, fs::path("/x/y/runs.sqlite"));
    EXPECT_EQ(l.checkpointsDir("r1"), fs::path("/x/y/runs/r1/checkpoints"));
    EXPECT_EQ(l.datasetStore, fs::path("/x/y/cache/dataset"));
}
