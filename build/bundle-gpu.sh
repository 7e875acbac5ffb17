#!/usr/bin/env bash
# Builds the GPU bundle: the CLI published self-contained for linux-x64 (no .NET needed where it runs) without the
# libtorch-cpu native files, since the GPU machine's own PyTorch provides libtorch (AUTOENCODERS_LIBTORCH, README),
# plus build/gpu/run.sh as its entry point. Writes artifacts/gpu-bundle/ and artifacts/gpu-bundle.tar.xz (ignored by
# git; the device tool carries it). Usage: build/bundle-gpu.sh [output folder]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:-$root/artifacts/gpu-bundle}")
limit_mib=60

# Only ever delete a bundle: a folder this script made (it holds run.sh and app/), never an arbitrary one.
if [ -e "$out" ] && ! { [ -f "$out/run.sh" ] && [ -d "$out/app" ]; }; then
  if [ -n "$(ls -A "$out" 2>/dev/null)" ]; then echo "error: $out exists and is not a GPU bundle: give a new folder" >&2; exit 2; fi
fi
rm -rf "$out" "$out.tar.xz"
dotnet publish "$root/src/Autoencoders.Cli/Autoencoders.Cli.csproj" -c Release -r linux-x64 --self-contained true \
  -p:DebugType=none -p:SatelliteResourceLanguages=en -o "$out/app" -v quiet -nologo

# libtorch and what ships with it in the libtorch-cpu package; LibTorchSharp (the bridge) stays.
shopt -s nullglob
natives=("$out"/app/libtorch*.so "$out"/app/libc10*.so "$out"/app/libgomp*.so* "$out"/app/libshm.so \
  "$out"/app/libaoti_custom_ops.so "$out"/app/libbackend_with_compiler.so "$out"/app/libjitbackend_test.so \
  "$out"/app/libnnapi_backend.so)
[ ${#natives[@]} -gt 0 ] || { echo "error: the publish output has no libtorch files to leave out: is TorchSharp-cpu still the package?" >&2; exit 1; }
rm -f "${natives[@]}"
[ -f "$out/app/libLibTorchSharp.so" ] || { echo "error: libLibTorchSharp.so is missing from the publish output" >&2; exit 1; }

install -m 755 "$root/build/gpu/run.sh" "$out/run.sh"
tar -C "$(dirname "$out")" -cJf "$out.tar.xz" "$(basename "$out")"
size=$(stat -c %s "$out.tar.xz")
echo "bundle: $out.tar.xz, $((size / 1024 / 1024)) MiB packed, $(du -sm "$out" | cut -f1) MiB unpacked"
if [ "$size" -gt $((limit_mib * 1024 * 1024)) ]; then echo "error: the bundle is over $limit_mib MiB packed" >&2; exit 1; fi
