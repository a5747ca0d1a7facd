// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace zistudio::fontexport
{

/**
 * Escapes text for XML 1.0 content and attribute values: & < > " ' become entities, characters XML
 * 1.0 cannot carry (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF) are dropped, and invalid UTF-8
 * becomes U+FFFD.
 */
std::string xmlEscape(std::string_view text);

/** A number the way font files like it: integers without a fraction, others with up to `decimals` places. */
std::string formatNumber(double value, int decimals = 2);

/**
 * Builds an XML property list (Apple plist 1.0, the UFO's format) as text, with two-space indent.
 * Usage: beginDict(); key("a"); integer(1); endDict(); finish().
 */
class PlistWriter
{
public:
    PlistWriter();

    void beginDict();
    void endDict();
    void beginArray();
    void endArray();
    void key(std::string_view k);
    void string(std::string_view s);
    void integer(long long v);
    void real(double v);
    void boolean(bool v);

    /** Closes the plist and returns the document. */
    std::string finish();

private:
    void line(std::string_view text);

    std::string m_out;
    int m_depth = 0;
};

} // namespace zistudio::fontexport
