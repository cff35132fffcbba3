// How our TypeScript becomes JavaScript, for the built CLI (build.mjs) and the test run (run-tests.mjs):
// one file per module, no bundling, source maps inline so errors point at .ts lines.
export const TRANSPILE = { format: 'esm', platform: 'node', target: 'node20', bundle: false, sourcemap: 'inline', logLevel: 'warning' };
