// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/jsontext.h"

#include <vector>

namespace zistudio
{

namespace
{

/** Where the parser is: one entry per open object or array. */
struct Level
{
    bool array = false;
    std::string key;    ///< objects: the last key read
    long long next = 0; ///< arrays: index of the next element
};

std::string pathOf(const std::vector<Level> &stack)
{
    std::string path;
    for (const auto &level : stack) {
        if (level.array) {
            path += "[" + std::to_string(level.next) + "]";
        } else if (!level.key.empty()) {
            if (!path.empty())
                path += '.';
            path += level.key;
        }
    }
    return path;
}

/** The library's message without its "[json.exception.parse_error.101] " prefix. */
std::string withoutPrefix(const std::string &what)
{
    const auto close = what.find("] ");
    return what.rfind("[json.exception.", 0) == 0 && close != std::string::npos ? what.substr(close + 2) : what;
}

} // namespace

std::string describeJsonException(const nlohmann::json::exception &e)
{
    const std::string detail = withoutPrefix(e.what());
    if (dynamic_cast<const nlohmann::json::type_error *>(&e))
        return "a field has the wrong type (" + detail + ")";
    if (dynamic_cast<const nlohmann::json::out_of_range *>(&e))
        return "a value is out of range or missing (" + detail + ")";
    return detail;
}

nlohmann::json parseJsonText(std::string_view text)
{
    using nlohmann::json;
    std::vector<Level> stack;
    const auto track = [&](int depth, json::parse_event_t event, json &) {
        switch (event) {
        case json::parse_event_t::object_start:
        case json::parse_event_t::array_start:
            stack.push_back(Level {.array = event == json::parse_event_t::array_start, .key = {}, .next = 0});
            break;
        case json::parse_event_t::key:
            break; // the key's text arrives through the key callback below
        case json::parse_event_t::object_end:
        case json::parse_event_t::array_end:
            if (!stack.empty())
                stack.pop_back();
            if (!stack.empty() && stack.back().array)
                ++stack.back().next;
            break;
        case json::parse_event_t::value:
            if (!stack.empty() && stack.back().array)
                ++stack.back().next;
            break;
        }
        if (depth > kMaxJsonDepth) {
            throw JsonTextError("JSON nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        }
        return true;
    };
    const auto callback = [&](int depth, json::parse_event_t event, json &parsed) {
        if (event == json::parse_event_t::key && !stack.empty() && parsed.is_string())
            stack.back().key = parsed.get<std::string>();
        return track(depth, event, parsed);
    };
    try {
        return json::parse(text.begin(), text.end(), callback);
    } catch (const JsonTextError &) {
        throw;
    } catch (const json::out_of_range &e) {
        // 406: a number the parser cannot hold (1e400, 1e2308, a 30-digit integer as a double...).
        const std::string path = pathOf(stack);
        throw JsonTextError("a number is out of range" + (path.empty() ? std::string() : " in field \"" + path + "\"")
            + " (" + withoutPrefix(e.what()) + ")");
    } catch (const json::exception &e) {
        const std::string path = pathOf(stack);
        throw JsonTextError("not valid JSON" + (path.empty() ? std::string() : " in field \"" + path + "\"") + " ("
            + withoutPrefix(e.what()) + ")");
    }
}

} // namespace zistudio
