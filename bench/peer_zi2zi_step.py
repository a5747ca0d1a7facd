#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The published-step peer: the public zi2zi PyTorch training step (pix2pix-style
optimize_parameters, as shared/BENCHMARKS.md describes it), on ZiStudio's networks mirrored in
peer_model.py, so the comparison isolates the algorithm and the engine, not the architecture.

Per step, as published: forward() runs the FULL generator on the source and the FULL generator
again on the fake for the constancy features (encoded_fake_B); backward_D runs D on the detached
fake pair and on the real pair; backward_G runs D again on the fake pair with D frozen
(set_requires_grad(netD, False)) for the GAN and category losses, plus L1 x100 and constancy x15;
Adam on both. Not included: the published loop's second G update per step ("magic move"), which
BENCHMARKS.md leaves out; counting it would make this peer about 1.7x slower still.
Run: /usr/bin/python3 bench/peer_zi2zi_step.py --config classic-256 [--serve]
"""

import torch
import torch.nn.functional as F

import peer_model as pm

L1_WEIGHT = 100.0
CONST_WEIGHT = 15.0
CATEGORY_WEIGHT = 1.0
LEARNING_RATE = 1e-3
BETAS = (0.5, 0.999)
SEED = 42


def make_step(config, batch):
    torch.manual_seed(SEED)
    device = torch.device(config.get("device", "cpu"))
    net_g = pm.UNetGenerator(config["image_size"], config["ngf"], config["attention"]).to(device)
    net_d = pm.Discriminator(config["ndf"]).to(device)
    optimizer_g = torch.optim.Adam(net_g.parameters(), lr=LEARNING_RATE, betas=BETAS)
    optimizer_d = torch.optim.Adam(net_d.parameters(), lr=LEARNING_RATE, betas=BETAS)
    real_a, real_b, labels = (t.to(device) for t in pm.synthetic_batch(batch, config["image_size"]))
    net_g.train()
    net_d.train()

    def step():
        # forward()  (bf16 on CUDA: autocast around the forward passes, backward outside, as ZiStudio)
        with pm.autocast(config):
            fake_b, encoded_real_a = net_g(real_a, labels)
            _, encoded_fake_b = net_g(fake_b, labels)  # the whole generator again, for its bottleneck
        # backward_D
        pm.set_requires_grad(net_d.parameters(), True)
        optimizer_d.zero_grad()
        with pm.autocast(config):
            pred_fake, fake_category = net_d(real_a, fake_b.detach())
            pred_real, real_category = net_d(real_a, real_b)
            loss_d_fake = pm.bce(pred_fake, False)
            loss_d_real = pm.bce(pred_real, True)
            category_loss = (F.cross_entropy(real_category, labels) + F.cross_entropy(fake_category, labels)) * 0.5
            loss_d = loss_d_fake + loss_d_real + CATEGORY_WEIGHT * category_loss
        loss_d.backward()
        optimizer_d.step()
        # backward_G
        pm.set_requires_grad(net_d.parameters(), False)
        optimizer_g.zero_grad()
        with pm.autocast(config):
            pred_fake, fake_category = net_d(real_a, fake_b)
            const_loss = CONST_WEIGHT * (encoded_real_a - encoded_fake_b).float().pow(2).mean()
            l1_loss = L1_WEIGHT * (fake_b.float() - real_b).abs().mean()
            fake_category_loss = CATEGORY_WEIGHT * F.cross_entropy(fake_category, labels)
            loss_g_gan = pm.bce(pred_fake, True)
            loss_g = loss_g_gan + l1_loss + fake_category_loss + const_loss
        loss_g.backward()
        optimizer_g.step()
        return {"d": loss_d.item(), "g": loss_g.item(), "l1": l1_loss.item() / L1_WEIGHT,
                "const": const_loss.item() / CONST_WEIGHT}

    return step


if __name__ == "__main__":
    pm.main(__doc__.splitlines()[0], make_step)
