import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { compareNames, nameTokens } from '../../cases/names.js';
import type { CaseGold } from '../../corpora/readers/case-gold.js';
import { nameForms } from '../../corpora/readers/case-gold.js';
import { deriveStatus } from '../../cases/status.js';
import { parseExtraction } from '../../storage/reports.js';
import type { Entity, ExtractionDocument } from '../../text/types.js';
import { caseEntries, loadTimeline } from '../../storage/timeline.js';
import type { Store } from '../../storage/store.js';
import type { FeedItem } from './build.js';
import { keyOfUrl } from './ingest.js';

/** Two names of one person: close throughout ("Muny"/"Mony"), or one the other's part ("Assange" in "Julian Assange"). */
export function sameName(a: string, b: string): boolean {
  const m = compareNames(a, b);
  if (m.score >= 0.85) return true;
  return m.subset && Math.min(nameTokens(a).length, nameTokens(b).length) >= 1 && [...nameTokens(a), ...nameTokens(b)].some((t) => t.length >= 4);
}

/**
 * Which gold case each of a report's cases is: the closest names pair first, so that "Shahbaz Rind"
 * is Shahbaz Rind's case and not that of "Hammal Rind|Rind", whose short form is a part of both
 * (a first-come match gave the brother the other's status and counted his release as false).
 */
export function goldCaseFor<C extends { name: string }>(cases: readonly C[], persons: readonly string[], namesOf: (id: string) => string[]): Map<string, C> {
  const pairs: { c: C; order: number; id: string; strength: number }[] = [];
  cases.forEach((c, order) => {
    const forms = nameForms(c.name);
    for (const id of persons) {
      let strength = 0;
      for (const n of namesOf(id)) for (const f of forms) if (sameName(n, f)) strength = Math.max(strength, compareNames(n, f).score);
      if (strength > 0) pairs.push({ c, order, id, strength });
    }
  });
  pairs.sort((a, b) => b.strength - a.strength || a.order - b.order);
  const out = new Map<string, C>();
  const taken = new Set<C>();
  for (const p of pairs) {
    if (out.has(p.id) || taken.has(p.c)) continue;
    out.set(p.id, p.c);
    taken.add(p.c);
  }
  return out;
}

export interface PolicyFigures {
  reports: number;
  hrdReports: number;
  unrelatedReports: number;
  cases: number;
  /** Cases opened by an HRDsAttack report for one of that report's named victims. */
  casePrecision: number | null;
  victimRecall: number | null;
  victims: { found: number; of: number };
  casesPer100Unrelated: number;
  triagePer100: number;
  alertsPer100: number;
  openAlertsPerCase: number | null;
  gold: GoldFigures | null;
  /** Cases that are not a victim of the report that opened them, for reading. */
  wrongCases: string[];
  /** Triage items by the policy's reason ("borderline": 12), and how many of them are a gold case of their report. */
  triageReasons: Record<string, { items: number; gold: number }>;
}

export interface GoldFigures {
  reports: number;
  atRiskRecall: number | null;
  atRiskPrecision: number | null;
  /** Status as of the report's publication (CASE-GOLD.md): from what the reports published by then told. */
  statusAccuracy: number | null;
  /** Status at the end of the feed, what the case list shows after every report, against the gold status of the person's latest report. */
  statusAtEndAccuracy: number | null;
  /** Gold statuses `unknown`, which the product never gives: counted in the status figures as wrong. */
  goldUnknown: number;
  eventPrecision: number | null;
  eventRecall: number | null;
  notAtRiskWithCase: number;
  falseReleases: number;
  /** The people the gold lists as not at risk who got a case ("Name (index)"), for reading. */
  notAtRiskNames: string[];
  countryAccuracy: number | null;
  heldAtFound: { found: number; of: number };
  /** Gold status → case status, counted per person at risk who has a case ("detained→released": 2). */
  statusConfusion: Record<string, number>;
  /** The people whose case says released where the gold does not (name and report index), for reading. */
  falseReleaseNames: string[];
  /** The people at risk whose case shows a status other than the gold's ("Name (index): released→convicted"), for reading. */
  wrongStatusNames: string[];
  /** Cases whose gold says where the person is held and whose events never say it: "name (report): gold place ← what the events say". */
  heldAtMissed: string[];
  /** Why the people at risk with no case got none, counted by reason ("no event targets them": 12). */
  missedReasons: Record<string, number>;
  /** The people at risk with no case ("Name (index): reason"), for reading. */
  missedNames: string[];
  /** The people at risk whose case shows another country than the gold's ("Name (index): IRQ→none"), for reading. */
  wrongCountryNames: string[];
}

