// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/datasetjson.h"

#include "project/projecterror.h"

#include <cmath>
#include <set>

namespace zistudio::project
{

using nlohmann::json;

namespace
{

[[noreturn]] void bad(const std::string &where, const std::string &field, const std::string &what)
{
    throw ProjectError(where + "." + field + ": " + what);
}

void onlyKeys(const json &j, const std::set<std::string> &keys, const std::string &where, const std::string &field)
{
    if (!j.is_object())
        bad(where, field, "expected an object");
    for (const auto &[k, v] : j.items())
        if (!keys.count(k))
            bad(where, field.empty() ? k : field + "." + k, "unknown field");
}

std::string str(const json &j, const char *key, const std::string &where, const std::string &field)
{
    if (!j.contains(key))
        return {};
    if (!j[key].is_string())
        bad(where, field + key, "expected a string");
    return j[key].get<std::string>();
}

int integer(const json &j, const char *key, int fallback, const std::string &where, const std::string &field)
{
    if (!j.contains(key))
        return fallback;
    if (!j[key].is_number_integer() || std::llabs(j[key].get<long long>()) > (1LL << 30))
        bad(where, field + key, "expected an integer");
    return j[key].get<int>();
}

} // namespace

json datasetSpecToJson(const data::DatasetSpec &s)
{
    json targets = json::array();
    for (const auto &t : s.targets)
        targets.push_back({{"kind", t.kind == data::TargetSpec::Kind::Font ? "font" : "images"}, {"path", t.path},
            {"face", t.face}, {"styleId", t.styleId}, {"name", t.name}});
    return json {{"source", {{"path", s.source.path}, {"face", s.source.face}}}, {"targets", targets},
        {"charset",
            {{"builtin", s.charset.builtin}, {"file", s.charset.file}, {"text", s.charset.text},
                {"limit", s.charset.limit}}},
        {"imageSize", s.imageSize}, {"placement", s.placement == data::Placement::EmBox ? "embox" : "fit"},
        {"fitMargin", s.fitMargin}, {"validationFraction", s.validationFraction},
        {"validationChars", s.validationChars}, {"seed", s.seed}, {"filterRepeated", s.filterRepeated}};
}

data::DatasetSpec datasetSpecFromJson(const json &j, const std::string &where)
{
    onlyKeys(j,
        {"source", "targets", "charset", "imageSize", "placement", "fitMargin", "validationFraction", "validationChars",
            "seed", "filterRepeated"},
        where, "");
    data::DatasetSpec s;
    if (!j.contains("source"))
        bad(where, "source", "missing");
    onlyKeys(j["source"], {"path", "face"}, where, "source");
    s.source.path = str(j["source"], "path", where, "source.");
    s.source.face = integer(j["source"], "face", 0, where, "source.");
    if (s.source.face < 0)
        bad(where, "source.face", "must not be negative");
    if (!j.contains("targets") || !j["targets"].is_array())
        bad(where, "targets", "expected an array of target styles");
    for (std::size_t i = 0; i < j["targets"].size(); ++i) {
        const auto &jt = j["targets"][i];
        const std::string f = "targets[" + std::to_string(i) + "]";
        onlyKeys(jt, {"kind", "path", "face", "styleId", "name"}, where, f);
        data::TargetSpec t;
        const auto kind = jt.contains("kind") ? str(jt, "kind", where, f + ".") : std::string("font");
        if (kind != "font" && kind != "images")
            bad(where, f + ".kind", "must be \"font\" or \"images\" (got \"" + kind + "\")");
        t.kind = kind == "font" ? data::TargetSpec::Kind::Font : data::TargetSpec::Kind::ImageFolder;
        t.path = str(jt, "path", where, f + ".");
        t.face = integer(jt, "face", 0, where, f + ".");
        t.styleId = integer(jt, "styleId", static_cast<int>(i), where, f + ".");
        t.name = str(jt, "name", where, f + ".");
        if (t.face < 0)
            bad(where, f + ".face", "must not be negative");
        s.targets.push_back(std::move(t));
    }
    if (j.contains("charset")) {
        const auto &c = j["charset"];
        onlyKeys(c, {"builtin", "file", "text", "limit"}, where, "charset");
        s.charset.builtin = str(c, "builtin", where, "charset.");
        s.charset.file = str(c, "file", where, "charset.");
        s.charset.text = str(c, "text", where, "charset.");
        s.charset.limit = integer(c, "limit", 0, where, "charset.");
        if (s.charset.limit < 0)
            bad(where, "charset.limit", "must not be negative");
    }
    s.imageSize = integer(j, "imageSize", s.imageSize, where, "");
    if (s.imageSize < 32 || s.imageSize > 512 || (s.imageSize & (s.imageSize - 1)) != 0)
        bad(where, "imageSize", "must be 32, 64, 128, 256 or 512 (got " + std::to_string(s.imageSize) + ")");
    if (j.contains("placement")) {
        const auto p = str(j, "placement", where, "");
        if (p != "embox" && p != "fit")
            bad(where, "placement", "must be \"embox\" or \"fit\" (got \"" + p + "\")");
        s.placement = p == "embox" ? data::Placement::EmBox : data::Placement::FitToInk;
    }
    for (const auto &[key, out, lo, hi] : {std::tuple {"fitMargin", &s.fitMargin, 0.0, 0.45},
             std::tuple {"validationFraction", &s.validationFraction, 0.0, 0.9}}) {
        if (!j.contains(key))
            continue;
        if (!j[key].is_number() || !std::isfinite(j[key].get<double>()) || j[key].get<double>() < lo
            || j[key].get<double>() > hi)
            bad(where, key, "must be a number in [" + json(lo).dump() + ", " + json(hi).dump() + "]");
        *out = j[key].get<double>();
    }
    if (j.contains("validationChars")) {
        if (!j["validationChars"].is_array())
            bad(where, "validationChars", "expected an array of characters");
        for (const auto &c : j["validationChars"]) {
            if (!c.is_string())
                bad(where, "validationChars", "expected an array of characters");
            s.validationChars.push_back(c.get<std::string>());
        }
    }
    if (j.contains("seed")) {
        if (!j["seed"].is_number_unsigned() || j["seed"].get<unsigned long long>() > 0xFFFFFFFFull)
            bad(where, "seed", "expected a non-negative 32-bit integer");
        s.seed = j["seed"].get<unsigned>();
    }
    if (j.contains("filterRepeated")) {
        if (!j["filterRepeated"].is_boolean())
            bad(where, "filterRepeated", "expected true or false");
        s.filterRepeated = j["filterRepeated"].get<bool>();
    }
    return s;
}

} // namespace zistudio::project
