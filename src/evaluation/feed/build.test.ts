import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HrdArticle } from '../../corpora/readers/hrdsattack.js';
import type { Feed, FeedItem } from './build.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { goldOnlyFeed, inventedFeed } from './build.js';

const hrd = (index: number): FeedItem => ({ key: `hrdsattack:${index}`, source: 'hrdsattack', text: `report ${index}`, hrd: { index, article: {} as HrdArticle }, goldIndex: index });
const news = (name: string): FeedItem => ({ key: `gum:${name}`, source: 'gum', text: name });

test('--gold-only keeps the HRDsAttack reports that have case gold, in feed order, and no unrelated news', () => {
  const feed: Feed = { items: [hrd(0), news('a'), hrd(1), news('b'), hrd(2), hrd(3)], sources: ['hrdsattack train: 4'] };
  const kept = goldOnlyFeed(feed, new Set([3, 0, 2]));
  assert.deepEqual(
    kept.items.map((i) => i.key),
    ['hrdsattack:0', 'hrdsattack:2', 'hrdsattack:3'],
  );
  assert.match(kept.sources.at(-1)!, /3 reports with case gold/);
});

test('--gold-only with gold for no report of the feed gives an empty feed', () => {
  const feed: Feed = { items: [hrd(0), news('a')], sources: [] };
  assert.equal(goldOnlyFeed(feed, new Set([7])).items.length, 0);
});

test('the invented feed reads the reports of a folder in file order, dated by their gold; a gold with no case is unrelated news', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-invented-'));
  try {
    writeFileSync(path.join(dir, '012.txt'), 'Police in Tolland arrested the reporter Ama Serwah on Monday.\n');
    writeFileSync(path.join(dir, '003.txt'), 'Tolland Rovers beat Karsland United 2-1.\n');
    writeFileSync(path.join(dir, 'notes.md'), 'not a report');
    const gold = new Map([
      [12, { published: '2024-03-06', cases: [{ name: 'Ama Serwah|Serwah' }] }],
      [3, { published: null, cases: [] }],
    ]);
    const feed = inventedFeed(dir, gold);
    assert.deepEqual(feed.items.map((i) => [i.key, i.goldIndex, i.published, i.victims]), [
      ['invented:003.txt', 3, undefined, undefined],
      ['invented:012.txt', 12, '2024-03-06', [{ name: 'Ama Serwah', atRisk: true }]],
    ]);
    assert.match(feed.sources[0]!, /2 \(1 with no case/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an absent invented folder gives an empty feed that says so', () => {
  const feed = inventedFeed(path.join(tmpdir(), 'vigil-no-such-folder'), new Map());
  assert.equal(feed.items.length, 0);
  assert.match(feed.sources[0]!, /ABSENT/);
});
