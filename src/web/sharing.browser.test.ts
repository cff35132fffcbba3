import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { hashPassword } from '../server/auth/passwords.js';
import type { Store } from '../storage/store.js';
import { TEST_ENGINES, watchNames } from '../storage/testing.js';
import { insertUser } from '../storage/users.js';
import type { Served } from './testing.js';
import { SHOTS, SKIP_BROWSER, serveApp, serveForBrowser } from './testing.js';

const fixture = (p: string) => readFileSync(new URL(`../../test/fixtures/${p}`, import.meta.url), 'utf8');
const PASSWORD = 'correct horse battery staple';

/**
 * Two Vigils, two organisations: a case restricted under a code name is made into a signed,
 * redacted bundle on one (downloaded from the case page), the partner's key is registered on the
 * other (settings), the bundle imported there, and a bundle changed after signing refused.
 */
describe('sharing a case with a partner in Chromium', { skip: SKIP_BROWSER }, () => {
  const stores: Store[] = [];
  let sender: Served | undefined;
  let receiver: Omit<Served, 'browser'> | undefined;
  let page: Page;
  let bundleFile = '';
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'vigil-bundle-'));
  const apiCall = (p: Page, method: string, url: string, body?: unknown) =>
    p.evaluate(
      async ([m, u, b]) => {
        const me = await (await fetch('/api/auth/me')).json();
        const r = await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken ?? '' }, ...(b === undefined ? {} : { body: JSON.stringify(b) }) });
        return { status: r.status, data: await r.json().catch(() => null) };
      },
      [method, url, body] as const,
    );
  const login = async (p: Page, base: string, email: string) => {
    await p.goto(base);
    await p.getByLabel('E-mail').fill(email);
    await p.getByLabel('Password').fill(PASSWORD);
    await p.getByRole('button', { name: 'Log in' }).click();
    await p.getByRole('link', { name: 'Settings' }).waitFor();
  };

  before(async () => {
    for (const _ of [0, 1]) {
      const store = await TEST_ENGINES[0]!.open();
      // What a case holds is tested here, not who gets one: the invented people are watched, so the case policy gives them a case.
      await watchNames(store, ['Sana Oduya']);
      const at = store.now().toISOString();
      await store.db.transaction().execute(async (tx) => {
        const passwordHash = await hashPassword(PASSWORD);
        for (const [email, name, role] of [['ada@example.org', 'Ada', 'admin'], ['ana@example.org', 'Ana', 'analyst']] as const) await insertUser(tx, at, { email, name, role, passwordHash });
      });
      stores.push(store);
    }
    sender = await serveForBrowser(stores[0]!);
    receiver = await serveApp(stores[1]!);
    page = await (await sender.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
  });
  after(async () => {
    await sender?.close();
    await receiver?.close();
    for (const s of stores) await s.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  test('the case page makes a signed bundle under the code name and downloads it', async () => {
    await login(page, sender!.base, 'ada@example.org');
    assert.equal((await apiCall(page, 'PUT', '/api/sharing/identity', { name: 'Orvane Press Watch' })).status, 200);
    await apiCall(page, 'POST', '/api/reports', { text: fixture('cases/oduya-1.txt'), published: '2026-11-18', url: 'https://orvane-post.example/1' });
    await sender!.worker.drain();
    const cases = (await apiCall(page, 'GET', '/api/cases')).data as { cases: { id: string; name: string }[] };
    const id = cases.cases.find((c) => c.name === 'Sana Oduya')!.id;
    assert.equal((await apiCall(page, 'PUT', `/api/cases/${id}/access`, { restricted: true, codeName: 'Heron' })).status, 200);
    await page.goto(`${sender!.base}/cases/${id}`);
    await page.getByText('Make a signed, redacted bundle').click();
    assert.equal(await page.getByLabel('Name the person').inputValue(), 'code', 'a restricted case goes out under its code name unless told otherwise');
    await page.getByLabel('Other words to withhold').fill('central police station');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Make bundle' }).click()]);
    bundleFile = path.join(tmp, download.suggestedFilename());
    await download.saveAs(bundleFile);
    await page.getByRole('status').filter({ hasText: 'Bundle signed' }).waitFor();
    await page.screenshot({ path: `${SHOTS}sharing-1-export.png`, fullPage: true });
    const text = readFileSync(bundleFile, 'utf8');
    const bundle = JSON.parse(text);
    assert.equal(bundle.case.name, 'Heron');
    assert.ok(!/Oduya|central police station/.test(text), 'no real name, no withheld words in the file');
    assert.ok(bundle.events.length > 0);
  });

  test("the partner registers our key in settings and imports the bundle: the case opens under the code name, facts marked as the partner's", async () => {
    const senderKey = (await apiCall(page, 'GET', '/api/sharing/identity')).data as { publicKey: string; fingerprint: string };
    await page.context().clearCookies();
    await login(page, receiver!.base, 'ada@example.org');
    await page.getByRole('link', { name: 'Settings' }).click();
    const partners = page.getByRole('region', { name: 'Partners' });
    await partners.getByLabel('Bundle file').setInputFiles(bundleFile);
    await partners.getByRole('alert').filter({ hasText: 'not a registered partner' }).waitFor();
    await partners.getByLabel('Partner organisation').fill('Orvane Press Watch');
    await partners.getByLabel("Partner's public key").fill(senderKey.publicKey);
    await partners.getByRole('button', { name: 'Add partner' }).click();
    await partners.getByText(senderKey.fingerprint).waitFor();
    await partners.getByLabel('Bundle file').setInputFiles(bundleFile);
    await partners.getByRole('status').filter({ hasText: 'Imported from Orvane Press Watch' }).waitFor();
    await page.screenshot({ path: `${SHOTS}sharing-2-import.png`, fullPage: true });
    await partners.getByRole('link', { name: 'Open the case' }).click();
    await page.getByRole('heading', { name: 'Heron' }).waitFor();
    assert.ok(await page.locator('.badge.via', { hasText: 'via Orvane Press Watch' }).count() > 0);
    assert.match(await page.locator('.sources blockquote').first().innerText(), /█/);
    await page.screenshot({ path: `${SHOTS}sharing-3-case.png`, fullPage: true });
  });

  test('a bundle changed after signing is refused with the reason', async () => {
    const changed = JSON.parse(readFileSync(bundleFile, 'utf8'));
    changed.id = '00000000-0000-4000-8000-000000000000';
    const file = path.join(tmp, 'changed.json');
    writeFileSync(file, JSON.stringify(changed));
    await page.getByRole('link', { name: 'Settings' }).click();
    const partners = page.getByRole('region', { name: 'Partners' });
    await partners.getByLabel('Bundle file').setInputFiles(file);
    await partners.getByRole('alert').filter({ hasText: 'signature does not match' }).waitFor();
  });

  test('a partner removed leaves the list at once (the DELETE answers 204, with no body)', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    const partners = page.getByRole('region', { name: 'Partners' });
    const listed = partners.locator('li', { hasText: 'Orvane Press Watch' });
    await listed.waitFor();
    page.once('dialog', (d) => void d.accept());
    await listed.getByRole('button', { name: 'remove' }).click();
    await listed.waitFor({ state: 'detached' });
  });
});
