// SPDX-License-Identifier: GPL-3.0-or-later
#include "experiments/runterms.h"

namespace zistudio::experiments
{

namespace
{

std::string shortText(const nlohmann::json &value)
{
    constexpr std::size_t kMaxChars = 40;
    std::string text = value.is_null() ? std::string("(none)") : value.dump();
    if (text.size() > kMaxChars)
        text = text.substr(0, kMaxChars - 3) + "...";
    return text;
}

} // namespace

const std::set<std::string> &incidentalSettings()
{
    static const std::set<std::string> kIncidental {"training.device", "training.threads", "training.loaderThreads",
        "training.keepLast", "training.probeChars", "name", "reviews"};
    return kIncidental;
}

std::vector<std::string> termDifferences(
    const project::Project &a, const project::Project &b, const std::set<std::string> &ignored)
{
    const auto ja = project::projectToJson(a);
    const auto jb = project::projectToJson(b);
    std::vector<std::string> out;
    for (const char *section : {"dataset", "model", "training"}) {
        const auto &sa = ja.contains(section) ? ja.at(section) : nlohmann::json::object();
        const auto &sb = jb.contains(section) ? jb.at(section) : nlohmann::json::object();
        std::set<std::string> keys;
        for (const auto &[key, value] : sa.items())
            keys.insert(key);
        for (const auto &[key, value] : sb.items())
            keys.insert(key);
        for (const auto &key : keys) {
            const std::string dotted = std::string(section) + "." + key;
            if (ignored.count(dotted) || incidentalSettings().count(dotted))
                continue;
            const auto va = sa.contains(key) ? sa.at(key) : nlohmann::json();
            const auto vb = sb.contains(key) ? sb.at(key) : nlohmann::json();
            if (va != vb)
                out.push_back(dotted + ": " + shortText(va) + " vs " + shortText(vb));
        }
    }
    return out;
}

} // namespace zistudio::experiments
