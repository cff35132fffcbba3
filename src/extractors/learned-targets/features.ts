import { tokenAt } from '../../text/align.js';
import type { Doc } from '../../text/doc.js';
import type { Entity, Mention, Offsets, VigilEvent } from '../../text/types.js';
import { nameMentions } from '../../text/types.js';
import { bin } from '../learn/linear.js';

/**
 * The pairs the target model decides on — an event's trigger (or one of its later mentions) and
 * a named person in the same sentence who is neither its target nor its agent — and the features
 * that describe the pair: the syntactic path between them, the words between, the trigger's
 * voice and lemma, the distance. Named features, so a wrong decision can be read off the weights.
 */
export interface TargetPair {
  event: VigilEvent;
  /** The trigger the pair is read at: the event's own or one of its mentions. */
  trigger: Offsets;
  entity: Entity;
  mention: Mention;
  feats: string[];
}

/** The events whose targets the model adds to: what happens to a person's liberty or safety. */
export const PERSONAL_EVENTS = new Set(['ARREST', 'DEPORTATION', 'CHARGE', 'TRIAL', 'CONVICTION', 'DISAPPEARANCE', 'ABDUCTION', 'THREAT', 'ASSAULT', 'TORTURE', 'KILLING', 'RESTRICTION', 'EXTRADITION', 'RELEASE']);

/** The token of a span whose head lies outside it: where the span hangs in the parse. */
function headToken(doc: Doc, at: Offsets): number {
  const a = tokenAt(doc, at.start);
  if (a < 0) return -1;
  let b = a;
  while (b + 1 < doc.tokens.length && doc.tokens[b + 1]!.start < at.end) b++;
  for (let k = a; k <= b; k++) {
    const h = doc.tokens[k]!.head ?? -1;
    if (h < a || h > b) return k;
  }
  return a;
}

/** Ancestors of a token, itself first, at most `max` steps up. */
function upwards(doc: Doc, k: number, max = 8): number[] {
  const out = [k];
  for (let i = 0; i < max; i++) {
    const h = doc.tokens[out[out.length - 1]!]!.head ?? -1;
    if (h < 0 || out.includes(h)) break;
    out.push(h);
  }
  return out;
}

const relOf = (doc: Doc, k: number): string => (doc.tokens[k]!.deprel ?? 'dep').split(':')[0]!;

/** The dependency path from the person to the trigger: "nsubj↑ conj↓", or none when too far. */
function path(doc: Doc, from: number, to: number): string | undefined {
  const up = upwards(doc, from);
  const down = upwards(doc, to);
  const meet = up.find((k) => down.includes(k));
  if (meet === undefined) return undefined;
  const rise = up.slice(0, up.indexOf(meet)).map((k) => `${relOf(doc, k)}↑`);
  const fall = down
    .slice(0, down.indexOf(meet))
    .reverse()
    .map((k) => `${relOf(doc, k)}↓`);
  const steps = [...rise, ...fall];
  return steps.length <= 5 ? steps.join(' ') : undefined;
}

const lemma = (doc: Doc, k: number): string => (doc.tokens[k]!.lemma ?? doc.tokens[k]!.text).toLowerCase();

