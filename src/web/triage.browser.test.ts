import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Store } from '../storage/store.js';
import { TEST_ENGINES } from '../storage/testing.js';
import type { Served } from './testing.js';
import { SHOTS, SKIP_BROWSER, serveForBrowser } from './testing.js';
import { setPolicySettings } from '../storage/policy.js';

/**
 * Who gets a case, in Chromium: a report read with no at-risk reading holds its person in the
 * inbox's triage queue with the evidence highlighted; the analyst opens a case from it, or says
 * "not a case"; the watch list is kept in settings. Invented reports; screenshots in results/.
 */
describe('the triage queue in Chromium', { skip: SKIP_BROWSER }, () => {
  let store: Store;
  let served: Served | undefined;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
  const paste = async (text: string) => {
    await page.getByLabel('Report', { exact: true }).fill(text);
    await page.getByLabel('Published').fill('2026-11-18');
    await page.getByRole('button', { name: 'Read this report' }).click();
  };

  before(async () => {
    store = await TEST_ENGINES[0]!.open();
    // Every targeted person waits in the queue, whatever the shipped risk model scores: the queue's screen is under test.
    await store.db.transaction().execute((tx) => setPolicySettings(tx, store.now().toISOString(), { caseThreshold: 1.01, triageFloor: 0 }));
    served = await serveForBrowser(store);
    browser = served.browser;
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !/status of 40[13]/.test(m.text()) && errors.push(m.text()));
    await page.goto(served.base);
    await page.getByLabel('Your name').fill('Ada Monitor');
    await page.getByLabel('E-mail').fill('ada@example.org');
    await page.getByLabel(/^Password/).fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create the admin account' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  });
  after(async () => {
    await served?.close();
    await store?.close();
  });

  test('a possible case shows its evidence in the report; "Open a case" opens it', async () => {
    await paste('Reporter held in Karsvik\n\nJournalist Lenka Haro was arrested in Karsvik on Monday by state security officers, her editor said.');
    const item = page.getByTestId('triage-item').filter({ hasText: 'Lenka Haro' });
    await item.waitFor({ timeout: 60_000 });
    assert.match((await item.locator('.possible').textContent()) ?? '', /Possible case: Lenka Haro, (journalist\?, )?arrest/);
    await item.locator('mark.evidence', { hasText: 'arrested' }).waitFor();
    await page.locator('.report .chip.review', { hasText: '1 possible case' }).waitFor();
    assert.match((await item.getByTestId('evidence').textContent()) ?? '', /Journalist Lenka Haro was arrested in Karsvik/);
    await shot('triage-01-queue');
    await item.getByRole('button', { name: 'Open a case' }).click();
    await page.getByRole('heading', { name: 'Lenka Haro' }).waitFor();
    await page.getByTestId('at-risk').waitFor();
    // The arrest is her editor's word (reported): it moves the status once an analyst accepts it (ONTOLOGY).
    assert.match((await page.getByTestId('case-status').textContent()) ?? '', /detained|at large/i);
    await shot('triage-02-case-opened');
    const cases = (await (await page.request.get(`${served!.base}/api/cases`)).json()) as { cases: { name: string }[] };
    assert.deepEqual(cases.cases.map((c) => c.name), ['Lenka Haro']);
  });

  test('a follow-up naming "Ms Haro" offers "Same person as Lenka Haro", which puts its charge on her case', async () => {
    await page.getByRole('link', { name: 'Inbox' }).click();
    await paste('Reporter charged in Karsvik\n\nMs Haro was charged with spreading false news in Karsvik on Tuesday, her lawyer said.');
    const item = page.getByTestId('triage-item').filter({ has: page.locator('.possible', { hasText: /Possible case: (Ms )?Haro\b/ }) });
    await item.waitFor({ timeout: 60_000 });
    const same = item.getByRole('button', { name: 'Same person as Lenka Haro' });
    await same.waitFor();
    await shot('triage-05-same-person');
    await same.click();
    await page.getByRole('heading', { name: 'Lenka Haro' }).waitFor();
    await page.getByText(/charge/i).first().waitFor();
    const cases = (await (await page.request.get(`${served!.base}/api/cases`)).json()) as { cases: { name: string }[] };
    assert.deepEqual(cases.cases.map((c) => c.name), ['Lenka Haro']);
    await shot('triage-06-joined');
  });

  test('"Not a case" settles the item and is remembered; the watch list is kept in settings', async () => {
    await page.getByRole('link', { name: 'Inbox' }).click();
    await paste('Robbery in Karsvik\n\nPolice in Karsvik detained Brod Ellis, a robbery suspect, on Tuesday.');
    const item = page.getByTestId('triage-item').filter({ hasText: 'Brod Ellis' });
    await item.waitFor({ timeout: 60_000 });
    await item.getByRole('button', { name: 'Not a case' }).click();
    await page.getByRole('status').filter({ hasText: 'Brod Ellis is not a case' }).waitFor();
    await item.waitFor({ state: 'detached' });
    await shot('triage-03-not-a-case');
    const cases = (await (await page.request.get(`${served!.base}/api/cases`)).json()) as { cases: { name: string }[] };
    assert.ok(!cases.cases.some((c) => c.name === 'Brod Ellis'));

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Name to watch').fill('Ivo Marten');
    await page.getByRole('button', { name: 'Watch', exact: true }).click();
    await page.locator('.watch-list li', { hasText: 'Ivo Marten' }).waitFor();
    await shot('triage-04-watch-list');
    assert.deepEqual(errors, []);
  });
});
