// The bundle budgets, checked in CI after the release build: the initial transfer of each
// build (tests/bench/bundle.mjs), the dashboard's within BUDGET and the big screen's and
// slides' within SHOW_BUDGET. Prints each file; exit 1 when either is over.
// Usage: node scripts/check-budget.mjs [dist]
import { initialFiles, BUDGET, SHOW_BUDGET, GOAL } from '../tests/bench/bundle.mjs';

const dist = process.argv[2] ?? 'dist';
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let ok = true;
for (const [build, budget, goal] of [['dashboard', BUDGET, ` (goal ${kb(GOAL)})`], ['show', SHOW_BUDGET, '']]) {
  const files = initialFiles(dist, build);
  for (const f of files) console.log(`budget: ${f.file.padEnd(36)} ${kb(f.raw).padStart(9)} raw ${kb(f.br).padStart(9)} brotli`);
  const total = files.reduce((s, f) => s + f.br, 0);
  const within = total <= budget && files.some((f) => f.file.endsWith('.wasm'));
  ok &&= within;
  console.log(`budget: ${build}'s initial transfer ${kb(total)} brotli; budget ${kb(budget)}${goal}: ${within ? 'within' : 'OVER (or no wasm)'}`);
}
// The import view and its worker load only when the view opens: their sizes are told.
for (const build of ['import', 'worker']) {
  const total = initialFiles(dist, build).reduce((s, f) => s + f.br, 0);
  console.log(`budget: ${build === 'import' ? "the import view's page" : "the import's worker"} ${kb(total)} brotli (loaded when the view opens)`);
}
process.exit(ok ? 0 : 1);
