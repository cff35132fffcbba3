import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VigilError } from '../core/errors.js';
import { seededRandom, shuffle } from '../core/random.js';
import type { Split } from '../corpora/locate.js';
import { locate } from '../corpora/locate.js';
import type { Attribution } from '../corpora/readers/polnear.js';
import { readBrat } from '../corpora/readers/polnear.js';
import { createDefaultPipeline } from '../extractors/default.js';
import { MODELS_DIR, tableArrays, writeModelFile } from '../extractors/learn/model-file.js';
import { AveragedPerceptron } from '../extractors/learn/perceptron.js';
import type { WeightTable } from '../extractors/learn/weights.js';
import type { TokenContext } from '../extractors/quotes/attribution-features.js';
import { ATTRIBUTION_LABELS } from '../extractors/quotes/attribution-features.js';
import type { AttributionScorer } from '../extractors/quotes/attributions.js';
import { allowedAfter, attributionSequence, tagAttributions } from '../extractors/quotes/attributions.js';
import { attributionFeatures } from '../extractors/quotes/attribution-features.js';
import { beamDecode, earlyUpdate } from '../extractors/learn/beam.js';
import { loadCues } from '../extractors/quotes/cues.js';
import { attributionInputs } from '../extractors/quotes/extract.js';
import type { Tree } from '../extractors/syntax/tree.js';
import { Doc } from '../text/doc.js';
import { Progress } from './progress.js';
import type { TrainOptions } from './train-options.js';

/** An article ready for training: the parse, each token's context and the gold labels. */
interface Example {
  tree: Tree;
  ctx: TokenContext;
  gold: Uint8Array;
}

const LABEL = new Map<string, number>(ATTRIBUTION_LABELS.map((l, i) => [l, i]));

/**
 * Gold labels from PolNeAR's brat spans, flattened as the CofeNet version of the corpus is: one
 * label a token, the outer attribution first, an attribution inside another's content left out.
 */
export function goldLabels(doc: Doc, attributions: readonly Attribution[]): Uint8Array {
  const labels = new Uint8Array(doc.tokens.length);
  const extent = (a: Attribution): [number, number] => {
    const f = a.content?.fragments ?? [];
    return f.length ? [f[0]![0], f[f.length - 1]![1]] : [0, 0];
  };
  const outerFirst = attributions.filter((a) => a.content).sort((a, b) => extent(b)[1] - extent(b)[0] - (extent(a)[1] - extent(a)[0]));
  const put = (fragments: [number, number][] | undefined, part: string): void => {
    for (const [start, end] of fragments ?? []) {
      const inside: number[] = [];
      doc.tokens.forEach((t, i) => t.start >= start && t.end <= end && inside.push(i));
      if (inside.length === 0 || inside.some((i) => labels[i] !== 0)) continue;
      inside.forEach((i, k) => (labels[i] = LABEL.get(`${k === 0 ? 'B' : 'I'}-${part}`)!));
    }
  };
  for (const a of outerFirst) {
    const [s, e] = extent(a);
    if (outerFirst.some((o) => o !== a && extent(o)[0] <= s && e <= extent(o)[1] && extent(o)[1] - extent(o)[0] > e - s)) continue;
    put(a.content?.fragments, 'content');
    put(a.source?.fragments, 'source');
    put(a.cue?.fragments, 'cue');
  }
  return labels;
}

