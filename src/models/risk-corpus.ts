import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { filesUnder, gumDocsInSplit, locate, sharedDataDir } from '../corpora/locate.js';
import type { Split } from '../corpora/locate.js';
import { conlluDocuments, readConllu } from '../corpora/readers/conllu.js';
import { nameForms, type CaseGold } from '../corpora/readers/case-gold.js';
import { articleText, readHrdsAttack } from '../corpora/readers/hrdsattack.js';
import { inventedTexts } from '../corpora/readers/invented.js';
import { readTimeml } from '../corpora/readers/timeml.js';
import { hashString } from '../extractors/learn/hash.js';

/**
 * The reports the risk models learn from and are scored on. HRDsAttack tells attacks on people
 * at risk and names their victims with types; the unrelated news (PolNeAR, TimeBank/AQUAINT, GUM
 * news, English pages of the trafilatura benchmark) tells none; the invented hard cases
 * (`data/risk/hard-cases.jsonl`) are the crime, sport, politics and business reports that made
 * wrong cases, and a few attacks on people at risk told the same way.
 */
export interface RiskReport {
  id: string;
  source: 'hrdsattack' | 'polnear' | 'timebank' | 'gum' | 'trafilatura' | 'invented';
  text: string;
  published?: string;
  /**
   * The report tells an attack on someone at risk. HRDsAttack's reports whose victims are all of
   * no known type ("insufficient information": kidnapped schoolgirls, a family held for ransom)
   * count as not, as issue 33 suggests.
   */
  relevant: boolean;
  /** The victims the annotators named, with their types ("journalist"); empty types: not known. */
  victims: { name: string; types: string[] }[];
  /**
   * Our own case gold for this report (`data/case-gold`), when annotated: every named person at
   * risk to whom something happened, with every form of their name. HRDsAttack names a report's
   * main victims only; where this is present it decides who is at risk and everyone else is not.
   */
  gold?: { cases: { forms: string[]; kinds: string[]; events: { type: string; start: number; end: number }[] }[] };
}

/** HRDsAttack's victim types that make a person at risk ("insufficient information" does not say). */
export const KNOWN_TYPES = new Set(['journalist', 'human rights defender', 'trade unionist']);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HARD_CASES = path.join(ROOT, 'data', 'risk', 'hard-cases.jsonl');

export const CASE_GOLD = path.join(ROOT, 'data', 'case-gold', 'hrdsattack');

/** Our case-gold annotations of a split, by the report's position in HRDsAttack's list. */
function caseGold(split: Split): Map<number, NonNullable<RiskReport['gold']>> {
  const dir = path.join(CASE_GOLD, split);
  const out = new Map<number, NonNullable<RiskReport['gold']>>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const g = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as CaseGold;
    out.set(g.index, goldCases(g));
  }
  return out;
}

/** What training reads of a report's case gold: each case's name forms, kinds and events. */
function goldCases(g: CaseGold): NonNullable<RiskReport['gold']> {
  return { cases: g.cases.map((c) => ({ forms: nameForms(c.name), kinds: c.at_risk, events: c.events.map((e) => ({ type: e.type, start: e.start, end: e.end })) })) };
}

function hrdsattack(split: Split, dataDir?: string): RiskReport[] {
  const loc = locate('hrdsattack', split, dataDir);
  if (!loc.path) return [];
  const gold = caseGold(split);
  return readHrdsAttack(readFileSync(loc.path, 'utf8')).map((a, index) => {
    const victims = a.labels.victims.filter((v) => v.name).map((v) => ({ name: v.name!, types: [...new Set(v.type.filter((t) => KNOWN_TYPES.has(t)))] }));
    const ours = gold.get(index);
    const relevant = aboutAttackOnSomeoneAtRisk(a.labels.victims, ours);
    const report: RiskReport = { id: `hrd:${a.id}`, source: 'hrdsattack', text: articleText(a), published: /^\d{4}-\d{2}-\d{2}/.test(a.published) ? a.published.slice(0, 10) : undefined, relevant, victims };
    if (ours) report.gold = ours;
    return report;
  });
}

/**
 * A report is about an attack on someone at risk when a victim, named or not, is of a known type,
 * or when our gold gives it a case: HRDsAttack leaves many victims untyped (abducted aid workers,
 * disappeared scholars), and our own reading of the report decides where we have one. Gold with
 * no case does not make a report unrelated: "three reporters were detained" names no one.
 */
export function aboutAttackOnSomeoneAtRisk(victims: readonly { type: readonly string[] }[], gold: RiskReport['gold'] | undefined): boolean {
  return victims.some((v) => v.type.some((t) => KNOWN_TYPES.has(t))) || (gold?.cases.length ?? 0) > 0;
}

const unrelated = (source: RiskReport['source'], id: string, text: string): RiskReport => ({ id: `${source}:${id}`, source, text, relevant: false, victims: [] });

/** Every `step`-th item: a fixed, spread sample of a long list. */
const every = <T>(xs: readonly T[], limit: number): T[] => {
  const step = Math.max(1, Math.ceil(xs.length / limit));
  return xs.filter((_, i) => i % step === 0);
};

