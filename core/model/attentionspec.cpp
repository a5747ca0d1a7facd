// SPDX-License-Identifier: GPL-3.0-or-later
// AttentionSpec: the "enc:3,dec:4" text form of where self-attention goes.
#include "model/modelconfig.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace zistudio::model
{

namespace
{

/** The deepest depth a spec may name at all (512 px); the config check narrows it to D. */
constexpr int kMaxSpecDepth = 16;

std::string trimmed(const std::string &text)
{
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && std::isspace(static_cast<unsigned char>(text[begin])))
        ++begin;
    while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1])))
        --end;
    return text.substr(begin, end - begin);
}

std::string lowered(std::string text)
{
    std::transform(
        text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

AttentionSite parseSite(const std::string &token, const std::string &whole)
{
    const auto fail = [&](const std::string &why) {
        return ModelError("attention spec \"" + whole + "\": bad entry \"" + token + "\": " + why
            + " (expected enc:N or dec:N, N = depth from 1 = outermost, e.g. \"enc:3,dec:4\")");
    };
    const std::size_t colon = token.find(':');
    if (colon == std::string::npos)
        throw fail("missing ':'");
    const std::string side = lowered(trimmed(token.substr(0, colon)));
    const std::string number = trimmed(token.substr(colon + 1));
    AttentionSite site;
    if (side == "enc" || side == "encoder")
        site.side = AttentionSide::Encoder;
    else if (side == "dec" || side == "decoder")
        site.side = AttentionSide::Decoder;
    else
        throw fail("unknown side \"" + side + "\"");
    int depth = 0;
    const char *first = number.data();
    const char *last = first + number.size();
    const auto [end, ec] = std::from_chars(first, last, depth);
    if (number.empty() || ec != std::errc() || end != last)
        throw fail("depth \"" + number + "\" is not a whole number");
    if (depth < 1 || depth > kMaxSpecDepth)
        throw fail("depth " + number + " is out of range 1.." + std::to_string(kMaxSpecDepth));
    site.depth = depth;
    return site;
}

bool siteLess(const AttentionSite &a, const AttentionSite &b)
{
    if (a.side != b.side)
        return a.side == AttentionSide::Encoder;
    return a.depth < b.depth;
}

} // namespace

std::string toString(const AttentionSite &site)
{
    return std::string(site.side == AttentionSide::Encoder ? "enc:" : "dec:") + std::to_string(site.depth);
}

AttentionSpec AttentionSpec::parse(const std::string &text)
{
    AttentionSpec spec;
    const std::string whole = trimmed(text);
    if (whole.empty() || lowered(whole) == "none")
        return spec;
    std::size_t start = 0;
    while (start <= whole.size()) {
        const std::size_t comma = std::min(whole.find(',', start), whole.size());
        const std::string token = trimmed(whole.substr(start, comma - start));
        if (token.empty())
            throw ModelError("attention spec \"" + whole + "\": empty entry between commas");
        spec.sites.push_back(parseSite(token, whole));
        start = comma + 1;
    }
    // Canonical order (encoder first, then by depth), duplicates merged: equal specs compare equal.
    std::sort(spec.sites.begin(), spec.sites.end(), siteLess);
    spec.sites.erase(std::unique(spec.sites.begin(), spec.sites.end()), spec.sites.end());
    return spec;
}

std::string AttentionSpec::toString() const
{
    if (sites.empty())
        return "none";
    std::vector<AttentionSite> sorted = sites;
    std::sort(sorted.begin(), sorted.end(), siteLess);
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    std::string out;
    for (const AttentionSite &site : sorted) {
        if (!out.empty())
            out += ',';
        out += model::toString(site);
    }
    return out;
}

bool AttentionSpec::has(AttentionSide side, int depth) const
{
    return std::any_of(
        sites.begin(), sites.end(), [&](const AttentionSite &s) { return s.side == side && s.depth == depth; });
}

} // namespace zistudio::model
