// The tests' static server: the release build (dist/) at the root, served as the serve
// command serves it (scripts/serve-static.mjs: precompressed copies, cache headers), plus
// the test datasets under /fixtures/ (tests/fixtures, and the hostile corpus
// tests/corpus/files at /fixtures/corpus/), same origin, so that `data=` can point at them.
// Usage: node tests/e2e/serve.mjs PORT
import { serve } from '../../scripts/serve-static.mjs';

const port = Number(process.argv[2] ?? 8765);
serve(port, [
  ['/fixtures/corpus/', 'tests/corpus/files'],
  ['/fixtures/', 'tests/fixtures'],
  ['/', 'dist'],
]);
console.log(`serving dist/ and tests/fixtures on http://127.0.0.1:${port}/`);
