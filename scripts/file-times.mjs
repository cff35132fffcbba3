// A test reporter that prints, at the end of a run, how long each test file took: the sum of its
// top-level tests' durations (import time not included), slowest first. Use it beside another:
//   node scripts/run-tests.mjs --test-reporter=spec --test-reporter-destination=stdout \
//     --test-reporter=./scripts/file-times.mjs --test-reporter-destination=results/test-times.txt
export default async function* fileTimes(source) {
  const perFile = new Map();
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.nesting === 0 && event.data.file) {
      const row = perFile.get(event.data.file) ?? { ms: 0, tests: 0, failed: 0 };
      row.ms += event.data.details?.duration_ms ?? 0;
      row.tests += 1;
      if (event.type === 'test:fail') row.failed += 1;
      perFile.set(event.data.file, row);
    }
  }
  const rows = [...perFile].sort((a, b) => b[1].ms - a[1].ms);
  const total = rows.reduce((s, [, r]) => s + r.ms, 0);
  yield `seconds  tests  file (sum of top-level test durations; ${(total / 1000).toFixed(1)} s over ${rows.length} files)\n`;
  for (const [file, r] of rows) yield `${(r.ms / 1000).toFixed(1).padStart(7)}  ${String(r.tests).padStart(5)}  ${file.replace(`${process.cwd()}/`, '')}${r.failed ? `  (${r.failed} failed)` : ''}\n`;
}
