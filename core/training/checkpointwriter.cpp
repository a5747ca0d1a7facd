// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/checkpointwriter.h"

#include "common/atomicfile.h"
#include "common/error.h"
#include "common/hashing.h"
#include "project/trainingconfig.h"
#include "training/checkpointstore.h"
#include "training/trainingerror.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <ctime>

namespace zistudio::training
{

namespace fs = std::filesystem;

namespace
{

std::string utcNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm {};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

} // namespace

CheckpointWriter::CheckpointWriter(CheckpointStore &store, long long step, std::string kind)
    : m_store(&store)
    , m_step(step)
    , m_kind(std::move(kind))
{
    if (step < 0 || step > kMaxSteps)
        throw TrainingError("checkpoint step " + std::to_string(step) + " is outside 0.." + std::to_string(kMaxSteps));
    m_partial = store.dir() / (CheckpointStore::folderName(step) + ".partial");
    std::error_code ec;
    fs::remove_all(m_partial, ec);
    if (!fs::create_directory(m_partial, ec) || ec)
        throw IoError("cannot create checkpoint folder " + m_partial.string() + ": "
            + (ec ? ec.message() : std::string("it already exists")));
}

CheckpointWriter::CheckpointWriter(CheckpointWriter &&other) noexcept
    : m_store(other.m_store)
    , m_step(other.m_step)
    , m_kind(std::move(other.m_kind))
    , m_partial(std::move(other.m_partial))
    , m_parts(std::move(other.m_parts))
    , m_done(other.m_done)
{
    other.m_done = true;
}

CheckpointWriter::~CheckpointWriter()
{
    if (!m_done) {
        std::error_code ec;
        fs::remove_all(m_partial, ec);
    }
}

void CheckpointWriter::addPart(const std::string &name, std::string_view bytes)
{
    if (m_done)
        throw TrainingError("checkpoint " + m_partial.string() + " is already committed");
    if (name.empty() || name == "manifest.json" || name.find('/') != std::string::npos || name == "." || name == "..")
        throw TrainingError("invalid checkpoint part name '" + name + "'");
    for (const auto &p : m_parts)
        if (p.name == name)
            throw TrainingError("checkpoint part '" + name + "' written twice");
    writeFileAtomically(m_partial / name, bytes);
    m_parts.push_back({.name = name, .bytes = bytes.size(), .sha256 = sha256Hex(bytes)});
}

CheckpointInfo CheckpointWriter::commit(const std::map<std::string, double> &metrics)
{
    if (m_done)
        throw TrainingError("checkpoint " + m_partial.string() + " is already committed");
    nlohmann::json parts = nlohmann::json::array();
    for (const auto &p : m_parts)
        parts.push_back({{"name", p.name}, {"bytes", p.bytes}, {"sha256", p.sha256}});
    nlohmann::json jm = nlohmann::json::object();
    for (const auto &[k, v] : metrics)
        if (std::isfinite(v))
            jm[k] = v;
    const std::string created = utcNow();
    const nlohmann::json manifest = {{"format", "zistudio-checkpoint"}, {"version", 1}, {"step", m_step},
        {"kind", m_kind}, {"created", created}, {"metrics", jm}, {"parts", parts}};
    // The manifest goes last: its presence (in a folder without ".partial") marks completeness.
    writeFileAtomically(m_partial / "manifest.json", manifest.dump(2));

    const fs::path dir = m_store->dir();
    const fs::path final = dir / CheckpointStore::folderName(m_step);
    const fs::path replaced = dir / (CheckpointStore::folderName(m_step) + ".replaced");
    std::error_code ec;
    const auto damaged = [&] {
        std::string problem;
        const auto old = m_store->readInfo(final, &problem);
        if (!old)
            return true;
        try {
            m_store->verify(*old);
        } catch (const TrainingError &) {
            return true;
        }
        return false;
    };
    if (fs::exists(final, ec) && damaged())
        m_store->setAside(final); // a damaged checkpoint is kept for inspection, never overwritten
    if (fs::exists(final, ec)) {
        fs::remove_all(replaced, ec);
        fs::rename(final, replaced, ec);
        if (ec)
            throw IoError("cannot move the old checkpoint " + final.string() + " aside: " + ec.message());
    }
    fs::rename(m_partial, final, ec);
    if (ec)
        throw IoError("cannot commit checkpoint " + final.string() + ": " + ec.message());
    m_done = true;
    syncDirectory(dir);
    fs::remove_all(replaced, ec);

    m_store->prune();
    CheckpointInfo info {.step = m_step,
        .dir = final,
        .kind = m_kind,
        .created = created,
        .metrics = {},
        .parts = m_parts,
        .pinned = false,
        .best = false};
    for (const auto &[k, v] : jm.items())
        info.metrics[k] = v.get<double>();
    const auto pins = m_store->pinnedSteps();
    info.pinned = std::find(pins.begin(), pins.end(), m_step) != pins.end();
    info.best = m_store->bestStep() == m_step;
    return info;
}

} // namespace zistudio::training
