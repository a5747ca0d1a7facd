// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/datasetspecjson.h"

#include "common/atomicfile.h"
#include "common/jsontext.h"
#include "data/dataerror.h"
#include "glyphs/utf8.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace zistudio::data
{

using nlohmann::json;

namespace
{

constexpr int kMaxStyleId = 65535;

[[noreturn]] void bad(const std::string &where, const std::string &field, const std::string &what)
{
    throw DataError(where + (field.empty() ? "" : "." + field) + ": " + what);
}

void onlyKeys(const json &j, const std::set<std::string> &keys, const std::string &where, const std::string &field)
{
    if (!j.is_object())
        bad(where, field, "expected an object");
    for (const auto &[k, v] : j.items())
        if (!keys.count(k))
            bad(where, field.empty() ? k : field + "." + k, "unknown field");
}

std::string str(const json &j, const char *key, const std::string &where, const std::string &prefix)
{
    if (!j.contains(key))
        return {};
    if (!j[key].is_string())
        bad(where, prefix + key, "expected a string");
    return j[key].get<std::string>();
}

int integer(const json &j, const char *key, int fallback, const std::string &where, const std::string &prefix)
{
    if (!j.contains(key))
        return fallback;
    constexpr long long kLimit = 1LL << 30;
    // Compared, never negated: std::llabs of the most negative integer is undefined.
    if (!j[key].is_number_integer() || j[key].get<long long>() > kLimit || j[key].get<long long>() < -kLimit)
        bad(where, prefix + key, "expected an integer");
    return j[key].get<int>();
}

bool boolean(const json &j, const char *key, bool fallback, const std::string &where, const std::string &prefix = {})
{
    if (!j.contains(key))
        return fallback;
    if (!j[key].is_boolean())
        bad(where, prefix + key, "expected true or false");
    return j[key].get<bool>();
}

std::string placementName(Placement p)
{
    return p == Placement::EmBox ? "embox" : "fit";
}

json missingJson(const std::vector<MissingChar> &missing)
{
    // Grouped by reason: {"not in font": "龘𠮟...", ...}, compact and readable.
    std::map<std::string, std::string> byReason;
    for (const auto &m : missing)
        byReason[missingReasonName(m.reason)] += glyphs::encodeUtf8(m.cp);
    return byReason;
}

/** Grouped by reason (enum order), the charset order kept within a reason: the order build() and JSON share. */
void sortMissing(std::vector<MissingChar> &missing)
{
    std::stable_sort(missing.begin(), missing.end(), [](const MissingChar &a, const MissingChar &b) {
        return static_cast<int>(a.reason) < static_cast<int>(b.reason);
    });
}

std::vector<MissingChar> missingFromJson(const json &j, const std::string &where)
{
    if (!j.is_object())
        bad(where, "missing", "expected an object");
    std::vector<MissingChar> out;
    for (const auto &[name, chars] : j.items()) {
        MissingReason reason {};
        bool known = false;
        for (auto r : {MissingReason::NotInFont, MissingReason::EmptyOutline, MissingReason::Repeated,
                 MissingReason::Damaged, MissingReason::NoImage})
            if (name == missingReasonName(r)) {
                reason = r;
                known = true;
            }
        if (!known || !chars.is_string())
            bad(where, "missing." + name, "unknown reason or not a string");
        for (char32_t cp : glyphs::decodeUtf8OrThrow(chars.get<std::string>(), where))
            out.push_back({cp, reason});
    }
    sortMissing(out);
    return out;
}

} // namespace

const char *missingReasonName(MissingReason reason)
{
    switch (reason) {
    case MissingReason::NotInFont:
        return "not in font";
    case MissingReason::EmptyOutline:
        return "empty outline";
    case MissingReason::Repeated:
        return "repeated (tofu)";
    case MissingReason::Damaged:
        return "damaged glyph";
    case MissingReason::NoImage:
        return "no image";
    }
    return "unknown";
}

json datasetSpecToJson(const DatasetSpec &s)
{
    json targets = json::array();
    for (const auto &t : s.targets)
        targets.push_back({{"kind", t.kind == TargetSpec::Kind::Font ? "font" : "images"}, {"path", t.path},
            {"face", t.face}, {"styleId", t.styleId}, {"name", t.name}});
    return json {{"source", {{"path", s.source.path}, {"face", s.source.face}}}, {"targets", targets},
        {"charset",
            {{"builtin", s.charset.builtin}, {"file", s.charset.file}, {"text", s.charset.text},
                {"limit", s.charset.limit}, {"coveredByAll", s.charset.coveredByAll}}},
        {"imageSize", s.imageSize}, {"placement", placementName(s.placement)}, {"fitMargin", s.fitMargin},
        {"validationFraction", s.validationFraction}, {"validationChars", s.validationChars}, {"seed", s.seed},
        {"filterRepeated", s.filterRepeated}};
}

DatasetSpec datasetSpecFromJson(const json &j, const std::string &where)
{
    onlyKeys(j,
        {"source", "targets", "charset", "imageSize", "placement", "fitMargin", "validationFraction", "validationChars",
            "seed", "filterRepeated"},
        where, "");
    DatasetSpec s;
    if (!j.contains("source"))
        bad(where, "source", "missing (the font every target style is drawn from)");
    onlyKeys(j["source"], {"path", "face"}, where, "source");
    s.source.path = str(j["source"], "path", where, "source.");
    s.source.face = integer(j["source"], "face", 0, where, "source.");
    if (!j.contains("targets") || !j["targets"].is_array())
        bad(where, "targets", "expected an array of target styles");
    for (std::size_t i = 0; i < j["targets"].size(); ++i) {
        const auto &jt = j["targets"][i];
        const std::string f = "targets[" + std::to_string(i) + "]";
        onlyKeys(jt, {"kind", "path", "face", "styleId", "name"}, where, f);
        TargetSpec t;
        const auto kind = jt.contains("kind") ? str(jt, "kind", where, f + ".") : std::string("font");
        if (kind != "font" && kind != "images")
            bad(where, f + ".kind", "must be \"font\" or \"images\" (got \"" + kind + "\")");
        t.kind = kind == "font" ? TargetSpec::Kind::Font : TargetSpec::Kind::ImageFolder;
        t.path = str(jt, "path", where, f + ".");
        t.face = integer(jt, "face", 0, where, f + ".");
        t.styleId = integer(jt, "styleId", static_cast<int>(i), where, f + ".");
        t.name = str(jt, "name", where, f + ".");
        s.targets.push_back(std::move(t));
    }
    if (j.contains("charset")) {
        const auto &c = j["charset"];
        onlyKeys(c, {"builtin", "file", "text", "limit", "coveredByAll"}, where, "charset");
        s.charset.builtin = str(c, "builtin", where, "charset.");
        s.charset.file = str(c, "file", where, "charset.");
        s.charset.text = str(c, "text", where, "charset.");
        s.charset.limit = integer(c, "limit", 0, where, "charset.");
        s.charset.coveredByAll = boolean(c, "coveredByAll", false, where, "charset.");
    }
    s.imageSize = integer(j, "imageSize", s.imageSize, where, "");
    if (j.contains("placement")) {
        const auto p = str(j, "placement", where, "");
        if (p != "embox" && p != "fit")
            bad(where, "placement", "must be \"embox\" or \"fit\" (got \"" + p + "\")");
        s.placement = p == "embox" ? Placement::EmBox : Placement::FitToInk;
    }
    for (const auto &[key, out] :
        {std::pair {"fitMargin", &s.fitMargin}, {"validationFraction", &s.validationFraction}}) {
        if (!j.contains(key))
            continue;
        if (!j[key].is_number())
            bad(where, key, "expected a number");
        *out = j[key].get<double>();
    }
    if (j.contains("validationChars")) {
        if (!j["validationChars"].is_array())
            bad(where, "validationChars", "expected an array of characters");
        for (const auto &c : j["validationChars"]) {
            if (!c.is_string())
                bad(where, "validationChars", "expected an array of characters (strings)");
            s.validationChars.push_back(c.get<std::string>());
        }
    }
    if (j.contains("seed")) {
        if (!j["seed"].is_number_unsigned() || j["seed"].get<unsigned long long>() > 0xFFFFFFFFull)
            bad(where, "seed", "expected a non-negative 32-bit integer");
        s.seed = j["seed"].get<unsigned>();
    }
    s.filterRepeated = boolean(j, "filterRepeated", s.filterRepeated, where);
    validateDatasetSpec(s, where);
    return s;
}

void validateDatasetSpec(const DatasetSpec &s, const std::string &where)
{
    if (s.source.path.empty())
        bad(where, "source.path", "missing: choose the source font");
    if (s.source.face < 0)
        bad(where, "source.face", "must not be negative");
    if (s.targets.empty())
        bad(where, "targets", "empty: add at least one target font or hand-drawn folder");
    std::map<int, std::size_t> styleOwner;
    for (std::size_t i = 0; i < s.targets.size(); ++i) {
        const TargetSpec &t = s.targets[i];
        const std::string f = "targets[" + std::to_string(i) + "]";
        if (t.path.empty())
            bad(where, f + ".path", "missing");
        if (t.face < 0)
            bad(where, f + ".face", "must not be negative");
        if (t.styleId < 0 || t.styleId > kMaxStyleId)
            bad(where, f + ".styleId", "must be in 0.." + std::to_string(kMaxStyleId));
        if (const auto [it, fresh] = styleOwner.emplace(t.styleId, i); !fresh)
            bad(where, f + ".styleId",
                std::to_string(t.styleId) + " is used by targets[" + std::to_string(it->second) + "] too");
    }
    if (s.charset.builtin.empty() && s.charset.file.empty() && s.charset.text.empty())
        bad(where, "charset", "empty: choose a built-in charset, a charset file or some characters");
    if (s.charset.limit < 0)
        bad(where, "charset.limit", "must not be negative");
    if (s.imageSize < 32 || s.imageSize > 512 || (s.imageSize & (s.imageSize - 1)) != 0)
        bad(where, "imageSize", "must be 32, 64, 128, 256 or 512 (got " + std::to_string(s.imageSize) + ")");
    if (!std::isfinite(s.fitMargin) || s.fitMargin < 0.0 || s.fitMargin > 0.45)
        bad(where, "fitMargin", "must be a number in [0, 0.45]");
    if (!std::isfinite(s.validationFraction) || s.validationFraction < 0.0 || s.validationFraction > 0.9)
        bad(where, "validationFraction", "must be a number in [0, 0.9]");
    for (std::size_t i = 0; i < s.validationChars.size(); ++i) {
        const auto decoded = glyphs::decodeUtf8(s.validationChars[i]);
        if (!decoded || decoded->size() != 1)
            bad(where, "validationChars[" + std::to_string(i) + "]",
                "expected exactly one character, got \"" + s.validationChars[i] + "\"");
    }
}

void to_json(json &j, const DatasetSpec &spec)
{
    j = datasetSpecToJson(spec);
}

void from_json(const json &j, DatasetSpec &spec)
{
    spec = datasetSpecFromJson(j, "dataset");
}

void resolveRelativePaths(DatasetSpec &spec, const std::filesystem::path &baseDir)
{
    const auto fix = [&baseDir](std::string &path) {
        if (!path.empty() && std::filesystem::path(path).is_relative())
            path = (baseDir / path).lexically_normal().string();
    };
    fix(spec.source.path);
    for (auto &t : spec.targets)
        fix(t.path);
    fix(spec.charset.file);
}

DatasetSpec loadDatasetSpec(const std::filesystem::path &file)
{
    std::string text;
    try {
        text = readFile(file, 16u << 20);
    } catch (const Error &e) {
        throw DataError(std::string("cannot read the dataset config: ") + e.what());
    }
    const json j = parseJsonAs<DataError>(text, file.string());
    DatasetSpec spec;
    try {
        spec = datasetSpecFromJson(j, file.string());
    } catch (const json::exception &e) {
        throw DataError(file.string() + ": " + describeJsonException(e));
    }
    resolveRelativePaths(spec, std::filesystem::absolute(file).parent_path());
    return spec;
}

json datasetReportToJson(const DatasetReport &r)
{
    json styles = json::array();
    for (const auto &s : r.styles)
        styles.push_back({{"styleId", s.styleId}, {"name", s.name}, {"kind", s.kind}, {"path", s.path},
            {"pairs", s.pairs}, {"train", s.train}, {"validation", s.validation}, {"repeated", s.repeated},
            {"missingCount", s.missing.size()}, {"missing", missingJson(s.missing)}, {"problems", s.problems}});
    return {{"imageSize", r.imageSize}, {"placement", r.placement}, {"charsetSize", r.charsetSize},
        {"notCoveredByAll", r.notCoveredByAll},
        {"source",
            {{"path", r.sourcePath}, {"glyphs", r.sourceGlyphs}, {"repeated", r.sourceRepeated},
                {"missingCount", r.sourceMissing.size()}, {"missing", missingJson(r.sourceMissing)}}},
        {"styles", styles}, {"validationChars", r.validationChars}, {"pinnedMissing", r.pinnedMissing},
        {"trainPairs", r.trainPairs}, {"validationPairs", r.validationPairs}, {"images", r.images}};
}

DatasetReport datasetReportFromJson(const json &j, const std::string &where)
{
    try {
        DatasetReport r;
        r.imageSize = j.at("imageSize").get<int>();
        r.placement = j.at("placement").get<std::string>();
        r.charsetSize = j.at("charsetSize").get<int>();
        r.notCoveredByAll = j.value("notCoveredByAll", 0); // stores built before the option have none
        const auto &src = j.at("source");
        r.sourcePath = src.at("path").get<std::string>();
        r.sourceGlyphs = src.at("glyphs").get<int>();
        r.sourceRepeated = src.at("repeated").get<int>();
        r.sourceMissing = missingFromJson(src.at("missing"), where + ".source");
        for (const auto &s : j.at("styles")) {
            StyleReport sr;
            sr.styleId = s.at("styleId").get<int>();
            sr.name = s.at("name").get<std::string>();
            sr.kind = s.at("kind").get<std::string>();
            sr.path = s.at("path").get<std::string>();
            sr.pairs = s.at("pairs").get<int>();
            sr.train = s.at("train").get<int>();
            sr.validation = s.at("validation").get<int>();
            sr.repeated = s.at("repeated").get<int>();
            sr.missing = missingFromJson(s.at("missing"), where + ".styles");
            sr.problems = s.at("problems").get<std::vector<std::string>>();
            r.styles.push_back(std::move(sr));
        }
        r.validationChars = j.at("validationChars").get<int>();
        r.pinnedMissing = j.at("pinnedMissing").get<std::vector<std::string>>();
        r.trainPairs = j.at("trainPairs").get<int>();
        r.validationPairs = j.at("validationPairs").get<int>();
        r.images = j.at("images").get<int>();
        return r;
    } catch (const json::exception &e) {
        throw DataError(where + ": damaged dataset report (" + describeJsonException(e) + ")");
    }
}

} // namespace zistudio::data
