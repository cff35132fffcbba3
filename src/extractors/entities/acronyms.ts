import type { Doc } from '../../text/doc.js';
import type { Entity, TextSpan } from '../../text/types.js';
import { absorb, escape, expansionBefore } from './org-aliases.js';

/**
 * Who holds each mention while acronyms are merged, and which mentions cover a stretch of text,
 * without reading every entity: the mentions the merge starts with sorted by start (with the
 * furthest end so far, so a search stops where nothing earlier can reach), and the few it adds
 * (acronyms and their expansions, short) by their start.
 */
class MentionOwners {
  private readonly owner = new Map<TextSpan, Entity>();
  private readonly fixed: TextSpan[];
  private readonly fixedStarts: Float64Array;
  private readonly reach: Float64Array;
  private readonly added = new Map<number, TextSpan[]>();
  private longestAdded = 0;

  constructor(entities: readonly Entity[]) {
    for (const e of entities) for (const m of e.mentions) this.owner.set(m, e);
    this.fixed = [...this.owner.keys()].sort((a, b) => a.start - b.start);
    this.fixedStarts = Float64Array.from(this.fixed, (m) => m.start);
    this.reach = new Float64Array(this.fixed.length);
    let furthest = -Infinity;
    this.fixed.forEach((m, k) => (this.reach[k] = furthest = Math.max(furthest, m.end)));
  }

  ownerOf(m: TextSpan): Entity | undefined {
    return this.owner.get(m);
  }

  /** `e` now holds `m` (indexed when it is new: a mention dropped is never given again). */
  give(m: TextSpan, e: Entity): void {
    if (!this.owner.has(m)) {
      const here = this.added.get(m.start);
      if (here) here.push(m);
      else this.added.set(m.start, [m]);
      this.longestAdded = Math.max(this.longestAdded, m.end - m.start);
    }
    this.owner.set(m, e);
  }

  drop(m: TextSpan): void {
    this.owner.delete(m);
  }

  /** Every held mention that starts in [from, to] (both included). */
  *startingIn(from: number, to: number): Generator<TextSpan> {
    for (let k = this.countStartingBefore(from); k < this.fixed.length && this.fixedStarts[k]! <= to; k++) if (this.owner.has(this.fixed[k]!)) yield this.fixed[k]!;
    for (let at = from; at <= to; at++) for (const m of this.added.get(at) ?? []) if (this.owner.has(m)) yield m;
  }

  /** Whether a held mention overlaps [start, end) and `counts` it. */
  anyOverlapping(start: number, end: number, counts: (m: TextSpan) => boolean): boolean {
    for (let k = this.countStartingBefore(end) - 1; k >= 0 && this.reach[k]! > start; k--) {
      const m = this.fixed[k]!;
      if (m.end > start && this.owner.has(m) && counts(m)) return true;
    }
    for (let at = start - this.longestAdded; at < end; at++) {
      for (const m of this.added.get(at) ?? []) if (m.end > start && m.start < end && this.owner.has(m) && counts(m)) return true;
    }
    return false;
  }

  private countStartingBefore(offset: number): number {
    let lo = 0;
    let hi = this.fixedStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.fixedStarts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Acronym uses read by `mergeAcronyms`, for the test that counts them. */
export const acronymWork = { usesRead: 0 };

/**
 * "Name (ACR)": the acronym joins the named entity, and so does every later "ACR". A name the
 * recogniser cut short or missed ("Velmora | Today (VT)" read as the place Velmora) becomes the
 * organisation it abbreviates.
 *
 * Each definition is handled in text order as before, but looks mentions up in an index rather
 * than scanning every entity, and the uses of an acronym are found once per acronym. A definition
 * repeated for the same organisation, with nothing merged or dropped since the last one, would
 * find every use already joined or held by someone else, so its uses are not read again: a
 * report that wrote "Tarnell Workers Union (TWU)" thousands of times cost thousands of scans
 * of the whole text and of every mention in it (cubic; 4.5 s in 128 KB).
 */
export function mergeAcronyms(doc: Doc, entities: Entity[]): Entity[] {
  const all = [...entities];
  const order = new Map(all.map((e, k) => [e, k]));
  const alive = new Set(all);
  const owners = new MentionOwners(all);
  const byName = new Map<string, Entity[]>();
  const named = (e: Entity) => (byName.get(e.name) ?? byName.set(e.name, []).get(e.name)!).push(e);
  all.forEach(named);
  // entities with no mention left go when a definition's name is found anew (as they did when
  // every entity was rebuilt then)
  const empty = new Set(all.filter((e) => e.mentions.length === 0));
  const uses = new Map<string, number[]>();
  // merges and drops so far; a definition's uses are read again only after one
  let changes = 0;
  const lastRead = new Map<string, { host: Entity; changes: number }>();
  for (const hit of doc.text.matchAll(/\((\p{Lu}[\p{L}&.]{1,9})\)/gu)) {
    const acronym = hit[1]!;
    const span = expansionBefore(doc, hit.index, acronym);
    if (!span) continue;
    let host: Entity | undefined;
    for (const m of owners.startingIn(span.start, span.start)) {
      const e = owners.ownerOf(m)!;
      if (m.end === span.end && (!host || order.get(e)! < order.get(host)!)) host = e;
    }
    // a person is not defined by initials in brackets: "Velmora Today (VT)" read as a name was a misreading
    if (host?.type === 'PERSON') host.type = 'ORG';
    if (!host) {
      // the mentions inside the name were misreadings of it
      const inside = [...owners.startingIn(span.start, span.end)].filter((m) => m.end <= span.end);
      const losing = new Map<Entity, Set<TextSpan>>();
      for (const m of inside) {
        const e = owners.ownerOf(m)!;
        (losing.get(e) ?? losing.set(e, new Set()).get(e)!).add(m);
        owners.drop(m);
      }
      for (const [e, lost] of losing) {
        e.mentions = e.mentions.filter((m) => !lost.has(m));
        if (e.mentions.length === 0) empty.add(e);
      }
      for (const e of empty) alive.delete(e);
      empty.clear();
      host = { id: '', type: 'ORG', name: span.text, mentions: [span] };
      order.set(host, all.length);
      all.push(host);
      alive.add(host);
      named(host);
      owners.give(span, host);
      changes++;
    }
    for (const e of byName.get(acronym) ?? []) {
      if (e === host || !alive.has(e)) continue;
      absorb(host, e);
      for (const m of e.mentions) owners.give(m, host);
      alive.delete(e);
      changes++;
    }
    const last = lastRead.get(acronym);
    if (last && last.host === host && last.changes === changes) continue;
    lastRead.set(acronym, { host, changes });
    const known = new Set(host.mentions.map((m) => m.start));
    if (!uses.has(acronym)) uses.set(acronym, [...doc.text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escape(acronym)}(?![\\p{L}\\p{N}])`, 'gu'))].map((u) => u.index));
    const joining = host;
    for (const at of uses.get(acronym)!) {
      acronymWork.usesRead++;
      if (known.has(at)) continue;
      const use = doc.span(at, at + acronym.length);
      if (owners.anyOverlapping(use.start, use.end, (m) => owners.ownerOf(m) !== joining)) continue;
      host.mentions.push(use);
      owners.give(use, host);
    }
  }
  return all.filter((e) => alive.has(e));
}
