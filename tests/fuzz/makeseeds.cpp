// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the seed corpora that only our own writers can make: a checkpoint manifest and pins file
// (CheckpointStore), a tensor archive (encodeTensorArchive) and a project file (saveProject).
// Usage: fuzz_make_seeds tests/fuzz/corpus   (run by hand; the files it writes are committed)
#include "common/atomicfile.h"
#include "training/checkpointstore.h"
#include "training/tensorarchive.h"
#ifdef ZISTUDIO_FUZZ_HAVE_PROJECT
#include "project/project.h"
#endif

#include <cstdio>
#include <exception>
#include <filesystem>

namespace fs = std::filesystem;
using namespace zistudio;

namespace
{

void makeManifestSeeds(const fs::path &corpus, const fs::path &scratch)
{
    training::CheckpointStore store(scratch / "run");
    auto writer = store.begin(1);
    writer.addPart("generator.zt", "zistudio"); // the part fuzz_manifest writes beside every input
    writer.commit({{"val_l1", 0.25}, {"val_ssim", 0.5}});
    store.setPinned(1, true);
    fs::create_directories(corpus / "manifest");
    fs::copy_file(scratch / "run" / "step-000001" / "manifest.json", corpus / "manifest" / "manifest.json",
        fs::copy_options::overwrite_existing);
    fs::copy_file(
        scratch / "run" / "pins.json", corpus / "manifest" / "pins.json", fs::copy_options::overwrite_existing);
}

void makeArchiveSeeds(const fs::path &corpus)
{
    torch::manual_seed(1);
    const training::NamedTensors tensors = {
        {"conv.weight", torch::randn({2, 1, 2, 2})},
        {"conv.bias", torch::zeros({2}, torch::kDouble)},
        {"embedding", torch::randn({3, 2}).to(torch::kHalf)},
        {"gamma", torch::ones({1}).to(torch::kBFloat16)},
        {"step", torch::tensor({42}, torch::kLong)},
        {"ids", torch::arange(4, torch::kInt)},
        {"mask", torch::tensor({true, false, true})},
        {"bytes", torch::arange(5, torch::kByte)},
        {"small", torch::tensor({-1, 2}, torch::kChar)},
        {"shorts", torch::tensor({-300, 300}, torch::kShort)},
        {"empty", torch::empty({0, 3})},
    };
    const nlohmann::json metadata = {{"kind", "generator"}, {"image_size", 32}, {"config", {{"ngf", 8}}}};
    fs::create_directories(corpus / "tensorarchive");
    writeFileAtomically(corpus / "tensorarchive" / "tiny.zt", training::encodeTensorArchive(tensors, metadata));
    writeFileAtomically(corpus / "tensorarchive" / "empty.zt", training::encodeTensorArchive({}));
}

#ifdef ZISTUDIO_FUZZ_HAVE_PROJECT
void makeProjectSeeds(const fs::path &corpus)
{
    project::Project p = project::defaultProject("fuzz seed");
    p.dataset.source.path = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";
    p.dataset.targets.push_back({.kind = data::TargetSpec::Kind::Font,
        .path = "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
        .face = 0,
        .styleId = 0,
        .name = "Kai"});
    p.dataset.charset = {.builtin = "", .file = "", .text = "永国一字中", .limit = 0, .coveredByAll = false};
    p.reviews[U'\u6C38'] = project::Review::Accepted;
    p.reviews[U'\u56FD'] = project::Review::Flagged;
    fs::create_directories(corpus / "project");
    project::saveProject(p, corpus / "project" / "seed.zistudio");
}
#endif

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_make_seeds CORPUS_DIR\n");
        return 2;
    }
    const fs::path corpus = argv[1];
    const fs::path scratch = fs::temp_directory_path() / "zistudio-make-seeds";
    try {
        fs::remove_all(scratch);
        makeManifestSeeds(corpus, scratch);
        makeArchiveSeeds(corpus);
#ifdef ZISTUDIO_FUZZ_HAVE_PROJECT
        makeProjectSeeds(corpus);
#endif
        fs::remove_all(scratch);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "fuzz_make_seeds: %s\n", e.what());
        return 1;
    }
    return 0;
}
