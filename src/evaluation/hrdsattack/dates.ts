import type { Doc } from '../../text/doc.js';
import type { VigilEvent } from '../../text/types.js';
import { VIOLATION } from './rules.js';
import { bin } from '../../extractors/learn/linear.js';
import type { Candidate } from '../../extractors/learn/linear.js';

/**
 * The dates an HRDsAttack report points to, as candidates for the adapter's date ranker: the
 * violations' dates, the month- or day-precise dates the text states, and the publication date.
 * The annotators dated the attack the report is about, which is often not the first date told:
 * "freed on Monday after three weeks in captivity" is dated by the abduction, three weeks back.
 * One candidate per calendar month, carrying its day when some source gives one.
 */

export interface DateValue {
  year: number;
  month: number;
  day: number | null;
}

const parse = (value: string): DateValue | null => {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: m[3] ? Number(m[3]) : null } : null;
};

const monthsBetween = (a: DateValue, b: DateValue) => (b.year - a.year) * 12 + (b.month - a.month);

/**
 * Every date the report tells, in order, with what tells it: the publication date, the
 * violations' dates (month-precise or better; with `days`, day-precise only) and the dates the
 * text states. Whether a violation is told in the lead is a feature of days only, where it was
 * measured.
 */
function datesTold(doc: Doc, pub: DateValue | null, violations: VigilEvent[], titleEnd: number, days: boolean): { date: DateValue; feats: string[] }[] {
  const out: { date: DateValue; feats: string[] }[] = [];
  if (pub) out.push({ date: pub, feats: ['pub'] });
  const precise = (v: VigilEvent) => (days ? v.date?.precision === 'day' : Boolean(v.date) && v.date!.precision !== 'year');
  const firstDated = violations.find(precise);
  for (const v of violations) {
    const d = precise(v) ? parse(v.date!.value) : null;
    if (!d) continue;
    out.push({ date: d, feats: [`ev=${VIOLATION[v.type]}`, `evanchor=${v.date!.anchor ?? 'none'}`, ...(v === firstDated ? ['evfirst'] : []), ...(v.trigger.start < titleEnd ? ['evtitle'] : []), ...(days && v.sentence < 4 ? ['evlead'] : [])] });
  }
  for (const t of doc.timexes) {
    const d = t.type === 'DATE' ? parse(t.value) : null;
    if (d) out.push({ date: d, feats: ['timex', `timexanchor=${t.anchor ?? 'none'}`, ...(t.start < titleEnd ? ['intitle'] : doc.sentenceAt(t.start) <= 3 ? ['inlead'] : [])] });
  }
  return out;
}

export function dateCandidates(doc: Doc, published: string | null, violations: VigilEvent[], titleEnd: number): Candidate<DateValue>[] {
  const pub = published ? parse(published) : null;
  const stats = new Map<string, { date: DateValue; days: Map<number, number>; feats: Set<string>; n: number }>();
  const add = (d: DateValue, f: string[]) => {
    const k = `${d.year}-${d.month}`;
    const s = stats.get(k) ?? { date: { year: d.year, month: d.month, day: null }, days: new Map(), feats: new Set(), n: 0 };
    if (d.day) s.days.set(d.day, (s.days.get(d.day) ?? 0) + 1);
    for (const x of f) s.feats.add(x);
    s.n++;
    stats.set(k, s);
  };
  for (const { date, feats } of datesTold(doc, pub, violations, titleEnd, false)) add(date, feats);
  const all = [...stats.values()];
  return all.map((s) => {
    const day = [...s.days].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    const ago = pub ? monthsBetween(s.date, pub) : null;
    return {
      value: { ...s.date, day },
      feats: [...s.feats, `n=${bin(s.n, [1, 2, 4, 8])}`, ...(day ? ['hasday'] : []), ...(ago === null ? [] : [`ago=${bin(ago, [-1, 0, 1, 2, 6, 12, 60])}`])],
    };
  });
}

const dayNumber = (d: DateValue): number => Date.UTC(d.year, d.month - 1, d.day ?? 1) / 86_400_000;

/**
 * The days a report dates, one candidate per calendar day, for the day column alone: the paper
 * scores the day of the month by itself, and the day of the attack is often not the commonest day
 * of its month's dates ("arrested on March 2 … appeared in court on March 9 and March 16"). On
 * the training split the annotated day is among these for 93 of 102 reports.
 */
export function dayCandidates(doc: Doc, published: string | null, violations: VigilEvent[], titleEnd: number): Candidate<DateValue>[] {
  const pub = published ? parse(published) : null;
  const stats = new Map<string, { date: DateValue; feats: Set<string>; n: number; first: number }>();
  let order = 0;
  const add = (d: DateValue, f: string[]) => {
    if (!d.day) return;
    const k = `${d.year}-${d.month}-${d.day}`;
    const s = stats.get(k) ?? { date: d, feats: new Set<string>(), n: 0, first: order++ };
    for (const x of f) s.feats.add(x);
    s.n++;
    stats.set(k, s);
  };
  for (const { date, feats } of datesTold(doc, pub, violations, titleEnd, true)) add(date, feats);
  return [...stats.values()].map((s) => {
    const ago = pub ? dayNumber(pub) - dayNumber(s.date) : null;
    return {
      value: s.date,
      feats: [...s.feats, `n=${bin(s.n, [1, 2, 4])}`, `told=${bin(s.first, [0, 1, 2, 4])}`, ...(ago === null ? [] : [`ago=${bin(ago, [-1, 0, 1, 2, 3, 7, 14, 31, 92, 365])}`])],
    };
  });
}
