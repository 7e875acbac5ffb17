#!/usr/bin/env bash
# One prepared call for a GPU machine (the device tool runs it from the repository root, with the bundle carried):
#   build/bundle-gpu.sh here first, then: run command "build/gpu/device-check.sh", carry ["artifacts/gpu-bundle.tar.xz"].
# Writes under $OUT: bind.txt (LibTorchSharp against the machine's PyTorch, every symbol resolved now), bench.json,
# verify/ (report.md, claims.json, figures), verify.log, stderr line counts. Each step has its own time limit so a
# hang in one still returns the others. Settings: CLAIMS (default D2,D6,D7,P4: the claims that failed on CUDA before),
# TIER (default gpu), DEVICE (default cuda; cpu tries the script here with AUTOENCODERS_LIBTORCH set), VERIFY_S (300: with bench's 150 s and the unpacking it stays inside a 600-s call),
# BENCH_MODELS (default 10,100).
set -u
OUT=${OUT:-$(mktemp -d)}
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xJf "$here/artifacts/gpu-bundle.tar.xz" -C "$work" || { echo "no bundle: run build/bundle-gpu.sh and carry artifacts/gpu-bundle.tar.xz" >&2; exit 1; }
bundle=$work/gpu-bundle
device=${DEVICE:-cuda}
{
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1 || true
  if [ -z "${AUTOENCODERS_LIBTORCH:-}" ]; then
    python3 -c "import torch, ctypes; print('torch', torch.__version__, 'cuda', torch.version.cuda, torch.cuda.is_available()); ctypes.CDLL('$bundle/app/libLibTorchSharp.so', ctypes.RTLD_NOW); print('LibTorchSharp binds every symbol (RTLD_NOW)')" 2>&1
    lib=$(python3 -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))')
  else lib=$AUTOENCODERS_LIBTORCH; fi
  echo "at::Context exports: $(nm -D --defined-only "$lib/libtorch_cpu.so" 2>/dev/null | grep -c _ZN2at7Context)"
} > "$OUT/bind.txt" 2>&1
timeout 150 "$bundle/run.sh" bench --device "$device" --models "${BENCH_MODELS:-10,100}" --steps 20 > "$OUT/bench.json" 2> "$OUT/bench.err"
echo "bench exit $?" >> "$OUT/bind.txt"
timeout "${VERIFY_S:-300}" "$bundle/run.sh" verify --tier "${TIER:-gpu}" --device "$device" --claims "${CLAIMS:-D2,D6,D7,P4}" --out "$OUT/verify" > "$OUT/verify.log" 2> "$OUT/verify.err"
echo "verify exit $?" >> "$OUT/bind.txt"
echo "stderr lines: bench $(wc -l < "$OUT/bench.err"), verify $(wc -l < "$OUT/verify.err")" >> "$OUT/bind.txt"
sort "$OUT/verify.err" | uniq -c | sort -rn | head -20 > "$OUT/verify.err.top"
cat "$OUT/bind.txt"; tail -n 15 "$OUT/verify.log"
