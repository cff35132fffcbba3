// Each command is loaded when it runs, so that help and a quick command do not load the
// pipeline's models, the storage and the server they do not need. (Apart from main.ts so tests
// can reach every command without running it.)
export const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  serve: async (argv) => (await import('./serve.js')).runServe(argv),
  users: async (argv) => (await import('./users.js')).runUsers(argv),
  ingest: async (argv) => (await import('./ingest.js')).runIngest(argv),
  cases: async (argv) => (await import('./cases.js')).runCases(argv),
  export: async (argv) => (await import('./cases.js')).runExport(argv),
  extract: async (argv) => (await import('./extract.js')).runExtract(argv),
  share: async (argv) => (await import('./share.js')).runShare(argv),
};
