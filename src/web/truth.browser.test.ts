import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { schedulerTick } from '../ingest/scheduler.js';
import { trackInvented } from '../ingest/testing.js';
import { hashPassword } from '../server/auth/passwords.js';
import { ensureDefaultRules } from '../storage/alerts.js';
import type { Store } from '../storage/store.js';
import { TEST_ENGINES, manualClock, watchNames } from '../storage/testing.js';
import { insertUser } from '../storage/users.js';
import type { Served } from './testing.js';
import { SHOTS, SKIP_BROWSER, serveForBrowser } from './testing.js';

const PASSWORD = 'correct horse battery staple';

/**
 * What a case says must be true (issue #34), seen in Chromium: invented reports of the issue's
 * shapes — an arrest with where the person is held, a call for release that must not release
 * him, a disappearance, an arrest no report places, one name that turns out to be two people —
 * with their extractions given (the status rules are tested here, not the reading), then the
 * case list, the case pages, the alerts page's bulk acknowledge and a split from the case page.
 */
describe('true statuses in Chromium', { skip: SKIP_BROWSER }, () => {
  let store: Store;
  let served: Served | undefined;
  let browser: Browser;
  let page: Page;
  let base = '';
  // The server's clock is the test's: the 24 hours of the rule pass by moving it.
  const clock = manualClock('2026-11-20T09:00:00Z');
  const errors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
  const openCase = async (name: string) => {
    await page.goto(`${base}/cases`);
    await page.getByRole('link', { name, exact: true }).first().click();
    await page.getByRole('heading', { name }).waitFor();
  };

  before(async () => {
    store = await TEST_ENGINES[0]!.open(clock.now);
    // What a case says is under test, not who gets one: the invented people are watched.
    await watchNames(store, ['Idris Malvane', 'Karel Danek', 'Mira Tolvane', 'Sela Marrow']);
    // read 30 hours before the rest: the no-confirmation rule (24 h) is due when the test looks
    clock.set('2026-11-19T03:00:00Z');
    const at = store.now().toISOString();
    await store.db.transaction().execute(async (tx) => {
      await ensureDefaultRules(tx, at);
      await insertUser(tx, at, { email: 'ada@example.org', name: 'Ada', role: 'admin', passwordHash: await hashPassword(PASSWORD) });
    });
    const today = '2026-11-20';
    await trackInvented(store, {
      text: 'Police detained the unionist Mira Tolvane in Karsvik on Tuesday.',
      published: store.now().toISOString().slice(0, 10),
      people: ['Mira Tolvane'],
      places: [{ name: 'Karsvik', country: 'KRS' }],
      events: [{ type: 'ARREST', trigger: 'detained', target: 'Mira Tolvane', place: 'Karsvik' }],
    });
    clock.set('2026-11-20T09:00:00Z');
    await trackInvented(store, {
      text: 'Karsvik police arrested the journalist Idris Malvane on Monday. He is being held at the Central Police Station in Orvane, his lawyer said.',
      title: 'Journalist Malvane arrested in Karsvik',
      published: today,
      people: ['Idris Malvane'],
      places: [{ name: 'Orvane', country: 'KRS' }],
      events: [{ type: 'ARREST', trigger: 'arrested', target: 'Idris Malvane', place: 'Orvane', heldAt: 'the Central Police Station in Orvane' }],
    });
    await trackInvented(store, {
      text: 'Authorities in Karsvik should unconditionally release Idris Malvane, rights groups said; a request for his release was refused by the judge.',
      title: 'Rights groups call for Malvane release',
      published: today,
      people: ['Idris Malvane'],
      places: [{ name: 'Karsvik', country: 'KRS' }],
      events: [
        { type: 'RELEASE', trigger: 'release', target: 'Idris Malvane', modality: 'hypothetical' },
        { type: 'RELEASE', trigger: 'his release', target: 'Idris Malvane', modality: 'negated' },
      ],
    });
    await trackInvented(store, {
      text: 'The blogger Sela Marrow disappeared in Velmora on Sunday; her family has had no word since.',
      published: today,
      people: ['Sela Marrow'],
      places: [{ name: 'Velmora', country: 'VLM' }],
      events: [{ type: 'DISAPPEARANCE', trigger: 'disappeared', target: 'Sela Marrow', place: 'Velmora' }],
    });
    // one name, two people: a teacher threatened in Velmora, a footballer's transfer in Karsvik
    for (const text of ['The teacher Karel Danek was threatened in Velmora.', 'Karel Danek, a footballer, was threatened by fans in Karsvik.']) {
      await trackInvented(store, { text, published: today, people: ['Karel Danek'], events: [{ type: 'THREAT', trigger: 'threatened', target: 'Karel Danek' }] });
    }
    await schedulerTick(store);
    served = await serveForBrowser(store);
    ({ base, browser } = served);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !/status of 40[13]/.test(m.text()) && errors.push(m.text()));
    await page.goto(base);
    await page.getByLabel('E-mail').fill('ada@example.org');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  });
  after(async () => {
    await served?.close();
    await store?.close();
  });

  test('the case list: true statuses, held-at and a country; the country facet finds them', async () => {
    await page.goto(`${base}/cases`);
    const row = (name: string) => page.locator('.cases-table tr', { hasText: name });
    await row('Idris Malvane').waitFor();
    assert.match((await row('Idris Malvane').textContent()) ?? '', /Detained · held at the Central Police Station in Orvane/);
    assert.equal(await row('Idris Malvane').getByTestId('case-country').textContent(), 'KRS');
    assert.match((await row('Sela Marrow').textContent()) ?? '', /Whereabouts unknown/);
    assert.match((await row('Mira Tolvane').textContent()) ?? '', /Detained/);
    assert.doesNotMatch((await page.locator('.cases-table').textContent()) ?? '', /Released/);
    await page.getByLabel('Country').selectOption('VLM');
    await page.locator('.cases-table tr', { hasText: 'Idris Malvane' }).waitFor({ state: 'detached' });
    assert.deepEqual(await page.locator('.cases-table tbody tr td:first-child').allTextContents(), ['Sela Marrow']);
    await shot('truth-01-cases');
  });

  test('a call for release and a refused request release nobody; where he is held, with its source', async () => {
    await openCase('Idris Malvane');
    const status = page.getByTestId('case-status');
    assert.equal(await status.locator('.status-label').textContent(), 'Detained');
    const held = page.getByTestId('held-at');
    assert.match((await held.textContent()) ?? '', /Held at: the Central Police Station in Orvane/);
    assert.match((await held.textContent()) ?? '', /being held at the Central Police Station in Orvane/);
    await held.getByRole('link').waitFor();
    assert.equal(await page.getByTestId('case-country').textContent(), 'KRS');
    assert.equal(await page.getByText('Released').count(), 0);
    assert.equal(await page.locator('.case-alerts').count(), 0, `placed by a report: nothing to alert, yet ${await page.locator('.case-alerts').allTextContents()}`);
    await shot('truth-02-held-at');
  });

  test('the inbox tells a call for release as one: its chip says how the report tells it, unlike a done arrest', async () => {
    await page.goto(`${base}/`);
    const item = page.locator('li.report', { hasText: 'Rights groups call for Malvane release' });
    await item.waitFor();
    const chips = await item.locator('.chip.event').allTextContents();
    assert.deepEqual(chips.sort(), ['Release · asked for / possible', 'Release · denied'], chips.join(' / '));
    assert.equal(await item.locator('.chip.event.told-not-done').count(), 2);
    const arrest = page.locator('li.report', { hasText: 'Journalist Malvane arrested in Karsvik' });
    assert.deepEqual(await arrest.locator('.chip.event').allTextContents(), ['Arrest']);
    await shot('truth-02b-inbox-told');
  });

  test('an arrest no report places: detained, place not stated, and the alert names its rule', async () => {
    await openCase('Mira Tolvane');
    assert.equal(await page.getByTestId('case-status').locator('.status-label').textContent(), 'Detained');
    assert.match((await page.getByTestId('held-at').textContent()) ?? '', /place not stated/);
    const rule = page.locator('.case-alerts').getByTestId('alert-rule');
    assert.equal(await rule.count(), 1, `one open alert for the episode: ${await page.locator('.case-alerts').allTextContents()} / ${await page.getByTestId('case-status').textContent()}`);
    assert.equal(await rule.textContent(), 'rule: no confirmation of whereabouts for 24 h');
    await shot('truth-03-place-not-stated');
  });

  test('a disappearance: whereabouts unknown from the report itself', async () => {
    await openCase('Sela Marrow');
    assert.equal(await page.getByTestId('case-status').locator('.status-label').textContent(), 'Whereabouts unknown');
    assert.equal(await page.getByTestId('held-at').count(), 0);
  });

  test('alerts: every open one acknowledged at once', async () => {
    await page.goto(`${base}/alerts`);
    await page.locator('.alert-item').first().waitFor();
    assert.ok((await page.getByTestId('alert-rule').allTextContents()).every((t) => t.startsWith('rule: ')));
    await page.getByLabel('Select every open alert').check();
    await shot('truth-04-alerts-selected');
    await page.getByRole('button', { name: /Acknowledge selected/ }).click();
    await page.getByText('No open alerts.').waitFor();
    await shot('truth-05-alerts-acknowledged');
  });

  test('a merge of two people is split from the case page', async () => {
    await openCase('Karel Danek');
    await page.getByText('Not one person?').click();
    const boxes = page.locator('.split-merge input[type=checkbox]');
    assert.equal(await boxes.count(), 2);
    await page.locator('.split-merge li', { hasText: 'a report' }).nth(1).getByRole('checkbox').check();
    await shot('truth-06-split');
    const before = page.url();
    await page.getByRole('button', { name: 'Split off as another person' }).click();
    await page.waitForURL((u) => u.toString() !== before);
    await page.getByRole('heading', { name: 'Karel Danek' }).waitFor();
    const people = await store.db.selectFrom('persons').select('id').where('name', '=', 'Karel Danek').where('merged_into', 'is', null).execute();
    assert.equal(people.length, 2);
    assert.deepEqual(errors, []);
  });
});
