import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../server/auth/passwords.js';
import { ensureDefaultRules } from '../storage/alerts.js';
import type { Store } from '../storage/store.js';
import { TEST_ENGINES, manualClock, watchNames } from '../storage/testing.js';
import { insertUser } from '../storage/users.js';
import type { Served } from './testing.js';
import { SHOTS, SKIP_BROWSER, serveForBrowser } from './testing.js';

const fixture = (p: string) => readFileSync(new URL(`../../test/fixtures/${p}`, import.meta.url), 'utf8');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PASSWORD = 'correct horse battery staple';

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

/** axe-core's WCAG 2 A/AA rules on the page as it stands: the serious and critical findings. */
async function axeFindings(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const { violations, passed } = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[]; passes: unknown[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return { violations: r.violations, passed: r.passes.length };
  });
  assert.ok(passed > 5, `axe checked the page (${passed} rules passed)`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.help}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Text in the drawn timeline that leaves the drawing, and tick labels that overprint each other. */
async function timelineProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>('svg.timeline-chart')) {
      const width = svg.viewBox.baseVal.width;
      const texts = [...svg.querySelectorAll<SVGTextElement>('text')];
      for (const t of texts) {
        const b = t.getBBox();
        if (b.x < 0 || b.x + b.width > width + 0.5) problems.push(`"${t.textContent}" is clipped (${Math.round(b.x)}–${Math.round(b.x + b.width)} of ${width})`);
      }
      const boxes = texts.map((t) => ({ t: t.textContent, b: t.getBBox() }));
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.b;
          const c = boxes[j]!.b;
          if (a.x < c.x + c.width && c.x < a.x + a.width && a.y < c.y + c.height && c.y < a.y + a.height) problems.push(`"${boxes[i]!.t}" overlaps "${boxes[j]!.t}"`);
        }
    }
    return problems;
  });
}

/**
 * What a monitor meets around the review screen, in Chromium: the paste box says which date a
 * report is read against and when the reading is done, exports download, a role takes any
 * selected words, the timeline and tables fit a laptop and a phone, and axe finds nothing serious.
 */
