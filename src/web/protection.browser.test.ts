import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../server/auth/passwords.js';
import { totpCode } from '../server/auth/totp.js';
import { ensureDefaultRules } from '../storage/alerts.js';
import type { Store } from '../storage/store.js';
import { TEST_ENGINES, manualClock, watchNames } from '../storage/testing.js';
import type { Served } from './testing.js';
import { SHOTS, SKIP_BROWSER, serveForBrowser } from './testing.js';
import { insertUser } from '../storage/users.js';

const fixture = (p: string) => readFileSync(new URL(`../../test/fixtures/${p}`, import.meta.url), 'utf8');
const skip = SKIP_BROWSER;
const PASSWORD = 'correct horse battery staple';

/**
 * The caseworker's day and the case's protection, walked in Chromium against a real server:
 * statements that contradict each other, an appeal that cites every fact, a case restricted to
 * its members (and invisible to a colleague in the list, search, API and export), a phone-sized
 * case page, two-factor login, and a lockdown that ends a live session.
 */
describe('casework and protection in Chromium', { skip }, () => {
  let store: Store;
  let served: Served | undefined;
  let browser: Browser;
  let base = '';
  // The server's clock is the test's: an idle session and a spent TOTP code come from moving it, not from waiting.
  const clock = manualClock('2026-11-20T09:00:00Z');
  let caseId = '';
  const contexts: Record<string, { ctx: BrowserContext; page: Page }> = {};
  const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });

  const as = async (email: string): Promise<Page> => {
    if (!contexts[email]) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();
      page.on('dialog', (d) => void d.accept());
      contexts[email] = { ctx, page };
    }
    return contexts[email].page;
  };
  const login = async (page: Page, email: string) => {
    await page.goto(base);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
  };
  const apiGet = (page: Page, path: string) => page.evaluate(async (p) => { const r = await fetch(p); return { status: r.status, text: await r.text() }; }, path);

  before(async () => {
    store = await TEST_ENGINES[0]!.open(clock.now);
    // What a case holds is tested here, not who gets one: the invented people are watched, so the case policy gives them a case.
    await watchNames(store, ['Sana Oduya']);
    const at = store.now().toISOString();
    await store.db.transaction().execute(async (tx) => {
      await ensureDefaultRules(tx, at);
      const passwordHash = await hashPassword(PASSWORD);
      for (const [email, name, role] of [['ada@example.org', 'Ada', 'admin'], ['ana@example.org', 'Ana', 'analyst'], ['ben@example.org', 'Ben', 'analyst']] as const) await insertUser(tx, at, { email, name, role, passwordHash });
    });
    served = await serveForBrowser(store);
    ({ base, browser } = served);
  });
  after(async () => {
    await served?.close();
    await store?.close();
  });

  test('two reports in; the case shows the minister and his spokesman contradicting each other', async () => {
    const page = await as('ana@example.org');
    await login(page, 'ana@example.org');
    for (const [file, day] of [['cases/oduya-1.txt', '2026-11-18'], ['cases/oduya-2.txt', '2026-11-20']] as const) {
      await page.getByLabel('Report', { exact: true }).fill(fixture(file));
      await page.getByLabel('Published').fill(day);
      await page.getByRole('button', { name: 'Read this report' }).click();
    }
    await page.locator('.report .chip.person', { hasText: 'Sana Oduya' }).nth(1).waitFor({ timeout: 30_000 });
    const cases = JSON.parse((await apiGet(page, '/api/cases')).text) as { cases: { id: string; name: string }[] };
    caseId = cases.cases.find((c) => c.name === 'Sana Oduya')!.id;
    await page.goto(`${base}/cases/${caseId}`);
    const pair = page.getByTestId('contradiction').filter({ hasText: 'Aino Rask' }).first();
    await pair.waitFor();
    assert.match(await pair.innerText(), /Pell Dravik[\s\S]*Aino Rask/);
    assert.match(await pair.innerText(), /denies charge/);
    const grade = page.getByTestId('source-grade').filter({ hasText: 'second-hand' }).first();
    await grade.waitFor();
    // the grade form opens on the source's current grade, not on the first choice of each list
    const kind = await grade.locator('.badge').first().innerText();
    await grade.getByRole('button', { name: 'grade' }).click();
    assert.equal(await grade.getByLabel('Source kind').inputValue(), kind);
    assert.equal(await grade.getByLabel('Hand').inputValue(), 'second');
    await shot(page, '20-case-statements');
  });

  test('an urgent-appeal draft cites a source for every fact', async () => {
    const page = await as('ana@example.org');
    await page.getByRole('button', { name: 'Draft an urgent appeal' }).click();
    const editor = page.getByTestId('draft-editor');
    await editor.waitFor();
    const facts = editor.locator('fieldset', { hasText: '2. The facts' });
    const paragraphs = await facts.locator('.draft-para').count();
    assert.ok(paragraphs >= 1);
    assert.equal(await facts.getByTestId('cites').count(), paragraphs, 'every fact paragraph shows its citations');
    assert.ok((await editor.locator('ol.citations li').count()) >= 2);
    await shot(page, '21-appeal-draft');
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await editor.waitFor({ state: 'detached' });
  });

  test('the case is restricted to its member and given a code name', async () => {
    const page = await as('ana@example.org');
    await page.getByText('Change access').click();
    await page.getByLabel('Only members may see this case').check();
    await page.getByLabel('Code name').fill('HERON');
    await page.getByRole('button', { name: 'Save access' }).click();
    await page.getByTestId('access-state').filter({ hasText: 'Restricted to Ana' }).waitFor();
    await page.getByRole('heading', { name: /HERON/ }).waitFor();
  });

  test('on a phone: the case page fits the screen and a quick note can be added', async () => {
    const page = await as('ana@example.org');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByLabel('Quick note').fill('Lawyer at the station gate, not let in.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Lawyer at the station gate, not let in.').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the page is ${overflow}px wider than the phone`);
    await shot(page, '22-case-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('a non-member sees nothing of it: cases list, search, the case page, the API, the export', async () => {
    const page = await as('ben@example.org');
    await login(page, 'ben@example.org');
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.goto(`${base}/cases`);
    await page.getByRole('heading', { name: /Cases/ }).first().waitFor();
    assert.doesNotMatch(await page.locator('main').innerText(), /Oduya|HERON/);
    await page.goto(`${base}/search?q=oduya`);
    await page.waitForLoadState('networkidle');
    assert.doesNotMatch(await page.locator('main').innerText(), /Sana Oduya|HERON/);
    await page.goto(`${base}/cases/${caseId}`);
    await page.getByRole('alert').filter({ hasText: 'no such case' }).waitFor();
    const api = await apiGet(page, `/api/cases/${caseId}`);
    assert.deepEqual([api.status, JSON.parse(api.text).error.code], [404, 'not_found']);
    const csv = await apiGet(page, '/api/export?format=csv');
    assert.equal(csv.status, 200);
    assert.doesNotMatch(csv.text, /Oduya|HERON/);
  });

  test('two-factor login: once turned on, the login asks for the code', async () => {
    const page = await as('ben@example.org');
    await page.goto(`${base}/settings`);
    await page.getByRole('button', { name: 'Set up two-factor login' }).click();
    const secret = await page.getByTestId('totp-secret').innerText();
    await page.getByLabel('Code').fill(totpCode(secret, store.now()));
    await page.getByRole('button', { name: 'Turn on two-factor login' }).click();
    await page.getByText('On: logging in asks for a code').waitFor();
    await page.getByRole('button', { name: 'Log out' }).click();
    await login(page, 'ben@example.org');
    await page.getByLabel('Authenticator code').waitFor();
    clock.advance(30_000); // the code that turned it on is spent: the next one
    await page.getByLabel('Authenticator code').fill(totpCode(secret, store.now()));
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  });

  test('lockdown ends a live session', async () => {
    const ana = await as('ana@example.org');
    const admin = await as('ada@example.org');
    await login(admin, 'ada@example.org');
    await admin.getByRole('heading', { name: 'Inbox' }).waitFor();
    await admin.goto(`${base}/settings`);
    await admin.getByLabel('Lockdown reason').fill('a laptop was seized');
    await admin.getByRole('button', { name: 'Lock down' }).click();
    // the login form, not a page that happens to have an e-mail field
    await admin.getByRole('button', { name: 'Log in' }).waitFor();
    // Ana's page was open on the case; her next step finds her logged out.
    await ana.goto(`${base}/cases`);
    await ana.getByRole('button', { name: 'Log in' }).waitFor();
    const api = await apiGet(ana, '/api/cases');
    assert.equal(api.status, 401);
    await shot(ana, '23-after-lockdown');
  });
});