function pairFeatures(doc: Doc, v: VigilEvent, trigger: Offsets, m: Mention, others: readonly Mention[]): string[] {
  const t = tokenAt(doc, trigger.start);
  const p = headToken(doc, m);
  if (t < 0 || p < 0) return [];
  const f: string[] = [`type=${v.type}`, `lemma=${lemma(doc, t)}`, `modality=${v.modality}`];
  const before = m.end <= trigger.start;
  f.push(before ? 'side=before' : 'side=after');
  const [lo, hi] = before ? [tokenAt(doc, m.end - 1) + 1, t] : [t + 1, tokenAt(doc, m.start)];
  const gap = Math.max(0, hi - lo);
  f.push(`gap=${bin(gap, [0, 1, 2, 4, 8, 16])}`);
  const passive = doc.tokens.some((x) => x.head === t && /:pass$/.test(x.deprel ?? ''));
  if (passive) f.push('passive');
  const pth = path(doc, p, t);
  f.push(`path=${pth ?? 'far'}`);
  if (pth) f.push(`path-len=${pth.split(' ').length}`, `path-first=${pth.split(' ')[0]}`, `path-last=${pth.split(' ').at(-1)}`);
  f.push(`rel=${relOf(doc, p)}`);
  let verbs = 0;
  let commas = 0;
  let persons = 0;
  for (let k = lo; k < hi; k++) {
    const x = doc.tokens[k]!;
    if (x.upos === 'VERB' || x.upos === 'AUX') verbs++;
    if (x.text === ',') commas++;
    if (['ADP', 'SCONJ', 'CCONJ', 'PRON', 'AUX', 'PART'].includes(x.upos ?? '') || x.text === ';' || x.text === ':') f.push(`between=${x.text.toLowerCase()}`);
    if (x.upos === 'NOUN' && gap <= 8) f.push(`between-noun=${lemma(doc, k)}`);
  }
  for (const o of others) if (o.start >= (doc.tokens[lo]?.start ?? Infinity) && o.end <= (doc.tokens[hi - 1]?.end ?? -1)) persons++;
  f.push(`verbs=${bin(verbs, [0, 1, 2])}`, `commas=${bin(commas, [0, 1, 2, 4])}`, `persons-between=${bin(persons, [0, 1, 2, 4])}`);
  if (v.target) {
    f.push(v.target.entity ? 'has-target=entity' : 'has-target=words');
    const tt = v.target.start !== undefined && v.target.end !== undefined && m.start >= v.target.start && m.end <= v.target.end;
    if (tt) f.push('inside-target-words');
  } else f.push('has-target=none');
  // what comes right before the name: "journalist X", "and X", ", X"
  const prev = doc.tokens[tokenAt(doc, m.start) - 1];
  if (prev) f.push(`prev=${prev.upos === 'NOUN' || prev.upos === 'PUNCT' || prev.upos === 'CCONJ' ? lemma(doc, tokenAt(doc, m.start) - 1) : prev.upos}`);
  const next = doc.tokens[tokenAt(doc, m.end - 1) + 1];
  if (next) f.push(`next=${next.upos === 'PUNCT' || next.upos === 'CCONJ' || next.upos === 'AUX' ? next.text.toLowerCase() : next.upos}`);
  return f.map((x, i) => (i < 3 ? x : `${x}`)).concat(pth ? [`type-path=${v.type}:${pth}`] : [], [`side-passive=${before ? 'b' : 'a'}:${passive}`]);
}

/** Every candidate pair of a report: for each event that befalls people and each of its triggers, the named people of that sentence not yet its target or agent. */
export function targetPairs(doc: Doc): TargetPair[] {
  const out: TargetPair[] = [];
  const persons = doc.entities.filter((e) => e.type === 'PERSON' && nameMentions(e).length > 0);
  const allNames = persons.flatMap((e) => nameMentions(e));
  const targetsOf = new Map<string, Set<string>>();
  for (const v of doc.events) {
    const key = `${v.type}@${v.trigger.start}`;
    if (v.target?.entity) (targetsOf.get(key) ?? targetsOf.set(key, new Set()).get(key)!).add(v.target.entity);
  }
  const seen = new Set<string>();
  for (const v of doc.events) {
    if (!PERSONAL_EVENTS.has(v.type)) continue;
    const taken = targetsOf.get(`${v.type}@${v.trigger.start}`) ?? new Set();
    for (const trigger of [v.trigger, ...(v.mentions ?? [])]) {
      const s = doc.sentenceAt(trigger.start);
      const sentence = doc.sentences[s];
      if (!sentence) continue;
      for (const e of persons) {
        if (taken.has(e.id) || v.agent?.entity === e.id || v.speaker?.entity === e.id) continue;
        const key = `${v.type}@${trigger.start}:${e.id}`;
        if (seen.has(key)) continue;
        const inSentence = (x: Mention) => x.start >= sentence.start && x.end <= sentence.end && (x.end <= trigger.start || x.start >= trigger.end);
        // a naming if the sentence has one, else a pronoun or description coreference tied to them
        const m = nameMentions(e).find(inSentence) ?? e.mentions.find(inSentence);
        if (!m) continue;
        seen.add(key);
        const feats = pairFeatures(doc, v, trigger, m, allNames.filter((x) => x !== m));
        if (feats.length) out.push({ event: v, trigger, entity: e, mention: m, feats });
      }
    }
  }
  return out;
}
