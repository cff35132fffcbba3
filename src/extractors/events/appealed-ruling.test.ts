import assert from 'node:assert/strict';
import { test } from 'node:test';
import { has, lacks, read } from './told-test-helpers.js';

// A new user's report of an appeal lodged against a sentence had given the editor a charge "by her
// lawyers" and a second conviction dated the day of the appeal (sentences written for this test).

test('an appeal lodged or filed against a ruling is no charge; a complaint lodged against someone still is', () => {
  lacks('Lawyers for the editor Mara Velin lodged an appeal against her sentence on Monday.', 'CHARGE');
  lacks('The family of Ivo Rant filed an objection against the ruling.', 'CHARGE');
  // must not match: a complaint or a case against a person is the start of a prosecution
  has('Prosecutors lodged a complaint against the blogger Mara Velin on Monday.', 'CHARGE', 'Mara Velin');
});

test('a sentence under appeal does not take the appeal\'s day; a sentence passed on a day does', () => {
  const appeal = read('Lawyers for the editor Mara Velin on Monday lodged an appeal against her four-year sentence.', '2026-12-09');
  const conviction = appeal.events.find((e) => e.type === 'CONVICTION');
  assert.ok(conviction, JSON.stringify(appeal.events.map((e) => e.type)));
  assert.equal(conviction.date, null);
  // must not match: the day a court hands down its sentence dates it
  const passed = read('A court in Tarsk on Monday handed the editor Mara Velin a four-year sentence.', '2026-12-09');
  assert.equal(passed.events.find((e) => e.type === 'CONVICTION')?.date?.value, '2026-12-07');
});
