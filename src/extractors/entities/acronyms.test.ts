import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../../core/random.js';
import { Doc } from '../../text/doc.js';
import type { Entity, TextSpan } from '../../text/types.js';
import { acronymWork, mergeAcronyms } from './acronyms.js';
import { absorb, escape, expansionBefore } from './org-aliases.js';

// Invented organisations and people. The reference below is the merge as it was written before
// the index: every definition scanned every entity, every mention and the whole text.
function mergeAcronymsByScan(doc: Doc, entities: Entity[]): Entity[] {
  let out = entities;
  for (const hit of doc.text.matchAll(/\((\p{Lu}[\p{L}&.]{1,9})\)/gu)) {
    const acronym = hit[1]!;
    const span = expansionBefore(doc, hit.index, acronym);
    if (!span) continue;
    const exact = (e: Entity) => e.mentions.some((m) => m.start === span.start && m.end === span.end);
    let host = out.find(exact);
    // a person is not defined by initials in brackets: "Velmora Today (VT)" read as a name was a misreading
    if (host?.type === 'PERSON') host.type = 'ORG';
    if (!host) {
      // the mentions inside the name were misreadings of it
      const inside = (m: TextSpan) => m.start >= span.start && m.end <= span.end;
      out = out.map((e) => ({ ...e, mentions: e.mentions.filter((m) => !inside(m)) })).filter((e) => e.mentions.length > 0);
      host = { id: '', type: 'ORG', name: span.text, mentions: [span] };
      out.push(host);
    }
    const named = out.filter((e) => e !== host && e.name === acronym);
    for (const e of named) absorb(host, e);
    out = out.filter((e) => !named.includes(e));
    const known = new Set(host.mentions.map((m) => m.start));
    for (const use of doc.text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escape(acronym)}(?![\\p{L}\\p{N}])`, 'gu'))) {
      const at = doc.span(use.index, use.index + acronym.length);
      const taken = out.some((e) => e !== host && e.mentions.some((m) => m.start < at.end && at.start < m.end));
      if (!known.has(at.start) && !taken) host.mentions.push(at);
    }
  }
  return out;
}

const PIECES = ['Tarnell Workers Union (TWU)', 'TWU', 'Velmora Today (VT)', 'VT', 'Velmora Today', 'AB Bank (AB)', 'AB', 'the Harbour Guard', 'Mira Olsk', 'Olsk', 'said on Monday.', 'Radio Free Karsland (RFK)', 'RFK', '(TWU)', 'U.N.', 'Union'];

/** A random report from the pieces, and entities on random word-aligned stretches of it. */
function randomCase(random: () => number): { text: string; entities: Entity[] } {
  const parts = Array.from({ length: 5 + Math.floor(random() * 25) }, () => PIECES[Math.floor(random() * PIECES.length)]!);
  const text = parts.join(' ');
  const words = [...text.matchAll(/[^\s()]+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const entities: Entity[] = [];
  for (let k = 0; k < 1 + Math.floor(random() * 8); k++) {
    const e: Entity = { id: '', type: (['ORG', 'PERSON', 'LOC'] as const)[Math.floor(random() * 3)]!, name: '', mentions: [] };
    for (let j = Math.floor(random() * 4); j > 0; j--) {
      const a = Math.floor(random() * words.length);
      const b = Math.min(words.length - 1, a + Math.floor(random() * 3));
      const m: TextSpan = { start: words[a]!.start, end: words[b]!.end, text: text.slice(words[a]!.start, words[b]!.end) };
      if (!entities.some((o) => o.mentions.some((x) => x.start === m.start && x.end === m.end)) && !e.mentions.some((x) => x.start === m.start)) e.mentions.push(m);
    }
    e.name = e.mentions[0]?.text ?? (random() < 0.5 ? 'TWU' : 'Nobody');
    entities.push(e);
  }
  return { text, entities };
}

const copy = (entities: Entity[]): Entity[] => structuredClone(entities);
const shown = (entities: Entity[]): string => JSON.stringify(entities.map((e) => [e.type, e.name, e.mentions.map((m) => [m.start, m.end, m.text]), e.titles ?? []]));

test('the indexed merge gives what the scans gave, on many random reports', () => {
  const random = seededRandom(5);
  for (let round = 0; round < 400; round++) {
    const { text, entities } = randomCase(random);
    const doc = new Doc(text, {});
    assert.equal(shown(mergeAcronyms(doc, copy(entities))), shown(mergeAcronymsByScan(doc, copy(entities))), text);
  }
});

test('a definition the report repeats does not read the uses again: doubling the report doubles the reading', () => {
  const usesRead = (definitions: number): number => {
    let text = '';
    const union: Entity = { id: '', type: 'ORG', name: 'Tarnell Workers Union', mentions: [] };
    const twu: Entity = { id: '', type: 'ORG', name: 'TWU', mentions: [] };
    for (let i = 0; i < definitions; i++) {
      text += 'Members of the ';
      union.mentions.push({ start: text.length, end: text.length + 21, text: 'Tarnell Workers Union' });
      text += 'Tarnell Workers Union (TWU) met. The ';
      twu.mentions.push({ start: text.length, end: text.length + 3, text: 'TWU' });
      text += 'TWU said so. ';
    }
    acronymWork.usesRead = 0;
    const merged = mergeAcronyms(new Doc(text, {}), [union, twu]);
    assert.equal(merged.length, 1);
    assert.equal(merged[0]!.mentions.length, 3 * definitions);
    return acronymWork.usesRead;
  };
  const small = usesRead(300);
  const large = usesRead(600);
  assert.ok(large <= 2.2 * small, `${small} → ${large} uses read when the definitions double`);
});
