# SPDX-License-Identifier: GPL-3.0-or-later
"""ZiStudio's networks, mirrored layer for layer in PyTorch for the peer benchmarks.

Mirrors core/model (unetlayout.cpp, unetgenerator.cpp, discriminator.cpp, buildingblocks.cpp):
the same layers, widths, norms, biases, dropout placement, embedding, SAGAN attention and
initialisation, so a peer step and ZiStudio's step do the same arithmetic and differ only in the
step's algorithm (peer_zi2zi_step.py) or in nothing but the engine (peer_same_step.py).

Also the shared serve loop: a peer started with --serve reads commands on stdin, one per line,
and answers one JSON line each, so bench_train_step can alternate it with ZiStudio's step in one
run without restarting it:
    steps K   run K steps, answer {"times": [wall s per step], "cpu": [CPU s per step], "losses": {...}}
    rss       answer {"peak_rss_bytes": N}
    quit      exit
"""

import argparse
import contextlib
import json
import math
import resource
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

# The reference configurations of shared/BENCHMARKS.md (core/model/modelconfig.cpp).
CONFIGS = {
    "classic-256": dict(image_size=256, ngf=64, ndf=64, attention=[]),
    "attn-256": dict(image_size=256, ngf=64, ndf=64, attention=[("enc", 3), ("enc", 4)]),
    "cpu-64": dict(image_size=64, ngf=32, ndf=32, attention=[]),
}
EMBEDDING_NUM = 40
EMBEDDING_DIM = 128
DROPOUT = 0.5
INIT_STD = 0.02


def parse_attention(text):
    """'enc:3,dec:4' -> [('enc', 3), ('dec', 4)] ('' or 'none' -> [])."""
    if not text or text == "none":
        return []
    sites = []
    for token in text.split(","):
        side, depth = token.split(":")
        sites.append((side, int(depth)))
    return sites


