#!/usr/bin/env bash
# One prepared call for a GPU machine (the device tool runs it from the repository root, with the bundle carried):
#   build/bundle-gpu.sh here first, then: run command "build/gpu/device-check.sh", carry ["artifacts/gpu-bundle.tar.xz"],
#   timeout_s 600; then give_back. A session's device time (15 min, the machine's start included) holds one such call.
# It keeps inside DEADLINE_S and returns at most six files (the device tool brings back eight, 16 MiB each), under $OUT:
#   bind.txt        the GPU, the PyTorch, LibTorchSharp bound with every symbol resolved, each step's exit and time
#   bench.json      ms per step for K = 1 and BENCH_MODELS; whether a training repeats on CUDA, and its drift from the CPU
#   bench.err       only when bench printed no JSON (killed at its time limit): the timings it finished, one a line
#   verify.log      one line per claim as it finishes (written as it goes, so kept if the run is killed), and the summary
#   verify.err.top  the most frequent stderr lines (libtorch warnings: which operations have no deterministic kernel)
#   results.tar.xz  report.md, claims.json, figures and the full log: the complete report, or the partial one a run
#                   killed at the deadline leaves (verify rewrites it after each claim)
# Claims run in CLAIMS order (most wanted first) under `verify --time-limit`, so no claim starts after the limit and the
# report says the run was stopped; a claim still running at the deadline is killed, and the partial report comes back.
# Settings: CLAIMS, TIER (gpu), DEVICE (cuda; cpu tries the script here with AUTOENCODERS_LIBTORCH set), SEED (200:
# seeds 201, 202, …, never used to set a criterion), DEADLINE_S (540, inside a 600-s call), MARGIN_S (180: kept free
# after the last claim may start, for it to finish and for packing), BENCH_MODELS (10,40,100: K of B4 and D12, of the disk suite, and a hundred), BENCH_S (150).
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
# A fresh folder each call: the bundle, its model cache and its report (nothing from an earlier call can be taken for this one's).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xJf "$bundle_file" -C "$work" || { echo "the bundle does not unpack" | tee "$OUT/bind.txt" >&2; exit 1; }
bundle=$work/gpu-bundle
export AUTOENCODERS_CACHE=$work/cache

{
  echo "bundle $(sha256sum < "$bundle_file" | cut -c1-16), claims $claims, seed ${SEED:-200}, tier ${TIER:-gpu}, device $device"
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
  timeout "$bench_s" "$bundle/run.sh" bench --device "$device" --models "${BENCH_MODELS:-10,40,100}" --steps 20 --warmup 10 > "$OUT/bench.json" 2> "$OUT/bench.err"
  note "bench exit $?"
else note "bench not run: no time left"; fi

status=1
limit=$(($(left) - margin))
kill_at=$(($(left) - 20))
if [ "$limit" -ge 1 ] && [ "$kill_at" -gt "$limit" ]; then
  # timeout's TERM comes 20 s before the deadline and its KILL 10 s later, so packing still fits.
  timeout -k 10 "$kill_at" "$bundle/run.sh" verify --tier "${TIER:-gpu}" --device "$device" --seed "${SEED:-200}" --claims "$claims" \
    --time-limit "$limit" --out "$work/results" > "$work/verify.full.log" 2> "$OUT/verify.err"
  status=$?
  note "verify exit $status (time limit $limit s)"
else note "verify not run: no time left"; fi

# verify.log: what each claim concluded (the training progress lines stay in the full log, inside the tarball).
grep -E '^(PASS|FAIL|INCONCLUSIVE|NOT REPRODUCED|SKIPPED|PENDING) |running…$|passed, .* skipped$' "$work/verify.full.log" > "$OUT/verify.log" 2>/dev/null
# The complete report, or the partial one a killed run left in its staging folder (only this call's: the folder is new).
report=$work/results
[ -f "$report/report.md" ] || report=$(ls -d "$work"/results.tmp-* 2>/dev/null | head -1)
if [ -n "$report" ] && [ -f "$report/report.md" ]; then
  cp "$work/verify.full.log" "$report/verify.full.log" 2>/dev/null
  kind=$(grep -q '^\*\*Partial report' "$report/report.md" && echo "a partial report" || echo "the report")
  tar -C "$report" -cJf "$OUT/results.tar.xz" .
  # The device tool returns no file over 16 MiB: drop the full log, then the figures, before losing the report.
  if [ "$(stat -c %s "$OUT/results.tar.xz")" -gt $((15 * 1024 * 1024)) ]; then
    rm -f "$report/verify.full.log"; tar -C "$report" -cJf "$OUT/results.tar.xz" .; kind="$kind without the full log"
  fi
  if [ "$(stat -c %s "$OUT/results.tar.xz")" -gt $((15 * 1024 * 1024)) ]; then
    tar -C "$report" -cJf "$OUT/results.tar.xz" report.md claims.json; kind="$kind without figures"
  fi
  note "packed $kind, $(($(stat -c %s "$OUT/results.tar.xz") / 1024)) KiB"
else note "no report to pack"; fi
sort "$OUT/verify.err" 2>/dev/null | uniq -c | sort -rn | head -30 > "$OUT/verify.err.top"
rm -f "$OUT/verify.err"
# bench.err matters only when bench wrote nothing (each file counts toward the eight).
[ -s "$OUT/bench.json" ] && rm -f "$OUT/bench.err"
note "done"
cat "$OUT/bind.txt"
grep -vE 'running…$' "$OUT/verify.log" | cut -c1-160
exit "$status"