const ratio = (a: number, b: number): number | null => (b ? a / b : null);

/** The case-gold files of a folder, by report index. */
export function readGoldDir(dir: string): Map<number, CaseGold> {
  const out = new Map<number, CaseGold>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const g = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as CaseGold;
    out.set(g.index, g);
  }
  return out;
}

/** A report about attacks on named people (an HRDsAttack report, an invented report with cases), not unrelated news. */
const isLabelled = (item: FeedItem): boolean => item.hrd !== undefined || (item.victims?.length ?? 0) > 0;

interface Linked {
  personId: string;
  names: string[];
  entity: string;
}

export async function scoreRun(store: Store, items: FeedItem[], gold: Map<number, CaseGold>): Promise<PolicyFigures> {
  const db = store.db;
  const byKey = new Map(items.map((i) => [i.key, i]));
  const reports = await db.selectFrom('reports').select(['id', 'url', 'extraction', 'extraction_z']).execute();
  const itemOf = new Map(reports.map((r) => [r.id, byKey.get(keyOfUrl(r.url) ?? '')]));
  const persons = await db.selectFrom('persons').select(['id', 'name', 'status', 'country', 'case_country']).where('merged_into', 'is', null).execute();
  const personById = new Map(persons.map((p) => [p.id, p]));
  const created = await db.selectFrom('audit').select(['entity_id', 'report_id']).where('action', '=', 'person.created').execute();
  const mentions = await db.selectFrom('person_mentions').select(['report_id', 'entity_id', 'person_id', 'name']).execute();
  const linkedIn = new Map<string, Linked[]>();
  for (const m of mentions) {
    const list = linkedIn.get(m.report_id) ?? [];
    const p = personById.get(m.person_id);
    list.push({ personId: m.person_id, names: [m.name, ...(p ? [p.name] : [])], entity: m.entity_id });
    linkedIn.set(m.report_id, list);
  }

  // Case precision: each case against the named victims of the report that opened it.
  let right = 0;
  const wrongCases: string[] = [];
  for (const c of created) {
    const p = personById.get(c.entity_id);
    if (!p) continue;
    const item = c.report_id ? itemOf.get(c.report_id) : undefined;
    const victims = item?.victims?.map((v) => v.name) ?? [];
    if (victims.some((v) => sameName(v, p.name))) right++;
    else wrongCases.push(`${p.name} (${item?.key ?? 'unknown report'})`);
  }

  // Victim recall: HRDsAttack's named journalists, defenders and unionists, each with a case linked from their report.
  let found = 0;
  let of = 0;
  for (const r of reports) {
    const item = itemOf.get(r.id);
    if (!item?.victims) continue;
    const linked = linkedIn.get(r.id) ?? [];
    const counted: string[] = [];
    for (const v of item.victims) {
      if (!v.atRisk) continue;
      // The annotators sometimes list one victim twice.
      if (counted.some((n) => sameName(n, v.name))) continue;
      counted.push(v.name);
      of++;
      if (linked.some((l) => l.names.some((n) => sameName(n, v.name)))) found++;
    }
  }

  const unrelatedIds = new Set(reports.filter((r) => itemOf.get(r.id) && !isLabelled(itemOf.get(r.id)!)).map((r) => r.id));
  const openedByUnrelated = created.filter((c) => c.report_id && unrelatedIds.has(c.report_id) && personById.has(c.entity_id)).length;
  const triageItems = await db.selectFrom('triage_items').select(['report_id', 'name', 'reasons']).execute();
  const triage = triageItems.length;
  const triageReasons: Record<string, { items: number; gold: number }> = {};
  for (const t of triageItems) {
    const why = triageReason(t.reasons);
    const goldIndex = itemOf.get(t.report_id)?.goldIndex;
    const cases = goldIndex === undefined ? [] : (gold.get(goldIndex)?.cases ?? []);
    const row = (triageReasons[why] ??= { items: 0, gold: 0 });
    row.items++;
    if (cases.some((c) => nameForms(c.name).some((f) => sameName(t.name, f)))) row.gold++;
  }
  const alerts = await db.selectFrom('alerts').select(['acknowledged_at']).execute();
  const hrdReports = reports.length - unrelatedIds.size;
  return {
    reports: reports.length,
    hrdReports,
    unrelatedReports: unrelatedIds.size,
    cases: persons.length,
    casePrecision: ratio(right, right + wrongCases.length),
    victimRecall: ratio(found, of),
    victims: { found, of },
    casesPer100Unrelated: unrelatedIds.size ? (100 * openedByUnrelated) / unrelatedIds.size : 0,
    triagePer100: reports.length ? (100 * triage) / reports.length : 0,
    alertsPer100: reports.length ? (100 * alerts.length) / reports.length : 0,
    openAlertsPerCase: ratio(alerts.filter((a) => !a.acknowledged_at).length, persons.length),
    gold: await scoreGold(store, reports, itemOf, linkedIn, personById, gold),
    wrongCases,
    triageReasons,
  };
}

