import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize } from './tokenizer.js';

const words = (text: string): string[] => tokenize(text).map((t) => (t.fused ? `+${t.text}` : t.text));

test('every token slices back to its text', () => {
  const text = 'PORT SELIM — “They didn’t show a warrant,” Dr. Omerov said… at 6 a.m. (local time).';
  for (const t of tokenize(text)) assert.equal(text.slice(t.start, t.end), t.text);
});

test('abbreviations, initials and dotted acronyms keep their periods', () => {
  assert.deepEqual(words('Gen. Arkwright met Mr. J. P. Omerov of the U.N. on Dec. 7.'), ['Gen.', 'Arkwright', 'met', 'Mr.', 'J.', 'P.', 'Omerov', 'of', 'the', 'U.N.', 'on', 'Dec.', '7', '.']);
  assert.deepEqual(words('He moved to the U.S.'), ['He', 'moved', 'to', 'the', 'U.S.']);
  assert.deepEqual(words('at 6 p.m., he said'), ['at', '6', 'p.m.', ',', 'he', 'said']);
});

test('straight and curly quotes, em dashes and ellipses stand alone', () => {
  assert.deepEqual(words('“Hiding him is a threat,” she said—again.'), ['“', 'Hiding', 'him', 'is', 'a', 'threat', ',', '”', 'she', 'said', '—', 'again', '.']);
  assert.deepEqual(words('"No," he said... then left'), ['"', 'No', ',', '"', 'he', 'said', '...', 'then', 'left']);
  assert.deepEqual(words("the union's 'strike'"), ['the', 'union', "+'s", "'", 'strike', "'"]);
});

test('contractions split UD style and stay fused to their host', () => {
  assert.deepEqual(words("They didn't know; we can't say. I'm sure they're fine."), ['They', 'did', "+n't", 'know', ';', 'we', 'ca', "+n't", 'say', '.', 'I', "+'m", 'sure', 'they', "+'re", 'fine', '.']);
  assert.deepEqual(words('Cambodia’s ministry cannot comment'), ['Cambodia', '+’s', 'ministry', 'can', '+not', 'comment']);
});

test('numbers with separators, URLs, e-mails and handles stay whole', () => {
  assert.deepEqual(words('1,250 workers earned $3.50 on 12/7/2026 at 10:30.'), ['1,250', 'workers', 'earned', '$', '3.50', 'on', '12/7/2026', 'at', '10:30', '.']);
  assert.deepEqual(words('See https://ledger.example/news?id=7&x=1, mail desk@ledger.example or @NorviaLedger #FreeVelsmoor.'), [
    'See',
    'https://ledger.example/news?id=7&x=1',
    ',',
    'mail',
    'desk@ledger.example',
    'or',
    '@NorviaLedger',
    '#FreeVelsmoor',
    '.',
  ]);
  assert.deepEqual(words('(http://example.org/a).'), ['(', 'http://example.org/a', ')', '.']);
});

test('hyphens split between words but not after common prefixes or inside numbers', () => {
  assert.deepEqual(words('a 15-year-old e-mail from a pro-government pre-trial group, call 555-0134'), [
    'a', '15', '-', 'year', '-', 'old', 'e-mail', 'from', 'a', 'pro-government', 'pre-trial', 'group', ',', 'call', '555-0134',
  ]);
});

test('whitespace of every kind separates tokens and is never part of one', () => {
  const text = 'Ana\u00a0Velsmoor\tand\r\nTeodor\u2009Velsmoor';
  assert.deepEqual(words(text), ['Ana', 'Velsmoor', 'and', 'Teodor', 'Velsmoor']);
  assert.equal(tokenize(text)[0]!.spaceAfter, true);
  assert.deepEqual(tokenize(''), []);
  assert.deepEqual(tokenize(' \n '), []);
});

test('pathological input is processed in linear time (a quadratic tokenizer would not finish)', () => {
  // 1 MB chunks with no whitespace: of opening brackets, of periods, of letters and hyphens.
  const big = 1_000_000;
  assert.equal(tokenize('('.repeat(big)).length, big);
  assert.equal(tokenize('.'.repeat(big)).length > 0, true);
  const hyphens = 'ab-'.repeat(big / 3);
  assert.ok(tokenize(hyphens).length > big / 3);
  const words = 'Ana said. '.repeat(big / 10);
  assert.equal(tokenize(words).length, (big / 10) * 3);
});

test('a sentence run on without its space is split, but dotted names stay whole', () => {
  assert.deepEqual(words('The cell was cold.There was no bed.'), ['The', 'cell', 'was', 'cold', '.', 'There', 'was', 'no', 'bed', '.']);
  assert.deepEqual(words('is he safe?nobody knows'), ['is', 'he', 'safe', '?', 'nobody', 'knows']);
  assert.deepEqual(words('see Node.js, ASP.NET and vigil.org'), ['see', 'Node.js', ',', 'ASP.NET', 'and', 'vigil.org']);
});

test('a run-on sentence that ends in a closing quote mark is split after the mark and the period', () => {
  assert.deepEqual(words('jailed for “insulting the court”.Arno Petz was freed'), ['jailed', 'for', '“', 'insulting', 'the', 'court', '”', '.', 'Arno', 'Petz', 'was', 'freed']);
  assert.deepEqual(words('(see the ruling).Then'), ['(', 'see', 'the', 'ruling', ')', '.', 'Then']);
  // a lower-case word after the period begins no sentence
  assert.ok(!words('the “court”.then').includes('then'));
});
