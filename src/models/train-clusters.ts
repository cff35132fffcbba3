import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { seededRandom } from '../core/random.js';
import { IntMap } from '../extractors/learn/int-map.js';
import { CLUSTERS_FILE } from '../extractors/learn/clusters.js';
import { Progress } from './progress.js';
import type { TrainOptions } from './train-options.js';
import { unlabeledTexts } from './unlabeled.js';

const MIN_COUNT = 3;
const CONTEXTS = 4000;
const DIMS = 192;
const DEPTH = 18;

/**
 * Hierarchical word clusters as bit-string paths, used like Brown clusters (a prefix of the path
 * is a coarser cluster). Brown's agglomerative algorithm is cubic in the number of clusters;
 * this takes the distributional route instead: each word is its PPMI-weighted left and right
 * neighbours, randomly projected to DIMS dimensions, then split top-down by spherical 2-means.
 */
export function trainClusters(options: TrainOptions): void {
  const progress = new Progress('clusters');
  const sentences: string[][] = [];
  let tokens = 0;
  for (const s of unlabeledTexts(options.dataDir, (source) => progress.line(`reading ${source}`))) {
    sentences.push(s);
    tokens += s.length;
  }
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  const vocab = [...counts].filter(([, c]) => c >= MIN_COUNT).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const id = new Map(vocab.map(([w], i) => [w, i]));
  progress.line(`${tokens} tokens, ${counts.size} word types, ${vocab.length} seen ${MIN_COUNT}+ times`);

  // Co-occurrence with the CONTEXTS most frequent words, left (ctx) and right (CONTEXTS + ctx).
  const pairs = new IntMap(1 << 22);
  const pairKeys: number[] = [];
  const pairCounts: number[] = [];
  const ctxTotals = new Float64Array(2 * CONTEXTS);
  const word = (w: string | undefined): number => (w === undefined ? -1 : (id.get(w) ?? -1));
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const w = word(s[i]);
      if (w < 0) continue;
      for (const [ctx, offset] of [[word(s[i - 1]), 0], [word(s[i + 1]), CONTEXTS]] as const) {
        if (ctx < 0 || ctx >= CONTEXTS) continue;
        const key = w * 2 * CONTEXTS + offset + ctx + 1;
        const slot = pairs.get(key);
        if (slot < 0) {
          pairs.set(key, pairKeys.length);
          pairKeys.push(key);
          pairCounts.push(1);
        } else pairCounts[slot]!++;
        ctxTotals[offset + ctx]! += 1;
      }
    }
  }
  progress.line(`${pairKeys.length} word–context pairs`);

  // PPMI with context-distribution smoothing (Levy, Goldberg & Dagan 2015: α = 0.75).
  let smoothedTotal = 0;
  const smoothed = ctxTotals.map((c) => Math.pow(c, 0.75));
  smoothed.forEach((c) => (smoothedTotal += c));
  const random = seededRandom(options.seed);
  const projection = Float32Array.from({ length: 2 * CONTEXTS * DIMS }, () => (random() < 0.5 ? -1 : 1));
  const vectors = new Float32Array(vocab.length * DIMS);
  const wordTotals = new Float64Array(vocab.length);
  pairKeys.forEach((key, k) => (wordTotals[Math.floor((key - 1) / (2 * CONTEXTS))]! += pairCounts[k]!));
  pairKeys.forEach((key, k) => {
    const w = Math.floor((key - 1) / (2 * CONTEXTS));
    const ctx = (key - 1) % (2 * CONTEXTS);
    const pmi = Math.log((pairCounts[k]! / wordTotals[w]!) / (smoothed[ctx]! / smoothedTotal));
    if (pmi <= 0) return;
    for (let d = 0; d < DIMS; d++) vectors[w * DIMS + d]! += pmi * projection[ctx * DIMS + d]!;
  });
  for (let w = 0; w < vocab.length; w++) normalize(vectors, w);

  const paths = new Array<string>(vocab.length).fill('');
  split(vocab.map((_, i) => i), '', vectors, paths, random, progress);
  const lines = vocab.map(([w], i) => `${paths[i] || '0'}\t${w}`);
  const file = options.out ?? CLUSTERS_FILE;
  mkdirSync(path.dirname(file), { recursive: true });
  const zipped = gzipSync(lines.join('\n') + '\n', { level: 9 });
  writeFileSync(file, zipped);
  progress.line(`wrote ${vocab.length} words to ${file} (${(zipped.length / 1e6).toFixed(1)} MB)`);
}

function normalize(v: Float32Array, row: number): void {
  let norm = 0;
  for (let d = 0; d < DIMS; d++) norm += v[row * DIMS + d]! ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < DIMS; d++) v[row * DIMS + d]! /= norm;
}

/**
 * Top-down principal-direction splits (Boley's PDDP): centre the group, find its first principal
 * direction by power iteration, and send each word to the side its projection falls on. Unlike
 * 2-means from random seeds, this cannot leave one side empty while the group still varies.
 */
function split(words: number[], prefix: string, v: Float32Array, paths: string[], random: () => number, progress: Progress): void {
  if (prefix.length >= DEPTH || words.length < 2) return;
  if (prefix.length === 4) progress.line(`splitting ${prefix}* (${words.length} words)`);
  const mean = new Float64Array(DIMS);
  for (const w of words) for (let d = 0; d < DIMS; d++) mean[d]! += v[w * DIMS + d]!;
  for (let d = 0; d < DIMS; d++) mean[d]! /= words.length;
  let dir = Float64Array.from({ length: DIMS }, () => random() - 0.5);
  const proj = new Float64Array(words.length);
  for (let iter = 0; iter < 12; iter++) {
    const next = new Float64Array(DIMS);
    words.forEach((w, k) => {
      let p = 0;
      for (let d = 0; d < DIMS; d++) p += (v[w * DIMS + d]! - mean[d]!) * dir[d]!;
      proj[k] = p;
      for (let d = 0; d < DIMS; d++) next[d]! += p * (v[w * DIMS + d]! - mean[d]!);
    });
    let norm = 0;
    next.forEach((x) => (norm += x * x));
    norm = Math.sqrt(norm);
    if (norm === 0) return; // every word in the group looks the same
    dir = next.map((x) => x / norm);
  }
  const halves: number[][] = [[], []];
  words.forEach((w, k) => halves[proj[k]! > 0 ? 1 : 0]!.push(w));
  if (halves[0]!.length === 0 || halves[1]!.length === 0) return;
  halves.forEach((half, bit) => {
    for (const w of half) paths[w] += String(bit);
    split(half, prefix + String(bit), v, paths, random, progress);
  });
}
