"""The paper's disk autoencoder trained in PyTorch, for `autoencoders-cli bench` to time beside its own step.

Same network as the harness (Table 1: encoder depths 1-8-4-4-3-2-1, decoder 1-2-3-4-4-8-1, stride-2 size-3
convolutions, transposed convolutions with output padding 1, leaky ReLU 0.2 after every layer, biases), batch 300,
Adam lr 1e-3, the same number of threads. Prints {"ms_per_step": ..., "torch": version, "threads": n,
"parameters": count, "blas": the build's BLAS, "onednn": whether oneDNN (MKL-DNN) is on} as JSON: the caller checks the
parameter count against its own network, and the build facts say what kind of PyTorch the ratio was measured against.
Usage: python3 pytorch_step.py STEPS THREADS
"""
import json
import sys
import time

import torch
from torch import nn


def stack(depths, transposed):
    layers = []
    for cin, cout in zip(depths, depths[1:]):
        if transposed:
            layers.append(nn.ConvTranspose2d(cin, cout, 3, stride=2, padding=1, output_padding=1))
        else:
            layers.append(nn.Conv2d(cin, cout, 3, stride=2, padding=1))
        layers.append(nn.LeakyReLU(0.2))
    return nn.Sequential(*layers)


def main():
    steps, threads = int(sys.argv[1]), int(sys.argv[2])
    warmup = int(sys.argv[3]) if len(sys.argv) > 3 else 50  # as ours: the first steps of a process pay for start-up
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    model = nn.Sequential(stack([1, 8, 4, 4, 3, 2, 1], False), stack([1, 2, 3, 4, 4, 8, 1], True))
    # Centred blurred-edge disks of random radius (the timing does not depend on the pixels, only on the shapes).
    grid = torch.arange(64, dtype=torch.float32) - 31.5
    distance = (grid[None, :] ** 2 + grid[:, None] ** 2).sqrt()
    radii = torch.rand(600) * 32
    images = torch.sigmoid((radii[:, None, None] - distance[None]) * 1.7)[:, None]
    adam = torch.optim.Adam(model.parameters(), lr=1e-3)
    generator = torch.Generator().manual_seed(1)

    def step():
        batch = images[torch.randint(0, images.shape[0], (300,), generator=generator)]
        adam.zero_grad()
        loss = ((model(batch) - batch) ** 2).sum(dim=(1, 2, 3)).mean()
        loss.backward()
        adam.step()

    for _ in range(warmup):
        step()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    ms = (time.perf_counter() - start) * 1000 / steps
    config = torch.__config__.show()
    blas = next((item.split("=", 1)[1] for item in config.replace(",", " ").split() if item.startswith("BLAS_INFO=")), "unknown")
    print(json.dumps({"ms_per_step": round(ms, 2), "torch": torch.__version__, "threads": torch.get_num_threads(),
                      "parameters": sum(p.numel() for p in model.parameters()), "blas": blas,
                      "onednn": bool(torch.backends.mkldnn.is_available() and torch.backends.mkldnn.enabled)}))


if __name__ == "__main__":
    main()
