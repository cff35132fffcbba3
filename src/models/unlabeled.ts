import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { filesUnder, gumDocsInSplit, locate, sharedDataDir } from '../corpora/locate.js';
import { readConll } from '../corpora/readers/conll.js';
import { readConllu } from '../corpora/readers/conllu.js';
import { readGmb } from '../corpora/readers/gmb.js';
import { readHrdsAttack } from '../corpora/readers/hrdsattack.js';
import { tokenize } from '../extractors/tokens/index.js';

/**
 * Unlabeled text for word clusters: the training splits only (never a dev or test split that
 * some evaluation scores), plus corpora nothing is scored on (GMB, trafilatura's English pages).
 * Yields tokenized sentences-ish chunks (paragraphs), word forms as our tokenizer writes them.
 */
export function* unlabeledTexts(dataDir = sharedDataDir(), progress?: (source: string) => void): Generator<string[]> {
  const conll = locate('conll2003', 'train', dataDir).path;
  if (conll) {
    progress?.('CoNLL-2003 train');
    for (const s of readConll(readFileSync(conll, 'utf8'))) yield s.tokens;
  }
  const ewt = locate('ud-ewt', 'train', dataDir).path;
  if (ewt) {
    progress?.('UD EWT train');
    for (const s of readConllu(readFileSync(ewt, 'utf8'))) yield s.words.map((w) => w.form);
  }
  const gum = locate('gum-news', 'train', dataDir).path;
  if (gum) {
    progress?.('GUM news train');
    for (const f of filesUnder(gum, '.conllu').filter((f) => gumDocsInSplit(f, 'train'))) {
      for (const s of readConllu(readFileSync(f, 'utf8'))) yield s.words.map((w) => w.form);
    }
  }
  const polnear = locate('polnear', 'train', dataDir).path;
  if (polnear) {
    progress?.('PolNeAR train');
    for (const f of filesUnder(polnear, '.txt')) yield* paragraphs(readFileSync(f, 'utf8'));
  }
  const hrd = locate('hrdsattack', 'train', dataDir).path;
  if (hrd) {
    progress?.('HRDsAttack train');
    for (const a of readHrdsAttack(readFileSync(hrd, 'utf8'))) for (const p of [a.title, ...a.paragraphs]) yield tokenize(p).map((t) => t.text);
  }
  const gmb = path.join(dataDir, 'gmb-ner-voa', 'ner_dataset.truncated.csv');
  progress?.('GMB');
  yield* gmbSentences(gmb);
  const traf = path.join(dataDir, 'trafilatura-eval');
  progress?.("trafilatura's English pages");
  yield* englishPages(traf);
}

function* paragraphs(text: string): Generator<string[]> {
  for (const p of text.split(/\n\s*\n/)) {
    const words = tokenize(p).map((t) => t.text);
    if (words.length > 0) yield words;
  }
}

function* gmbSentences(file: string): Generator<string[]> {
  let content: string;
  try {
    content = readFileSync(file, 'latin1');
  } catch {
    return;
  }
  for (const s of readGmb(content)) yield s.tokens;
}

function* englishPages(dir: string): Generator<string[]> {
  let list: string;
  try {
    list = readFileSync(path.join(dir, 'english_subset_heuristic.tsv'), 'utf8');
  } catch {
    return;
  }
  for (const line of list.split('\n').slice(1)) {
    const name = line.split('\t')[0];
    if (!name) continue;
    let html: string;
    try {
      html = gunzipSync(readFileSync(path.join(dir, 'html', name))).toString('utf8');
    } catch {
      continue;
    }
    const text = html
      .replace(/<(script|style|noscript)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<\/(p|div|li|h\d|td|br)\s*>|<br\s*\/?>/gi, '\n\n')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/[ \t]+/g, ' ');
    for (const words of paragraphs(text)) if (words.length >= 5) yield words;
  }
}