class SelfAttention(nn.Module):
    """SAGAN: 1x1 query/key (C/8) and value (C), softmax over keys, gamma * o + x, gamma = 0."""

    def __init__(self, channels):
        super().__init__()
        ck = max(1, channels // 8)
        self.query = nn.Conv2d(channels, ck, 1)
        self.key = nn.Conv2d(channels, ck, 1)
        self.value = nn.Conv2d(channels, channels, 1)
        self.gamma = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        b, c, h, w = x.shape
        q = self.query(x).flatten(2)
        k = self.key(x).flatten(2)
        v = self.value(x).flatten(2)
        attention = torch.softmax(torch.bmm(q.transpose(1, 2), k), -1)
        o = torch.bmm(v, attention.transpose(1, 2))
        return self.gamma * o.reshape(b, c, h, w) + x


class Layout:
    """core/model/unetlayout.cpp."""

    def __init__(self, image_size, ngf):
        self.depth = int(math.log2(image_size))
        self.enc = [1] + [ngf * min(1 << (d - 1), 8) for d in range(1, self.depth + 1)]
        self.fused = [1] + [2 * self.enc[d] for d in range(1, self.depth)] + [self.enc[self.depth] + EMBEDDING_DIM]

    def encoder_has_norm(self, d):
        return 1 < d < self.depth

    def decoder_has_dropout(self, d):
        return d >= 1 and d >= self.depth - 3

    def attention_channels(self, side, d):
        return self.enc[d] if side == "enc" else self.fused[d]


class UNetGenerator(nn.Module):
    """core/model/unetgenerator.cpp: returns (image, flattened bottleneck)."""

    def __init__(self, image_size, ngf, attention):
        super().__init__()
        lay = self.layout = Layout(image_size, ngf)
        depth = lay.depth
        for d in range(1, depth + 1):
            norm = lay.encoder_has_norm(d)
            block = nn.Sequential()
            if d > 1:
                block.add_module("act", nn.LeakyReLU(0.2))
            block.add_module("conv", nn.Conv2d(lay.enc[d - 1], lay.enc[d], 4, 2, 1, bias=not norm))
            if norm:
                block.add_module("norm", nn.BatchNorm2d(lay.enc[d]))
            self.add_module("enc%d" % d, block)
        for d in range(depth - 1, -1, -1):
            block = nn.Sequential()
            block.add_module("act", nn.ReLU())
            norm = d >= 1
            block.add_module("up", nn.ConvTranspose2d(lay.fused[d + 1], lay.enc[d], 4, 2, 1, bias=not norm))
            if norm:
                block.add_module("norm", nn.BatchNorm2d(lay.enc[d]))
            if lay.decoder_has_dropout(d) and DROPOUT > 0:
                block.add_module("dropout", nn.Dropout(DROPOUT))
            if d == 0:
                block.add_module("tanh", nn.Tanh())
            self.add_module("dec%d" % d, block)
        self.embedding = nn.Embedding(EMBEDDING_NUM, EMBEDDING_DIM)
        self.attention = {}
        for side, d in attention:
            name = "attn_%s%d" % (side, d)
            self.add_module(name, SelfAttention(lay.attention_channels(side, d)))
            self.attention[(side, d)] = name
        init_weights(self)

    def _attn(self, side, d, h):
        name = self.attention.get((side, d))
        return getattr(self, name)(h) if name else h

    def run_encoder(self, x):
        maps = []
        h = x
        for d in range(1, self.layout.depth + 1):
            h = self._attn("enc", d, getattr(self, "enc%d" % d)(h))
            maps.append(h)
        return maps

    def encode(self, x):
        return self.run_encoder(x)[-1].flatten(1)

    def forward(self, x, style_ids):
        depth = self.layout.depth
        skips = self.run_encoder(x)
        bottleneck = skips[-1]
        style = self.embedding(style_ids)
        style_map = style.reshape(style.size(0), style.size(1), 1, 1).expand(-1, -1, bottleneck.size(2),
                                                                           bottleneck.size(3))
        h = self._attn("dec", depth, torch.cat([bottleneck, style_map], 1))
        for d in range(depth - 1, 0, -1):
            up = getattr(self, "dec%d" % d)(h)
            h = self._attn("dec", d, torch.cat([skips[d - 1], up], 1))
        return self.dec0(h), bottleneck.flatten(1)


class Discriminator(nn.Module):
    """core/model/discriminator.cpp: PatchGAN logits and a pooled 1x1 style classifier."""

    def __init__(self, ndf):
        super().__init__()
        c_in = 2
        for i in range(4):
            out = ndf << i
            norm = i > 0
            layer = nn.Sequential()
            layer.add_module("conv", nn.Conv2d(c_in, out, 4, 2, 1, bias=not norm))
            if norm:
                layer.add_module("norm", nn.BatchNorm2d(out))
            layer.add_module("act", nn.LeakyReLU(0.2))
            self.add_module("layer%d" % (i + 1), layer)
            c_in = out
        self.patch = nn.Sequential()
        self.patch.add_module("conv", nn.Conv2d(c_in, 1, 3, 1, 1))
        self.category = nn.Sequential()
        self.category.add_module("conv", nn.Conv2d(c_in, EMBEDDING_NUM, 1))
        init_weights(self)

    def forward(self, source, image):
        h = torch.cat([source, image], 1)
        for i in range(4):
            h = getattr(self, "layer%d" % (i + 1))(h)
        pooled = h.mean((2, 3), keepdim=True)
        return self.patch(h), self.category(pooled).flatten(1)


@torch.no_grad()
def init_weights(module):
    """DCGAN / zi2zi initialisation (core/model/buildingblocks.cpp initWeights)."""
    for m in module.modules():
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
            m.weight.normal_(0.0, INIT_STD)
            if m.bias is not None:
                m.bias.zero_()
        elif isinstance(m, nn.Embedding):
            m.weight.normal_(0.0, INIT_STD)
        elif isinstance(m, nn.BatchNorm2d):
            m.weight.normal_(1.0, INIT_STD)
            m.bias.zero_()


def bce(logits, real):
    return F.binary_cross_entropy_with_logits(logits, torch.ones_like(logits) if real else torch.zeros_like(logits))


def set_requires_grad(params, on):
    for p in params:
        p.requires_grad_(on)


def synthetic_batch(batch, size, seed=7):
    """Glyph-like batches: smooth blobs thresholded to ink (+1) on paper (-1), fixed per run."""
    g = torch.Generator().manual_seed(seed)
    low = torch.rand(batch * 2, 1, 8, 8, generator=g)
    maps = F.interpolate(low, size=(size, size), mode="bilinear", align_corners=False)
    images = torch.where(maps > 0.6, torch.ones_like(maps), -torch.ones_like(maps))
    ids = torch.randint(0, 4, (batch,), generator=g)
    return images[:batch].contiguous(), images[batch:].contiguous(), ids


def autocast(config):
    """bf16 autocast of forward passes on CUDA (as ZiStudio's AutocastScope does); nothing otherwise."""
    if config.get("precision") == "bf16" and str(config.get("device", "cpu")).startswith("cuda"):
        return torch.autocast("cuda", dtype=torch.bfloat16)
    return contextlib.nullcontext()


def peak_rss_bytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def main(description, make_step):
    """Command line of both peers. make_step(config, batch, attention) -> step() returning a loss dict."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--config", default="cpu-64", choices=sorted(CONFIGS))
    parser.add_argument("--batch", type=int, default=0, help="0: 4 at 256 px, 16 at 64 px")
    parser.add_argument("--attention", default=None, help="override the config's attention, e.g. enc:3,enc:4")
    parser.add_argument("--threads", type=int, default=0, help="0: all cores")
    parser.add_argument("--steps", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--serve", action="store_true", help="read commands on stdin (see the module doc)")
    parser.add_argument("--device", default="cpu", help="cpu or cuda (the GPU benchmark, bench_gpu)")
    parser.add_argument("--precision", default="fp32", choices=["fp32", "bf16"],
                        help="bf16: autocast of the forward passes on CUDA; fp32 allows TF32 there")
    args = parser.parse_args()
    import os
    torch.set_num_threads(args.threads if args.threads > 0 else os.cpu_count())
    config = dict(CONFIGS[args.config])
    config["device"] = args.device
    config["precision"] = args.precision
    if args.device.startswith("cuda"):
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
        torch.backends.cudnn.benchmark = True
    if args.attention is not None:
        config["attention"] = parse_attention(args.attention)
    batch = args.batch or (4 if config["image_size"] >= 256 else 16)
    start_rss = peak_rss_bytes()  # before any network exists: the process baseline
    step = make_step(config, batch)
    for _ in range(args.warmup):
        step()
    if not args.serve:
        times = []
        for _ in range(args.steps):
            t0 = time.perf_counter()
            step()
            times.append(time.perf_counter() - t0)
        times.sort()
        print(json.dumps({"config": args.config, "batch": batch, "threads": torch.get_num_threads(),
                          "median_s": times[len(times) // 2], "times": times, "peak_rss_bytes": peak_rss_bytes()}))
        return
    print(json.dumps({"ready": True, "threads": torch.get_num_threads(), "torch": torch.__version__,
                      "start_rss_bytes": start_rss}), flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "quit":
            break
        if words[0] == "rss":
            gpu = torch.cuda.max_memory_allocated() if args.device.startswith("cuda") else 0
            print(json.dumps({"peak_rss_bytes": peak_rss_bytes(), "peak_gpu_bytes": gpu}), flush=True)
            continue
        if words[0] == "steps":
            times, cpu, losses = [], [], {}
            for _ in range(int(words[1])):
                t0, c0 = time.perf_counter(), time.process_time()
                losses = step()
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
            print(json.dumps({"times": times, "cpu": cpu, "losses": losses}), flush=True)
            continue
        print(json.dumps({"error": "unknown command: " + words[0]}), flush=True)
