// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace zistudio
{

/** JSON nested deeper than this is refused (deep nesting overflows the stack of dump() and of recursive readers). */
inline constexpr int kMaxJsonDepth = 64;

/** A JSON text that cannot be parsed; the message says why in words and names the field ("training.batchSize"). */
class JsonTextError : public Error
{
public:
    using Error::Error;
};

/**
 * Parses a JSON document. Every way it can fail (a syntax error, a number out of range such as 1e400,
 * invalid UTF-8, nesting deeper than kMaxJsonDepth) is a JsonTextError whose message says what is
 * wrong in words and where: the field path ("training.batchSize", "parts[2].bytes") and the byte.
 * Layers catch it and rethrow their own error type with the file's name (parseJsonAs below).
 */
nlohmann::json parseJsonText(std::string_view text);

/** parseJsonText whose failures become `E("<where>: <problem>")`: one line per JSON reader of a layer. */
template<typename E> nlohmann::json parseJsonAs(std::string_view text, const std::string &where)
{
    try {
        return parseJsonText(text);
    } catch (const JsonTextError &e) {
        throw E(where + ": " + e.what());
    }
}

/**
 * A nlohmann exception raised while reading fields of an already parsed document (a type_error or
 * out_of_range from get<T>() or at()), in words: "a field has the wrong type", without the library's
 * "[json.exception.type_error.302]" prefix. For readers that map such slips to their own error.
 */
std::string describeJsonException(const nlohmann::json::exception &e);

} // namespace zistudio
