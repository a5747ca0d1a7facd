// SPDX-License-Identifier: GPL-3.0-or-later
// All of ZiStudio's c10d code: the TCPStore rendezvous, the Gloo/NCCL process group, failure
// diagnosis and the tensor collectives of a data-parallel step. LibTorch 1.13 (Debian) and 2.x
// (official archives) differ in the process-group class hierarchy and the Work type, so the group
// is used through a small template and `auto`, never by naming those types.
#include "training/communicator.h"

#include "training/distributedtensors.h"

#if __has_include(<torch/csrc/distributed/c10d/TCPStore.hpp>)
#define ZISTUDIO_HAVE_C10D 1
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#endif
#if defined(ZISTUDIO_HAVE_C10D) && __has_include(<torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>)                  \
    && __has_include(<gloo/config.h>)
#ifndef USE_C10D_GLOO
#define USE_C10D_GLOO 1 // the header is empty without it; libtorch_cpu carries the symbols
#endif
#define ZISTUDIO_HAVE_GLOO 1
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#endif
#if defined(ZISTUDIO_HAVE_C10D) && defined(ZISTUDIO_WITH_CUDA)                                                         \
    && __has_include(<torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>) && __has_include(<nccl.h>)
#ifndef USE_C10D_NCCL
#define USE_C10D_NCCL 1
#endif
#define ZISTUDIO_HAVE_NCCL 1
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <thread>

namespace zistudio::training
{

namespace
{

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

/** How long a rank that hit a failure waits to learn which other ranks still answer. */
constexpr auto kDiagnoseWait = 3s;
/** Longest pause between two polls of the store. */
constexpr auto kMaxPoll = 50ms;

/** c10::Error messages carry a backtrace after the first line, Gloo's a "[file.cc:589] " before it. */
std::string firstLine(const char *text)
{
    std::string s(text);
    if (const auto nl = s.find('\n'); nl != std::string::npos)
        s.resize(nl);
    if (s.starts_with("[./") || s.starts_with("[/"))
        if (const auto end = s.find("] "); end != std::string::npos)
            s.erase(0, end + 2);
    return s;
}

std::string rankList(const std::vector<int> &ranks)
{
    std::string out = ranks.size() == 1 ? "rank " : "ranks ";
    for (std::size_t i = 0; i < ranks.size(); ++i)
        out += (i ? ", " : "") + std::to_string(ranks[i]);
    return out;
}

bool isLoopback(const std::string &host)
{
    return host == "localhost" || host.rfind("127.", 0) == 0 || host == "::1";
}

/** A started collective: calling it waits for the result and throws the backend's error. */
using Wait = std::function<void()>;

/** The process group, whatever LibTorch calls its base class and its Work type. */
class Group
{
public:
    virtual ~Group() = default;
    virtual std::string name() const = 0;
    virtual Wait allreduceSum(std::vector<at::Tensor> &tensors) = 0;
    virtual Wait broadcast(std::vector<at::Tensor> &tensors, int root) = 0;
};

template<typename ProcessGroup> class GroupOf final : public Group
{
public:
    GroupOf(c10::intrusive_ptr<ProcessGroup> group, std::string name)
        : m_group(std::move(group))
        , m_name(std::move(name))
    { }
    std::string name() const override { return m_name; }
    Wait allreduceSum(std::vector<at::Tensor> &tensors) override
    {
        auto work = m_group->allreduce(tensors); // AllreduceOptions' default reduction is SUM
        return [work] { work->wait(); };
    }
    Wait broadcast(std::vector<at::Tensor> &tensors, int root) override
    {
        c10d::BroadcastOptions options;
        options.rootRank = root;
        auto work = m_group->broadcast(tensors, options);
        return [work] { work->wait(); };
    }

private:
    c10::intrusive_ptr<ProcessGroup> m_group;
    std::string m_name;
};

std::vector<std::uint8_t> bytes(const std::string &s)
{
    return {s.begin(), s.end()};
}

std::string text(const std::vector<std::uint8_t> &b)
{
    return {b.begin(), b.end()};
}

} // namespace

struct Communicator::Impl
{
    DistributedConfig config;
#ifdef ZISTUDIO_HAVE_C10D
    c10::intrusive_ptr<c10d::Store> store;
#endif
    std::unique_ptr<Group> group;
    torch::Device device {torch::kCPU}; ///< where the group's tensors live (CUDA for NCCL)
    long long shareSequence = 0;
    long long barrierSequence = 0;
    bool failed = false;
    std::string failure; ///< the message every call throws once failed

