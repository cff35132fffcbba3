import { parentPort } from 'node:worker_threads';
import { Extractor } from '../articles/extract.js';
import type { Article } from '../articles/article.js';
import { asVigilError } from '../core/errors.js';

/** Runs in a worker thread: loads the models once, then reads one report per message. */
const extractor = new Extractor();
parentPort!.postMessage({ ready: true });
parentPort!.on('message', (m: { id: number; article: Article }) => {
  try {
    parentPort!.postMessage({ id: m.id, doc: extractor.extract(m.article) });
  } catch (err) {
    const e = asVigilError(err);
    parentPort!.postMessage({ id: m.id, error: { code: e.code, message: e.message } });
  }
});
