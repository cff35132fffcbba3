import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HrdArticle } from '../../corpora/readers/hrdsattack.js';
import type { Feed, FeedItem } from './build.js';
import { goldOnlyFeed } from './build.js';

const hrd = (index: number): FeedItem => ({ key: `hrdsattack:${index}`, source: 'hrdsattack', text: `report ${index}`, hrd: { index, article: {} as HrdArticle } });
const news = (name: string): FeedItem => ({ key: `gum:${name}`, source: 'gum', text: name });

test('--gold-only keeps the HRDsAttack reports that have case gold, in feed order, and no unrelated news', () => {
  const feed: Feed = { items: [hrd(0), news('a'), hrd(1), news('b'), hrd(2), hrd(3)], sources: ['hrdsattack train: 4'] };
  const kept = goldOnlyFeed(feed, new Set([3, 0, 2]));
  assert.deepEqual(
    kept.items.map((i) => i.key),
    ['hrdsattack:0', 'hrdsattack:2', 'hrdsattack:3'],
  );
  assert.match(kept.sources.at(-1)!, /3 HRDsAttack reports with case gold/);
});

test('--gold-only with gold for no report of the feed gives an empty feed', () => {
  const feed: Feed = { items: [hrd(0), news('a')], sources: [] };
  assert.equal(goldOnlyFeed(feed, new Set([7])).items.length, 0);
});
