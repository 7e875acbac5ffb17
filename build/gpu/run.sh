#!/usr/bin/env bash
# Entry point of the GPU bundle (build/bundle-gpu.sh): runs the harness on the libtorch of the machine's PyTorch.
#   run.sh                      verify --tier gpu --device cuda, report under ./results
#   run.sh <command> [options]  any CLI command, e.g. run.sh bench --device cuda --models 10,100
# Settings: PYTHON (default python3) finds torch; AUTOENCODERS_LIBTORCH overrides its torch/lib; AUTOENCODERS_CACHE
# (default ./cache beside this script), AUTOENCODERS_THREADS (default: every core, at most 16; the CPU renders every
# training set before it trains: about 35 sets of 3 000 shapes at the Gpu tier, 15 s each on 2 cores).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${AUTOENCODERS_LIBTORCH:-}" ]; then
  python=${PYTHON:-python3}
  if ! AUTOENCODERS_LIBTORCH=$("$python" -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))' 2>"${TMPDIR:-/tmp}/run-sh-torch.err"); then
    echo "error: $python cannot import torch ($(tail -n 1 "${TMPDIR:-/tmp}/run-sh-torch.err")): set PYTHON to a Python with PyTorch, or AUTOENCODERS_LIBTORCH to its torch/lib" >&2
    exit 1
  fi
fi
# LD_LIBRARY_PATH is searched before the RUNPATH that points PyTorch's libraries at its own CUDA libraries.
if [ -n "${LD_LIBRARY_PATH:-}" ]; then echo "note: LD_LIBRARY_PATH is set ($LD_LIBRARY_PATH); a CUDA found there may shadow PyTorch's own" >&2; fi
export AUTOENCODERS_LIBTORCH
export AUTOENCODERS_CACHE=${AUTOENCODERS_CACHE:-$here/cache}
cores=$(nproc 2>/dev/null || echo 4)
export AUTOENCODERS_THREADS=${AUTOENCODERS_THREADS:-$((cores < 16 ? cores : 16))}
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 # no ICU on a bare machine; the harness needs no culture data
if [ $# -eq 0 ]; then set -- verify --tier gpu --device cuda --out "$here/results"; fi
exec "$here/app/autoencoders-cli" "$@"
