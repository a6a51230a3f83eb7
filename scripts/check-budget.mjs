// The bundle budget, checked in CI after the release build: the initial transfer
// (tests/bench/bundle.mjs) must not exceed BUDGET. Prints each file; exit 1 when over.
// Usage: node scripts/check-budget.mjs [dist]
import { initialFiles, BUDGET, GOAL } from '../tests/bench/bundle.mjs';

const dist = process.argv[2] ?? 'dist';
const files = initialFiles(dist);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const f of files) console.log(`budget: ${f.file.padEnd(36)} ${kb(f.raw).padStart(9)} raw ${kb(f.br).padStart(9)} brotli`);
const total = files.reduce((s, f) => s + f.br, 0);
const ok = total <= BUDGET;
console.log(`budget: initial transfer ${kb(total)} brotli; budget ${kb(BUDGET)} (goal ${kb(GOAL)}): ${ok ? 'within' : 'OVER'}`);
process.exit(ok ? 0 : 1);
