// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The contenders of the training-step benchmarks, each a worker process speaking the protocol of
// benchsupport.h: ZiStudio's step (the Trainer's own training::TrainingSession on a real dataset
// rendered from Debian's fonts, so the step includes the batch loader), the machine's ceiling for
// the same configuration (ceiling.h), and the two PyTorch peers (bench/peer_*.py).

#include "benchsupport.h"
#include "ceiling.h"

#include "common/computedevice.h"
#include "data/batchloader.h"
#include "data/dataset.h"
#include "model/fastconvtranspose.h"
#include "model/modelconfig.h"
#include "model/selfattention.h"
#include "project/project.h"
#include "training/trainingsession.h"

#include <torch/csrc/autograd/profiler_legacy.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace zistudio::bench
{

/** The reference configurations of shared/BENCHMARKS.md by name, with an optional attention override. */
inline model::ModelConfig namedConfig(const std::string &name, const std::string &attention = "")
{
    model::ModelConfig config;
    if (name == "classic-256")
        config = model::classic256();
    else if (name == "attn-256")
        config = model::attn256();
    else if (name == "cpu-64")
        config = model::cpu64();
    else
        throw std::runtime_error("unknown configuration " + name + " (classic-256, attn-256, cpu-64)");
    if (!attention.empty())
        config.attention = model::AttentionSpec::parse(attention);
    return config;
}

/** BENCHMARKS.md: batch 4 for CPU runs of the 256 px configurations, 16 for cpu-64. */
inline int defaultBatch(const model::ModelConfig &config)
{
    return config.imageSize >= 256 ? 4 : 16;
}

/** What a worker runs. */
struct WorkerSpec
{
    std::string role; ///< "step" (ours), "ceiling", "peer-zi2zi", "peer-same"
    std::string config;
    std::string attention; ///< "" = the configuration's own
    int batch = 0;
    int threads = 0;
    bool nativeConvTranspose = false; ///< ours with LibTorch's transposed convolution (the ablation)
    bool matrixAttention = false;     ///< ours with the whole-matrix attention path instead of the blocked one
    std::string exe;                  ///< "step": another build of this benchmark (before/after), "" = this one
};

/** The command line that starts a worker. */
inline std::vector<std::string> workerCommand(const WorkerSpec &w)
{
    std::vector<std::string> argv;
    if (w.role == "step" || w.role == "ceiling") {
        argv = {w.exe.empty() ? selfExe() : w.exe, "--worker", w.role};
    } else {
        const std::string script = w.role == "peer-zi2zi" ? "peer_zi2zi_step.py" : "peer_same_step.py";
        argv = {"/usr/bin/python3", (sourceDir() / "bench" / script).string(), "--serve", "--warmup", "0"};
    }
    for (const auto &[key, value] : std::vector<std::pair<std::string, std::string>> {
             {"--config", w.config}, {"--batch", std::to_string(w.batch)}, {"--threads", std::to_string(w.threads)}})
        argv.insert(argv.end(), {key, value});
    if (!w.attention.empty())
        argv.insert(argv.end(), {"--attention", w.attention});
    if (w.nativeConvTranspose)
        argv.insert(argv.end(), {"--native-tconv", "1"});
    if (w.matrixAttention)
        argv.insert(argv.end(), {"--matrix-attention", "1"});
    return argv;
}

/** A training project on Debian's Arphic fonts: Song as the source, Kai, UKai and UMing as three styles. */
inline project::Project benchProject(const model::ModelConfig &config, int batch, int threads)
{
    project::Project p;
    p.name = "bench";
    p.model = config;
    p.dataset.source = {debianFont("truetype/arphic-gbsn00lp/gbsn00lp.ttf"), 0};
    p.dataset.targets = {
        {data::TargetSpec::Kind::Font, debianFont("truetype/arphic-gkai00mp/gkai00mp.ttf"), 0, 0, "Kai"},
        {data::TargetSpec::Kind::Font, debianFont("truetype/arphic/ukai.ttc"), 0, 1, "UKai"},
        {data::TargetSpec::Kind::Font, debianFont("truetype/arphic/uming.ttc"), 0, 2, "UMing"},
    };
    p.dataset.charset.builtin = "gb2312-1";
    p.dataset.charset.limit = 64;
    p.dataset.imageSize = config.imageSize;
    p.training.batchSize = batch;
    p.training.threads = threads;
    p.training.device = "cpu";
    return p;
}

/** Our contender: the Trainer's TrainingSession, stepping on a freshly built dataset. */
class StepWorker
{
public:
    StepWorker(const model::ModelConfig &config, int batch, int threads)
        : m_store(std::filesystem::temp_directory_path() / ("zistudio-bench-" + std::to_string(::getpid())))
        , m_project(benchProject(config, batch, threads))
        , m_dataset(data::Dataset::build(m_project.dataset, m_store))
    {
        configureComputeThreads(threads);
        m_session = std::make_unique<training::TrainingSession>(m_project, m_dataset);
        m_session->initialize();
    }
    ~StepWorker()
    {
        m_session.reset();
        std::error_code ec;
        std::filesystem::remove_all(m_store, ec);
    }
    StepWorker(const StepWorker &) = delete;
    StepWorker &operator=(const StepWorker &) = delete;

    nlohmann::json handle(const std::string &line)
    {
        if (line.rfind("steps ", 0) == 0) {
            nlohmann::json times = nlohmann::json::array(), cpu = nlohmann::json::array(), losses;
            for (int i = 0, n = std::stoi(line.substr(6)); i < n; ++i) {
                const auto start = Clock::now();
                const double cpu0 = cpuSeconds();
                const training::StepResult r = m_session->step();
                times.push_back(secondsSince(start));
                cpu.push_back(cpuSeconds() - cpu0);
                losses = r.losses;
            }
            return {{"times", times}, {"cpu", cpu}, {"losses", losses}};
        }
        if (line == "rss")
            return {{"peak_rss_bytes", peakRssBytes()}};
        if (line == "loader")
            return loader();
        if (line.rfind("profile ", 0) == 0) {
            // One step under LibTorch's profiler, written as a Chrome trace (bench/profile_summary.py reads it).
            torch::autograd::profiler::RecordProfile profile(line.substr(8));
            m_session->step();
            return {{"profile", line.substr(8)}};
        }
        throw std::runtime_error("unknown command: " + line);
    }

private:
    /** Seconds per batch of a loader like the Trainer's, drained back to back (no step in between). */
    nlohmann::json loader() const
    {
        data::BatchLoaderOptions options;
        options.batchSize = m_project.training.batchSize;
        options.seed = m_project.training.seed;
        options.augment = m_project.training.augment;
        options.threads = m_project.training.loaderThreads;
        options.dropLast = true;
        data::BatchLoader loader(m_dataset, options);
        loader.next();
        constexpr int kBatches = 20;
        const auto start = Clock::now();
        for (int i = 0; i < kBatches; ++i)
            loader.next();
        return {{"seconds_per_batch", secondsSince(start) / kBatches}, {"loader_threads", options.threads}};
    }

    std::filesystem::path m_store;
    project::Project m_project;
    data::Dataset m_dataset;
    std::unique_ptr<training::TrainingSession> m_session;
};

/** Runs a worker role in this process (the benchmark re-executes itself with --worker ROLE). */
inline int runWorker(const WorkerSpec &spec)
{
    const model::ModelConfig config = namedConfig(spec.config, spec.attention);
    const int batch = spec.batch > 0 ? spec.batch : defaultBatch(config);
    configureComputeThreads(spec.threads);
    model::FastConvTranspose2dImpl::setEnabled(!spec.nativeConvTranspose);
    model::SelfAttentionImpl::setBlockedEnabled(!spec.matrixAttention);
    // Before any network exists: the process baseline (code, LibTorch, allocator), so that the
    // parent can tell the training footprint (peak - this) from the cost of being a process.
    const double startRss = peakRssBytes();
    const nlohmann::json hello {{"ready", true}, {"threads", torch::get_num_threads()}, {"start_rss_bytes", startRss}};
    if (spec.role == "ceiling") {
        WorkRunner ceiling(trainingWork(config, batch), true);
        return serve(hello, [&](const std::string &line) -> nlohmann::json {
            if (line == "ceiling")
                return ceiling.measure();
            if (line == "rss")
                return {{"peak_rss_bytes", peakRssBytes()}};
            throw std::runtime_error("unknown command: " + line);
        });
    }
    StepWorker worker(config, batch, spec.threads);
    return serve(hello, [&](const std::string &line) { return worker.handle(line); });
}

/** Parses the worker options (--worker ROLE --config C --batch B --threads T [--attention A]). */
inline WorkerSpec parseWorker(int argc, char **argv)
{
    WorkerSpec w;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--worker")
            w.role = v;
        else if (k == "--config")
            w.config = v;
        else if (k == "--attention")
            w.attention = v;
        else if (k == "--batch")
            w.batch = std::stoi(v);
        else if (k == "--threads")
            w.threads = std::stoi(v);
        else if (k == "--native-tconv")
            w.nativeConvTranspose = v == "1";
        else if (k == "--matrix-attention")
            w.matrixAttention = v == "1";
    }
    return w;
}

/** Appends the per-step wall and CPU times of one worker answer. */
inline void collectTimes(const nlohmann::json &answer, std::vector<double> &wall, std::vector<double> &cpu)
{
    for (const auto &t : answer.at("times"))
        wall.push_back(t.get<double>());
    if (answer.contains("cpu"))
        for (const auto &t : answer.at("cpu"))
            cpu.push_back(t.get<double>());
}

} // namespace zistudio::bench
