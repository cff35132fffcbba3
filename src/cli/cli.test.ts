import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { vigil } from './testing.js';

const root = new URL('../../', import.meta.url).pathname;
const fixture = (name: string): string => `${root}test/fixtures/articles/${name}`;

// The commands run in this process through the CLI's own entry (`run`); one test below spawns
// bin/vigil.js to check what only a process shows: its exit status and its standard streams.
function spawned(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [`${root}bin/vigil.js`, ...args], { cwd: root, encoding: 'utf8', input: input ?? '' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

test('vigil extract prints an extraction document whose offsets slice back to the text', async () => {
  const r = await vigil(['extract', fixture('lorvan-arrest.txt'), '--published', '2026-12-04']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.text, readFileSync(fixture('lorvan-arrest.txt'), 'utf8'));
  assert.equal(doc.offsets, 'utf16');
  assert.equal(doc.published, '2026-12-04');
  // "…, according to Dr. Ilyas Omerov": the clause is his, and the quote points to his entity
  const quote = doc.quotes.find((q: { cue: { text: string } | null }) => q.cue?.text === 'according to');
  assert.ok(quote, JSON.stringify(doc.quotes));
  assert.equal(doc.entities.find((e: { id: string }) => e.id === quote.speaker)?.name, 'Ilyas Omerov');
  for (const q of doc.quotes) assert.equal(doc.text.slice(q.start, q.end), q.text);
  // The arrest comes out with its target, its place and Tuesday's date; every trigger slices back.
  const arrest = doc.events.find((v: { type: string }) => v.type === 'ARREST');
  assert.ok(arrest, JSON.stringify(doc.events));
  assert.match(arrest.target.text, /Velsmoor/);
  assert.equal(arrest.date.value, '2026-12-01');
  for (const v of doc.events) assert.equal(doc.text.slice(v.trigger.start, v.trigger.end), v.trigger.text);
  // Dates resolve against --published (Friday 2026-12-04); the clock time belongs to the day told before it.
  assert.deepEqual(
    doc.timexes.map((t: { text: string; type: string; value: string }) => [t.text, t.type, t.value]),
    [
      ['Tuesday', 'DATE', '2026-12-01'],
      ['about 6 a.m.', 'TIME', '2026-12-01T06:00'],
      ['Wednesday', 'DATE', '2026-12-02'],
      ['Dec. 3', 'DATE', '2026-12-03'],
    ],
  );
  for (const t of doc.timexes) assert.equal(doc.text.slice(t.start, t.end), t.text);
  // Entities come from the shipped recogniser: each mention slices back to its text.
  const people = doc.entities.filter((e: { type: string }) => e.type === 'PERSON').map((e: { name: string }) => e.name);
  for (const name of ['Ilyas Omerov', 'Teodor Velsmoor', 'Mira Soltane']) assert.ok(people.includes(name), `${name} in ${people.join(', ')}`);
  for (const e of doc.entities) for (const m of e.mentions) assert.equal(doc.text.slice(m.start, m.end), m.text);
  const sentences = doc.sentences.map((s: { start: number; end: number }) => doc.text.slice(s.start, s.end));
  assert.deepEqual(sentences, [
    'PORT SELIM — Police in Norvia on Tuesday arrested Ana K. Velsmoor, a labor organizer who led a strike at the Dorrel textile plant, her lawyer said.',
    'Velsmoor, 41, was taken from her home in Port Selim at about 6 a.m. by officers of the U.N.-sanctioned Interior Guard, according to Dr. Ilyas Omerov, who represents her.',
    '“They didn’t show a warrant.',
    'They wouldn’t say where they were taking her,” Omerov told reporters on Wednesday.',
    '“We don’t know where she is.”',
    'The Interior Ministry said in a statement that Velsmoor “incited unrest” but added that no charges had been filed yet.',
    'Her husband, Teodor Velsmoor, said the family hasn\'t heard from her since Dec. 3 — the day of the arrest.',
    'Reporting by Mira Soltane; editing by J. P. Arkwright.',
  ]);
  const tokens = doc.tokens.map((t: { start: number; end: number }) => doc.text.slice(t.start, t.end));
  assert.deepEqual(tokens.slice(0, 12), ['PORT', 'SELIM', '—', 'Police', 'in', 'Norvia', 'on', 'Tuesday', 'arrested', 'Ana', 'K.', 'Velsmoor']);
  assert.ok(tokens.includes('a.m.') && tokens.includes('Dr.') && tokens.includes('Dec.'));
});

test('vigil extract reads HTML pages and takes the date from the page', async () => {
  const r = await vigil(['extract', fixture('lorvan-arrest.html')]);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.published, '2026-12-04');
  assert.equal(doc.title, 'Labor organizer detained in Port Selim');
  assert.ok(doc.sentences.length >= 6);
});

test('a JSON Lines batch gives one line per record and reports the bad ones on stderr', async () => {
  const r = await vigil(['extract', '--jsonl', fixture('batch.jsonl')]);
  assert.equal(r.code, 1);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(out.map((d) => d.id), ['a1', 'a2']);
  const errors = r.stderr.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(errors.map((e) => e.error.code), ['invalid_date', 'invalid_json', 'empty_input']);
});

test('several files give JSON Lines with ids; errors are JSON with a stable code, never a stack trace', async () => {
  const r = await vigil(['extract', fixture('lorvan-arrest.txt'), fixture('lorvan-arrest.html')]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => JSON.parse(l).id), ['lorvan-arrest.txt', 'lorvan-arrest.html']);
  const cases: [string[], string | undefined, string, number][] = [
    [['extract', fixture('nope.txt')], undefined, 'file_not_found', 1],
    [['extract', '-'], '   \n', 'empty_input', 1],
    [['extract', fixture('front-page.html')], undefined, 'no_article', 1],
    [['extract', fixture('lorvan-arrest.txt'), '--published', '2026-02-30'], undefined, 'invalid_date', 1],
    [['extract', '--format', 'yaml', '-'], 'x', 'usage', 2],
    [['extract', '--nope'], undefined, 'usage', 2],
    [['frobnicate'], undefined, 'usage', 2],
  ];
  for (const [args, input, errorCode, exit] of cases) {
    const e = await vigil(args, input === undefined ? {} : { input });
    assert.equal(e.code, exit, `${args.join(' ')}: ${e.stderr}`);
    assert.equal(JSON.parse(e.stderr.trim()).error.code, errorCode);
    assert.ok(!/\n\s+at /.test(e.stderr), 'no stack trace');
  }
});

