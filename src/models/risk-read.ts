import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Pipeline } from '../pipeline/runner.js';
import { Doc } from '../text/doc.js';
import { fromExtraction, toExtraction } from '../text/serialize.js';
import { hashString } from '../extractors/learn/hash.js';
import type { RiskReport } from './risk-corpus.js';

/** A token's tags and parse, which the extraction JSON leaves out and the risk features read. */
type Tags = [string | undefined, string | undefined, number | undefined, string | undefined];

/**
 * Runs the pipeline (up to events) on each report. With `cacheDir` (VIGIL_RISK_CACHE), each
 * reading is kept by the hash of the report's text, so fitting again does not parse again; the
 * cache must be emptied when an earlier component changes (the key holds the last component's
 * name, so readings up to different components do not meet).
 */
export function readReports(reports: readonly RiskReport[], pipeline: Pipeline, progress: (m: string) => void, cacheDir = process.env.VIGIL_RISK_CACHE): Doc[] {
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  const last = pipeline.components.at(-1)?.name ?? 'none';
  return reports.map((r, i) => {
    if (i % 50 === 0) progress(`reading report ${i + 1}/${reports.length}`);
    const file = cacheDir ? path.join(cacheDir, `${(hashString(r.text) >>> 0).toString(16)}-${r.text.length}${last === 'events' ? '' : `-${last}`}.json`) : undefined;
    if (file && existsSync(file)) {
      const { extraction, tags } = JSON.parse(readFileSync(file, 'utf8')) as { extraction: unknown; tags: Tags[] };
      const doc = fromExtraction(extraction);
      if (doc.text === r.text) {
        doc.tokens.forEach((t, k) => {
          [t.upos, t.lemma, t.head, t.deprel] = tags[k]!;
        });
        return doc;
      }
    }
    const doc = pipeline.run(new Doc(r.text, r.published ? { published: r.published } : {}));
    if (file) writeFileSync(file, JSON.stringify({ extraction: toExtraction(doc), tags: doc.tokens.map((t): Tags => [t.upos, t.lemma, t.head, t.deprel]) }));
    return doc;
  });
}
