# Sourced by the benchmark scripts: serves a build's dist/ on 127.0.0.1 with the tests'
# static server (tests/e2e/serve.mjs) until the calling script exits, and waits until it
# answers. `serve_dist <port> [dir]`: the dist/ under <dir> (default: the working tree's).
# Every server started this way is stopped when the script exits.
BENCH_SERVERS=()
serve_dist() {
  (cd "${2:-$ROOT}" && exec node "$ROOT/tests/e2e/serve.mjs" "$1" >/dev/null 2>&1) &
  BENCH_SERVERS+=($!)
  trap 'kill "${BENCH_SERVERS[@]}" 2>/dev/null || true' EXIT
  for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$1/index.html" >/dev/null && return; sleep 0.2; done
  echo "the server on port $1 did not answer" >&2
  return 1
}