test('standard input works and --format pretty is for people', async () => {
  const r = await vigil(['extract', '-', '--format', 'pretty', '--published', '2026-12-04'], { input: 'Police detained Ana Velsmoor. She is held.' });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /2 sentences, 9 tokens/);
  assert.match(r.stdout, /\[1\] 30–42 {2}She is held\./);
});

test('bin/vigil.js: a usage error exits 2 with one JSON line on stderr, standard input reaches the command, help exits 0', () => {
  const unknown = spawned(['frobnicate']);
  assert.equal(unknown.code, 2, unknown.stderr);
  assert.equal(JSON.parse(unknown.stderr.trim()).error.code, 'usage');
  assert.equal(unknown.stdout, '');
  const empty = spawned(['extract', '-'], '   \n');
  assert.equal(empty.code, 1, empty.stderr);
  assert.equal(JSON.parse(empty.stderr.trim()).error.code, 'empty_input');
  assert.ok(!/\n\s+at /.test(empty.stderr), 'no stack trace');
  const help = spawned(['--help']);
  assert.equal(help.code, 0, help.stderr);
  assert.match(help.stdout, /^vigil — reads news reports/);
});

test('at a terminal an error is a sentence with its code; elsewhere the JSON line scripts read', async () => {
  const { printError } = await import('./output.js');
  const { VigilError } = await import('../core/errors.js');
  const written: string[] = [];
  const io = { out: () => {}, err: (t: string) => void written.push(t), stdin: () => Buffer.alloc(0), env: {} };
  printError(new VigilError('not_found', 'no such case'), {}, { ...io, errIsTerminal: true });
  printError(new VigilError('invalid_input', 'Quote Not Closed'), { file: 'batch.csv' }, { ...io, errIsTerminal: true });
  printError(new VigilError('not_found', 'no such case'), {}, io);
  assert.deepEqual(written.slice(0, 2), ['vigil: no such case (not_found)\n', 'vigil: file batch.csv: Quote Not Closed (invalid_input)\n']);
  assert.deepEqual(JSON.parse(written[2]!), { error: { code: 'not_found', message: 'no such case' } });
  // JSON asked for is JSON at a terminal too
  const { run } = await import('./run.js');
  const asked: string[] = [];
  await run(['frobnicate', '--json'], { ...io, err: (t: string) => void asked.push(t), errIsTerminal: true });
  assert.equal(JSON.parse(asked.join('')).error.code, 'usage');
});

test('vigil watch --triage says when an event is not told as done: "charged (asked for / possible)", not "charged"', async () => {
  const { triageLine } = await import('./watch.js');
  const line = triageLine({ id: 't1', name: 'Yusuf Ardemi', kinds: ['activist'], events: [{ trigger: 'detained', modality: 'asserted' }, { trigger: 'charged', modality: 'hypothetical' }, { trigger: 'released', modality: 'negated' }], reasons: ['borderline'] });
  assert.equal(line, 't1  possible case: Yusuf Ardemi, activist?, detained, charged (asked for / possible), released (denied) — borderline');
});
