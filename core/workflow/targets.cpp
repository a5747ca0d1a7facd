// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/targets.h"

#include "glyphs/fonterror.h"

#include <algorithm>

namespace zistudio::workflow
{

namespace fs = std::filesystem;

std::string faceTitle(const glyphs::FaceInfo &info)
{
    if (info.style.empty() || info.style == "Regular")
        return info.family;
    return info.family + " " + info.style;
}

int nextStyleId(const data::DatasetSpec &spec)
{
    int next = 0;
    for (const auto &t : spec.targets)
        next = std::max(next, t.styleId + 1);
    return next;
}

std::vector<data::TargetSpec> makeTargets(const fs::path &path, int face, int firstStyleId)
{
    const std::string absolute = fs::absolute(path).lexically_normal().string();
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        const fs::path folder = fs::path(absolute);
        return {data::TargetSpec {.kind = data::TargetSpec::Kind::ImageFolder,
            .path = absolute,
            .face = 0,
            .styleId = firstStyleId,
            .name = (folder.has_filename() ? folder : folder.parent_path()).filename().string()}};
    }
    const auto faces = glyphs::listFaces(absolute);
    if (face >= static_cast<int>(faces.size()))
        throw glyphs::FontError(
            absolute + " has " + std::to_string(faces.size()) + " face(s); there is no face " + std::to_string(face));
    const int first = face < 0 ? 0 : face;
    const int last = face < 0 ? static_cast<int>(faces.size()) - 1 : face;
    std::vector<data::TargetSpec> targets;
    for (int f = first; f <= last; ++f) {
        const glyphs::FontFace opened(absolute, f); // a clear error now, not when the dataset is built
        targets.push_back({.kind = data::TargetSpec::Kind::Font,
            .path = absolute,
            .face = f,
            .styleId = firstStyleId + (f - first),
            .name = faceTitle(faces[static_cast<std::size_t>(f)])});
    }
    return targets;
}

std::vector<data::TargetSpec> addTargets(data::DatasetSpec &spec, const fs::path &path, int face)
{
    auto added = makeTargets(path, face, nextStyleId(spec));
    spec.targets.insert(spec.targets.end(), added.begin(), added.end());
    return added;
}

} // namespace zistudio::workflow