    std::chrono::seconds timeout() const
    {
        return std::chrono::seconds(config.timeoutSeconds);
    }
    std::string who() const
    {
        return "rank " + std::to_string(config.rank) + " of " + std::to_string(config.worldSize);
    }
    static std::string key(const std::string &name, long long n)
    {
        return "zistudio/" + name + "/" + std::to_string(n);
    }

#ifdef ZISTUDIO_HAVE_C10D
    /** The first rank that reported a failure, as "rank N failed: message" ("" when none did). */
    std::string reportedFailure()
    {
        if (store->add("zistudio/failures", 0) == 0)
            return {};
        for (int r = 0; r < config.worldSize; ++r)
            if (r != config.rank && store->check({key("failed", r)}))
                return "rank " + std::to_string(r) + " failed: " + text(store->get(key("failed", r)));
        return {};
    }
#endif
};

Communicator::Communicator()
    : m_impl(std::make_unique<Impl>())
{ }

Communicator::~Communicator()
{
    // The group first: its destructor may still talk to the store (rank 0 hosts it).
    m_impl->group.reset();
}

int Communicator::rank() const
{
    return m_impl->config.rank;
}

int Communicator::worldSize() const
{
    return m_impl->config.worldSize;
}

const DistributedConfig &Communicator::config() const
{
    return m_impl->config;
}

std::string Communicator::backendName() const
{
    return m_impl->group ? m_impl->group->name() : std::string();
}

bool Communicator::failed() const
{
    return m_impl->failed;
}

#ifndef ZISTUDIO_HAVE_C10D

namespace
{
[[noreturn]] void noDistributedSupport()
{
    throw DistributedError("this LibTorch build has no distributed support (c10d): train with one process");
}
} // namespace

std::unique_ptr<Communicator> Communicator::connect(const DistributedConfig &)
{
    noDistributedSupport();
}
void Communicator::startProcessGroup(bool, int)
{
    noDistributedSupport();
}
std::string Communicator::shareFromLeader(const std::string &, std::chrono::seconds, const std::string &)
{
    noDistributedSupport();
}
void Communicator::storeBarrier(std::chrono::seconds, const std::string &)
{
    noDistributedSupport();
}
void Communicator::reportFailure(const std::string &, bool) noexcept
{ }
std::string Communicator::diagnose() noexcept
{
    return {};
}

#else

std::unique_ptr<Communicator> Communicator::connect(const DistributedConfig &config)
{
    validateDistributedConfig(config);
    std::unique_ptr<Communicator> comm(new Communicator());
    Impl &d = *comm->m_impl;
    d.config = config;
    const std::string where = config.masterAddr + ":" + std::to_string(config.masterPort);

    c10d::TCPStoreOptions options;
    options.port = static_cast<std::uint16_t>(config.masterPort);
    options.isServer = config.leader();
    options.numWorkers = static_cast<std::size_t>(config.worldSize);
    options.waitWorkers = false; // the join below waits, and says who is missing
    options.timeout = d.timeout();
    try {
        d.store = c10::make_intrusive<c10d::TCPStore>(config.masterAddr, options);
    } catch (const std::exception &e) {
        if (config.leader())
            throw DistributedError("rank 0 cannot open the rendezvous store on port "
                + std::to_string(config.masterPort)
                + " (MASTER_PORT; is another job using it?): " + firstLine(e.what()));
        throw DistributedError(d.who() + " cannot reach rank 0's rendezvous store at " + where
            + " (MASTER_ADDR:MASTER_PORT) within " + std::to_string(config.timeoutSeconds)
            + " s: " + firstLine(e.what()));
    }

    try {
        if (d.store->add(Impl::key("rank", config.rank), 1) != 1)
            throw DistributedError("two processes of the job at " + where
                + " were started with RANK=" + std::to_string(config.rank) + ": give each process its own rank");
        d.store->add("zistudio/joined", 1);
        const auto deadline = Clock::now() + d.timeout();
        for (auto pause = 1ms;; pause = std::min<std::chrono::milliseconds>(pause * 2, kMaxPoll)) {
            const auto joined = d.store->add("zistudio/joined", 0);
            if (joined > config.worldSize)
                throw DistributedError("more processes than WORLD_SIZE=" + std::to_string(config.worldSize)
                    + " joined the job at " + where);
            if (joined == config.worldSize)
                break;
            if (Clock::now() > deadline) {
                std::vector<int> missing;
                for (int r = 0; r < config.worldSize; ++r)
                    if (!d.store->check({Impl::key("rank", r)}))
                        missing.push_back(r);
                throw DistributedError("rendezvous at " + where + " timed out after "
                    + std::to_string(config.timeoutSeconds) + " s: " + std::to_string(joined) + " of "
                    + std::to_string(config.worldSize) + " ranks joined, " + rankList(missing)
                    + " never came (start every rank with the same MASTER_ADDR, MASTER_PORT and WORLD_SIZE)");
            }
            std::this_thread::sleep_for(pause);
        }
    } catch (const DistributedError &) {
        throw;
    } catch (const std::exception &e) {
        throw DistributedError(d.who() + ": the rendezvous at " + where + " failed: " + firstLine(e.what()));
    }
    return comm;
}

void Communicator::startProcessGroup(bool cuda, int cudaIndex)
{
    Impl &d = *m_impl;
    if (d.group)
        return;
    const std::string backend = d.config.backend;
    bool nccl = false;
#ifdef ZISTUDIO_HAVE_NCCL
    nccl = cuda && backend != "gloo";
#endif
    if (backend == "nccl" && !nccl)
        throw DistributedError(cuda ? "distributed backend \"nccl\": this LibTorch build has no NCCL"
                                    : "distributed backend \"nccl\" needs a CUDA device (training.device)");
    auto prefixed = c10::make_intrusive<c10d::PrefixStore>("zistudio-group", d.store);
    try {
        if (nccl) {
#ifdef ZISTUDIO_HAVE_NCCL
            auto options = c10d::ProcessGroupNCCL::Options::create();
            options->timeout = d.timeout();
            d.device = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(cudaIndex));
            d.group = std::make_unique<GroupOf<c10d::ProcessGroupNCCL>>(
                c10::make_intrusive<c10d::ProcessGroupNCCL>(prefixed, d.config.rank, d.config.worldSize, options),
                "nccl");
#endif
        } else {
#ifdef ZISTUDIO_HAVE_GLOO
            auto options = c10d::ProcessGroupGloo::Options::create(d.timeout());
            // Which network interface Gloo listens on: GLOO_SOCKET_IFNAME as in PyTorch, loopback for a
            // job on one machine, else the address this host's name resolves to.
            const char *ifname = std::getenv("GLOO_SOCKET_IFNAME");
            if (ifname && *ifname)
                options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(ifname));
            else if (isLoopback(d.config.masterAddr))
                options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
            else
                options->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
            if (cuda)
                d.device = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(cudaIndex));
            d.group = std::make_unique<GroupOf<c10d::ProcessGroupGloo>>(
                c10::make_intrusive<c10d::ProcessGroupGloo>(prefixed, d.config.rank, d.config.worldSize, options),
                "gloo");
#else
            throw DistributedError("this LibTorch build has no Gloo backend: distributed training needs "
                + std::string(cuda ? "NCCL or Gloo" : "Gloo for CPU tensors"));
#endif
        }
    } catch (const DistributedError &) {
        throw;
    } catch (const std::exception &e) {
        fail("opening the " + std::string(nccl ? "NCCL" : "Gloo") + " process group", firstLine(e.what()));
    }
}

