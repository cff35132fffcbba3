import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SMTP_TIMEOUTS, withTimeouts } from './deliver.js';

test('SMTP timeouts go inside the delivery lease; an administrator\'s own values and the credentials are kept', () => {
  const u = new URL(withTimeouts('smtp://desk%40ngo.example:p%40ss@mail.ngo.example:587'));
  assert.equal(u.username, 'desk%40ngo.example');
  assert.equal(u.password, 'p%40ss');
  assert.equal(u.port, '587');
  for (const [k, ms] of Object.entries(SMTP_TIMEOUTS)) assert.equal(u.searchParams.get(k), String(ms));
  assert.ok(Object.values(SMTP_TIMEOUTS).every((ms) => ms < 5 * 60_000));
  const own = new URL(withTimeouts('smtps://mail.ngo.example/?socketTimeout=5000&pool=true'));
  assert.equal(own.searchParams.get('socketTimeout'), '5000');
  assert.equal(own.searchParams.get('pool'), 'true');
  assert.equal(withTimeouts('not a url'), 'not a url');
});
