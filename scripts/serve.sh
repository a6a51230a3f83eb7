#!/usr/bin/env bash
# Builds the release and serves the dashboard with the bundled demo data on 127.0.0.1.
# Usage: scripts/serve.sh [port]   (default 8080)
set -euo pipefail
source "$(dirname "$0")/setup.sh"
# No autoreload: this serves the dashboard, and its injected script would need its own CSP hash.
exec trunk serve --release --offline --no-autoreload --address 127.0.0.1 --port "${1:-8080}"