std::string Communicator::shareFromLeader(const std::string &value, std::chrono::seconds limit, const std::string &what)
{
    Impl &d = *m_impl;
    if (d.failed)
        throw DistributedError(d.failure);
    const std::string key = Impl::key("share", ++d.shareSequence);
    try {
        if (leader()) {
            d.store->set(key, bytes(value));
            return value;
        }
        const auto deadline = Clock::now() + limit;
        for (auto pause = 1ms;; pause = std::min<std::chrono::milliseconds>(pause * 2, kMaxPoll)) {
            if (d.store->check({key}))
                return text(d.store->get(key));
            if (const auto failure = d.reportedFailure(); !failure.empty())
                fail(what, failure);
            if (Clock::now() > deadline)
                fail(what, "rank 0 did not get there within " + std::to_string(limit.count()) + " s");
            std::this_thread::sleep_for(pause);
        }
    } catch (const DistributedError &) {
        throw;
    } catch (const std::exception &e) {
        fail(what, "the rendezvous store stopped answering: " + firstLine(e.what()));
    }
}

void Communicator::storeBarrier(std::chrono::seconds limit, const std::string &what)
{
    Impl &d = *m_impl;
    if (d.failed)
        throw DistributedError(d.failure);
    const std::string key = Impl::key("barrier", ++d.barrierSequence);
    try {
        d.store->add(key, 1);
        const auto deadline = Clock::now() + limit;
        for (auto pause = 1ms;; pause = std::min<std::chrono::milliseconds>(pause * 2, kMaxPoll)) {
            const auto arrived = d.store->add(key, 0);
            if (arrived >= worldSize())
                return;
            if (const auto failure = d.reportedFailure(); !failure.empty())
                fail(what, failure);
            if (Clock::now() > deadline)
                fail(what,
                    "only " + std::to_string(arrived) + " of " + std::to_string(worldSize())
                        + " ranks got there within " + std::to_string(limit.count()) + " s");
            std::this_thread::sleep_for(pause);
        }
    } catch (const DistributedError &) {
        throw;
    } catch (const std::exception &e) {
        fail(what, "the rendezvous store stopped answering: " + firstLine(e.what()));
    }
}

