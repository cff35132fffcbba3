import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publicUrl } from './runtime.js';

test('case links in e-mails and webhooks use VIGIL_PUBLIC_URL when it is set, the listening address otherwise; anything else is refused clearly', () => {
  const listening = 'http://127.0.0.1:8080';
  assert.equal(publicUrl({}, listening), listening);
  assert.equal(publicUrl({ VIGIL_PUBLIC_URL: '  ' }, listening), listening);
  assert.equal(publicUrl({ VIGIL_PUBLIC_URL: 'https://vigil.ngo.example/' }, listening), 'https://vigil.ngo.example');
  assert.equal(publicUrl({ VIGIL_PUBLIC_URL: 'https://ngo.example/vigil/' }, listening), 'https://ngo.example/vigil');
  for (const bad of ['vigil.ngo.example', 'ftp://ngo.example', 'https://user:pw@ngo.example', 'https://ngo.example/?a=1']) assert.throws(() => publicUrl({ VIGIL_PUBLIC_URL: bad }, listening), /VIGIL_PUBLIC_URL/, bad);
});