/** A triage item's reason without its figures: "borderline (at-risk 0.80, …)" → "borderline". */
function triageReason(stored: string): string {
  let reasons: unknown;
  try {
    reasons = JSON.parse(stored);
  } catch {
    reasons = [stored];
  }
  const last = Array.isArray(reasons) ? String(reasons[reasons.length - 1] ?? '') : String(reasons);
  return last.replace(/\s*\(.*$/s, '').replace(/^(.{60}).*$/s, '$1…') || 'no reason stored';
}

type Person = { id: string; name: string; status: string; country: string | null; case_country: string | null };

/** The country a case shows (as the case list and page do): where its events happen, else the person's nationality. */
export function shownCountry(p: { country: string | null; case_country: string | null }): string | null {
  return p.case_country ?? p.country;
}

async function scoreGold(store: Store, reports: { id: string; extraction: string | null; extraction_z: Buffer | null }[], itemOf: Map<string, FeedItem | undefined>, linkedIn: Map<string, Linked[]>, personById: Map<string, Person>, gold: Map<number, CaseGold>): Promise<GoldFigures | null> {
  const t = { reports: 0, goldCases: 0, found: 0, sysCases: 0, sysRight: 0, statusRight: 0, statusAtEndRight: 0, goldUnknown: 0, goldEvents: 0, sysEvents: 0, eventsRight: 0, notAtRisk: 0, falseReleases: 0, countryOf: 0, countryRight: 0, heldOf: 0, heldFound: 0 };
  const confusion: Record<string, number> = {};
  const falseReleaseNames: string[] = [];
  const notAtRiskNames: string[] = [];
  const wrongStatusNames: string[] = [];
  const heldAtMissed: string[] = [];
  const missedReasons: Record<string, number> = {};
  const missedNames: string[] = [];
  const wrongCountryNames: string[] = [];
  // per case, the gold status of its latest report: what the case should show once the feed is read
  const latestGold = new Map<string, { published: string; status: string }>();
  const atEnd: string[] = [];
  const triaged = new Set((await store.db.selectFrom('triage_items').select(['report_id', 'entity_id']).execute()).map((t) => `${t.report_id} ${t.entity_id}`));
  for (const r of reports) {
    const index = itemOf.get(r.id)?.goldIndex;
    const g = index === undefined ? undefined : gold.get(index);
    if (!g) continue;
    t.reports++;
    const doc = parseExtraction(r);
    const linked = linkedIn.get(r.id) ?? [];
    const sysPersons = [...new Set(linked.map((l) => l.personId))].filter((id) => personById.has(id));
    const namesOf = (id: string) => linked.filter((l) => l.personId === id).flatMap((l) => l.names);
    const sources = await store.db
      .selectFrom('event_sources')
      .innerJoin('case_events', 'case_events.id', 'event_sources.case_event_id')
      .select(['case_events.person_id', 'event_sources.type', 'event_sources.modality'])
      .where('event_sources.report_id', '=', r.id)
      .execute();
    const matched = new Set<string>();
    const caseOf = goldCaseFor(g.cases, sysPersons, namesOf);
    for (const c of g.cases) {
      t.goldCases++;
      t.goldEvents += c.events.length;
      const forms = nameForms(c.name);
      const pid = sysPersons.find((id) => caseOf.get(id) === c);
      if (!pid) {
        const why = missedReason(doc, forms, (entity) => triaged.has(`${r.id} ${entity}`));
        missedReasons[why] = (missedReasons[why] ?? 0) + 1;
        missedNames.push(`${c.name.split('|')[0]} (${g.index}): ${why}`);
        continue;
      }
      matched.add(pid);
      t.found++;
      const p = personById.get(pid)!;
      const status = await statusAsOf(store, pid, r.id, p.status);
      // the case's status after the whole feed is right if it is what the person's latest report says (below)
      const seen = latestGold.get(pid);
      if (!seen || (g.published ?? '') >= seen.published) latestGold.set(pid, { published: g.published ?? '', status: c.status });
      atEnd.push(pid);
      if (c.status === 'unknown') t.goldUnknown++;
      if (status === c.status) t.statusRight++;
      else wrongStatusNames.push(`${p.name} (${g.index}): ${c.status}→${status}`);
      const cell = `${c.status}→${status}`;
      confusion[cell] = (confusion[cell] ?? 0) + 1;
      if (c.country) {
        t.countryOf++;
        if (shownCountry(p) === c.country) t.countryRight++;
        else wrongCountryNames.push(`${p.name} (${g.index}): ${c.country}→${shownCountry(p) ?? 'none'}`);
      }
      const sys = sources.filter((s) => s.person_id === pid).map((s) => `${s.type}/${s.modality}`);
      t.sysEvents += sys.length;
      const pool = [...sys];
      for (const e of c.events) {
        const k = pool.indexOf(`${e.type}/${e.modality}`);
        if (k < 0) continue;
        t.eventsRight++;
        pool.splice(k, 1);
      }
      if (c.held_at) {
        t.heldOf++;
        const entities = new Set(linked.filter((l) => l.personId === pid).map((l) => l.entity));
        const want = new Set(nameTokens(c.held_at).filter((w) => w.length > 3));
        const told = doc?.events.filter((e) => e.target?.entity && entities.has(e.target.entity) && e.heldAt).map((e) => e.heldAt!.text) ?? [];
        if (told.some((h) => nameTokens(h).some((w) => want.has(w)))) t.heldFound++;
        else heldAtMissed.push(`${p.name} (${g.index}): ${c.held_at} ← ${told.join(' / ') || 'nothing'}`);
      }
    }
    for (const id of sysPersons) {
      t.sysCases++;
      if (matched.has(id)) t.sysRight++;
      if (g.not_cases.some((n) => nameForms(n).some((f) => namesOf(id).some((x) => sameName(x, f))))) {
        t.notAtRisk++;
        notAtRiskNames.push(`${personById.get(id)!.name} (${g.index})`);
      }
      const goldCase = caseOf.get(id) ?? g.cases.find((c) => nameForms(c.name).some((f) => namesOf(id).some((x) => sameName(x, f))));
      const goldReleased = goldCase && (goldCase.status === 'released' || goldCase.events.some((e) => e.type === 'RELEASE' && e.modality === 'asserted'));
      const sysReleased = (await statusAsOf(store, id, r.id, personById.get(id)!.status)) === 'released' || sources.some((s) => s.person_id === id && s.type === 'RELEASE' && s.modality === 'asserted');
      if (sysReleased && !goldReleased) {
        t.falseReleases++;
        falseReleaseNames.push(`${personById.get(id)!.name} (${g.index})`);
      }
    }
  }
  for (const pid of atEnd) if (personById.get(pid)!.status === latestGold.get(pid)!.status) t.statusAtEndRight++;
  if (!t.reports) return null;
  return {
    reports: t.reports,
    atRiskRecall: ratio(t.found, t.goldCases),
    atRiskPrecision: ratio(t.sysRight, t.sysCases),
    statusAccuracy: ratio(t.statusRight, t.found),
    statusAtEndAccuracy: ratio(t.statusAtEndRight, t.found),
    goldUnknown: t.goldUnknown,
    eventPrecision: ratio(t.eventsRight, t.sysEvents),
    eventRecall: ratio(t.eventsRight, t.goldEvents),
    notAtRiskWithCase: t.notAtRisk,
    falseReleases: t.falseReleases,
    notAtRiskNames,
    countryAccuracy: ratio(t.countryRight, t.countryOf),
    heldAtFound: { found: t.heldFound, of: t.heldOf },
    statusConfusion: confusion,
    falseReleaseNames,
    wrongStatusNames,
    heldAtMissed,
    missedReasons,
    missedNames,
    wrongCountryNames,
  };
}

/**
 * Why a person at risk of the gold got no case from their report, read off the report's extraction:
 * the recogniser missed the name, read it as something else, no event befell them, they wait in
 * triage, or the risk reading kept them below the case threshold (their own at-risk score, or the
 * report's relevance lowering a high one: the two call for different mends).
 */
function missedReason(doc: ExtractionDocument | null, forms: string[], inTriage: (entity: string) => boolean): string {
  if (!doc) return 'no extraction';
  const named = (e: Entity) => e.mentions.some((m) => (m.kind ?? 'name') === 'name' && forms.some((f) => sameName(m.text, f))) || forms.some((f) => sameName(e.name, f));
  const persons = doc.entities.filter((e) => e.type === 'PERSON' && named(e));
  if (!persons.length) {
    const other = doc.entities.find(named);
    return other ? `read as ${other.type}` : 'name not recognised';
  }
  const ids = new Set(persons.map((e) => e.id));
  const events = doc.events.filter((e) => e.target?.entity && ids.has(e.target.entity));
  if (!events.length) return 'no event targets them';
  if (persons.some((e) => inTriage(e.id))) return 'targeted, in triage';
  if (events.every((e) => e.modality === 'negated')) return 'targeted, every event negated';
  const risk = doc.risk?.persons.filter((p) => ids.has(p.entity)) ?? [];
  const score = Math.max(0, ...risk.map((p) => p.score));
  const relevance = doc.risk?.relevance.score;
  const lowered = relevance !== undefined && relevance < 0.5 ? ', report relevance < 0.5' : '';
  return `targeted, at-risk score ${score < 0.5 ? '< 0.5' : score < 0.7 ? '0.5–0.7' : '≥ 0.7'}${lowered}`;
}

/**
 * The status a case had when report `reportId` was published: derived again from the tellings of
 * the reports published by then (that one included), as CASE-GOLD.md's status is "as of
 * publication"; the case's own status when no later report told it anything.
 */
export async function statusAsOf(store: Store, personId: string, reportId: string, current: string): Promise<string> {
  const timeline = await loadTimeline(store.db, personId);
  const ids = [...new Set(timeline.flatMap((e) => e.sources.map((s) => s.report_id)))];
  if (!ids.length) return current;
  const times = new Map((await store.db.selectFrom('reports').select(['id', 'published', 'created_at']).where('id', 'in', [...ids, reportId]).execute()).map((x) => [x.id, x]));
  const at = (id: string): string => (times.get(id)?.published ?? times.get(id)?.created_at ?? '').slice(0, 10);
  const cut = at(reportId);
  if (ids.every((id) => at(id) <= cut)) return current;
  const told = timeline.map((e) => ({ ...e, sources: e.sources.filter((x) => at(x.report_id) <= cut) })).filter((e) => e.sources.length > 0);
  return deriveStatus(caseEntries(told, times)).status;
}