void Communicator::reportFailure(const std::string &message, bool linger) noexcept
{
    Impl &d = *m_impl;
    try {
        if (!d.store)
            return;
        d.store->set(Impl::key("failed", rank()), bytes(message));
        d.store->add("zistudio/failures", 1);
        if (!linger || worldSize() < 2)
            return;
        // Close this rank's side of the group so that ranks waiting in a collective wake up now and
        // come asking, instead of finding the store gone after their timeout.
        d.group.reset();
        const auto deadline = Clock::now() + kDiagnoseWait;
        while (Clock::now() < deadline) {
            bool all = true;
            for (int r = 0; r < worldSize(); ++r)
                if (r != rank() && !d.store->check({Impl::key("alive", r)})
                    && !d.store->check({Impl::key("failed", r)}))
                    all = false;
            if (all)
                return;
            std::this_thread::sleep_for(kMaxPoll);
        }
    } catch (const std::exception &) {
        // Best effort: the store may be gone with rank 0.
    }
}

std::string Communicator::diagnose() noexcept
{
    Impl &d = *m_impl;
    try {
        d.store->set(Impl::key("alive", rank()), bytes("1"));
        std::vector<std::string> failures(static_cast<std::size_t>(worldSize()));
        std::vector<bool> answered(static_cast<std::size_t>(worldSize()), false);
        answered[static_cast<std::size_t>(rank())] = true;
        const auto deadline = Clock::now() + kDiagnoseWait;
        for (;;) {
            bool all = true;
            for (int r = 0; r < worldSize(); ++r) {
                const auto i = static_cast<std::size_t>(r);
                if (answered[i])
                    continue;
                if (d.store->check({Impl::key("failed", r)})) {
                    failures[i] = text(d.store->get(Impl::key("failed", r)));
                    answered[i] = true;
                } else if (d.store->check({Impl::key("alive", r)})) {
                    answered[i] = true;
                } else {
                    all = false;
                }
            }
            if (all || Clock::now() > deadline)
                break;
            std::this_thread::sleep_for(kMaxPoll);
        }
        std::string out;
        std::vector<int> silent;
        for (int r = 0; r < worldSize(); ++r) {
            const auto i = static_cast<std::size_t>(r);
            if (!failures[i].empty())
                out += (out.empty() ? "" : "; ") + ("rank " + std::to_string(r) + " failed: " + failures[i]);
            else if (!answered[i])
                silent.push_back(r);
        }
        if (!silent.empty())
            out += (out.empty() ? "" : "; ") + rankList(silent) + " stopped answering (killed, crashed or stuck)";
        return out.empty() ? "every other rank still answers (a network problem or a timeout?)" : out;
    } catch (const std::exception &) {
        return leader() ? "the rendezvous store stopped answering"
                        : "rank 0 is gone (the rendezvous store it hosts no longer answers)";
    }
}

