#!/usr/bin/env bash
# Builds the release and serves the dashboard with the bundled demo data on 127.0.0.1, as
# an intranet server would: precompressed files (.br, .gz, written by the build) sent to
# browsers that accept them, hashed files cached, the page and data revalidated
# (scripts/serve-static.mjs).
# Usage: scripts/serve.sh [port]   (default 8080)
set -euo pipefail
source "$(dirname "$0")/setup.sh"
trunk build --release --offline
exec node scripts/serve-static.mjs "${1:-8080}"
