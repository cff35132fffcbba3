import type { Statement } from '../statements.js';
import type { Excerpt } from './excerpts.js';
import { excerptsAround } from './excerpts.js';
import type { NameMode } from './redact.js';
import { Masker, SPEAKER_LABELS, formsToMask, initialsOf, speakerAtRisk } from './redact.js';

/**
 * A case, or chosen parts of it, as a partner organisation receives it: a self-contained JSON
 * document, redacted as the sender chose, signed with the sender's key (`signing.ts`). Facts
 * cite report passages by their offsets in the original report, so provenance survives the trip.
 */
export const BUNDLE_FORMAT = 'vigil-bundle/1';

/** Where a report imported from a bundle came from: kept on the report, and passed on if it is shared again. */
export interface ReportOrigin {
  partner: string;
  fingerprint: string;
  bundle: string;
  issuedAt: string;
  /** The report's reference inside that bundle, and its address as the partner gave it. */
  report: string;
  url: string | null;
  published: string | null;
  /** Where the report came from before that partner, when they had it from a bundle too. */
  via: ReportOrigin | null;
}

export interface BundleReport {
  ref: string;
  title: string | null;
  url: string | null;
  urlWithheld: boolean;
  published: string | null;
  excerpts: Excerpt[];
  via: ReportOrigin | null;
}

export interface BundleSource {
  report: string;
  start: number;
  end: number;
  trigger: string;
  modality: string;
  date: string | null;
  speaker: string | null;
  sourceKind: string | null;
  hand: string | null;
  confidence: number;
  /** The report says the person's whereabouts are not known: the status needs it, the words stay in the passage. */
  whereaboutsUnknown?: boolean;
}

export interface BundleEvent {
  type: string;
  modality: string;
  date: string | null;
  precision: string | null;
  place: string | null;
  country: string | null;
  destinationCountry: string | null;
  agent: string | null;
  sources: BundleSource[];
}

export interface BundleStatement {
  speaker: string;
  sourceKind: string;
  hand: string | null;
  saidOn: string | null;
  text: string;
  claims: { type: string; polarity: string }[];
  report: string | null;
  start: number | null;
  end: number | null;
}

export interface BundleWhereabouts {
  state: string;
  place: string | null;
  confirmedAt: string;
  confirmedBy: string;
  sourceKind: string;
  proofOfLife: boolean;
  note: string | null;
}

export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  id: string;
  issuedAt: string;
  issuer: { name: string; publicKey: string; fingerprint: string };
  recipient: { name: string; fingerprint: string } | null;
  redaction: { name: NameMode; places: boolean; speakers: boolean; terms: number; masked: number; urlsWithheld: number };
  case: { name: string; restricted: boolean; country: string | null; titles: string[]; aliases: { alias: string; script: string | null; kind: string | null }[]; status: string; statusSince: string | null };
  reports: BundleReport[];
  events: BundleEvent[];
  statements: BundleStatement[];
  whereabouts: BundleWhereabouts[];
  notes: { body: string; at: string }[];
}

/** What the sender's database holds about the case, gathered by the caller. */
export interface CaseSnapshot {
  person: { name: string; codeName: string | null; restricted: boolean; country: string | null; titles: string[]; aliases: { alias: string; script: string | null; kind: string | null }[]; status: string; statusSince: string | null };
  timeline: { id: string; type: string; modality: string; date: string | null; precision: string | null; place: string | null; country: string | null; destinationCountry: string | null; agent: string | null; sources: { reportId: string; start: number; end: number; trigger: string; modality: string; date: string | null; speaker: string | null; sourceKind: string | null; hand: string | null; confidence: number; whereaboutsUnknown?: boolean }[] }[];
  reports: Map<string, { text: string; title: string | null; url: string | null; published: string | null; origin: ReportOrigin | null; /** The places the report names (`placesNamed`): withheld with the events' own when places are. */ places?: string[] }>;
  statements: Statement[];
  whereabouts: BundleWhereabouts[];
  notes: { body: string; at: string }[];
}

export interface BundleChoices {
  name: NameMode;
  /** Places of events and whereabouts left out (countries stay). */
  withholdPlaces: boolean;
  /** Family, lawyers, the person, rights groups and anonymous sources named by their kind only. */
  withholdSpeakers: boolean;
  /** More words to withhold wherever they appear (a village, a lawyer's name). */
  terms: string[];
  /** Timeline events to send (all when null). */
  events: string[] | null;
  parts: { statements: boolean; whereabouts: boolean; notes: boolean };
}

