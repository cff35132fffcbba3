/**
 * The annotator's tool for case gold (data/case-gold, ../shared/spec/CASE-GOLD.md):
 *   npx tsx src/evaluation/case-gold-tool.ts show dev 23          the report as Vigil reads it, with offsets
 *   npx tsx src/evaluation/case-gold-tool.ts find dev 23 arrested every offset of a string in it
 *   npx tsx src/evaluation/case-gold-tool.ts check [file ...]     validate gold files (all by default)
 * Gold whose corpus is "invented" is checked against the NNN.txt beside it, else data/invented/<split>/NNN.txt.
 * The text is HRDsAttack's article as the reader gives it (title, then paragraphs apart by a blank
 * line): the same text the feed evaluation ingests, so offsets mean the same in both.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { locate, type Split } from '../corpora/locate.js';
import { articleText, readHrdsAttack, type HrdArticle } from '../corpora/readers/hrdsattack.js';
import { checkCaseGold, type CaseGold } from '../corpora/readers/case-gold.js';

const EVENT_TYPES = ['ARREST', 'DEPORTATION', 'EXTRADITION_REQUEST', 'EXTRADITION', 'ACCUSATION', 'CHARGE', 'TRIAL', 'CONVICTION', 'RELEASE', 'DISAPPEARANCE', 'ABDUCTION', 'THREAT', 'ASSAULT', 'TORTURE', 'KILLING', 'ASYLUM_REQUEST', 'RESTRICTION'];
export const CASE_GOLD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'case-gold');
/** Our invented reports (`<split>/NNN.txt`), whose gold is under CASE_GOLD_DIR/invented. */
const INVENTED_DIR = path.resolve(CASE_GOLD_DIR, '..', 'invented');

const cache = new Map<Split, HrdArticle[]>();
export function hrdArticles(split: Split): HrdArticle[] {
  if (!cache.has(split)) {
    const loc = locate('hrdsattack', split);
    if (!loc.path) throw new Error(`HRDsAttack ${split} not found under ${loc.dir}`);
    cache.set(split, readHrdsAttack(readFileSync(loc.path, 'utf8')));
  }
  return cache.get(split)!;
}

function show(split: Split, index: number): void {
  const a = hrdArticles(split)[index];
  if (!a) throw new Error(`no item ${index} in ${split}`);
  const text = articleText(a);
  console.log(`# hrdsattack ${split} ${index}  published ${a.published}  ${text.length} chars`);
  console.log(`# dataset victims (not our gold; a hint): ${JSON.stringify(a.labels.victims.map((v) => [v.name, v.type]))}`);
  let at = 0;
  for (const line of text.split('\n')) {
    if (line) console.log(`[${at}] ${line}`);
    at += line.length + 1;
  }
}

function find(split: Split, index: number, needle: string): void {
  const text = articleText(hrdArticles(split)[index]!);
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    console.log(`${i}-${i + needle.length}  …${text.slice(Math.max(0, i - 40), i).replace(/\n/g, ' ')}[${needle}]${text.slice(i + needle.length, i + needle.length + 40).replace(/\n/g, ' ')}…`);
  }
}

function check(files: string[]): number {
  let bad = 0;
  for (const file of files) {
    const gold = JSON.parse(readFileSync(file, 'utf8')) as CaseGold;
    const a = gold.corpus === 'invented' ? undefined : hrdArticles(gold.split as Split)[gold.index];
    // A report being written sits beside its gold (NNN.txt next to NNN.json) before it is filed under a split.
    const besideFile = file.replace(/\.json$/, '.txt');
    const inventedFile = existsSync(besideFile) ? besideFile : path.join(INVENTED_DIR, gold.split, `${String(gold.index).padStart(3, '0')}.txt`);
    if (gold.corpus === 'invented' ? !existsSync(inventedFile) : !a) {
      console.log(`${file}: no item ${gold.index} in ${gold.corpus} ${gold.split}`);
      bad++;
      continue;
    }
    const text = a ? articleText(a) : readFileSync(inventedFile, 'utf8');
    const problems = checkCaseGold(gold, text, EVENT_TYPES);
    if (a && gold.published !== a.published) problems.push(`published ${gold.published} but the dataset says ${a.published}`);
    for (const p of problems) console.log(`${file}: ${p}`);
    bad += problems.length;
    for (const c of gold.cases) for (const e of c.events) console.log(`  ${path.basename(file)} ${c.name.split('|')[0]}: ${e.type}/${e.modality} "${text.slice(e.start, e.end)}" ${e.date ?? ''}`);
  }
  console.log(`${files.length} files, ${bad} problems`);
  return bad;
}

export function goldFiles(dir = CASE_GOLD_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(dir, f))
    .sort();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [cmd, ...args] = process.argv.slice(2);
  if (cmd === 'show') show(args[0] as Split, Number(args[1]));
  else if (cmd === 'find') find(args[0] as Split, Number(args[1]), args.slice(2).join(' '));
  else if (cmd === 'check') process.exitCode = check(args.length ? args : goldFiles()) ? 1 : 0;
  else console.error('usage: case-gold-tool show|find SPLIT INDEX [STRING] | check [FILES]');
}
