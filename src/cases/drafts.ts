import { countryByCode } from '../extractors/places/index.js';
import type { Statement } from './statements.js';
import type { WhereaboutsSummary } from './whereabouts.js';

/** A source a draft cites: the report and the exact characters the fact was read from. */
export interface Citation {
  n: number;
  reportId: string | null;
  title: string | null;
  url: string | null;
  published: string | null;
  start: number | null;
  end: number | null;
  excerpt: string;
  /** Who said it and what kind of source they are, when known. */
  speaker: string | null;
  sourceKind: string | null;
}

export interface Paragraph {
  text: string;
  /** Citation numbers; a paragraph stating a fact always has at least one. */
  cites: number[];
  fact: boolean;
}

export interface Draft {
  kind: 'appeal' | 'brief';
  title: string;
  sections: { heading: string; paragraphs: Paragraph[] }[];
  citations: Citation[];
}

/** What a draft is built from (the case page's data, structurally). */
export interface DraftInput {
  name: string;
  /** ISO alpha-3 of the country the case is about (`cases/country.ts`). */
  country: string | null;
  titles: string[];
  aliases: string[];
  status: { status: string; reason: string; since: string | null };
  timeline: { type: string; modality: string; date: string | null; place: string | null; agent: string | null; sources: { reportId: string; title: string | null; url: string | null; published: string | null; start: number; end: number; excerpt: string; speaker: string | null; sourceKind?: string | null; trigger: string }[] }[];
  whereabouts: WhereaboutsSummary;
  statements: Statement[];
  outreach: { at: string; contact: string; contact_kind: string; summary: string; answer: string | null }[];
}

const VERB: Record<string, string> = {
  ARREST: 'was arrested', DEPORTATION: 'was deported', EXTRADITION_REQUEST: 'was the subject of an extradition request', EXTRADITION: 'was extradited',
  ACCUSATION: 'was accused', CHARGE: 'was charged', TRIAL: 'was brought to trial', CONVICTION: 'was convicted', RELEASE: 'was released',
  DISAPPEARANCE: 'disappeared', ABDUCTION: 'was abducted', THREAT: 'was threatened', ASSAULT: 'was assaulted', TORTURE: 'was tortured',
  KILLING: 'was killed', ASYLUM_REQUEST: 'requested asylum', RESTRICTION: 'was placed under restrictions',
};
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(VERB, null);
const NEGATED: Record<string, string> = { CHARGE: 'had not been charged', ARREST: 'was said not to have been arrested', RELEASE: 'had not been released' };
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(NEGATED, null);

/**
 * What was asked for, sought or threatened, never what happened: "calls were made for X's release"
 * (a demand), "a prison term was sought against X" (prosecutors), "X faced a possible arrest".
 */
const ASKED: Record<string, (name: string) => string> = {
  RELEASE: (n) => `${n}'s release was called for, sought or offered on conditions (the sources do not report it as done)`,
  CONVICTION: (n) => `${n} faced a possible conviction or sentence (sought, threatened or conditional; not reported as handed down)`,
  CHARGE: (n) => `${n} faced possible charges (sought, threatened or considered; not reported as brought)`,
  ARREST: (n) => `${n} faced a possible arrest (sought or threatened; not reported as carried out)`,
  DEPORTATION: (n) => `${n} faced possible deportation (sought or threatened; not reported as carried out)`,
  EXTRADITION: (n) => `${n}'s extradition was sought (not reported as carried out)`,
  ASYLUM_REQUEST: (n) => `${n} considered or was urged to seek asylum (not reported as done)`,
};
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(ASKED, null);

function sentenceFor(name: string, e: DraftInput['timeline'][number]): string {
  const when = e.date ? `On ${e.date}, ` : 'On a date the sources do not give, ';
  // a call, a request or a conditional is told as one: an appeal that said "was released" of a call for release would misinform its reader
  if (e.modality === 'hypothetical') {
    const asked = ASKED[e.type]?.(name) ?? `${name} faced the threat or risk of ${e.type.toLowerCase().replace(/_/g, ' ')} (not reported as done)`;
    return `${when}${asked}${e.place ? ` in ${e.place}` : ''}.`;
  }
  const verb = e.modality === 'negated' ? (NEGATED[e.type] ?? `was reported as not subject to ${e.type.toLowerCase()}`) : e.modality === 'future' ? `was expected to face ${e.type.toLowerCase().replace(/_/g, ' ')}` : (VERB[e.type] ?? e.type.toLowerCase());
  return `${when}${name} ${verb}${e.place ? ` in ${e.place}` : ''}${e.agent ? ` by ${e.agent}` : ''}${e.modality === 'reported' ? ', according to the source' : ''}.`;
}

/**
 * An urgent appeal laid out as the UN special procedures ask a communication to be (who the
 * person is; what happened, when, where and by whom; where they are now; what officials and
 * the family have said; what has been done; the concerns; the action requested), or a short
 * press brief. Every fact carries the numbers of the sources it was read from.
 */
