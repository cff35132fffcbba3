import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Pipeline } from '../pipeline/runner.js';
import { Doc, LAYER_NAMES } from '../text/doc.js';
import { fromExtraction, toExtraction } from '../text/serialize.js';
import { hashString } from '../extractors/learn/hash.js';
import type { RiskReport } from './risk-corpus.js';

/** A token's tags and parse, which the extraction JSON leaves out and the later components read. */
type Tags = [string | undefined, string | undefined, number | undefined, string | undefined, string | undefined];

/**
 * The last component whose reading is cached: everything after it (the event rules, the learned
 * refiners) runs again on every read, so a change to the event rules needs no new cache.
 */
const CACHED_UP_TO = 'quotes';
/** Part of every cache file's name: a cache written by an older layout is never read. */
const CACHE_LAYOUT = 'q2';

/**
 * Runs the pipeline on each report. With `cacheDir` (VIGIL_RISK_CACHE), the reading up to
 * `quotes` is kept by the hash of the report's text, so fitting again does not parse again, and
 * the components after it (the event rules and the models being trained) run on the cached
 * reading; the cache must be emptied when a component up to `quotes` changes.
 */
export function readReports(reports: readonly RiskReport[], pipeline: Pipeline, progress: (m: string) => void, cacheDir = process.env.VIGIL_RISK_CACHE): Doc[] {
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  const cut = pipeline.components.findIndex((c) => c.name === CACHED_UP_TO);
  const head = cut >= 0 ? new Pipeline(pipeline.components.slice(0, cut + 1)) : pipeline;
  const tail = cut >= 0 && cut + 1 < pipeline.components.length ? new Pipeline(pipeline.components.slice(cut + 1), { given: [...LAYER_NAMES] }) : undefined;
  const cacheable = cut >= 0 && cacheDir !== undefined;
  return reports.map((r, i) => {
    if (i % 50 === 0) progress(`reading report ${i + 1}/${reports.length}`);
    const file = cacheable ? path.join(cacheDir, `${CACHE_LAYOUT}-${(hashString(r.text) >>> 0).toString(16)}-${r.text.length}.json`) : undefined;
    let doc: Doc | undefined;
    if (file && existsSync(file)) {
      const { extraction, tags } = JSON.parse(readFileSync(file, 'utf8')) as { extraction: unknown; tags: Tags[] };
      const cached = fromExtraction(extraction);
      if (cached.text === r.text) {
        cached.tokens.forEach((t, k) => {
          [t.upos, t.lemma, t.head, t.deprel, t.xpos] = tags[k]!;
        });
        // the extraction JSON has no tag or parse layer: they are back, and the event rules read them
        cached.assigned.add('tags');
        cached.assigned.add('deps');
        doc = cached;
      }
    }
    if (!doc) {
      doc = head.run(new Doc(r.text, r.published ? { published: r.published } : {}));
      if (file) writeFileSync(file, JSON.stringify({ extraction: toExtraction(doc), tags: doc.tokens.map((t): Tags => [t.upos, t.lemma, t.head, t.deprel, t.xpos]) }));
    }
    return tail ? tail.run(doc) : doc;
  });
}
