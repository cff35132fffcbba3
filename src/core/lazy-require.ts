import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A package loaded the first time it is asked for, for synchronous code that needs a heavy
 * dependency only on one path (HTML reading: linkedom; feeds: fast-xml-parser). A static import
 * would load it into every process that reaches the module — `vigil ingest --jsonl` carried
 * linkedom's ~26 MB without reading one page of HTML. It loads the package's CommonJS build (the
 * same API as its ES module one); asynchronous code uses `await import()` instead.
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
