import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PUBLISHED, timexFor, timexesOf } from './dates-test-helpers.js';

/** [sentence, the timex's text, type, value] against a report of Wednesday 2018-12-12. */
const CASES: [string, string, string, string][] = [
  // the examples
  ['Police detained him on Wednesday.', 'Wednesday', 'DATE', '2018-12-12'],
  ['His wife said Tuesday that he had not called.', 'Tuesday', 'DATE', '2018-12-11'],
  ['He was arrested on Monday in Bangkok.', 'Monday', 'DATE', '2018-12-10'],
  ['He was detained on Dec. 7 at the border.', 'Dec. 7', 'DATE', '2018-12-07'],
  ['The film was a documentary released in October.', 'October', 'DATE', '2018-10'],
  ['He will appear in court on Monday.', 'Monday', 'DATE', '2018-12-17'],
  // the news conventions
  ['The union was banned last month.', 'last month', 'DATE', '2018-11'],
  ['She fled two weeks ago.', 'two weeks ago', 'DATE', '2018-W48'],
  ['Protests began earlier this year.', 'earlier this year', 'DATE', '2018'],
  ['He has lived in exile since 2017.', '2017', 'DATE', '2017'],
  ['The party was founded in the 1990s.', 'the 1990s', 'DATE', '199'],
  ['The law dates from the twenty-first century.', 'the twenty-first century', 'DATE', '20'],
  ['He faces three years in prison.', 'three years', 'DURATION', 'P3Y'],
  ['His family visits every Monday.', 'every Monday', 'SET', 'XXXX-WXX-1'],
  ['He was taken from his home Tuesday night.', 'Tuesday night', 'TIME', '2018-12-11TNI'],
  ['Profit rose in the third quarter.', 'the third quarter', 'DATE', '2018-Q3'],
  ['Revenue fell in fiscal 2017.', 'fiscal 2017', 'DATE', '2017'],
  ['Police raided the office at 3 p.m. yesterday.', '3 p.m. yesterday', 'TIME', '2018-12-11T15:00'],
  ['The court ruled on Dec. 3, 2016.', 'Dec. 3, 2016', 'DATE', '2016-12-03'],
  ['He was released on 5 March 2015.', '5 March 2015', 'DATE', '2015-03-05'],
  ['The hearing is expected to take place on Friday.', 'Friday', 'DATE', '2018-12-14'],
  ['Activists have been held for more than 48 hours.', 'more than 48 hours', 'DURATION', 'PT48H'],
  ['He has been missing for several months.', 'several months', 'DURATION', 'PXM'],
  ['He is now in a military prison.', 'now', 'DATE', 'PRESENT_REF'],
  ['The decree took effect last spring.', 'last spring', 'DATE', '2018-SP'],
  ['Protesters will block the roads this summer.', 'this summer', 'DATE', '2018-SU'],
  ['Elections are due next year.', 'next year', 'DATE', '2019'],
  ['He was seized on Christmas Day.', 'Christmas Day', 'DATE', '2017-12-25'],
  ['Nobody has seen him since the weekend.', 'the weekend', 'DATE', '2018-W49-WE'],
  ['The rally is held annually in the first half of 2019.', 'the first half of 2019', 'DATE', '2019-H1'],
  ['The strike lasted a year and a half.', 'a year and a half', 'DURATION', 'P1Y6M'],
  ['Soldiers patrol the town daily.', 'daily', 'SET', 'P1D'],
  // weekdays whose tense is not the verb's
  ["The strike follows Monday's arrest of the union leader.", "Monday's", 'DATE', '2018-12-10'],
  ['His lawyer has scheduled a news conference Friday.', 'Friday', 'DATE', '2018-12-14'],
  ['The court postponed until Monday any ruling on his bail.', 'Monday', 'DATE', '2018-12-17'],
  ['Until Monday, the police had not named him a suspect.', 'Monday', 'DATE', '2018-12-10'],
  ['His wife would be travelling to the capital Friday.', 'Friday', 'DATE', '2018-12-14'],
  ['The talks, set to resume Monday, were called off.', 'Monday', 'DATE', '2018-12-17'],
  ['Lawyers for the two activists meet Friday with the prosecutor.', 'Friday', 'DATE', '2018-12-14'],
  ["The ruling was published in today's edition of the gazette.", 'today', 'DATE', '2018-12-12'],
  ['Analysts expect losses to widen in the current quarter.', 'the current quarter', 'DATE', '2018-Q4'],
  // what the sentence says about when, beyond the verb's tense
  ['The deadline had been due to expire Friday evening.', 'Friday evening', 'TIME', '2018-12-07TEV'],
  ['The families were given until 9 a.m. Monday to leave the camp.', '9 a.m. Monday', 'TIME', '2018-12-17T09:00'],
  ['The ministry created a detention review board, effective Feb. 1.', 'Feb. 1', 'DATE', '2019-02-01'],
  ['The ban became effective Feb. 1.', 'Feb. 1', 'DATE', '2018-02-01'],
  ['The lawyer was shot dead last Oct. 23 outside the court.', 'last Oct. 23', 'DATE', '2018-10-23'],
  // a day whose year is said relative to the report's
  ['Soldiers came to the house on August 6 last year.', 'August 6 last year', 'DATE', '2017-08-06'],
  ['Soldiers came at around 2 a.m. on August 6 last year.', 'around 2 a.m. on August 6 last year', 'TIME', '2017-08-06T02:00'],
  ['He was detained on 3 March this year.', '3 March this year', 'DATE', '2018-03-03'],
  ['The appeal will be heard on June 2 next year.', 'June 2 next year', 'DATE', '2019-06-02'],
  ['The group moved its office to the capital in April.', 'April', 'DATE', '2018-04'],
  ['The group moved its office to the capital in January.', 'January', 'DATE', '2018-01'],
  ['The commission said arrests rose sharply in the year.', 'the year', 'DATE', '2018'],
  ['Arrests rose 20% in the year ended Sept. 30.', 'the year', 'DURATION', 'P1Y'],
  ['A tribunal will hear the case the week of Jan. 14.', 'the week of Jan. 14', 'DATE', '2019-W03'],
];

