import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NameMatcher, matcherFor } from './name-matcher.js';

// Invented names.
const names = [
  { text: 'ilse varmund', shown: 'Case K-7' },
  { text: 'varmund', shown: 'Case K-7' },
  { text: 'józef halloran', shown: '[restricted]' },
];

test('a name anywhere in the letters, or as whole words with accents folded, is found', () => {
  const m = new NameMatcher(names);
  assert.equal(m.has('Police held ILSE VARMUND overnight.'), true);
  assert.equal(m.has('the Varmundsen family'), true, 'letters anywhere, as LIKE found them');
  assert.equal(m.has('Jozef\nHalloran spoke'), true, 'words across a line break, accents folded');
  assert.equal(m.has('Józef-Halloran'), true);
  assert.equal(m.has('Ilse Varmun was not named'), false);
  assert.equal(m.has('Jozef Hallor'), false);
  assert.equal(m.has(''), false);
});

test('scrub replaces the longest name at each place, case-insensitively, and leaves the rest', () => {
  const m = new NameMatcher(names);
  assert.equal(m.scrub('Ilse Varmund and varmund met józef halloran.'), 'Case K-7 and Case K-7 met [restricted].');
  assert.equal(m.scrub('Nobody named here.'), 'Nobody named here.');
  // A text whose lower case changes length takes the slow path and still scrubs.
  assert.equal(m.scrub('İstanbul: Varmund held'), 'İstanbul: Case K-7 held');
});

test('no names: nothing found, the text untouched; one matcher per list', () => {
  const empty = new NameMatcher([]);
  assert.equal(empty.has('Ilse Varmund'), false);
  assert.equal(empty.scrub('Ilse Varmund'), 'Ilse Varmund');
  assert.equal(matcherFor(names), matcherFor(names));
});

test('a thousand names are looked for in one pass, not one pass per name', () => {
  // Many names share prefixes; the answer must be the same as checking each name in turn.
  const many = Array.from({ length: 1000 }, (_, i) => ({ text: `varo${i.toString(36)} quell`, shown: `C${i}` }));
  const m = new NameMatcher(many);
  const text = `${'ordinary words about a river and a road '.repeat(200)} then Varo2s Quell arrived`;
  assert.equal(m.has(text), true);
  assert.equal(m.scrub(text).endsWith('then C100 arrived'), true);
  assert.equal(m.has(text.replace('Varo2s', 'Varozz')), false);
});

/** The words as the matcher read them before it split texts by hand: NFKD, marks dropped, lower case, split by Unicode classes. */
const referenceWords = (s: string): string[] =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

test('whole words are found as NFKD, marks dropped and a split by Unicode classes find them, whatever the script', () => {
  // Invented texts around letters whose folding is not a one-to-one map: compatibility forms
  // (ligatures, full width, bold mathematical letters, half-width kana, Roman numerals, circled
  // and superscript digits), combining marks, a Greek final sigma, a dotted capital I, a lone
  // surrogate, scripts with and without spaces.
  const texts = [
    'Ὀδυσσεύς ΟΔΟΣ σοφίας',
    'ﬁnance ﬂow',
    'Ｆｕｌｌ ｗｉｄｔｈ name',
    '𝐁𝐨𝐥𝐝 Name',
    'e\u0301mile zola',
    'İstanbul Iİıi',
    '⑴ ① ² ⅻ',
    'ﾊﾝｶｸ ｶﾅ',
    'Straße, STRASSE',
    'x\uD800y lone',
    'Одуйя Сана; សាណា អូឌូយ៉ា; 王小明',
    'ǅemal Ǆuro',
    'Tolvik’s — “quoted”',
  ];
  // Every run of one to three words of every text, as a name, looked for in every text: found
  // exactly where its letters are in the text as written or its words in the reference's.
  const runs = new Set<string>();
  for (const text of texts) {
    const words = referenceWords(text);
    for (let i = 0; i < words.length; i++) for (let n = 1; n <= 3 && i + n <= words.length; n++) runs.add(words.slice(i, i + n).join(' '));
  }
  const reference = (text: string, name: string): boolean => {
    if (text.toLowerCase().includes(name)) return true;
    const words = referenceWords(text);
    const wanted = referenceWords(name);
    return words.some((_, i) => wanted.every((w, j) => words[i + j] === w));
  };
  let found = 0;
  for (const name of [...runs].filter((r) => r.length >= 3)) {
    const m = new NameMatcher([{ text: name, shown: 'X' }]);
    for (const text of texts) {
      assert.equal(m.has(text), reference(text, name), `${JSON.stringify(name)} in ${JSON.stringify(text)}`);
      if (reference(text, name)) found++;
    }
  }
  assert.ok(found > 50, 'the names are found in their own texts');
  // Folded words, not letters: what only the second reading finds.
  assert.equal(new NameMatcher([{ text: 'odysseus', shown: 'X' }]).has('Ὀδυσσεύς'), false);
  assert.equal(new NameMatcher([{ text: 'οδυσσευς', shown: 'X' }]).has('ὈΔΥΣΣΕΎΣ'), true);
  assert.equal(new NameMatcher([{ text: 'emile zola', shown: 'X' }]).has('E\u0301MILE\nZOLA'), true);
  assert.equal(new NameMatcher([{ text: 'bold name', shown: 'X' }]).has('𝐁𝐨𝐥𝐝 𝐍𝐚𝐦𝐞'), true);
});
