import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Clusters } from './lexical.js';
import { loadOnce, MODELS_DIR } from './model-file.js';

export const CLUSTERS_FILE = path.join(MODELS_DIR, 'clusters.tsv.gz');

const clusters = loadOnce((file): Clusters | null => {
  if (!existsSync(file)) return null;
  const map = new Map<string, string>();
  for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) map.set(line.slice(tab + 1), line.slice(0, tab));
  }
  return map;
});

/** Word clusters computed by `npm run train -- clusters` ("path\tword" lines), or undefined before they exist. */
export function loadClusters(file = CLUSTERS_FILE): Clusters | undefined {
  return clusters(file) ?? undefined;
}