for (const [sentence, phrase, type, value] of CASES) {
  test(`"${phrase}" in "${sentence}" is ${type} ${value}`, () => {
    const t = timexFor(sentence, phrase);
    assert.equal(t.type, type);
    assert.equal(t.value, value);
    assert.equal(sentence.slice(t.start, t.end), phrase, 'offsets slice back to the text');
  });
}

test('"the following day" counts from the date told before it, not from publication', () => {
  const t = timexFor('He was arrested on Dec. 3. The following day he was charged with incitement.', 'The following day');
  assert.equal(t.value, '2018-12-04');
  assert.equal(t.anchor, 'previous');
});

test('"the same day" after a date told only to the year or the month is known only to that', () => {
  assert.equal(timexFor('Six organisers were arrested on a holiday in 2020. A reporter was also arrested on the same day.', 'the same day').value, '2020');
  assert.equal(timexFor('He was detained in May 2017. His brother was detained that day too.', 'that day').value, '2017-05');
  // must not: after a full date it is that day, and a later full date is the one pointed back to
  assert.equal(timexFor('He was detained on Dec. 3, 2016. His brother was detained the same day.', 'the same day').value, '2016-12-03');
  assert.equal(timexFor('He was detained in 2015. On Dec. 3, 2016 his home was searched. His brother was detained the same day.', 'the same day').value, '2016-12-03');
});

test('stated and implied parts are kept apart, as chrono-node does', () => {
  const t = timexFor('He was detained on Dec. 7.', 'Dec. 7');
  assert.deepEqual(t.stated, ['month', 'day']);
  assert.equal(t.anchor, 'publication');
  const full = timexFor('He was detained on Dec. 7, 2016.', 'Dec. 7, 2016');
  assert.equal(full.anchor, 'stated');
});

test('a date is linked to the verb of its clause through the parse', () => {
  const t = timexFor('Thai police detained the activist on Dec. 7, his wife said.', 'Dec. 7');
  assert.equal(t.governor?.text, 'detained');
});

