import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { VigilError } from '../core/errors.js';
import { articleFromJsonLine } from './jsonl.js';
import { articleFromBytes, articleFromString, futurePublication, readArticleFile } from './read.js';

const fixture = (name: string): string => new URL(`../../test/fixtures/articles/${name}`, import.meta.url).pathname;
const code = (c: string) => (err: unknown) => err instanceof VigilError && err.code === c;

test('an HTML page gives its article body, title, byline and date', () => {
  const a = readArticleFile(fixture('lorvan-arrest.html'));
  assert.equal(a.format, 'html');
  assert.equal(a.title, 'Labor organizer detained in Port Selim');
  assert.equal(a.byline, 'Mira Soltane');
  assert.equal(a.published, '2026-12-04');
  assert.match(a.text, /^Police in Norvia on Tuesday arrested Ana K\. Velsmoor/m);
  assert.match(a.text, /taken from her home in Port Selim before dawn\.\n\nVelsmoor, 41/);
  for (const boilerplate of ['Most read', 'Storm hits coast', 'window.tracker', 'font-family', '©']) assert.ok(!a.text.includes(boilerplate), boilerplate);
});

test('--published overrides the page date; an impossible date is refused', () => {
  assert.equal(readArticleFile(fixture('lorvan-arrest.html'), { published: '2026-12-05' }).published, '2026-12-05');
  assert.throws(() => readArticleFile(fixture('lorvan-arrest.txt'), { published: '3000-01-01' }), code('invalid_date'));
  assert.throws(() => readArticleFile(fixture('lorvan-arrest.txt'), { published: '2026-02-30' }), code('invalid_date'));
  assert.throws(() => readArticleFile(fixture('lorvan-arrest.txt'), { published: 'Tuesday' }), code('invalid_date'));
});

test('a page with a broken date keeps its article and drops the date with a warning', () => {
  const warnings: string[] = [];
  const html = readFileSync(fixture('lorvan-arrest.html'), 'utf8').replaceAll('2026-12-04T09:30:00+02:00', '2026-13-45');
  const a = articleFromString(html, 'page', {}, warnings);
  assert.equal(a.published, undefined);
  assert.match(warnings[0]!, /ignored the page's publication date/);
});

test('plain text keeps its exact characters', () => {
  const a = readArticleFile(fixture('lorvan-arrest.txt'), { published: '2026-12-04' });
  assert.equal(a.text, readFileSync(fixture('lorvan-arrest.txt'), 'utf8'));
  assert.equal(a.id, 'lorvan-arrest.txt');
});

test('bad input is refused with a stable code', () => {
  assert.throws(() => readArticleFile(fixture('front-page.html')), code('no_article'));
  assert.throws(() => readArticleFile(fixture('missing.txt')), code('file_not_found'));
  assert.throws(() => articleFromBytes(new Uint8Array([0x50, 0x44, 0x46, 0x00, 0x01]), 'x.pdf'), code('binary_input'));
  assert.throws(() => articleFromBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'latin1.txt'), code('invalid_encoding'));
  assert.throws(() => articleFromBytes(new TextEncoder().encode(' \n\t '), 'blank.txt'), code('empty_input'));
  assert.throws(() => articleFromString('x'.repeat(6 * 1024 * 1024), 'huge'), code('input_too_large'));
  assert.throws(() => articleFromString(`<html><body>${'<div>'.repeat(10)}${'a'.repeat(21 * 1024 * 1024)}</body></html>`, 'huge.html'), code('input_too_large'));
});

test('JSON Lines records name their line when they are wrong', () => {
  assert.equal(articleFromJsonLine('{"id":"a1","text":"Ana was held.","published":"2026-12-04"}', 1).published, '2026-12-04');
  assert.throws(() => articleFromJsonLine('not json', 4), (e: unknown) => e instanceof VigilError && e.code === 'invalid_json' && /line 4/.test(e.message));
  assert.throws(() => articleFromJsonLine('{"id":"x"}', 2), code('invalid_input'));
  assert.throws(() => articleFromJsonLine('{"id":"x","text":"a","published":5}', 3), code('invalid_date'));
  // a title given beside the text is kept, as a CSV column's is; a title that is not text is refused
  assert.equal(articleFromJsonLine('{"id":"a2","title":" Lawyer held in Karsvik ","text":"Ana was held."}', 5).title, 'Lawyer held in Karsvik');
  assert.equal(articleFromJsonLine('{"id":"a3","text":"Ana was held."}', 6).title, undefined);
  assert.throws(() => articleFromJsonLine('{"id":"x","text":"a","title":7}', 7), code('invalid_input'));
});

test('a saved report with no date of its own takes the date in its file name, and says so', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-names-'));
  const named = path.join(dir, 'karsland-post-2026-11-20-union-leader-held.txt');
  copyFileSync(fixture('lorvan-arrest.txt'), named);
  const warnings: string[] = [];
  assert.equal(readArticleFile(named, {}, warnings).published, '2026-11-20');
  assert.match(warnings[0]!, /2026-11-20 taken from the file name/);
  // the caller's date wins, and a name with no date leaves the report undated, with a warning
  assert.equal(readArticleFile(named, { published: '2026-11-21' }).published, '2026-11-21');
  const undated: string[] = [];
  assert.equal(readArticleFile(fixture('lorvan-arrest.txt'), {}, undated).published, undefined);
  assert.match(undated[0]!, /no publication date/);
  // a page's own date wins over its name
  const page = path.join(dir, 'saved-2020-01-01.html');
  copyFileSync(fixture('lorvan-arrest.html'), page);
  assert.equal(readArticleFile(page).published, '2026-12-04');
});

test('a publication date after today (a day of grace) is told to whoever submits it; today, yesterday and none are not', () => {
  const now = new Date('2026-12-07T21:00:00Z');
  assert.match(futurePublication('2026-12-09', now) ?? '', /2026-12-09 is after today \(2026-12-07\)/);
  for (const fine of ['2026-12-08', '2026-12-07', '2026-11-30', null, undefined]) assert.equal(futurePublication(fine, now), undefined, String(fine));
});
