// The architecture as data: the folders under src/, lowest first.
// A module may import from its own layer and from the layers below it, never from above.
// eslint.config.js enforces it (rule `vigil/layers`) and test/architecture.test.ts checks
// that ARCHITECTURE.md describes exactly the folders that exist.
export const LAYERS = [
  'core', // errors and small shared helpers
  'text', // Doc, tokens, spans, layers, extraction JSON
  'pipeline', // components, registry, runner
  'extractors', // the components themselves
  'corpora', // readers for the annotated corpora in ../shared, and where they are
  'models', // trained files and the code that trains them
  'articles', // reading input into articles, running extraction on them
  'cases', // case tracking
  'storage', // databases
  'ingest', // reports in, extraction jobs, case updates, feeds, alert delivery
  'server', // HTTP API
  'web', // browser app
  'evaluation', // scoring against annotated corpora
  'bench', // speed measurements
  'cli', // the `vigil` command
];
