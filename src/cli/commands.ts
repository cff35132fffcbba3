import type { CliIo } from './io.js';

// Each command is loaded when it runs, so that help and a quick command do not load the
// pipeline's models, the storage and the server they do not need. (Apart from main.ts so tests
// can reach every command without running it.)
export const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  serve: async (argv, io) => (await import('./serve.js')).runServe(argv, io),
  users: async (argv, io) => (await import('./users.js')).runUsers(argv, io),
  ingest: async (argv, io) => (await import('./ingest.js')).runIngest(argv, io),
  cases: async (argv, io) => (await import('./cases.js')).runCases(argv, io),
  watch: async (argv, io) => (await import('./watch.js')).runWatch(argv, io),
  export: async (argv, io) => (await import('./cases.js')).runExport(argv, io),
  extract: async (argv, io) => (await import('./extract.js')).runExtract(argv, io),
  share: async (argv, io) => (await import('./share.js')).runShare(argv, io),
};