export function buildDraft(kind: Draft['kind'], c: DraftInput, today: string): Draft {
  const citations: Citation[] = [];
  const cite = (x: Omit<Citation, 'n'>): number => {
    const found = citations.find((k) => k.reportId === x.reportId && k.start === x.start && k.end === x.end && k.excerpt === x.excerpt);
    if (found) return found.n;
    citations.push({ ...x, n: citations.length + 1 });
    return citations.length;
  };
  const facts: Paragraph[] = c.timeline.map((e) => ({
    text: sentenceFor(c.name, e),
    cites: e.sources.map((s) => cite({ reportId: s.reportId, title: s.title, url: s.url, published: s.published, start: s.start, end: s.end, excerpt: s.excerpt.trim(), speaker: s.speaker, sourceKind: s.sourceKind ?? null })),
    fact: true,
  }));
  const w = c.whereabouts;
  const whereText = w.confirmedAt
    ? `${c.name}'s whereabouts are ${w.state}${w.place ? ` (${w.place})` : ''}, last confirmed on ${w.confirmedAt.slice(0, 10)} by ${w.confirmedBy}${w.unconfirmedDays !== null ? `, ${w.unconfirmedDays} days ago` : ''}.`
    : !w.held
      ? // free, in exile or never held: "whereabouts unknown" would tell the reader they are missing
        `No report says ${c.name} is held: the case status is ${c.status.status.replace(/_/g, ' ')}.`
      : `No confirmation of ${c.name}'s whereabouts is on file; they are ${w.state}${w.place ? ` (thought to be ${w.place})` : ''}.`;
  const whereCites = w.confirmedAt ? [cite({ reportId: null, title: `Confirmation recorded by the caseworker (${w.sourceKind ?? 'source'})`, url: null, published: w.confirmedAt.slice(0, 10), start: null, end: null, excerpt: `${w.state}${w.place ? `: ${w.place}` : ''}`, speaker: w.confirmedBy, sourceKind: w.sourceKind })] : [];
  const said: Paragraph[] = c.statements.map((s) => ({
    text: `${s.speaker}${s.saidOn ? ` (${s.saidOn})` : ''}: “${s.text.replace(/^["“”\s]+|["“”\s]+$/g, '')}”`,
    cites: [cite({ reportId: s.reportId, title: s.origin === 'manual' ? 'Statement logged by the caseworker' : null, url: null, published: s.saidOn, start: s.start, end: s.end, excerpt: s.text, speaker: s.speaker, sourceKind: String(s.sourceKind) })],
    fact: true,
  }));
  const countryName = c.country ? (countryByCode(c.country)?.name ?? c.country) : null;
  // The appeal goes to the government of the country where the events happen; without one, say so rather than "the Government".
  const government = countryName ? `the Government of ${countryName}` : 'the Government concerned (the country is not on file: set it before sending)';
  const who = `${c.name}${c.titles.length ? `, ${c.titles.join(', ')}` : ''}${countryName ? `; the events took place in ${countryName}` : ''}${c.aliases.length > 1 ? ` (also written ${c.aliases.filter((a) => a !== c.name).slice(0, 4).join(', ')})` : ''}.`;
  const p = (text: string): Paragraph => ({ text, cites: [], fact: false });
  if (kind === 'brief') {
    return {
      kind,
      title: `${c.name}: ${c.status.status.replace(/_/g, ' ')} — press brief, ${today}`,
      sections: [
        { heading: 'What happened', paragraphs: facts.slice(-4) },
        { heading: 'Where they are', paragraphs: [{ text: whereText, cites: whereCites, fact: whereCites.length > 0 }] },
        { heading: 'What was said', paragraphs: said.slice(-3) },
        { heading: 'Our call', paragraphs: [p(`We call on the authorities to disclose ${c.name}'s whereabouts, to allow access to a lawyer and family, and to release ${c.name} unless promptly charged with a recognisable offence before an independent court.`)] },
      ].filter((s) => s.paragraphs.length),
      citations,
    };
  }
  return {
    kind,
    title: `Urgent appeal: ${c.name} — ${today}`,
    sections: [
      { heading: '1. Identity of the person concerned', paragraphs: [p(who)] },
      { heading: '2. The facts: date, place and authorities involved', paragraphs: facts.length ? facts : [p('No events are on file yet.')] },
      { heading: '3. Current whereabouts and situation', paragraphs: [{ text: whereText, cites: whereCites, fact: whereCites.length > 0 }, p(`Current status: ${c.status.status.replace(/_/g, ' ')}${c.status.since ? ` since ${c.status.since}` : ''} (${c.status.reason}).`)] },
      { heading: '4. Statements by officials, family and others', paragraphs: said.length ? said : [p('No statements are on file.')] },
      { heading: '5. Steps taken', paragraphs: c.outreach.length ? c.outreach.map((o) => p(`${o.at.slice(0, 10)}: contacted ${o.contact} (${o.contact_kind}) — ${o.summary}${o.answer ? `; answer: ${o.answer}` : ''}.`)) : [p('No outreach is logged yet.')] },
      { heading: '6. Concerns', paragraphs: [p(w.held ? `We are concerned that ${c.name} is held without charge or judicial oversight, at risk of ill-treatment and of enforced disappearance while the whereabouts are not officially confirmed, and that the detention may be a reprisal for peaceful activity.` : `We are concerned that what befell ${c.name} may be a reprisal for peaceful activity, and for ${c.name}'s safety and freedom to continue it.`)] },
      { heading: '7. Action requested', paragraphs: [p(`We respectfully ask the Special Procedures to seek urgent clarification from ${government} of the legal basis for the detention, of ${c.name}'s whereabouts and well-being; to request immediate access to a lawyer of choice and to family; and to call for release unless ${c.name} is promptly charged with a recognisable offence and tried fairly.`)] },
    ],
    citations,
  };
}
