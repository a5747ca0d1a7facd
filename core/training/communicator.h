// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Torch-free interface of a c10d job (the TCPStore rendezvous and a Gloo or NCCL process group);
// the tensor collectives are in distributedtensors.h, the code in communicator.cpp.

#include "training/distributedconfig.h"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace zistudio::training
{

/**
 * One rank's connection to a data-parallel job. connect() meets the other ranks on rank 0's
 * c10d::TCPStore; startProcessGroup() opens the c10d process group the gradients travel through.
 * Every collective must be called by every rank in the same order. A failed operation throws
 * DistributedError saying which rank failed or vanished (ranks report their own errors to the
 * store, and the survivors check who still answers) and what happened; after that every call
 * throws at once, so a rank never waits twice for a dead job.
 */
class Communicator
{
public:
    /** Rendezvous: waits up to the timeout until all WORLD_SIZE ranks joined. Throws DistributedError. */
    static std::unique_ptr<Communicator> connect(const DistributedConfig &config);
    ~Communicator();
    Communicator(const Communicator &) = delete;
    Communicator &operator=(const Communicator &) = delete;

    /** Opens the process group: NCCL for a CUDA device when built in (and not backend "gloo"), else Gloo. */
    void startProcessGroup(bool cuda, int cudaIndex = 0);
    /** "gloo" or "nccl" once started, "" before. */
    std::string backendName() const;

    int rank() const;
    int worldSize() const;
    bool leader() const { return rank() == 0; }
    const DistributedConfig &config() const;

    /** Element-wise sum over the ranks (a collective). */
    std::vector<double> allReduceSum(const std::vector<double> &values, const std::string &what);
    /** True on every rank when `flag` is true on any rank (a collective). */
    bool anyTrue(bool flag, const std::string &what);

    /**
     * Rank 0's `value` on every rank (the others' argument is ignored): rank 0 returns at once, the
     * others wait up to `limit` while rank 0 does work only it does (datasets, checkpoints). Not a
     * process-group collective: goes through the store, so long leader work never trips the
     * collective timeout. Throws DistributedError when rank 0 reported a failure or is gone.
     */
    std::string shareFromLeader(const std::string &value, std::chrono::seconds limit, const std::string &what);
    /** Waits until every rank arrived (through the store, up to `limit`, for long per-rank work). */
    void storeBarrier(std::chrono::seconds limit, const std::string &what);

    /**
     * Best effort: tells the other ranks this rank failed and why, so their errors can name it.
     * `linger`: wait a moment until the others saw it (rank 0 hosts the store; leaving at once would
     * take the message with it).
     */
    void reportFailure(const std::string &message, bool linger) noexcept;

    /** Throws DistributedError for `what` failing with `detail`, after finding out which rank is to blame. */
    [[noreturn]] void fail(const std::string &what, const std::string &detail);
    /** True once an operation failed (every later operation throws at once). */
    bool failed() const;

    struct Impl;
    Impl &impl() { return *m_impl; }

private:
    Communicator();
    std::string diagnose() noexcept;

    std::unique_ptr<Impl> m_impl;
};

} // namespace zistudio::training
