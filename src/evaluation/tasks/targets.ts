import { readFileSync } from 'node:fs';
import { nameTokens, normalizeName } from '../../cases/names.js';
import { locate } from '../../corpora/locate.js';
import { articleText, readHrdsAttack } from '../../corpora/readers/hrdsattack.js';
import { createDefaultPipeline } from '../../extractors/default.js';
import { Doc } from '../../text/doc.js';
import type { Entity, VigilEvent } from '../../text/types.js';
import { pct } from '../report.js';
import type { EvalTask } from './task.js';

/**
 * Whether the events find the people a report is about. HRDsAttack names the victims of each
 * report; a victim named in the text should be a PERSON entity, and the target of at least one
 * event. Three figures:
 * - victim-as-target recall: named victims found in the text that are the target of ≥ 1 event;
 * - victim-as-person recall: the same victims recognised as a PERSON entity at all;
 * - target precision: events whose target is a person, and that person is a named victim.
 * The annotators name the victims of the report's main attack only, so precision is a floor: a
 * second person arrested in passing is a right target the gold does not name.
 */

/** Name words that say nothing on their own ("Al" of "Al-Sadhan" split apart, "bin"). */
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'abd', 'de', 'da', 'van', 'von', 'der', 'mr', 'mrs', 'ms', 'dr', 'jr']);

/**
 * Whether an entity's name and a victim's name are forms of one name: equal once normalised, or
 * every word of the shorter one is a word of the longer and one of them is not a particle
 * ("Jalingo" and "Agba Jalingo", "Abdulrahman Al-Sadhan" and "Abdulrahman al Sadhan").
 */
export function sameNameForm(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return false;
  if (ta.join(' ') === tb.join(' ')) return true;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  const words = new Set(long);
  return short.every((w) => words.has(w)) && short.some((w) => !PARTICLES.has(w) && w.length > 2);
}

/** Whether the victim's whole name stands in the text, word for word once normalised. */
export function namedInText(name: string, normalizedText: string): boolean {
  const n = normalizeName(name);
  return n.length > 0 && ` ${normalizedText} `.includes(` ${n} `);
}

export interface VictimReading {
  name: string;
  asPerson: boolean;
  asTarget: boolean;
  /** The types of the entities that bear the name, when none is a person: what the recogniser made of it. */
  readAs: string[];
}

export interface TargetsReading {
  victims: VictimReading[];
  /** Events whose target is a person: whether that person is a named victim. */
  personTargets: { event: VigilEvent; person: Entity; victim: boolean }[];
}

/** One report's reading against its named victims. */
export function readTargets(entities: readonly Entity[], events: readonly VigilEvent[], text: string, victimNames: readonly string[]): TargetsReading {
  const normalized = normalizeName(text);
  const named = [...new Set(victimNames.filter((n) => namedInText(n, normalized)))];
  const byId = new Map(entities.map((e) => [e.id, e]));
  const forms = (e: Entity): string[] => [e.name, ...e.mentions.filter((m) => (m.kind ?? 'name') === 'name').map((m) => m.text)];
  const bears = (e: Entity, victim: string): boolean => forms(e).some((f) => sameNameForm(f, victim));
  const targets = events.map((v) => (v.target?.entity ? byId.get(v.target.entity) : undefined)).filter((e): e is Entity => e !== undefined);
  const victims = named.map((name) => {
    const bearing = entities.filter((e) => bears(e, name));
    const persons = bearing.filter((e) => e.type === 'PERSON');
    return {
      name,
      asPerson: persons.length > 0,
      asTarget: targets.some((e) => e.type === 'PERSON' && bears(e, name)),
      readAs: persons.length > 0 ? [] : [...new Set(bearing.map((e) => e.type))],
    };
  });
  const personTargets = events.flatMap((event) => {
    const person = event.target?.entity ? byId.get(event.target.entity) : undefined;
    if (person?.type !== 'PERSON') return [];
    return [{ event, person, victim: named.some((n) => bears(person, n)) }];
  });
  return { victims, personTargets };
}

export const targetsTask: EvalTask = {
  name: 'targets',
  description: 'event targets: HRDsAttack’s named victims found as persons and as event targets, and target precision',
  run(ctx) {
    const loc = locate('hrdsattack', ctx.split, ctx.dataDir);
    if (!loc.path) return { skipped: `HRDsAttack ${ctx.split} not found under ${loc.dir}` };
    const articles = readHrdsAttack(readFileSync(loc.path, 'utf8'));
    const pipeline = createDefaultPipeline();
    let victims = 0;
    let asPerson = 0;
    let asTarget = 0;
    let targets = 0;
    let right = 0;
    let reportsWithVictim = 0;
    articles.forEach((a, i) => {
      if (i % 25 === 0) ctx.progress(`article ${i + 1}/${articles.length}`);
      const text = articleText(a);
      const doc = pipeline.run(new Doc(text, { published: a.published || undefined }));
      const names = a.labels.victims.map((v) => v.name).filter((n): n is string => n !== null);
      const r = readTargets(doc.entities, doc.events, text, names);
      victims += r.victims.length;
      asPerson += r.victims.filter((v) => v.asPerson).length;
      asTarget += r.victims.filter((v) => v.asTarget).length;
      if (r.victims.length > 0) reportsWithVictim++;
      // precision only where the gold names someone in the text: elsewhere it cannot say who is right
      if (r.victims.length === 0) return;
      targets += r.personTargets.length;
      right += r.personTargets.filter((t) => t.victim).length;
    });
    const frac = (n: number, d: number) => pct(d === 0 ? 0 : n / d);
    return {
      result: {
        task: 'targets',
        split: ctx.split,
        corpus: `HRDsAttack (${articles.length} articles, ${victims} named victims in ${reportsWithVictim} of them)`,
        data: loc.path,
        tables: [
          {
            title: 'Named victims as event targets',
            columns: ['%', 'of', 'n'],
            rows: [
              { name: 'victim-as-target recall', values: { '%': frac(asTarget, victims), of: asTarget, n: victims } },
              { name: 'victim-as-person recall', values: { '%': frac(asPerson, victims), of: asPerson, n: victims } },
              { name: 'target precision (person targets that are a named victim)', values: { '%': frac(right, targets), of: right, n: targets } },
            ],
          },
        ],
        notes: [
          'a victim counts when their whole name stands in the report; an entity bears it when one of its names is the same name or a part of it that is not a particle',
          'precision over the reports that name a victim in their text; the gold names only the main attack’s victims, so it is a floor',
        ],
      },
    };
  },
};