describe('the web app as a monitor meets it', { skip: SKIP_BROWSER }, () => {
  let store: Store;
  let served: Served | undefined;
  let browser: Browser;
  let page: Page;
  let base = '';
  const clock = manualClock('2026-11-20T09:00:00Z');
  const shot = (name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });

  before(async () => {
    store = await TEST_ENGINES[0]!.open(clock.now);
    // What a case holds is tested here, not who gets one: the invented people are watched, so the case policy gives them a case.
    await watchNames(store, ['Joran Aldemir']);
    await store.db.transaction().execute(async (tx) => {
      const at = clock.now().toISOString();
      await ensureDefaultRules(tx, at);
      await insertUser(tx, at, { email: 'mo@example.org', name: 'Mo Nitor', role: 'admin', passwordHash: await hashPassword(PASSWORD) });
    });
    served = await serveForBrowser(store);
    ({ base, browser } = served);
    // axe-core is injected as a script: the app's own CSP would refuse it, as it should any inline script.
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, bypassCSP: true });
    await page.goto(base);
    await page.getByLabel('E-mail').fill('mo@example.org');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  });
  after(async () => {
    await served?.close();
    await store?.close();
  });

  test('a report pasted without a date is flagged before and after, and the notice follows the reading', async () => {
    await page.getByLabel('Report', { exact: true }).fill(fixture('cases/aldemir-1.txt'));
    assert.match((await page.locator('#date-hint').textContent()) ?? '', /No publication date given/);
    await page.getByRole('button', { name: 'Read this report' }).click();
    const notice = page.locator('.paste .notice');
    await notice.getByText(/no publication date: relative dates/).waitFor();
    await notice.getByText(/^Read: \d+ (person|people) and \d+ events? found/).waitFor({ timeout: 60_000 });
    assert.equal(await notice.getByText('being read').count(), 0, 'the "being read" line is gone once read');
    await notice.getByRole('link', { name: 'Review it' }).waitFor();
    // with a date the hint goes, and the second report is read against it
    await page.getByLabel('Report', { exact: true }).fill(fixture('cases/aldemir-2.txt'));
    await page.getByLabel('Published').fill('2026-11-19');
    assert.equal(await page.locator('#date-hint').count(), 0);
    await page.getByRole('button', { name: 'Read this report' }).click();
    await notice.getByText(/^Read:/).waitFor({ timeout: 60_000 });
    await shot('20-paste-read');
  });

  test('a role takes any words selected in the text, not only a recognised name', async () => {
    await page.locator('.report .title', { hasText: 'Dock union leader' }).click();
    await page.locator('.article .trg').first().waitFor();
    await page.locator('.event-card', { hasText: '“arrested”' }).locator('button.head').click();
    await page.locator('.event-card.active .role-row', { hasText: 'agent' }).getByRole('button', { name: 'pick' }).click();
    // Selects a phrase across the segments it spans (a place name inside it is a segment of its own).
    // A string, not a function: the test's transpiler would wrap a function's inner helpers in names the page lacks.
    await page.evaluate(`(() => {
      const segs = [...document.querySelectorAll('.article [data-s]')];
      const phrase = 'Police in Karsvik';
      const at = segs.map((s) => s.textContent).join('').indexOf(phrase);
      const ends = [];
      for (const offset of [at, at + phrase.length]) {
        let seen = 0;
        for (const s of segs) {
          const len = s.textContent.length;
          if (offset <= seen + len) { ends.push({ node: s.firstChild, at: offset - seen }); break; }
          seen += len;
        }
      }
      const range = document.createRange();
      range.setStart(ends[0].node, ends[0].at);
      range.setEnd(ends[1].node, ends[1].at);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    })()`);
    // A drag that selects words ends in a click on the text, with the selection in place.
    await page.locator('.article').dispatchEvent('click');
    assert.equal(await page.locator('.event-card.active .role-row', { hasText: 'agent' }).locator('.value').textContent(), 'Police in Karsvik');
    await page.keyboard.press('s');
    await page.getByText('Correction saved').waitFor({ timeout: 30_000 }).catch(async (e: Error) => {
      await shot('failed-pick-save');
      throw new Error(`${e.message}; page says: ${await page.locator('.error').allTextContents()}`);
    });
  });

  test('exports download from the cases page as CSV, JSON and PLOVER files', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Cases', exact: true }).click();
    await page.getByRole('link', { name: 'Joran Aldemir' }).waitFor();
    for (const [name, file] of [['CSV', /^vigil-cases-2026-11-20\.csv$/], ['JSON', /^vigil-cases-2026-11-20\.json$/], ['PLOVER', /^vigil-plover-2026-11-20\.json$/]] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('navigation', { name: /Export/ }).getByRole('link', { name }).click()]);
      assert.match(download.suggestedFilename(), file);
      const body = readFileSync((await download.path())!, 'utf8');
      assert.match(body, /Joran Aldemir/, `${name} holds the case`);
    }
  });

  for (const [width, tag] of [[1366, 'laptop'], [390, 'phone']] as const) {
    test(`at ${width} px: the timeline and the tables fit, and axe finds nothing serious`, async () => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${base}/cases`);
      await page.getByRole('link', { name: 'Joran Aldemir' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the cases page is ${overflow}px wider than the screen`);
      const row = page.locator('.cases-table tbody tr').first();
      for (const col of ['Events', 'Alerts', 'Last news']) {
        const cell = width < 600 ? row.locator(`td[data-label="${col}"]`) : row.locator('td').nth(['Person', 'Status', 'Since', 'Events', 'Alerts', 'Last news'].indexOf(col));
        const box = await cell.boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= width, `${col} is on screen`);
      }
      await shot(`21-cases-${tag}`);
      assert.deepEqual(await axeFindings(page), [], 'cases list');
      if (width > 600) {
        // the names filter follows the typing, with no Enter pressed
        await page.getByLabel('Search names').pressSequentially('Zzyzx');
        await page.getByText('No cases match.').waitFor();
        await page.getByLabel('Search names').fill('');
        await page.getByLabel('Search names').pressSequentially('Alde');
        await page.getByRole('link', { name: 'Joran Aldemir' }).waitFor();
      }
      await page.getByRole('link', { name: 'Joran Aldemir' }).click();
      await page.locator('svg.timeline-chart').waitFor();
      assert.ok((await page.locator('svg.timeline-chart .tl-event').count()) >= 2);
      assert.deepEqual(await timelineProblems(page), [], 'timeline labels');
      await shot(`22-case-${tag}`);
      assert.deepEqual(await axeFindings(page), [], 'case page');
      await page.goto(`${base}/settings`);
      await page.getByRole('region', { name: 'Users and roles' }).waitFor();
      const role = page.getByLabel('Role of Mo Nitor');
      const box = await role.boundingBox();
      assert.ok(box && box.x + box.width <= width, 'the role selector is on screen');
      await shot(`23-settings-${tag}`);
      assert.deepEqual(await axeFindings(page), [], 'settings');
      for (const path of ['/', '/alerts', '/search?q=aldemir']) {
        await page.goto(`${base}${path}`);
        await page.locator('main, .page').first().waitFor();
        await page.waitForLoadState('networkidle');
        assert.deepEqual(await axeFindings(page), [], path);
      }
    });
  }

  test('the review screen passes axe', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(base);
    await page.locator('.report .title', { hasText: 'Dock union leader' }).click();
    await page.locator('.article .trg').first().waitFor();
    await page.locator('.event-card button.head').first().click();
    assert.deepEqual(await axeFindings(page), [], 'review');
    await shot('24-review');
  });
  test('an admin disables, enables and deletes an alert rule from the settings page (the delete asks first)', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${base}/settings`);
    const rules = page.getByRole('region', { name: 'Alert rules' });
    const item = rules.locator('li', { hasText: 'No news for 7 days' });
    await item.waitFor();
    const stored = () => store.db.selectFrom('alert_rules').select('enabled').where('kind', '=', 'no_news').executeTakeFirst();
    await rules.getByRole('button', { name: 'Disable the rule: No news for 7 days' }).click();
    await item.getByText('(disabled: raises nothing)').waitFor();
    assert.equal((await stored())?.enabled, 0);
    assert.deepEqual(await axeFindings(page), [], 'settings with a disabled rule');
    await shot('25-settings-rule-disabled');
    await rules.getByRole('button', { name: 'Enable the rule: No news for 7 days' }).click();
    await rules.getByRole('button', { name: 'Disable the rule: No news for 7 days' }).waitFor();
    assert.equal(await item.getByText('(disabled: raises nothing)').count(), 0);
    assert.equal((await stored())?.enabled, 1);
    // Dismissed, the confirm deletes nothing; accepted, the rule goes from the list and the database.
    page.once('dialog', (d) => void d.dismiss());
    await rules.getByRole('button', { name: 'Delete the rule: No news for 7 days' }).click();
    await page.waitForLoadState('networkidle');
    assert.ok(await stored(), 'kept when the confirm is dismissed');
    let asked = '';
    page.once('dialog', (d) => ((asked = d.message()), void d.accept()));
    await rules.getByRole('button', { name: 'Delete the rule: No news for 7 days' }).click();
    await item.waitFor({ state: 'detached' });
    assert.match(asked, /^Delete the rule "No news for 7 days"\? Its alerts stay/);
    assert.equal(await stored(), undefined);
    // a desk that wants arrests and abductions paged at once adds that rule from the same form
    await rules.getByLabel('Rule', { exact: true }).selectOption('new_arrest');
    await rules.getByRole('button', { name: 'Add rule' }).click();
    await rules.locator('li', { hasText: 'A new event: Arrest' }).waitFor();
    const added = await store.db.selectFrom('alert_rules').select('params').where('kind', '=', 'new_event').execute();
    assert.ok(added.some((r) => JSON.parse(r.params).types.join() === 'ARREST,ABDUCTION'), JSON.stringify(added));
  });
});
