import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Store } from '../../storage/store.js';
import { TEST_ENGINES, manualClock } from '../../storage/testing.js';
import { createApp } from '../app.js';
import { PASSWORD, client } from '../testing.js';
import { NO_SMTP } from './routes.js';

const sqlite = TEST_ENGINES[0]!;

describe('alert rules with an e-mail channel and no SMTP server', () => {
  let store: Store & { url: string };
  const clock = manualClock('2026-12-07T12:00:00Z');
  before(async () => {
    store = await sqlite.open(clock.now);
  });
  after(async () => store?.close());

  test('the rule is kept, the admin is told at once, and the list says no mail goes out; with a server, no warning', async () => {
    const app = createApp({ store, mail: false });
    const admin = client(app);
    assert.equal((await admin.call('POST', '/api/setup', { email: 'ada@example.org', name: 'Ada', password: PASSWORD })).status, 201);
    const made = await admin.call('POST', '/api/alert-rules', { rule: { kind: 'no_news', days: 7 }, channels: { email: ['desk@ngo.example'] } });
    assert.equal(made.status, 201);
    assert.deepEqual(made.data.warnings, [NO_SMTP]);
    const listed = (await admin.call('GET', '/api/alert-rules')).data;
    assert.equal(listed.mail, false);
    assert.ok(listed.rules.some((r: { id: string; channels: { email?: string[] } }) => r.id === made.data.id && r.channels.email?.[0] === 'desk@ngo.example'));
    // a rule with no e-mail is not warned about
    assert.deepEqual((await admin.call('POST', '/api/alert-rules', { rule: { kind: 'no_news', days: 9 } })).data.warnings, []);

    const configured = client(createApp({ store, mail: true }));
    await configured.login('ada@example.org');
    assert.deepEqual((await configured.call('POST', '/api/alert-rules', { rule: { kind: 'no_news', days: 8 }, channels: { email: ['desk@ngo.example'] } })).data.warnings, []);
    assert.equal((await configured.call('GET', '/api/alert-rules')).data.mail, true);
  });
});
