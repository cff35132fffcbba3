import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, test } from 'node:test';
import { GAP, excerptsAround, rebuild } from './excerpts.js';
import { MASK, Masker, formsToMask, initialsOf } from './redact.js';
import { fingerprintOf, newKeyPair, parsePublicKey, signBundle, verifyBundle } from './signing.js';

describe('redaction keeps every offset', () => {
  test('names and their words become as many █ as they had code units, in any script', () => {
    const text = 'Police held Rath Rott Mony on Monday. Mony\'s wife, ចាន់ សុខា, said Mony-ism is not a word; Monyrath was not named.';
    const m = new Masker(formsToMask(['Rath Rott Mony', 'ចាន់ សុខា']));
    const out = m.text(text);
    assert.equal(out.length, text.length);
    assert.ok(!/Rath|Rott|ចាន់/.test(out), out);
    assert.equal(out.slice(12, 26), MASK.repeat(14));
    assert.ok(out.includes('Monyrath'), 'letters of a name inside a longer word are left alone');
    assert.ok(out.includes(' on Monday'), 'other words untouched');
    assert.ok(m.masked >= 4, String(m.masked));
  });

  test('short words of a name are not masked on their own, and nothing is masked with no forms', () => {
    assert.deepEqual(formsToMask(['Le Van An']), ['Le Van An', 'Van']);
    assert.equal(new Masker([]).text('Le Van An'), 'Le Van An');
    assert.equal(initialsOf('Sana Oduya'), 'S. O.');
    assert.equal(initialsOf('ចាន់ សុខា'), 'ច. ស.');
  });

  test('an address that names the person is cut back to its site', () => {
    const m = new Masker(formsToMask(['Sana Oduya']));
    assert.deepEqual(m.url('https://news.example/2026/11/sana-oduya-detained?ref=x'), { url: 'https://news.example', withheld: true });
    assert.deepEqual(m.url('https://news.example/2026/11/journalist%20Oduya'), { url: 'https://news.example', withheld: true });
    assert.deepEqual(m.url('https://news.example/2026/11/journalist-detained'), { url: 'https://news.example/2026/11/journalist-detained', withheld: false });
    assert.deepEqual(m.url('https://news.example/%E0%A4%A'), { url: 'https://news.example/%E0%A4%A', withheld: false }, 'a malformed escape is read as it is');
  });
});

describe('excerpts', () => {
  const text = `${'a '.repeat(400)}TRIGGER one ${'b '.repeat(50)}TRIGGER two ${'c '.repeat(400)}`;
  const one = text.indexOf('TRIGGER one');
  const two = text.indexOf('TRIGGER two');

  test('spans close together share one passage; each passage keeps its offset', () => {
    const ex = excerptsAround(text, [{ start: one, end: one + 11 }, { start: two, end: two + 11 }], 60);
    assert.equal(ex.length, 1);
    assert.equal(text.slice(ex[0]!.start, ex[0]!.start + ex[0]!.text.length), ex[0]!.text);
    const far = excerptsAround(text, [{ start: 10, end: 11 }, { start: two, end: two + 11 }], 20);
    assert.equal(far.length, 2);
    assert.ok(!/^\S/.test(text.slice(far[1]!.start - 1)), 'a passage starts at a word');
  });

  test('the rebuilt report puts every cited span where its citation will point', () => {
    const ex = excerptsAround(text, [{ start: 10, end: 11 }, { start: two, end: two + 11 }], 20);
    const r = rebuild(ex);
    assert.ok(r.text.includes(GAP));
    const at = r.map(two, two + 11)!;
    assert.equal(r.text.slice(at.start, at.end), 'TRIGGER two');
    assert.equal(r.map(one, one + 11), null, 'a span outside every passage has no place');
  });
});

describe('signatures', () => {
  const keys = newKeyPair();
  const bundle = { format: 'x', b: [1, { z: 'ü', a: 0.85 }], a: 'text' };

  test('a signed bundle verifies, in any key order; one changed character does not', () => {
    const signed = signBundle(bundle, keys.privateKey);
    assert.ok(verifyBundle(signed, keys.publicKey));
    const reordered = JSON.parse(JSON.stringify({ signature: signed.signature, a: 'text', b: [1, { a: 0.85, z: 'ü' }], format: 'x' }));
    assert.ok(verifyBundle(reordered, keys.publicKey));
    assert.equal(verifyBundle({ ...signed, a: 'texT' } as typeof signed, keys.publicKey), false);
    assert.equal(verifyBundle(signed, newKeyPair().publicKey), false, "another key's signature");
    assert.equal(verifyBundle({ ...signed, signature: 'not base64 at all' }, keys.publicKey), false);
  });

  test('fingerprints are stable groups of hex; keys other than Ed25519 are refused', () => {
    assert.match(fingerprintOf(keys.publicKey), /^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    assert.equal(fingerprintOf(`\n${keys.publicKey}\n`), fingerprintOf(keys.publicKey));
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    assert.throws(() => parsePublicKey(rsa), /Ed25519/);
    assert.throws(() => parsePublicKey('hello'), /PEM/);
  });
});
