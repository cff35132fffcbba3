import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureDefaultRules } from '../storage/alerts.js';
import type { Store } from '../storage/store.js';
import { TEST_ENGINES, manualClock, watchNames } from '../storage/testing.js';
import type { Served } from './testing.js';
import { SHOTS, SKIP_BROWSER, serveForBrowser } from './testing.js';

const fixture = (p: string) => readFileSync(new URL(`../../test/fixtures/${p}`, import.meta.url), 'utf8');
const skip = SKIP_BROWSER;

/**
 * The analyst's walk through the web app in Debian's Chromium, against a real server and a real
 * SQLite database: first admin, paste a report, correct an event, see the case and its alert.
 * Screenshots land in results/screenshots/ for a human to look at.
 */
describe('the web app in Chromium', { skip }, () => {
  let store: Store;
  let served: Served | undefined;
  let browser: Browser;
  let page: Page;
  let base = '';
  // The server's clock is the test's: an idle session and a spent TOTP code come from moving it, not from waiting.
  const clock = manualClock('2026-11-20T09:00:00Z');
  const errors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });

  before(async () => {
    store = await TEST_ENGINES[0]!.open(clock.now);
    // What a case holds is tested here, not who gets one: the invented people are watched, so the case policy gives them a case.
    await watchNames(store, ['Joran Aldemir']);
    await store.db.transaction().execute((tx) => ensureDefaultRules(tx, store.now().toISOString()));
    served = await serveForBrowser(store);
    ({ base, browser } = served);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('dialog', (d) => void d.dismiss());
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !/status of 40[13]/.test(m.text()) && errors.push(m.text()));
  });
  after(async () => {
    await served?.close();
    await store?.close();
  });

  test('first run: the printed address opens a form that creates the admin', async () => {
    await page.goto(base);
    await page.getByLabel('Your name').fill('Ada Monitor');
    await page.getByLabel('E-mail').fill('ada@example.org');
    await page.getByLabel(/^Password/).fill('correct horse battery staple');
    await shot('01-setup');
    await page.getByRole('button', { name: 'Create the admin account' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  });

  test('a pasted report is read and shows who it is about', async () => {
    await page.getByLabel('Report', { exact: true }).fill(fixture('cases/aldemir-1.txt'));
    await page.getByLabel('Published').fill('2026-11-18');
    await page.getByRole('button', { name: 'Read this report' }).click();
    await page.locator('.report .chip.person', { hasText: 'Joran Aldemir' }).waitFor({ timeout: 30_000 });
    await shot('02-inbox');
  });

  test('review: the place of the arrest is picked in the text; the case says what the report says of his whereabouts', async () => {
    await page.locator('.report .title').first().click();
    await page.locator('.article .ent-PERSON', { hasText: 'Joran Aldemir' }).first().waitFor();
    await page.locator('.event-card', { hasText: '“arrested”' }).locator('button.head').click();
    await page.locator('.event-card.active .role-row', { hasText: 'place' }).getByRole('button', { name: 'pick' }).click();
    await page.locator('.article.picking .ent-LOC', { hasText: /^Karsvik$/ }).first().click();
    assert.equal(await page.locator('.event-card.active .role-row', { hasText: 'place' }).locator('.value').textContent(), 'Karsvik');
    await page.keyboard.press('s');
    await page.getByText('Correction saved').waitFor({ timeout: 30_000 }).catch(async (e) => {
      await shot('failed-save');
      throw new Error(`${e.message}; page says: ${await page.locator('.error').allTextContents()}; errors: ${errors}`);
    });
    // The notice comes as soon as the server answers; the badge after the report is fetched again.
    const badge = page.locator('.event-card', { hasText: '“arrested”' }).locator('.badge');
    await badge.filter({ hasText: /^corrected$/ }).waitFor();
    assert.equal(await badge.textContent(), 'corrected');
    // who said what: "she" in the quote is his wife, who is never named — and the panel says whose wife
    const quote = page.locator('.quotes li', { hasText: 'We do not know where they have taken him' });
    assert.equal(await quote.locator('.speaker').textContent(), 'his wife (wife of Joran Aldemir)');
    assert.match((await page.locator('.people li', { hasText: 'Ilse Varga' }).textContent()) ?? '', /police spokesman/);
    await shot('03-review');
    await page.getByRole('navigation').getByRole('link', { name: 'Cases', exact: true }).click();
    await page.getByRole('link', { name: 'Joran Aldemir' }).click();
    // his wife does not know where he was taken: the report says his whereabouts are unknown (ONTOLOGY)
    await page.getByTestId('case-status').getByText('Whereabouts unknown').waitFor();
    assert.ok(await page.locator('svg.timeline-chart .tl-event').count() >= 2, 'a drawn timeline');
  });

  test('an event the machine missed is added from a selection, and its alert appears', async () => {
    await page.goBack();
    await page.goBack();
    await page.locator('.article').waitFor();
    await page.evaluate(() => {
      const phrase = 'do not know where';
      const span = [...document.querySelectorAll('.article [data-s]')].find((s) => s.textContent!.includes(phrase))!;
      const node = span.firstChild!;
      const at = node.textContent!.indexOf(phrase);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + phrase.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await page.keyboard.press('n');
    const card = page.locator('.event-card.active');
    await card.waitFor();
    assert.match((await card.locator('.trigger').textContent())!, /do not know where/);
    await card.getByLabel('Type').selectOption('DISAPPEARANCE');
    await card.locator('.role-row', { hasText: 'target' }).getByRole('button', { name: 'pick' }).click();
    await page.locator('.article.picking .ent-PERSON', { hasText: 'Joran Aldemir' }).first().click();
    await card.getByRole('button', { name: /Save correction/ }).click();
    await page.getByText('New alert').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Alerts', exact: true }).click();
    await page.locator('.alert-item', { hasText: /disappearance/i }).first().waitFor();
    await shot('04-alerts');
    await page.locator('.alert-item', { hasText: /disappearance/i }).first().getByRole('link', { name: 'open the case' }).click();
    await page.locator('.case-alerts').waitFor();
    await shot('05-case');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('06-case-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling on a phone (${overflow}px too wide)`);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('search narrows by event type with facets', async () => {
    await page.goto(`${base}/search?q=aldemir`);
    await page.locator('.facet-item', { hasText: 'Disappearance' }).click();
    await page.waitForURL(/type=DISAPPEARANCE/);
    await page.locator('.results', { hasText: 'Joran Aldemir' }).waitFor();
    // The earlier results stay on screen until the narrowed ones arrive: wait for the arrest to go.
    await page.locator('.results li strong', { hasText: 'Arrest' }).first().waitFor({ state: 'detached', timeout: 10_000 });
    await page.locator('.results li strong', { hasText: 'Disappearance' }).first().waitFor();
    await shot('07-search');
  });

  test('settings: an admin adds an analyst, a rule and a token', async () => {
    await page.goto(`${base}/settings`);
    const users = page.getByRole('region', { name: 'Users and roles' });
    await users.getByLabel('Name').fill('Ana Lyst');
    await users.getByLabel('E-mail').fill('ana@example.org');
    await users.getByLabel('First password').fill('another long passphrase');
    await users.getByRole('button', { name: 'Add account' }).click();
    await users.getByRole('cell', { name: 'ana@example.org' }).waitFor();
    const rules = page.getByRole('region', { name: 'Alert rules' });
    await rules.getByLabel('Hours or days (N)').fill('6');
    await rules.getByRole('button', { name: 'Add rule' }).click();
    await rules.getByText('No confirmation of whereabouts for more than 6 hours').waitFor();
    const tokens = page.getByRole('region', { name: 'Your API tokens' });
    await tokens.getByLabel('Token name').fill('nightly export');
    await tokens.getByRole('button', { name: 'Create token' }).click();
    const token = await tokens.locator('code.token').textContent();
    assert.match(token!, /^vt_/);
    assert.equal(await page.evaluate(async (t) => (await fetch('/api/cases', { headers: { authorization: `Bearer ${t}` } })).status, token), 200);
    await shot('10-settings');
  });

  test('a hostile report is shown as text: no script or handler in it runs', async () => {
    await page.goto(base);
    await page.getByLabel('Report', { exact: true }).fill(fixture('web/hostile.txt'));
    await page.getByRole('button', { name: 'Read this report' }).click();
    await page.locator('.report .title', { hasText: 'Harbour clerk' }).click({ timeout: 30_000 });
    await page.locator('.article', { hasText: 'onerror' }).waitFor({ timeout: 30_000 });
    assert.ok((await page.locator('.article').textContent())!.includes('<script>window.__pwned'), 'markup shown literally');
    await page.locator('.article').click();
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
    assert.equal(await page.locator('.article script, .article img, .article svg, .article a').count(), 0);
    await shot('08-hostile');
  });

  test('a write without the CSRF token is refused; an idle session ends at the login page', async () => {
    const status = await page.evaluate(async () => (await fetch('/api/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'No token here.' }) })).status);
    assert.equal(status, 403);
    clock.advance(3 * 3_600_000);
    await page.reload();
    await page.getByText('Your session expired').waitFor();
    await shot('09-expired');
  });
});
