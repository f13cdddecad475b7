#!/usr/bin/env bash
# Q&A matcher build time (issue 13): bash bench/qa/run.sh [entries, default 2000]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release bench/qa/QaBuildBench.cs -- "${1:-2000}"
