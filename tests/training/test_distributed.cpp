// SPDX-License-Identifier: GPL-3.0-or-later
// Data-parallel training on c10d with Gloo over the loopback, with real processes: this binary
// started again as the ranks (DistributedWorker.*, skipped unless ZISTUDIO_DIST_WORKER is set) and
// zistudio-cli --nproc. Tiny 32 px project, a few steps.
#include "data/batchloader.h"
#include "data/dataerror.h"
#include "model/unetgenerator.h"
#include "project/projectlayout.h"
#include "project/runstore.h"
#include "tempdir.h"
#include "tinyproject.h"
#include "training/checkpointstore.h"
#include "training/communicator.h"
#include "training/distributedtensors.h"
#include "training/locallauncher.h"
#include "training/trainer.h"
#include "workflow/trainrun.h"

#include <gtest/gtest.h>

#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <set>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;

using namespace zistudio;
using namespace zistudio::training;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace
{

/** Set in the ranks this binary starts: the worker test to run, and the folder to share. */
constexpr const char *kWorkerVariable = "ZISTUDIO_DIST_WORKER";
constexpr const char *kDirVariable = "ZISTUDIO_DIST_DIR";
/** Collective timeout in these tests: long enough for a loaded CI machine, short enough to fail. */
constexpr int kTestTimeout = 30;

bool isWorker()
{
    return std::getenv(kWorkerVariable) != nullptr;
}

fs::path workerDir()
{
    return std::getenv(kDirVariable);
}

std::string readText(const fs::path &file)
{
    std::ifstream in(file);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeText(const fs::path &file, const std::string &text)
{
    std::ofstream(file) << text;
}

/** Runs DistributedWorker.<test> of this binary as the ranks of a `world`-process job sharing `dir`. */
LocalLaunchResult runRanks(const std::string &test, int world, const fs::path &dir)
{
    ::setenv(kWorkerVariable, "1", 1);
    ::setenv(kDirVariable, dir.c_str(), 1);
    LocalLaunchOptions options;
    options.executable = "/proc/self/exe";
    options.arguments = {"--gtest_filter=DistributedWorker." + test};
    options.processes = world;
    options.threadsPerProcess = 1;
    auto result = launchLocalJob(options);
    ::unsetenv(kWorkerVariable);
    ::unsetenv(kDirVariable);
    return result;
}

/** A process's exit, output and duration. */
struct Finished
{
    int status = -1;
    std::string output;
    double seconds = 0;
};

/** Starts zistudio-cli with `args` and extra environment entries; output goes to `log`. */
pid_t startCli(const std::vector<std::string> &args, const std::vector<std::string> &env, const fs::path &log)
{
    std::vector<std::string> argStore {ZISTUDIO_CLI};
    argStore.insert(argStore.end(), args.begin(), args.end());
    std::vector<char *> argv;
    for (auto &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> envStore;
    for (char **e = environ; *e; ++e)
        envStore.emplace_back(*e);
    envStore.insert(envStore.end(), env.begin(), env.end());
    std::vector<char *> envp;
    for (auto &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        // Only exec after fork: the parent's LibTorch thread pools must not run in the child.
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    return pid;
}

Finished waitCli(pid_t pid, const fs::path &log, Clock::time_point started, std::chrono::seconds limit)
{
    Finished f;
    for (;;) {
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid) {
            f.status = status;
            break;
        }
        if (Clock::now() - started > limit) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &f.status, 0);
            f.output = "(killed by the test after " + std::to_string(limit.count()) + " s)\n";
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    f.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    f.output += readText(log);
    return f;
}

Finished runCli(const std::vector<std::string> &args, const std::vector<std::string> &env, const fs::path &log,
    std::chrono::seconds limit = std::chrono::seconds(300))
{
    const auto started = Clock::now();
    return waitCli(startCli(args, env, log), log, started, limit);
}

/** The child of `parent` whose environment says RANK=`rank` (a rank the launcher started). */
pid_t rankPid(pid_t parent, int rank)
{
    for (const auto &entry : fs::directory_iterator("/proc")) {
        const std::string name = entry.path().filename();
        if (name.find_first_not_of("0123456789") != std::string::npos)
            continue;
        const std::string stat = readText(entry.path() / "stat");
        const auto close = stat.rfind(')');
        if (close == std::string::npos)
            continue;
        int ppid = 0;
        char state = 0;
        if (std::sscanf(stat.c_str() + close + 1, " %c %d", &state, &ppid) != 2 || ppid != parent)
            continue;
        const std::string env = readText(entry.path() / "environ");
        const std::string want = "RANK=" + std::to_string(rank);
        for (std::size_t pos = 0; pos < env.size();) {
            const std::size_t end = env.find('\0', pos);
            if (env.compare(pos, (end == std::string::npos ? env.size() : end) - pos, want) == 0)
                return static_cast<pid_t>(std::stoi(name));
            pos = end == std::string::npos ? env.size() : end + 1;
        }
    }
    return -1;
}

DistributedConfig workerConfig()
{
    auto config = distributedConfigFromEnvironment();
    if (!config)
        throw std::runtime_error("WORLD_SIZE is not set in a worker");
    config->timeoutSeconds = kTestTimeout;
    return *config;
}

project::Project smallProject()
{
    auto p = test::tinyProject();
    p.training.batchSize = 2; // per rank
    p.training.steps = 6;
    return p;
}

} // namespace

// --- the sampler ----------------------------------------------------------------------------

TEST(DistributedSampler, ShardsAreDisjointAndTogetherTheGlobalBatch)
{
    test::TempDir dir;
    const auto p = test::tinyProject();
    const auto dataset = data::Dataset::build(p.dataset, dir / "store");
    data::BatchLoaderOptions single {.batchSize = 4, .seed = 5, .threads = 0, .dropLast = true};
    data::BatchLoader whole(dataset, single);
    std::vector<std::unique_ptr<data::BatchLoader>> shards;
    for (int rank = 0; rank < 2; ++rank) {
        auto options = single;
        options.batchSize = 2;
        options.rank = rank;
        options.worldSize = 2;
        options.threads = rank; // with and without worker threads
        shards.push_back(std::make_unique<data::BatchLoader>(dataset, options));
    }
    ASSERT_EQ(shards[0]->batchesPerEpoch(), whole.batchesPerEpoch());
    const long long perEpoch = whole.batchesPerEpoch();
    std::vector<std::set<char32_t>> seen(2);
    for (long long b = 0; b < 2 * perEpoch; ++b) {
        const auto expected = whole.next();
        const auto a = shards[0]->next();
        const auto c = shards[1]->next();
        EXPECT_EQ(a.start, expected.start);
        EXPECT_EQ(c.start, expected.start);
        // Same samples, same augmentation: the shards are exactly the single process's global batch.
        EXPECT_TRUE(torch::equal(torch::cat({a.source, c.source}), expected.source)) << "batch " << b;
        EXPECT_TRUE(torch::equal(torch::cat({a.target, c.target}), expected.target)) << "batch " << b;
        EXPECT_TRUE(torch::equal(torch::cat({a.styleIds, c.styleIds}), expected.styleIds));
        if (b < perEpoch) {
            for (int r = 0; r < 2; ++r)
                for (char32_t cp : (r ? c : a).cps)
                    EXPECT_TRUE(seen[static_cast<std::size_t>(r)].insert(cp).second) << "a sample twice in an epoch";
        }
    }
    for (char32_t cp : seen[0])
        EXPECT_FALSE(seen[1].count(cp)) << "both ranks drew the same sample";
    EXPECT_EQ(static_cast<long long>(seen[0].size() + seen[1].size()), perEpoch * 4);
    EXPECT_EQ(shards[0]->position(), whole.position()); // a checkpoint's position means the same

    auto bad = single;
    bad.rank = 2;
    bad.worldSize = 2;
    EXPECT_THROW(data::BatchLoader(dataset, bad), data::DataError);
    bad.rank = 0;
    bad.dropLast = false;
    EXPECT_THROW(data::BatchLoader(dataset, bad), data::DataError);
}

TEST(DistributedConfig, ReadsTorchrunVariablesAndNamesBadOnes)
{
    ::unsetenv("WORLD_SIZE");
    EXPECT_FALSE(distributedConfigFromEnvironment());
    ::setenv("WORLD_SIZE", "4", 1);
    ::setenv("RANK", "2", 1);
    ::setenv("LOCAL_RANK", "0", 1);
    ::setenv("MASTER_ADDR", "node7", 1);
    ::setenv("MASTER_PORT", "29511", 1);
    const auto c = distributedConfigFromEnvironment();
    ASSERT_TRUE(c);
    EXPECT_EQ(c->worldSize, 4);
    EXPECT_EQ(c->rank, 2);
    EXPECT_EQ(c->localRank, 0);
    EXPECT_EQ(c->masterAddr, "node7");
    EXPECT_EQ(c->masterPort, 29511);
    ::setenv("RANK", "4", 1);
    try {
        distributedConfigFromEnvironment();
        ADD_FAILURE() << "RANK outside the world was accepted";
    } catch (const TrainingError &e) {
        EXPECT_NE(std::string(e.what()).find("RANK 4"), std::string::npos) << e.what();
    }
    ::setenv("RANK", "x1", 1);
    EXPECT_THROW(distributedConfigFromEnvironment(), TrainingError);
    for (const char *name : {"WORLD_SIZE", "RANK", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT"})
        ::unsetenv(name);
}

// --- (b) the all-reduce: the averaged shard gradients are the global batch's gradient ----------

TEST(DistributedWorker, AveragedGradient)
{
    if (!isWorker())
        GTEST_SKIP() << "a rank of DistributedTraining.AveragedGradientEqualsTheGlobalBatchGradient";
    const auto comm = Communicator::connect(workerConfig());
    comm->startProcessGroup(false);
    EXPECT_EQ(comm->backendName(), "gloo");
    // Instance norm and no dropout: no coupling between the samples of a batch, so the mean of the
    // shards' mean losses is the global batch's mean loss.
    auto config = test::tinyProject().model;
    config.norm = model::NormKind::Instance;
    config.dropout = 0;
    torch::manual_seed(static_cast<std::uint64_t>(3 + comm->rank())); // different on purpose: the broadcast fixes it
    model::UNetGenerator generator(config);
    auto params = generator->parameters();
    std::vector<torch::Tensor> state = params;
    for (const auto &b : generator->buffers())
        state.push_back(b);
    broadcastFromLeader(*comm, state, "test broadcast");

    torch::manual_seed(11); // the same global batch on every rank
    const auto source = torch::rand({4, 1, 32, 32}) * 2 - 1;
    const auto target = torch::rand({4, 1, 32, 32}) * 2 - 1;
    const auto ids = torch::zeros({4}, torch::kLong);
    const auto loss = [&](const torch::Tensor &s, const torch::Tensor &t, const torch::Tensor &i) {
        const auto out = generator->forward(s, i);
        return (out.image - t).abs().mean() * 100 + (generator->encode(out.image) - out.encoded).pow(2).mean() * 15;
    };
    loss(source, target, ids).backward();
    std::vector<torch::Tensor> full;
    for (auto &p : params) {
        full.push_back(p.grad().clone());
        p.mutable_grad().reset();
    }
    const auto shard = torch::indexing::Slice(2 * comm->rank(), 2 * comm->rank() + 2);
    loss(source.index({shard}), target.index({shard}), ids.index({shard})).backward();
    ASSERT_TRUE(averageGradients(*comm, params, true));
    for (std::size_t i = 0; i < params.size(); ++i)
        EXPECT_TRUE(torch::allclose(params[i].grad(), full[i], 1e-4, 1e-6))
            << "parameter " << i << ": max difference " << (params[i].grad() - full[i]).abs().max().item<double>();

    // A non-finite loss on one rank, or a NaN gradient on one rank: every rank skips the update.
    EXPECT_FALSE(averageGradients(*comm, params, comm->rank() != 1));
    if (comm->leader())
        params[0].mutable_grad()[0].fill_(std::numeric_limits<float>::quiet_NaN());
    EXPECT_FALSE(averageGradients(*comm, params, true));
    EXPECT_TRUE(averageGradients(*comm, {}, true)); // nothing to average still agrees
}

TEST(DistributedTraining, AveragedGradientEqualsTheGlobalBatchGradient)
{
    test::TempDir dir;
    const auto result = runRanks("AveragedGradient", 2, dir.path());
    EXPECT_TRUE(result.ok) << result.message;
}

// --- (a) identical replicas, (c) only rank 0 writes, non-finite agreement, resume --------------

TEST(DistributedWorker, TrainTiny)
{
    if (!isWorker())
        GTEST_SKIP() << "a rank of DistributedTraining.RanksStayIdenticalAndOnlyRankZeroWrites";
    const auto config = workerConfig();
    // Rank 0 prepares the run (and names it); the others follow it and learn the name.
    const auto project = workerDir() / "tiny.zistudio";
    Trainer trainer(config.rank == 0
            ? workflow::preparation({.projectFile = project, .runName = "", .steps = 0, .resume = false})
            : RunPreparation([project] { return workflow::followRun(project, false); }),
        {.progressIntervalMs = 0, .distributed = config, .reportStateDigest = true});
    // Rank 1 alone sees NaN losses at steps 2, 5, 6 and 7 (once each): every rank must skip those
    // updates, and after three in a row all roll back together to the step-4 checkpoint.
    std::set<long long> fired;
    trainer.setTestHooks({.injectNonFiniteLoss =
                              [&](long long step) {
                                  return config.rank == 1 && (step == 1 || (step >= 4 && step <= 6))
                                      && fired.insert(step).second;
                              },
        .simulateOutOfMemory = {}});
    std::atomic<bool> cancel {false};
    int skipped = 0, rollbacks = 0;
    const auto result = trainer.run(
        [&](const ProgressRecord &r) {
            skipped += r.event == "skipped";
            rollbacks += r.event == "rollback";
        },
        cancel);
    ASSERT_EQ(result.outcome, RunOutcome::Completed) << result.message;
    EXPECT_EQ(result.rank, config.rank);
    EXPECT_EQ(result.worldSize, 2);
    EXPECT_EQ(result.step, 8);
    EXPECT_EQ(skipped, 4);
    EXPECT_EQ(rollbacks, 1);
    ASSERT_FALSE(result.stateDigest.empty());
    EXPECT_FALSE(result.lastCheckpoint.empty()); // rank 0 told every rank
    writeText(workerDir() / ("digest-" + std::to_string(config.rank)), result.stateDigest);
}

TEST(DistributedTraining, RanksStayIdenticalAndOnlyRankZeroWrites)
{
    test::TempDir dir;
    const fs::path file = dir / "tiny.zistudio";
    auto p = smallProject();
    p.training.steps = 8;
    project::saveProject(p, file);
    const auto result = runRanks("TrainTiny", 2, dir.path());
    ASSERT_TRUE(result.ok) << result.message;
    const std::string digest0 = readText(dir / "digest-0");
    EXPECT_FALSE(digest0.empty());
    EXPECT_EQ(readText(dir / "digest-1"), digest0) << "the replicas diverged";

    // One run, written once: a second writer would double every metric row.
    const auto layout = project::ProjectLayout::of(file);
    project::RunStore store(layout.runStore);
    const auto runs = store.listRuns();
    ASSERT_EQ(runs.size(), 1u);
    const std::string run = runs[0].name;
    EXPECT_EQ(runs[0].status, "completed");
    // Steps 1, 3, 4 and, after the rollback to step 4, steps 5-8 were applied.
    EXPECT_EQ(store.metrics(run, "loss_g").size(), 7u);
    EXPECT_EQ(store.metrics(run, "skipped_steps").size(), 4u);
    const auto lr = store.metrics(run, "lr");
    ASSERT_FALSE(lr.empty());
    EXPECT_DOUBLE_EQ(lr.back().value, lr.front().value / 2); // the rollback halved it on every rank
    EXPECT_EQ(store.metrics(run, "val_l1").size(), 3u);      // steps 0, 4, 8
    EXPECT_EQ(store.samples(run).size(), 3u);
    const auto checkpoints = store.checkpoints(run);
    ASSERT_EQ(checkpoints.size(), 2u); // steps 4 and 8
    EXPECT_EQ(checkpoints.back().step, 8);
    for (const auto &entry : fs::directory_iterator(layout.checkpointsDir(run)))
        EXPECT_EQ(entry.path().extension(), "") << "left over: " << entry.path();

    // The checkpoint holds the global data position: one process resumes it (another world size).
    Trainer alone(workflow::preparation({.projectFile = file, .runName = run, .steps = 10, .resume = true}),
        {.progressIntervalMs = 0});
    std::atomic<bool> cancel {false};
    const auto resumed = alone.run({}, cancel);
    ASSERT_EQ(resumed.outcome, RunOutcome::Completed) << resumed.message;
    EXPECT_EQ(resumed.step, 10);
}

// --- (d) a killed rank ends the job; the checkpoint loads; --resume goes on ---------------------

TEST(DistributedTraining, KilledRankEndsTheJobAndResumeContinues)
{
    test::TempDir dir;
    auto p = smallProject();
    p.training.steps = 100000;
    p.training.checkpointEvery = 2;
    p.training.validateEvery = 100000;
    const fs::path file = dir / "tiny.zistudio";
    project::saveProject(p, file);
    const auto ck = project::ProjectLayout::of(file).checkpointsDir("k");
    const std::vector<std::string> args {"--threads", "1", "train", "--project", file.string(), "--run", "k", "--nproc",
        "2", "--dist-timeout", std::to_string(kTestTimeout)};
    const auto started = Clock::now();
    const pid_t launcher = startCli(args, {}, dir / "job.log");
    bool checkpointed = false;
    for (int i = 0; i < 3000 && !checkpointed; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (fs::exists(ck))
            checkpointed = CheckpointStore(ck, {}, CheckpointStore::Mode::ReadOnly).loadLatest().has_value();
        int status = 0;
        ASSERT_EQ(::waitpid(launcher, &status, WNOHANG), 0) << "the job ended early:\n" << readText(dir / "job.log");
    }
    ASSERT_TRUE(checkpointed) << readText(dir / "job.log");
    const pid_t victim = rankPid(launcher, 1);
    ASSERT_GT(victim, 0);
    ::kill(victim, SIGKILL);
    const auto killed = Clock::now();
    const auto job = waitCli(launcher, dir / "job.log", started, std::chrono::seconds(600));
    const double stopSeconds = std::chrono::duration<double>(Clock::now() - killed).count();
    ASSERT_TRUE(WIFEXITED(job.status)) << job.output;
    EXPECT_EQ(WEXITSTATUS(job.status), 1) << job.output;
    EXPECT_LT(stopSeconds, kTestTimeout) << "the job took too long to stop:\n" << job.output;
    // The launcher names the rank and the signal; rank 0 names the rank that stopped answering.
    EXPECT_NE(job.output.find("rank 1 (pid " + std::to_string(victim) + ") was killed by signal 9"), std::string::npos)
        << job.output;
    EXPECT_NE(job.output.find("rank 1 stopped answering"), std::string::npos) << job.output;
    EXPECT_NE(job.output.find("--resume"), std::string::npos) << job.output;

    CheckpointStore store(ck, {}, CheckpointStore::Mode::ReadOnly);
    const auto latest = store.loadLatest();
    ASSERT_TRUE(latest);
    EXPECT_FALSE(latest->fellBack());
    const long long from = latest->info.step;
    auto resumeArgs = args;
    resumeArgs.insert(resumeArgs.end(), {"--resume", "--steps", std::to_string(from + 2)});
    const auto resumed = runCli(resumeArgs, {}, dir / "resume.log");
    ASSERT_TRUE(WIFEXITED(resumed.status) && WEXITSTATUS(resumed.status) == 0) << resumed.output;
    EXPECT_NE(resumed.output.find("resumed from"), std::string::npos) << resumed.output;
    EXPECT_EQ(CheckpointStore(ck, {}, CheckpointStore::Mode::ReadOnly).loadLatest()->info.step, from + 2);
}

// --- (e) a rendezvous with a missing rank times out with a clear message ------------------------

TEST(DistributedTraining, MissingRankTimesOutWithAClearMessage)
{
    test::TempDir dir;
    const fs::path file = dir / "tiny.zistudio";
    project::saveProject(smallProject(), file);
    const std::string port = std::to_string(freeLocalPort());
    const std::vector<std::string> args {
        "--threads", "1", "train", "--project", file.string(), "--run", "r", "--dist-timeout", "2"};
    const auto alone = runCli(args, {"WORLD_SIZE=2", "RANK=0", "MASTER_ADDR=127.0.0.1", "MASTER_PORT=" + port},
        dir / "rank0.log", std::chrono::seconds(120));
    ASSERT_TRUE(WIFEXITED(alone.status)) << alone.output;
    EXPECT_EQ(WEXITSTATUS(alone.status), 1) << alone.output;
    EXPECT_NE(alone.output.find("rendezvous at 127.0.0.1:" + port + " timed out after 2 s"), std::string::npos)
        << alone.output;
    EXPECT_NE(alone.output.find("1 of 2 ranks joined, rank 1 never came"), std::string::npos) << alone.output;

    const auto orphan = runCli(args, {"WORLD_SIZE=2", "RANK=1", "MASTER_ADDR=127.0.0.1", "MASTER_PORT=" + port},
        dir / "rank1.log", std::chrono::seconds(120));
    ASSERT_TRUE(WIFEXITED(orphan.status)) << orphan.output;
    EXPECT_EQ(WEXITSTATUS(orphan.status), 1) << orphan.output;
    EXPECT_NE(orphan.output.find("rank 1 of 2 cannot reach rank 0's rendezvous store at 127.0.0.1:" + port),
        std::string::npos)
        << orphan.output;
    EXPECT_FALSE(fs::exists(project::ProjectLayout::of(file).runDir("r"))) << "a run was created without a job";
}