#endif // ZISTUDIO_HAVE_C10D

void Communicator::fail(const std::string &what, const std::string &detail)
{
    Impl &d = *m_impl;
    if (!d.failed) {
        d.failed = true;
#ifdef ZISTUDIO_HAVE_C10D
        // A failure another rank reported is the diagnosis already; otherwise find out who is missing.
        const bool reported = detail.rfind("rank ", 0) == 0 && detail.find(" failed: ") != std::string::npos;
        const std::string diagnosis = reported ? detail : diagnose() + " (" + detail + ")";
        if (reported)
            try {
                d.store->set(Impl::key("alive", rank()), bytes("1")); // lets a lingering rank 0 leave
            } catch (const std::exception &) { }
#else
        const std::string diagnosis = detail;
#endif
        d.failure = d.who() + ": " + what + " failed: " + diagnosis;
    }
    throw DistributedError(d.failure);
}

std::vector<double> Communicator::allReduceSum(const std::vector<double> &values, const std::string &what)
{
    Impl &d = *m_impl;
    if (d.failed)
        throw DistributedError(d.failure);
    if (!d.group)
        throw DistributedError("internal error: the process group is not started");
    std::vector<at::Tensor> tensors {torch::tensor(values, torch::kDouble).to(d.device)};
    try {
        d.group->allreduceSum(tensors)();
    } catch (const std::exception &e) {
        fail(what, firstLine(e.what()));
    }
    const auto sum = tensors[0].to(torch::kCPU).contiguous();
    return {sum.data_ptr<double>(), sum.data_ptr<double>() + sum.numel()};
}

bool Communicator::anyTrue(bool flag, const std::string &what)
{
    return allReduceSum({flag ? 1.0 : 0.0}, what)[0] > 0.5;
}

