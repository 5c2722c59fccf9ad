#!/usr/bin/env python3
"""Checks by hand that netc's exports load into PyTorch (docs/USING.md, "Your network in PyTorch").

Needs torch and safetensors (not used by netc's build or CI). For d2l's LeNet or BatchNorm LeNet:

  python3 scripts/pytorch-load-check.py template lenet-bn template.safetensors
      writes the PyTorch model's state_dict, for `netc export ... --names-from template.safetensors`
  python3 scripts/pytorch-load-check.py compare lenet-bn exported.safetensors netc-probabilities.txt
      loads the export with load_state_dict (strict), runs the first test images of Fashion-MNIST and
      prints the largest difference from netc's probabilities (one line of 10 numbers per image, the
      rows of Predictor.predict for the same images).
"""
import gzip
import sys

import torch
from safetensors.torch import load_file, save_file
from torch import nn

FASHION_MNIST_TEST = "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz"


def network(name):
    if name == "lenet":  # d2l 7.6
        return nn.Sequential(
            nn.Conv2d(1, 6, kernel_size=5, padding=2), nn.Sigmoid(), nn.AvgPool2d(kernel_size=2, stride=2),
            nn.Conv2d(6, 16, kernel_size=5), nn.Sigmoid(), nn.AvgPool2d(kernel_size=2, stride=2), nn.Flatten(),
            nn.Linear(16 * 5 * 5, 120), nn.Sigmoid(), nn.Linear(120, 84), nn.Sigmoid(), nn.Linear(84, 10))
    if name == "lenet-bn":  # d2l 8.5, concise
        return nn.Sequential(
            nn.Conv2d(1, 6, kernel_size=5), nn.BatchNorm2d(6), nn.Sigmoid(), nn.AvgPool2d(kernel_size=2, stride=2),
            nn.Conv2d(6, 16, kernel_size=5), nn.BatchNorm2d(16), nn.Sigmoid(), nn.AvgPool2d(kernel_size=2, stride=2),
            nn.Flatten(), nn.Linear(256, 120), nn.BatchNorm1d(120), nn.Sigmoid(),
            nn.Linear(120, 84), nn.BatchNorm1d(84), nn.Sigmoid(), nn.Linear(84, 10))
    raise SystemExit("unknown network " + name + ": lenet or lenet-bn")


def main(mode, name, file, probabilities=None):
    model = network(name)
    if mode == "template":
        save_file(model.state_dict(), file)
        return
    print("load_state_dict:", model.load_state_dict(load_file(file)))
    model.eval()
    netc = torch.tensor([[float(v) for v in line.split()] for line in open(probabilities)])
    with gzip.open(FASHION_MNIST_TEST) as f:
        f.read(16)
        x = torch.tensor(list(f.read(len(netc) * 28 * 28)), dtype=torch.float32).reshape(-1, 1, 28, 28) / 255
    with torch.no_grad():
        p = torch.softmax(model(x), dim=1)
    print("largest |PyTorch - netc| =", (p - netc).abs().max().item(),
          "; same best class for every image:", bool((p.argmax(1) == netc.argmax(1)).all()))


if __name__ == "__main__":
    main(*sys.argv[1:])
