#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The same-algorithm peer: exactly ZiStudio's training step (core/training, TrainingSession's step
with the default TrainingConfig), written in PyTorch on the mirrored networks of peer_model.py.

It isolates the engine from the algorithm: ZiStudio's C++ step must not be slower than this.
Per step: seed; G on the source; D step on (source, target) and (source, fake.detach()) with BCE and
the category loss, NaN/Inf checks of the losses and gradients, Adam; then the G step with D frozen:
D on (source, fake), L1 x100, constancy on the ENCODER of the fake only x15, category, GAN, checks,
Adam. Run: /usr/bin/python3 bench/peer_same_step.py --config classic-256 [--serve]
"""

import math

import torch
import torch.nn.functional as F

import peer_model as pm

L1_WEIGHT = 100.0
CONST_WEIGHT = 15.0
CATEGORY_WEIGHT = 1.0
GAN_WEIGHT = 1.0
LEARNING_RATE = 1e-3
BETAS = (0.5, 0.999)
SEED = 42


def finite(t):
    return bool(torch.isfinite(t).all().item())


def gradients_finite(params):
    return all(p.grad is None or finite(p.grad) for p in params)


def make_step(config, batch):
    torch.use_deterministic_algorithms(True, warn_only=True)  # TrainingConfig.deterministic (default on)
    torch.manual_seed(SEED)
    generator = pm.UNetGenerator(config["image_size"], config["ngf"], config["attention"])
    discriminator = pm.Discriminator(config["ndf"])
    g_opt = torch.optim.Adam(generator.parameters(), lr=LEARNING_RATE, betas=BETAS)
    d_opt = torch.optim.Adam(discriminator.parameters(), lr=LEARNING_RATE, betas=BETAS)
    source, target, ids = pm.synthetic_batch(batch, config["image_size"])
    counter = [0]

    def step():
        s = counter[0]
        torch.manual_seed(SEED * 1000003 + s)
        for group in g_opt.param_groups + d_opt.param_groups:
            group["lr"] = LEARNING_RATE
        generator.train()
        discriminator.train()
        losses = {}
        fake, encoded = generator(source, ids)

        d_params = list(discriminator.parameters())
        d_opt.zero_grad()
        real_logits, real_cat = discriminator(source, target)
        fake_logits, fake_cat = discriminator(source, fake.detach())
        d_real = pm.bce(real_logits, True)
        d_fake = pm.bce(fake_logits, False)
        category = (F.cross_entropy(real_cat, ids) + F.cross_entropy(fake_cat, ids)) * 0.5
        d_loss = d_real + d_fake + CATEGORY_WEIGHT * category
        losses["d"] = d_loss.item()
        losses["d_real"] = d_real.item()
        losses["d_fake"] = d_fake.item()
        losses["category_d"] = category.item()
        ok = math.isfinite(losses["d"])
        if ok:
            d_loss.backward()
            ok = gradients_finite(d_params)
            if ok:
                d_opt.step()
        d_opt.zero_grad()
        if not ok:
            g_opt.zero_grad()
            counter[0] += 1
            return losses

        pm.set_requires_grad(d_params, False)
        g_opt.zero_grad()
        judged_logits, judged_cat = discriminator(source, fake)
        gan = pm.bce(judged_logits, True)
        l1 = (fake - target).abs().mean()
        constancy = (generator.encode(fake) - encoded).pow(2).mean()
        category = F.cross_entropy(judged_cat, ids)
        g_loss = GAN_WEIGHT * gan + L1_WEIGHT * l1 + CONST_WEIGHT * constancy + CATEGORY_WEIGHT * category
        losses["g"] = g_loss.item()
        losses["l1"] = l1.item()
        losses["const"] = constancy.item()
        losses["category"] = category.item()
        losses["gan"] = gan.item()
        if math.isfinite(losses["g"]):
            g_loss.backward()
            if gradients_finite(list(generator.parameters())):
                g_opt.step()
        g_opt.zero_grad()
        pm.set_requires_grad(d_params, True)
        counter[0] += 1
        return losses

    return step


if __name__ == "__main__":
    pm.main(__doc__.splitlines()[0], make_step)
