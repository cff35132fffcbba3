import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where ../shared/data is, seen from the project root (overridable with VIGIL_SHARED). */
export function sharedDataDir(): string {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  return process.env.VIGIL_SHARED ? path.join(process.env.VIGIL_SHARED, 'data') : path.resolve(root, '..', 'shared', 'data');
}

export type Split = 'train' | 'dev' | 'test';
export const SPLITS: readonly Split[] = ['train', 'dev', 'test'];

/**
 * Each corpus's own file (or folder) for each split, by its usual name, relative to the corpus
 * folder. The first candidate that exists wins, so `--data DIR` can point at any folder laid out
 * like the one in ../shared/data.
 */
const SPLIT_FILES: Record<string, Record<Split, string[]>> = {
  conll2003: {
    train: ['eng.train.iob2.txt', 'eng.train'],
    dev: ['eng.testa.iob2.txt', 'eng.testa'],
    test: ['eng.testb.iob2.txt', 'eng.testb'],
  },
  'ud-ewt': { train: ['en_ewt-ud-train.conllu'], dev: ['en_ewt-ud-dev.conllu'], test: ['en_ewt-ud-test.conllu'] },
  'gum-news': { train: ['conllu'], dev: ['conllu'], test: ['conllu'] },
  tempeval3: {
    train: ['TBAQ-cleaned'],
    dev: ['TBAQ-cleaned'],
    test: ['te3-platinum', 'TempEval-3-platinum', 'platinum'],
  },
  polnear: { train: ['train'], dev: ['dev'], test: ['test'] },
  'polnear-cofenet-bio': { train: ['train.txt'], dev: ['valid.txt', 'dev.txt'], test: ['test.txt'] },
  hrdsattack: { train: ['train.json'], dev: ['dev.json'], test: ['test.json'] },
  wikievents: { train: ['train.jsonl'], dev: ['dev.jsonl'], test: ['test.jsonl'] },
};

/** GUM's official document split (splits.md): dev and test are named, the rest is train. */
export const GUM_NEWS_SPLIT: Record<'dev' | 'test', string[]> = {
  dev: ['GUM_news_homeopathic', 'GUM_news_iodine'],
  test: ['GUM_news_nasa', 'GUM_news_sensitive'],
};

export function gumDocsInSplit(file: string, split: Split): boolean {
  const name = path.basename(file).replace(/\.conllu$/, '');
  if (split === 'train') return !GUM_NEWS_SPLIT.dev.includes(name) && !GUM_NEWS_SPLIT.test.includes(name);
  return GUM_NEWS_SPLIT[split].includes(name);
}

export interface CorpusLocation {
  corpus: string;
  dir: string;
  split: Split;
  /** The split's file or folder, or undefined when it is absent. */
  path: string | undefined;
}

/** Finds a corpus's split under `dataDir` (a ../shared/data-like folder) or in `dir` itself. */
export function locate(corpus: string, split: Split, dataDir?: string): CorpusLocation {
  const candidates = dataDir ? [path.join(dataDir, corpus), dataDir] : [path.join(sharedDataDir(), corpus)];
  const names = SPLIT_FILES[corpus]?.[split] ?? [];
  for (const dir of candidates) {
    for (const name of names) {
      const p = path.join(dir, name);
      if (existsSync(p)) return { corpus, dir, split, path: p };
    }
  }
  return { corpus, dir: candidates[0]!, split, path: undefined };
}

/** Files under a folder (recursively) whose names end with `suffix`, sorted. */
export function filesUnder(dir: string, suffix: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(suffix)) out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}
