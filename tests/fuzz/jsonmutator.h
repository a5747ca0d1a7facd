// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A structure-aware libFuzzer mutator for JSON inputs (manifests, project files): byte-level mutations
// almost never turn a string into a number or drop a key while keeping the JSON valid, yet those are the
// damaged files a parser meets. This mutator parses the input, changes one node (its type, a key, an array
// element, a number's range) and writes it back; unparsable inputs get libFuzzer's own mutations.
// Include it in exactly one harness translation unit. libFuzzer (scripts/fuzz) calls it; so does the
// replay driver's --fuzz mode (replaymain.cpp, which also provides LLVMFuzzerMutate) in CI's sanitizer step.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t *data, std::size_t size, std::size_t maxSize);

namespace zistudio::fuzz
{

/** True when the text nests brackets at most `limit` deep (the mutator walks documents recursively). */
inline bool shallowJson(const std::uint8_t *data, std::size_t size, int limit = 64)
{
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < size; ++i) {
        const char c = static_cast<char>(data[i]);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit)
                return false;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return true;
}

/** Every node of the document, the root first. */
inline void collectNodes(nlohmann::json &j, std::vector<nlohmann::json *> &out)
{
    out.push_back(&j);
    if (j.is_structured())
        for (auto &child : j)
            collectNodes(child, out);
}

inline nlohmann::json randomValue(std::mt19937 &rng, const std::vector<nlohmann::json *> &nodes)
{
    switch (rng() % 14) {
    case 0:
        return nullptr;
    case 1:
        return rng() % 2 == 0;
    case 2:
        return static_cast<std::int64_t>(rng() % 5) - 1;
    case 3:
        return std::numeric_limits<std::int64_t>::min();
    case 4:
        return std::numeric_limits<std::uint64_t>::max();
    case 5:
        return 1e308;
    case 6:
        return -0.5;
    case 7:
        return "";
    case 8:
        return std::string(1 + rng() % 300, static_cast<char>('a' + rng() % 26));
    case 9:
        return "../manifest.json";
    case 10:
        return nlohmann::json::array();
    case 11:
        return nlohmann::json::object();
    default:
        return *nodes[rng() % nodes.size()]; // a copy of another node: right shapes in wrong places
    }
}

inline void mutateNode(nlohmann::json &node, std::mt19937 &rng, const std::vector<nlohmann::json *> &nodes)
{
    const unsigned choice = rng() % 4;
    if (node.is_object() && !node.empty() && choice == 0) {
        auto it = node.begin();
        std::advance(it, static_cast<long>(rng() % node.size()));
        node.erase(it);
    } else if (node.is_object() && choice == 1) {
        static const char *const kKeys[] = {"format", "version", "step", "parts", "name", "bytes", "sha256", "kind",
            "metrics", "pinned", "dataset", "model", "training", "reviews", "imageSize", "targets", "source", "charset",
            "path", "face", "styleId", "attention", "ngf", "unknown"};
        node[kKeys[rng() % std::size(kKeys)]] = randomValue(rng, nodes);
    } else if (node.is_array() && !node.empty() && choice == 0) {
        node.erase(node.begin() + static_cast<long>(rng() % node.size()));
    } else if (node.is_array() && choice == 1) {
        node.push_back(node.empty() ? randomValue(rng, nodes) : node[rng() % node.size()]);
    } else if (node.is_number_integer() && choice == 2) {
        const std::int64_t deltas[] = {1, -1, 1000, -1000000, std::int64_t(1) << 31, std::int64_t(1) << 40};
        // Wrapping (unsigned) addition: the mutator itself must not overflow a signed integer.
        node = static_cast<std::int64_t>(
            static_cast<std::uint64_t>(node.get<std::int64_t>()) + static_cast<std::uint64_t>(deltas[rng() % 6]));
    } else {
        const nlohmann::json value = randomValue(rng, nodes);
        node = value;
    }
}

/** One structure-aware mutation of a JSON input, in place; falls back to LLVMFuzzerMutate. */
inline std::size_t mutateJson(std::uint8_t *data, std::size_t size, std::size_t maxSize, unsigned seed)
{
    std::mt19937 rng(seed);
    if (rng() % 5 == 0 || !shallowJson(data, size))
        return LLVMFuzzerMutate(data, size, maxSize);
    nlohmann::json doc = nlohmann::json::parse(data, data + size, nullptr, false);
    if (doc.is_discarded())
        return LLVMFuzzerMutate(data, size, maxSize);
    for (unsigned n = 1 + rng() % 3; n > 0; --n) {
        std::vector<nlohmann::json *> nodes;
        collectNodes(doc, nodes);
        mutateNode(*nodes[rng() % nodes.size()], rng, nodes);
    }
    std::string out = doc.dump(rng() % 2 == 0 ? -1 : 2);
    if (rng() % 6 == 0) {
        // A number no double or integer holds ("batchSize": 1e400): only text can carry it.
        static const char *const kHuge[]
            = {"1e400", "-1e400", "1e2308", "18446744073709551616", "-9223372036854775809"};
        const std::size_t digit = out.find_first_of("0123456789", rng() % (out.size() + 1));
        if (digit != std::string::npos) {
            const std::size_t end = out.find_first_not_of("0123456789.eE+-", digit);
            out.replace(digit, (end == std::string::npos ? out.size() : end) - digit, kHuge[rng() % 5]);
        }
    }
    if (out.size() > maxSize)
        return LLVMFuzzerMutate(data, size, maxSize);
    std::memcpy(data, out.data(), out.size());
    return out.size();
}

} // namespace zistudio::fuzz

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t *data, std::size_t size, std::size_t maxSize, unsigned seed)
{
    return zistudio::fuzz::mutateJson(data, size, maxSize, seed);
}