function polnear(split: Split, limit: number, dataDir?: string): RiskReport[] {
  const dir = locate('polnear', split, dataDir).path;
  if (!dir || !existsSync(path.join(dir, 'text'))) return [];
  const files = readdirSync(path.join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort();
  return every(files, limit).map((f) => unrelated('polnear', f, readFileSync(path.join(dir, 'text', f), 'utf8')));
}

/** TimeBank and AQUAINT: TempEval-3's training data, so training only. */
function timebank(split: Split, limit: number, dataDir?: string): RiskReport[] {
  const dir = locate('tempeval3', 'train', dataDir).path;
  if (split !== 'train' || !dir) return [];
  return every(filesUnder(dir, '.tml'), limit).map((f) => {
    const doc = readTimeml(readFileSync(f, 'utf8'), path.basename(f));
    return unrelated('timebank', doc.id, doc.text.trim());
  });
}

function gum(split: Split, dataDir?: string): RiskReport[] {
  const dir = locate('gum-news', split, dataDir).path;
  if (!dir) return [];
  return filesUnder(dir, '.conllu')
    .filter((f) => gumDocsInSplit(f, split))
    .flatMap((f) => conlluDocuments(readConllu(readFileSync(f, 'utf8')), path.basename(f)).map((d) => unrelated('gum', d.id, d.text)));
}

/** A page's readable text, roughly: its title and paragraphs, tags and scripts gone. */
export function pageText(html: string): string {
  const ents: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
  const clean = (s: string) => s.replace(/<[^>]*>/g, ' ').replace(/&(#?\w+);/g, (m, e: string) => ents[e] ?? m).replace(/\s+/g, ' ').trim();
  const body = html.replace(/<(script|style|noscript|nav|footer|header|aside)\b[\s\S]*?<\/\1>/gi, ' ');
  const title = clean(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '');
  const paragraphs = [...body.matchAll(/<(p|h1|h2)\b[^>]*>([\s\S]*?)<\/\1>/gi)].map((m) => clean(m[2]!)).filter((p) => p.length > 20);
  return [title, ...paragraphs].filter(Boolean).join('\n\n');
}

/**
 * The trafilatura benchmark's English pages (its SOURCE's heuristic list) have no split: a page
 * belongs to dev when its file name hashes to 0 mod 4, else to train.
 */
function trafilatura(split: Split, dataDir?: string): RiskReport[] {
  const dir = path.join(dataDir ?? sharedDataDir(), 'trafilatura-eval');
  const list = path.join(dir, 'english_subset_heuristic.tsv');
  if (split === 'test' || !existsSync(list)) return [];
  const files = readFileSync(list, 'utf8').split('\n').slice(1).map((l) => l.split('\t')[0]!).filter(Boolean);
  return files
    .filter((f) => (Math.abs(hashString(f)) % 4 === 0) === (split === 'dev'))
    .flatMap((f) => {
      const p = path.join(dir, 'html', f);
      if (!existsSync(p)) return [];
      const text = pageText(gunzipSync(readFileSync(p)).toString('utf8')).slice(0, 20000);
      return text.length > 200 ? [unrelated('trafilatura', f, text)] : [];
    });
}

/** The invented reports, kept for training only. */
export function hardCases(file = HARD_CASES): RiskReport[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      // `types`: HRDsAttack's victim types for the people at risk, when the invented report says what they are
      const r = JSON.parse(l) as { id: string; text: string; relevant: boolean; atRisk: string[]; types?: string[] };
      return { id: `invented:${r.id}`, source: 'invented' as const, text: r.text, published: '2024-05-01', relevant: r.relevant, victims: r.atRisk.map((name) => ({ name, types: r.types ?? ['invented'] })) };
    });
}

/**
 * Our invented reports of a split (`data/invented/<split>`), each with its case gold
 * (`data/case-gold/invented/<split>`): written blind to the rules, in many outlets' styles, with
 * people at risk of every kind (students, lawyers, clergy, protesters as well as journalists) and
 * hard negatives. Only the train split is learned from; dev is what the feed scores.
 */
export function inventedReports(split: Split, root = ROOT): RiskReport[] {
  const goldDir = path.join(root, 'data', 'case-gold', 'invented', split);
  return inventedTexts(path.join(root, 'data', 'invented', split)).flatMap(({ file, text }) => {
    const goldFile = path.join(goldDir, file.replace(/\.txt$/, '.json'));
    if (!existsSync(goldFile)) return [];
    const g = JSON.parse(readFileSync(goldFile, 'utf8')) as CaseGold;
    const gold = goldCases(g);
    const report: RiskReport = {
      id: `invented:${split}/${file}`,
      source: 'invented',
      text,
      ...(g.published ? { published: g.published } : {}),
      relevant: gold.cases.length > 0,
      victims: gold.cases.map((c) => ({ name: c.forms[0]!, types: ['invented'] })),
      gold,
    };
    return [report];
  });
}

export interface CorpusLimits {
  polnear: number;
  timebank: number;
}

/** The reports of a split: HRDsAttack's, the unrelated news's, and on train the invented ones (hard cases and our invented train reports). */
export function riskReports(split: Split, dataDir?: string, limits: CorpusLimits = { polnear: 300, timebank: 150 }): RiskReport[] {
  const reports = [
    ...hrdsattack(split, dataDir),
    ...polnear(split, limits.polnear, dataDir),
    ...timebank(split, limits.timebank, dataDir),
    ...gum(split, dataDir),
    ...trafilatura(split, dataDir),
    ...(split === 'train' ? [...hardCases(), ...inventedReports('train')] : []),
  ];
  // HRDsAttack's train split repeats some dev reports word for word: learning from them would score the model on its own lessons
  return split === 'train' ? withoutHeldOut(reports, hrdsattack('dev', dataDir)) : reports;
}

/** A report's text with case, punctuation and spacing ignored: how a refiled copy is recognised. */
const sameTextKey = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The training reports whose text is not also a held-out report's. */
export function withoutHeldOut(train: readonly RiskReport[], heldOut: readonly { text: string }[]): RiskReport[] {
  const held = new Set(heldOut.map((r) => sameTextKey(r.text)));
  return train.filter((r) => !held.has(sameTextKey(r.text)));
}