test('a past-tense date a few weeks ahead stays in this year rather than jumping back a year', () => {
  // a misread tense is likelier than a report about a date almost a year ago with no year given
  assert.equal(timexFor('The trial was set for Dec. 20.', 'Dec. 20').value, '2018-12-20');
  assert.equal(timexFor('He was arrested on Dec. 20.', 'Dec. 20', '2019-06-01').value, '2018-12-20');
});

test('"the latest quarter" is one that has ended, even after a coming quarter was named', () => {
  const text = 'The group expects a fourth-quarter charge. Donations fell 5% in the latest quarter.';
  assert.equal(timexFor(text, 'the latest quarter', '2018-11-02').value, '2018-Q3');
});

test('a month two or more months ahead is last year\'s in a past-tense clause, the next one this year\'s', () => {
  assert.equal(timexFor('The group changed its statutes in December.', 'December', '2018-10-27').value, '2017-12');
  assert.equal(timexFor('The group said it would publish the list in November.', 'November', '2018-10-27').value, '2018-11');
});

test('without a publication date only what the text states is written, the rest is X', () => {
  const found = timexesOf('He was detained on Dec. 7 and released in 2016, last week.', null);
  assert.deepEqual(
    found.map((t) => [t.text, t.value]),
    [
      ['Dec. 7', 'XXXX-12-07'],
      ['2016', '2016'],
    ],
  );
});

test('the publication date is the reference: the same words resolve differently in another report', () => {
  assert.equal(timexFor('He was detained on Monday.', 'Monday', '2020-02-29').value, '2020-02-24');
  assert.equal(timexesOf('Released yesterday.', '2016-03-01')[0]?.value, '2016-02-29');
  assert.equal(PUBLISHED, '2018-12-12');
});

test('"three days later" is a duration (TimeML: "later" is a signal) that points to a date after the one told before', () => {
  const text = 'He was detained on Dec. 3. Three days later he was moved. A few days later he vanished.';
  const three = timexFor(text, 'Three days');
  assert.deepEqual([three.type, three.value, three.pointsTo], ['DURATION', 'P3D', '2018-12-06']);
  const few = timexFor(text, 'A few days');
  assert.deepEqual([few.type, few.value, few.pointsTo], ['DURATION', 'PXD', undefined]);
  // a plain duration points nowhere
  assert.equal(timexFor('He spent three days in a cell.', 'three days').pointsTo, undefined);
});

test('a deadline month in a clause not told in the past lies ahead', () => {
  assert.equal(timexFor('The sale is part of a program to repay the loan by February.', 'February', '2018-10-30').value, '2019-02');
  assert.equal(timexFor('The loan had been repaid by February.', 'February', '2018-10-30').value, '2018-02');
});

test('"overnight" is the night before the day in view; "the previous Friday" the Friday before that', () => {
  const text = 'Shares closed lower Friday, hit by overnight losses abroad. The index was 4% below the previous Friday.';
  assert.equal(timexFor(text, 'overnight', '2018-11-05').value, '2018-11-01TNI');
  assert.equal(timexFor(text, 'the previous Friday', '2018-11-05').value, '2018-10-26');
});

test('a year said in words joins its season; a year before a plural noun is a date when something marks it as a modifier', () => {
  assert.equal(timexFor('They met in the winter of nineteen eighty-six.', 'the winter of nineteen eighty-six').value, '1986-WI');
  assert.equal(timexFor('Leaders of the 2016 protests have fled.', '2016').value, '2016');
  assert.equal(timexFor('Sales were above fiscal 2017 sales.', 'fiscal 2017').value, '2017');
  assert.equal(timexFor('The post-2011 politics split families.', '2011').value, '2011');
});

test('a weekday told before "adjourned" dates the adjourning; one after its object is the day it is put off to', () => {
  assert.equal(timexFor('The district court on Friday adjourned the trial of the reporter.', 'Friday', '2026-12-05').value, '2026-12-04');
  assert.equal(timexFor('The court adjourned the trial until Friday.', 'Friday', '2026-12-05').value, '2026-12-11');
  // a date put off to is read by its clause's tense, as before: a postponement told in a report's
  // background may be long past ("postponed to 3 April, when the court sentenced her")
  assert.equal(timexFor('Her trial was postponed to 3 April, when the court sentenced her to five years.', '3 April', '2026-12-05').value, '2026-04-03');
});