export function buildBundle(snap: CaseSnapshot, choose: BundleChoices, head: Pick<Bundle, 'id' | 'issuedAt' | 'issuer' | 'recipient'>): Bundle {
  const p = snap.person;
  const timeline = choose.events ? snap.timeline.filter((e) => choose.events!.includes(e.id)) : snap.timeline;
  const statements = choose.parts.statements ? snap.statements : [];
  const whereabouts = choose.parts.whereabouts ? snap.whereabouts : [];
  const names = choose.name === 'real' ? [] : [p.name, ...p.aliases.map((a) => a.alias)];
  const atRisk = choose.withholdSpeakers ? [...timeline.flatMap((e) => e.sources.filter((s) => speakerAtRisk(s.sourceKind)).map((s) => s.speaker ?? '')), ...statements.filter((s) => speakerAtRisk(s.sourceKind)).map((s) => s.speaker)] : [];
  // every place the sent reports name, not only the events' own: an excerpt or a headline names the
  // town and the police station the arrest was told in, though the event's place was never read
  const named = [...snap.reports.values()].flatMap((r) => r.places ?? []);
  const places = choose.withholdPlaces ? [...timeline.map((e) => e.place), ...whereabouts.map((w) => w.place), ...named].filter((x): x is string => !!x) : [];
  // Pronouns and role words ("his wife") are not names: only capitalised words of a speaker are withheld.
  const speakerNames = atRisk.flatMap((s) => s.match(/\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*/gu) ?? []);
  const mask = new Masker([...new Set([...formsToMask([...names, ...speakerNames]), ...choose.terms.map((t) => t.trim()).filter(Boolean), ...places])].sort((a, b) => b.length - a.length));

  const refs = new Map<string, string>();
  const spans = new Map<string, { start: number; end: number }[]>();
  const cite = (reportId: string | null, start: number | null, end: number | null): string | null => {
    if (!reportId || !snap.reports.has(reportId)) return null;
    if (!refs.has(reportId)) refs.set(reportId, `r${refs.size + 1}`);
    if (start !== null && end !== null) spans.set(reportId, [...(spans.get(reportId) ?? []), { start, end }]);
    return refs.get(reportId)!;
  };
  const speaker = (name: string | null, kind: string | null) => (name && choose.withholdSpeakers && speakerAtRisk(kind) ? SPEAKER_LABELS[kind!]! : mask.text(name));

  const events: BundleEvent[] = timeline.map((e) => ({
    type: e.type,
    modality: e.modality,
    date: e.date,
    precision: e.precision,
    place: choose.withholdPlaces ? null : mask.text(e.place),
    country: e.country,
    destinationCountry: e.destinationCountry,
    agent: mask.text(e.agent),
    sources: e.sources
      .filter((s) => snap.reports.has(s.reportId))
      .map((s) => ({ report: cite(s.reportId, s.start, s.end)!, start: s.start, end: s.end, trigger: mask.text(s.trigger), modality: s.modality, date: s.date, speaker: speaker(s.speaker, s.sourceKind), sourceKind: s.sourceKind, hand: s.hand, confidence: s.confidence, ...(s.whereaboutsUnknown ? { whereaboutsUnknown: true } : {}) })),
  }));
  const bundleStatements: BundleStatement[] = statements.map((s) => ({
    speaker: speaker(s.speaker, s.sourceKind)!,
    sourceKind: s.sourceKind,
    hand: s.hand,
    saidOn: s.saidOn,
    text: mask.text(s.text),
    claims: s.claims.map((c) => ({ type: c.type, polarity: c.polarity })),
    report: cite(s.reportId, s.start, s.end),
    start: s.start,
    end: s.end,
  }));

  let urlsWithheld = 0;
  const reports: BundleReport[] = [...refs].map(([id, ref]) => {
    const r = snap.reports.get(id)!;
    const url = mask.url(r.url);
    if (url.withheld) urlsWithheld++;
    return { ref, title: mask.text(r.title), url: url.url, urlWithheld: url.withheld, published: r.published, excerpts: excerptsAround(r.text, spans.get(id) ?? []).map((x) => ({ start: x.start, text: mask.text(x.text) })), via: r.origin };
  });

  const caseName = choose.name === 'real' ? p.name : choose.name === 'code' && p.codeName ? p.codeName : initialsOf(p.name);
  const out: Omit<Bundle, 'redaction'> = {
    format: BUNDLE_FORMAT,
    ...head,
    case: { name: caseName, restricted: p.restricted, country: p.country, titles: p.titles.map((t) => mask.text(t)), aliases: choose.name === 'real' ? p.aliases : [], status: p.status, statusSince: p.statusSince },
    reports,
    events,
    statements: bundleStatements,
    whereabouts: whereabouts.map((w) => ({ ...w, place: choose.withholdPlaces ? null : mask.text(w.place), confirmedBy: speaker(w.confirmedBy, w.sourceKind)!, note: mask.text(w.note) })),
    notes: choose.parts.notes ? snap.notes.map((n) => ({ body: mask.text(n.body), at: n.at })) : [],
  };
  return { ...out, redaction: { name: choose.name, places: choose.withholdPlaces, speakers: choose.withholdSpeakers, terms: choose.terms.length, masked: mask.masked, urlsWithheld } };
}
