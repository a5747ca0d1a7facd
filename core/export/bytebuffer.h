// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace zistudio::fontexport
{

/** Big-endian byte output for sfnt tables (the byte order of every OpenType field). */
class ByteWriter
{
public:
    void u8(std::uint32_t v) { m_data += static_cast<char>(v & 0xFF); }
    void u16(std::uint32_t v)
    {
        u8(v >> 8);
        u8(v);
    }
    void i16(int v) { u16(static_cast<std::uint32_t>(static_cast<std::uint16_t>(static_cast<std::int16_t>(v)))); }
    void u32(std::uint32_t v)
    {
        u16(v >> 16);
        u16(v);
    }
    void i64(std::int64_t v)
    {
        u32(static_cast<std::uint32_t>(static_cast<std::uint64_t>(v) >> 32));
        u32(static_cast<std::uint32_t>(static_cast<std::uint64_t>(v)));
    }
    void tag(std::string_view t)
    {
        for (std::size_t i = 0; i < 4; ++i)
            u8(i < t.size() ? static_cast<unsigned char>(t[i]) : ' ');
    }
    void bytes(std::string_view b) { m_data += b; }
    void padTo(std::size_t alignment)
    {
        while (m_data.size() % alignment != 0)
            u8(0);
    }
    void patchU16(std::size_t at, std::uint32_t v)
    {
        m_data[at] = static_cast<char>((v >> 8) & 0xFF);
        m_data[at + 1] = static_cast<char>(v & 0xFF);
    }
    void patchU32(std::size_t at, std::uint32_t v)
    {
        patchU16(at, v >> 16);
        patchU16(at + 2, v & 0xFFFF);
    }
    std::size_t size() const { return m_data.size(); }
    const std::string &data() const { return m_data; }
    std::string take() { return std::move(m_data); }

private:
    std::string m_data;
};

/** Bounds-checked big-endian reads from a table; out-of-range reads throw ExportError naming `what`. */
class ByteReader
{
public:
    ByteReader(std::string_view data, std::string what)
        : m_data(data)
        , m_what(std::move(what))
    { }
    std::uint32_t u8(std::size_t at) const;
    std::uint32_t u16(std::size_t at) const;
    int i16(std::size_t at) const { return static_cast<std::int16_t>(u16(at)); }
    std::uint32_t u32(std::size_t at) const;
    std::string_view slice(std::size_t at, std::size_t len) const;
    std::size_t size() const { return m_data.size(); }
    /** Throws unless [at, at+len) lies inside the data. */
    void require(std::size_t at, std::size_t len) const;

private:
    std::string_view m_data;
    std::string m_what;
};

/** The 4-byte tag as a uint32 ("glyf" → 0x676C7966). */
constexpr std::uint32_t makeTag(const char (&t)[5])
{
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(t[0])) << 24)
        | (static_cast<std::uint32_t>(static_cast<unsigned char>(t[1])) << 16)
        | (static_cast<std::uint32_t>(static_cast<unsigned char>(t[2])) << 8)
        | static_cast<std::uint32_t>(static_cast<unsigned char>(t[3]));
}

/** "glyf" from 0x676C7966. */
std::string tagName(std::uint32_t tag);

} // namespace zistudio::fontexport
