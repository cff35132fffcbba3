import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { PRFCounter } from './scorers/prf.js';
import { alignTokens } from './tasks/quotes.js';

import { runEval } from './cli.js';

/** `npm run eval -- ARGS` in this process (src/evaluation/main.ts only hands it the process's streams). */
async function evalCmd(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runEval(args, { out: (line) => void (stdout += `${line}\n`), err: (line) => void (stderr += `${line}\n`) });
  return { status, stdout, stderr };
}

test('the PRF counter scores exact keys per label and micro-averaged', () => {
  const c = new PRFCounter();
  c.compare(
    [{ key: '0:3', label: 'PER' }, { key: '5:9', label: 'LOC' }, { key: '10:12', label: 'PER' }],
    [{ key: '0:3', label: 'PER' }, { key: '5:9', label: 'LOC' }, { key: '14:20', label: 'ORG' }],
  );
  assert.deepEqual([c.score('PER').tp, c.score('PER').fp, c.score('ORG').fn], [1, 1, 1]);
  assert.equal(c.micro().precision, 2 / 3);
  assert.equal(c.micro().recall, 2 / 3);
});

test('eval sentences scores a corpus kept elsewhere (--data) and writes its results', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-eval-'));
  mkdirSync(path.join(dir, 'ud-ewt'));
  const conllu = '# newdoc id = d1\n# newpar\n# text = Ana left. She stayed.\n1\tAna\t_\t_\t_\t_\t0\troot\t_\t_\n2\tleft\t_\t_\t_\t_\t1\tx\t_\tSpaceAfter=No\n3\t.\t_\t_\t_\t_\t1\tx\t_\t_\n4\tShe\t_\t_\t_\t_\t1\tx\t_\t_\n5\tstayed\t_\t_\t_\t_\t1\tx\t_\tSpaceAfter=No\n6\t.\t_\t_\t_\t_\t1\tx\t_\t_\n\n';
  writeFileSync(path.join(dir, 'ud-ewt', 'en_ewt-ud-test.conllu'), conllu);
  const r = await evalCmd(['sentences', '--split', 'test', '--data', dir, '--out', path.join(dir, 'results')]);
  assert.equal(r.status, 0, r.stderr);
  // gold has one sentence spanning both (as written above), we find two: P=0, R=0 on sentences
  assert.match(r.stdout, /EWT tokens\s+100\.00\s+100\.00\s+100\.00\s+6/);
  assert.match(r.stdout, /EWT sentences\s+0\.00\s+0\.00\s+0\.00\s+1/);
  assert.match(r.stdout, /results\/sentences-test\.json/);
});

test('missing data and unbuilt tasks say so in one line and exit 0; unknown tasks exit 2', async () => {
  const empty = mkdtempSync(path.join(tmpdir(), 'vigil-empty-'));
  const r = await evalCmd(['sentences', '--data', empty]);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^sentences: skipped — no UD EWT or GUM data/);
  for (const task of ['pos', 'parser', 'ner']) assert.match((await evalCmd([task, '--data', empty])).stdout, new RegExp(`^${task}: skipped — .* not found under`));
  assert.match((await evalCmd(['timex', '--data', empty])).stdout, /^timex: skipped — TempEval-3 dev not found under/);
  assert.match((await evalCmd(['quotes', '--data', empty])).stdout, /^quotes: skipped — PolNeAR \(CofeNet BIO\) dev not found under/);
  assert.match((await evalCmd(['coref', '--data', empty])).stdout, /^coref: skipped — GUM news coreference/);
  assert.match((await evalCmd(['hrdsattack-cv', '--data', empty])).stdout, /^hrdsattack-cv: skipped — HRDsAttack train not found under/);
  assert.match((await evalCmd(['modality', '--data', empty])).stdout, /^modality: skipped — (no case gold|HRDsAttack dev not found) under/);
  assert.equal((await evalCmd(['nonsense'])).status, 2);
});

test('PolNeAR tokens find their place in the original text, a double mark written as two apostrophes too', () => {
  const text = "''We will appeal,'' said Mira Castell. “Soon.”";
  const tokens = ["''", 'We', 'will', 'appeal', ',', "''", 'said', 'Mira', 'Castell', '.', '``', 'Soon', '.', "''"];
  const at = alignTokens(text, tokens);
  assert.deepEqual(at.map((o) => (o ? text.slice(o[0], o[1]) : null)), ["''", 'We', 'will', 'appeal', ',', "''", 'said', 'Mira', 'Castell', '.', '“', 'Soon', '.', '”']);
});

test('PolNeAR tokens find their place again after a passage their file leaves out, or gives in another order', () => {
  const skipped = 'Aldo Renn was arrested in Velmora on Monday. '.repeat(3);
  const text = `The union called a strike. ${skipped}Police said the march was banned. “We will march,” said Ina Holt.`;
  const tokens = ['The', 'union', 'called', 'a', 'strike', '.', '``', 'We', 'will', 'march', ',', "''", 'said', 'Ina', 'Holt', '.', 'Police', 'said', 'the', 'march', 'was', 'banned', '.'];
  const at = alignTokens(text, tokens);
  assert.deepEqual(
    at.map((o) => (o ? text.slice(o[0], o[1]) : null)),
    ['The', 'union', 'called', 'a', 'strike', '.', '“', 'We', 'will', 'march', ',', '”', 'said', 'Ina', 'Holt', '.', 'Police', 'said', 'the', 'march', 'was', 'banned', '.'],
  );
});

test('merge pairs: one person in two reports, respelled; strangers who share a name', async () => {
  const { buildPairs } = await import('./tasks/merges.js');
  const n = (name: string, article: string) => ({ name, article, country: 'VLM' });
  const pairs = buildPairs([n('Joran Aldemir', 'a1'), n('Jorán ALDEMIR', 'a2'), n('Joran Aldemir', 'a1'), n('Oska Aldemir', 'a3'), n('Aldemir Joran', 'a4'), n('Edda Rusk', 'a5')]);
  // a1–a2, a1–a4, a2–a4 (twice over for a1's two mentions); never two mentions of one report
  assert.equal(pairs.positives.length, 5);
  assert.ok(pairs.positives.every(([a, b]) => a.article !== b.article));
  assert.deepEqual(pairs.negatives.map(([a, b]) => [a.name, b.name].sort()), [['Joran Aldemir', 'Oska Aldemir']]);
});