bool averageGradients(Communicator &comm, const std::vector<torch::Tensor> &parameters, bool localFinite)
{
    auto &d = comm.impl();
    if (d.failed)
        throw DistributedError(d.failure);
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> grads;
    for (const auto &p : parameters)
        if (p.grad().defined())
            grads.push_back(p.grad());

    // Buckets of consecutive gradients of one dtype and device, up to kGradientBucketBytes each.
    std::vector<std::vector<std::size_t>> buckets;
    std::int64_t bucketBytes = 0;
    for (std::size_t i = 0; i < grads.size(); ++i) {
        const auto bytesOf = grads[i].numel() * static_cast<std::int64_t>(grads[i].element_size());
        const bool fits = !buckets.empty() && bucketBytes + bytesOf <= kGradientBucketBytes
            && grads[buckets.back().front()].scalar_type() == grads[i].scalar_type()
            && grads[buckets.back().front()].device() == grads[i].device();
        if (!fits) {
            buckets.emplace_back();
            bucketBytes = 0;
        }
        buckets.back().push_back(i);
        bucketBytes += bytesOf;
    }
    const auto flagOptions = grads.empty() ? torch::TensorOptions(torch::kFloat).device(d.device) : grads[0].options();
    const auto flag = torch::full({1}, localFinite ? 0.0 : 1.0, flagOptions);
    std::vector<std::vector<at::Tensor>> flats;
    if (buckets.empty())
        flats.push_back({flag});
    for (std::size_t b = 0; b < buckets.size(); ++b) {
        std::vector<torch::Tensor> parts;
        for (auto i : buckets[b])
            parts.push_back(grads[i].reshape({-1}));
        if (b == 0)
            parts.push_back(flag);
        flats.push_back({torch::cat(parts)});
    }
    std::vector<std::function<void()>> waits;
    try {
        for (auto &flat : flats)
            waits.push_back(d.group->allreduceSum(flat));
        for (auto &wait : waits)
            wait();
    } catch (const std::exception &e) {
        comm.fail("the all-reduce of the gradients", firstLine(e.what()));
    }
    std::vector<torch::Tensor> sums;
    for (auto &flat : flats) {
        flat[0].div_(static_cast<double>(comm.worldSize()));
        sums.push_back(flat[0].sum());
    }
    const bool anyFlagged = flats[0][0][flats[0][0].numel() - 1].item<double>() > 0;
    // NaN or Inf anywhere makes its bucket's sum NaN or Inf; every rank holds the same sums.
    const bool finite = torch::isfinite(torch::stack(sums)).all().item<bool>();
    for (std::size_t b = 0; b < buckets.size(); ++b) {
        std::int64_t offset = 0;
        for (auto i : buckets[b]) {
            const auto n = grads[i].numel();
            grads[i].copy_(flats[b][0].narrow(0, offset, n).view_as(grads[i]));
            offset += n;
        }
    }
    return !anyFlagged && finite;
}

void broadcastFromLeader(Communicator &comm, const std::vector<torch::Tensor> &tensors, const std::string &what)
{
    auto &d = comm.impl();
    if (d.failed)
        throw DistributedError(d.failure);
    torch::NoGradGuard noGrad;
    // One flat buffer per dtype and device (float weights, int64 batch counters...).
    std::vector<std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        auto it = std::find_if(groups.begin(), groups.end(), [&](const auto &g) {
            return tensors[g.front()].scalar_type() == tensors[i].scalar_type()
                && tensors[g.front()].device() == tensors[i].device();
        });
        if (it == groups.end())
            groups.push_back({i});
        else
            it->push_back(i);
    }
    for (const auto &g : groups) {
        std::vector<torch::Tensor> parts;
        for (auto i : g)
            parts.push_back(tensors[i].reshape({-1}));
        std::vector<at::Tensor> flat {torch::cat(parts)};
        try {
            d.group->broadcast(flat, 0)();
        } catch (const std::exception &e) {
            comm.fail(what, firstLine(e.what()));
        }
        if (comm.leader())
            continue;
        std::int64_t offset = 0;
        for (auto i : g) {
            auto t = tensors[i];
            t.copy_(flat[0].narrow(0, offset, t.numel()).view_as(t));
            offset += t.numel();
        }
    }
}

} // namespace zistudio::training
