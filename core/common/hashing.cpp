// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/hashing.h"

#include "common/error.h"

#include <array>
#include <fstream>
#include <openssl/evp.h>

namespace zistudio
{

namespace
{

EVP_MD_CTX *ctx(void *p)
{
    return static_cast<EVP_MD_CTX *>(p);
}

} // namespace

Sha256::Sha256()
    : m_ctx(EVP_MD_CTX_new())
{
    if (!m_ctx || EVP_DigestInit_ex(ctx(m_ctx), EVP_sha256(), nullptr) != 1)
        throw Error("cannot initialise SHA-256 (OpenSSL)");
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(ctx(m_ctx));
}

void Sha256::add(std::string_view bytes)
{
    EVP_DigestUpdate(ctx(m_ctx), bytes.data(), bytes.size());
}

std::string Sha256::hex()
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest {};
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctx(m_ctx), digest.data(), &len);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(len * 2);
    for (unsigned int i = 0; i < len; ++i) {
        out.push_back(kHex[digest[i] >> 4]);
        out.push_back(kHex[digest[i] & 15]);
    }
    return out;
}

std::string sha256Hex(std::string_view bytes)
{
    Sha256 h;
    h.add(bytes);
    return h.hex();
}

std::string sha256File(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw IoError("cannot open " + path.string() + " to hash it");
    Sha256 h;
    std::array<char, 1 << 16> buf {};
    while (in) {
        in.read(buf.data(), buf.size());
        h.add(std::string_view(buf.data(), static_cast<std::size_t>(in.gcount())));
    }
    if (in.bad())
        throw IoError("cannot read " + path.string() + " to hash it");
    return h.hex();
}

} // namespace zistudio