function readSplit(split: Split, dataDir: string | undefined, progress: Progress): Example[] {
  const loc = locate('polnear', split, dataDir);
  if (!loc.path) throw new VigilError('file_not_found', `PolNeAR ${split} not found under ${loc.dir}; pass --data DIR (a folder like ../shared/data)`);
  // everything the quotes read, and nothing after them
  const pipeline = createDefaultPipeline('coref');
  const cues = loadCues();
  const seen = new Set<string>();
  const files = readdirSync(path.join(loc.path, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const out: Example[] = [];
  files.forEach((f, k) => {
    // an article annotated twice (for agreement) is taken once, from its first file
    const id = f.replace(/(_[0-9a-f]{4})?\.ann$/, '');
    if (seen.has(id)) return;
    seen.add(id);
    const text = readFileSync(path.join(loc.path!, 'text', `${id}.txt`), 'utf8');
    const doc = pipeline.run(new Doc(text));
    const { tree, ctx } = attributionInputs(doc, cues);
    out.push({ tree, ctx, gold: goldLabels(doc, readBrat(readFileSync(path.join(loc.path!, 'attributions', f), 'utf8')).attributions) });
    progress.tick(k, files.length);
  });
  return out;
}

/** Exact-match F1 over source, cue and content spans together, sentence by sentence. */
function spanF1(examples: readonly Example[], scorer: AttributionScorer): number {
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  const spans = (labels: Uint8Array): Set<string> => {
    const out = new Set<string>();
    let start = -1;
    for (let i = 0; i <= labels.length; i++) {
      const l = labels[i] ?? 0;
      const continues = l !== 0 && l % 2 === 0 && start >= 0 && (labels[i - 1] === l || labels[i - 1] === l - 1);
      if (continues) continue;
      if (start >= 0) out.add(`${start}:${i}:${labels[start]! + (labels[start]! % 2)}`);
      start = l === 0 ? -1 : i;
    }
    return out;
  };
  for (const e of examples) {
    const ours = spans(tagAttributions(e.tree, e.ctx, scorer, BEAM));
    const theirs = spans(e.gold);
    predicted += ours.size;
    gold += theirs.size;
    for (const s of ours) if (theirs.has(s)) tp++;
  }
  return predicted && gold ? (2 * tp) / (predicted + gold) : 0;
}

/** Beam width in training and decoding (structured perceptron with early update, as the recogniser). */
const BEAM = 4;

/**
 * Gold labels as a valid BIO sequence: a content that runs on from the sentence before begins
 * here with "I-content", which the decoder may not produce; it becomes "B-content", the same span.
 */
function validBio(gold: Uint8Array): number[] {
  const out = Array.from(gold);
  for (let i = 0; i < out.length; i++) if (!allowedAfter(out[i]!, i > 0 ? out[i - 1]! : 0)) out[i] = out[i]! - 1;
  return out;
}

/** Trains the attribution tagger on PolNeAR train, choosing the epoch by span F1 on PolNeAR dev. */
export function trainQuotes(options: TrainOptions): void {
  const progress = new Progress('quotes');
  const train = readSplit('train', options.dataDir, progress);
  const dev = readSplit('dev', options.dataDir, progress);
  progress.line(`${train.length} training articles, ${dev.length} dev; rules alone: dev span F1 ${(100 * spanF1(dev, { score: () => undefined })).toFixed(2)} (all O)`);
  const model = new AveragedPerceptron(ATTRIBUTION_LABELS.length);
  const random = seededRandom(options.seed);
  let best: { table: WeightTable; f1: number; epoch: number } | undefined;
  const order = train.slice();
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, random);
    let right = 0;
    let sentences = 0;
    order.forEach((e, k) => {
      for (const s of e.tree.doc.sentences) {
        const gold = validBio(e.gold.subarray(s.tokenStart, s.tokenEnd));
        const { labels, diverged } = beamDecode(attributionSequence(e.ctx, s.tokenStart, s.tokenEnd), model, BEAM, gold);
        const features = (i: number, p1: number, p2: number, out: Uint32Array) => attributionFeatures(e.ctx, s.tokenStart + i, s.tokenStart, s.tokenEnd, Math.max(p1, 0), Math.max(p2, 0), out);
        earlyUpdate(model, features, gold, labels, diverged);
        model.tick();
        if (diverged < 0) right++;
        sentences++;
      }
      progress.tick(k, order.length);
    });
    const table = model.finalize();
    const f1 = spanF1(dev, table);
    progress.line(`epoch ${epoch}: train sentences labelled right ${((100 * right) / sentences).toFixed(2)} %  dev span F1 ${(100 * f1).toFixed(2)}  (${table.size} features)`);
    if (!best || f1 > best.f1) best = { table, f1, epoch };
  }
  const file = options.out ?? path.join(MODELS_DIR, 'quotes.bin.gz');
  const bytes = writeModelFile(file, {
    header: { kind: 'attributions', version: 1, labels: ATTRIBUTION_LABELS, beam: BEAM, trainedOn: 'PolNeAR train (first annotation of each article)', epochs: best!.epoch, seed: options.seed, dev: { spanF1: best!.f1 } },
    arrays: tableArrays('weights', best!.table),
  });
  progress.line(`best epoch ${best!.epoch}: dev span F1 ${(100 * best!.f1).toFixed(2)}; wrote ${file} (${(bytes / 1e6).toFixed(2)} MB)`);
}
