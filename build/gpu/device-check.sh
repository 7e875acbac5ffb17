#!/usr/bin/env bash
# One prepared call for a GPU machine (the device tool runs it from the repository root, with the bundle carried):
#   build/bundle-gpu.sh here first, then: run command "build/gpu/device-check.sh", carry ["artifacts/gpu-bundle.tar.xz"],
#   timeout_s 600.
# It keeps inside DEADLINE_S and returns at most the eight files the device tool brings back, under $OUT:
#   bind.txt        the GPU, the PyTorch, LibTorchSharp bound with every symbol resolved, each step's exit and time
#   bench.json      ms per step for K = 1 and BENCH_MODELS, the repeat measure on CUDA and CUDA against the CPU
#   verify.log      one line per claim as it finishes (kept even if the run is killed), then the summary
#   verify.err.top  the most frequent stderr lines (libtorch warnings: which operations have no deterministic kernel)
#   results.tar.xz  report.md, claims.json and figures: the complete report, or the partial one a killed run leaves
# Claims run in CLAIMS order (most wanted first) under `verify --time-limit`, so no claim starts after the limit and the
# report is still written; a claim that runs past the deadline is killed, and its partial report comes back instead.
# The unpacked bundle and its model cache stay in artifacts/gpu-run/ (ignored by git, kept by the device tool between
# calls on a warm machine): a second call goes on from the trained networks the first left.
# Settings: CLAIMS, TIER (gpu), DEVICE (cuda; cpu tries the script here with AUTOENCODERS_LIBTORCH set),
# DEADLINE_S (540: the script's whole budget, inside a 600-s call), MARGIN_S (180: kept free after the last claim
# starts, for it to finish and for packing), BENCH_MODELS (10,100), BENCH_S (150), SEED (0).
set -u
started=$(date +%s)
OUT=${OUT:-$(mktemp -d)}
here=$(cd "$(dirname "$0")/../.." && pwd)
deadline=${DEADLINE_S:-540}
margin=${MARGIN_S:-180}
device=${DEVICE:-cuda}
# Training-free claims first (sure to finish), then those that failed on CUDA before (D2, D6, P4), then the
# paper-scale verdicts #17 asks for, then the rest of the disk suite and the claims beyond the paper.
claims=${CLAIMS:-D1,D7,P1,P2,D2,D6,P4,P3,P5,D12,D13,D14,D15,D3,D4,D5,D8,D9,D10,D11,B3,B1,B4,B2,B2Q}
left() { echo $((deadline - ($(date +%s) - started))); }
note() { echo "$1 (at $(($(date +%s) - started)) s)" >> "$OUT/bind.txt"; }

bundle_file=$here/artifacts/gpu-bundle.tar.xz
[ -f "$bundle_file" ] || { echo "no bundle: run build/bundle-gpu.sh and carry artifacts/gpu-bundle.tar.xz" | tee "$OUT/bind.txt" >&2; exit 1; }
run=$here/artifacts/gpu-run
mkdir -p "$run"
sum=$(sha256sum < "$bundle_file" | cut -c1-16)
if [ "$(cat "$run/bundle.sum" 2>/dev/null)" != "$sum" ]; then
  # Another bundle (or none yet): unpack it, and start a fresh cache (networks trained by other code must not be reused).
  rm -rf "$run/gpu-bundle" "$run/cache" "$run/results" "$run"/results.tmp-*
  tar -xJf "$bundle_file" -C "$run" || { echo "the bundle does not unpack" | tee "$OUT/bind.txt" >&2; exit 1; }
  echo "$sum" > "$run/bundle.sum"
  reused=no
else reused=yes; fi
bundle=$run/gpu-bundle
export AUTOENCODERS_CACHE=$run/cache

{
  echo "bundle $sum, unpacked before: $reused, cached networks: $(ls "$AUTOENCODERS_CACHE" 2>/dev/null | grep -c '\.aeckpt$')"
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1 || true
  echo "CPU cores: $(nproc)"
  if [ -z "${AUTOENCODERS_LIBTORCH:-}" ]; then
    python3 -c "import torch, ctypes; print('torch', torch.__version__, 'cuda', torch.version.cuda, torch.cuda.is_available()); ctypes.CDLL('$bundle/app/libLibTorchSharp.so', ctypes.RTLD_NOW); print('LibTorchSharp binds every symbol (RTLD_NOW)')" 2>&1
    lib=$(python3 -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))')
  else lib=$AUTOENCODERS_LIBTORCH; fi
  echo "at::Context exports: $(nm -D --defined-only "$lib/libtorch_cpu.so" 2>/dev/null | grep -c _ZN2at7Context)"
} > "$OUT/bind.txt" 2>&1

bench_s=${BENCH_S:-150}
[ "$bench_s" -gt $(($(left) - margin)) ] && bench_s=$(($(left) - margin))
if [ "$bench_s" -gt 10 ]; then
  timeout "$bench_s" "$bundle/run.sh" bench --device "$device" --models "${BENCH_MODELS:-10,100}" --steps 20 --warmup 10 > "$OUT/bench.json" 2> "$OUT/bench.err"
  note "bench exit $?"
else note "bench not run: no time left"; fi

limit=$(($(left) - margin))
if [ "$limit" -ge 1 ]; then
  # timeout's TERM comes 20 s before the deadline, its KILL 10 s later: packing still fits.
  timeout -k 10 $(($(left) - 20)) "$bundle/run.sh" verify --tier "${TIER:-gpu}" --device "$device" --seed "${SEED:-0}" --claims "$claims" \
    --time-limit "$limit" --out "$run/results" > "$run/verify.full.log" 2> "$OUT/verify.err"
  note "verify exit $? (time limit $limit s)"
else note "verify not run: no time left"; fi

# The complete report, or else the newest partial one a killed run left in its staging folder.
report=$run/results
if [ ! -f "$report/report.md" ] || [ "$(find "$run" -maxdepth 1 -name 'results.tmp-*' -newer "$report/report.md" | head -1)" ]; then
  partial=$(ls -td "$run"/results.tmp-* 2>/dev/null | head -1)
  [ -n "$partial" ] && report=$partial
fi
# verify.log: what each claim concluded (the training progress lines stay in the full log, inside the tarball).
grep -E '^(PASS|FAIL|INCONCLUSIVE|NOT REPRODUCED|SKIPPED|PENDING) |running…$|passed, .* skipped$|^error' "$run/verify.full.log" > "$OUT/verify.log" 2>/dev/null
if [ -f "$report/report.md" ]; then
  cp "$run/verify.full.log" "$report/verify.full.log" 2>/dev/null
  tar -C "$report" -cJf "$OUT/results.tar.xz" . && note "packed $(basename "$report")$(grep -q '^\*\*Partial report' "$report/report.md" && echo ', a partial report')"
else note "no report to pack"; fi
sort "$OUT/verify.err" 2>/dev/null | uniq -c | sort -rn | head -30 > "$OUT/verify.err.top"
rm -f "$OUT/verify.err"
# bench.err matters only when bench wrote nothing (each file counts toward the eight).
[ -s "$OUT/bench.json" ] && rm -f "$OUT/bench.err"
note "done"
cat "$OUT/bind.txt"; grep -vE 'running…$' "$OUT/verify.log" | cut -c1-160
