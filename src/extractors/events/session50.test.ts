import assert from 'node:assert/strict';
import { test } from 'node:test';
import { has, lacks, told } from './told-test-helpers.js';

// Sentences written for these tests, in the shapes found in the train half of our annotation of
// real VOA sentences (data/voa-events); every person, party and place is invented.

/** No event of `type` befalls `who` (another may: the sentence's real target). */
const notOf = (text: string, type: string, who: string): void => assert.ok(!told(text).some(([t, , w]) => t === type && w === who), `no ${type} of ${who} in: ${text}\n${JSON.stringify(told(text))}`);

test('"one of the N, Name," and "a former fighter with the Front, Name," are the person named', () => {
  has('Police arrested one of the strike organisers, Tomas Varga, on Monday.', 'ARREST', 'Tomas Varga');
  has('The army captured one of the most wanted rebel commanders, Aldo Prell.', 'ARREST', 'Aldo Prell');
  has('Troops detained an ex-commander with the Dravin Liberation Front, Marek Solt, together with two aides in May.', 'ARREST', 'Marek Solt');
  // must not match: a name that speaks after the comma, or a description that ends the sentence
  notOf('Police arrested one of the protesters, Ivo Sarn said.', 'ARREST', 'Ivo Sarn');
  notOf('Police arrested the lawyer, Mira Castell said.', 'ARREST', 'Mira Castell');
  has('Police arrested the lawyer, Mira Castell.', 'ARREST', 'Mira Castell');
});

test('winning a match or a vote is no beating', () => {
  lacks('Ivo Sarn reached the quarter-finals by beating Pol Varan 6-4, 7-6.', 'ASSAULT');
  lacks("Mara Velk's party narrowly beat Mr. Osric's Social Democrats in the parliamentary elections.", 'ASSAULT');
  // must still match: a beating near a game's words, told with harm or by a force
  has('Police beat the journalist Ivo Sarn after the match.', 'ASSAULT', 'Ivo Sarn');
  has('Fans beat the referee, Ivo Sarn, unconscious after the final.', 'ASSAULT', 'Ivo Sarn');
});

test('a relative named through someone is not that someone', () => {
  notOf('Dravinia extradited a nephew of ex-premier Osric Velk to Norland last week.', 'EXTRADITION', 'Osric Velk');
  notOf('Police arrested the cousin of journalist Ivo Sarn.', 'ARREST', 'Ivo Sarn');
  // must still match: the relative named in apposition
  has('His nephew, Ivo Sarn, was arrested on Monday.', 'ARREST', 'Ivo Sarn');
});

test('"Kremlin-backed President X": a body joined by a hyphen to a participle modifies the name after it', () => {
  has('Monday is the anniversary of the assassination of Kremlin-backed Dravin President Osric Velk in Brenn.', 'KILLING', 'Osric Velk');
  has('Police arrested Kremlin-backed Mara Velk.', 'ARREST', 'Mara Velk');
});

test('a bare participle set off after a name or a person is said of them, not of the main clause subject', () => {
  has('The court heard the case of Mara Velk, convicted of blasphemy.', 'CONVICTION', 'Mara Velk');
  notOf('The court heard the case of Mara Velk, convicted of blasphemy.', 'CONVICTION', 'The court');
  notOf('Ivo Sarn is sought over the death of a customs officer, killed at a checkpoint in March.', 'KILLING', 'Ivo Sarn');
  // must still match: the subject's own chain of participles, after a date or a place
  has('Police arrested Mara Velk, charged with sedition.', 'CHARGE', 'Mara Velk');
  has('Mara Velk was detained at the airport, interrogated for hours and released.', 'RELEASE', 'Mara Velk');
});

test('a name right after "before", "after" or "when" and right before "was killed" is whom it befell', () => {
  has('The report said the man telephoned President Osric Velk minutes before Mr. Sarn was killed.', 'KILLING', 'Sarn');
  notOf('The report said the man telephoned President Osric Velk minutes before Mr. Sarn was killed.', 'KILLING', 'Osric Velk');
  // must still match: each clause its own subject
  has('Mara Velk was arrested after Ivo Sarn was released.', 'ARREST', 'Mara Velk');
  has('Mara Velk was arrested after Ivo Sarn was released.', 'RELEASE', 'Ivo Sarn');
});

test('a relative clause set off after a pair is said of both, unless its verb is singular', () => {
  has('The embassy is trying to locate Mara Velk and her interpreter, who vanished eleven days ago.', 'DISAPPEARANCE', 'Mara Velk');
  notOf('The embassy is trying to locate Mara Velk and her interpreter, who was abducted eleven days ago.', 'ABDUCTION', 'Mara Velk');
});

test('a finite passive the parse hung as a complement keeps the name before its auxiliary', () => {
  has('A local daily cites officials as saying Ivo Sarn, who goes by the name Dadi, was detained last month.', 'ARREST', 'Ivo Sarn');
  notOf('A local daily cites officials as saying Ivo Sarn, who goes by the name Dadi, was detained last month.', 'ARREST', 'officials');
  has('Police want Mara Velk arrested.', 'ARREST', 'Mara Velk', 'hypothetical');
});

test('a group someone named is "including" is people, and each named one is taken', () => {
  has('The army captured nine suspected rebels, including local commander Ivo Sarn.', 'ARREST', 'Ivo Sarn');
  has('Police detained seven journalists, including Mara Velk and Ivo Sarn.', 'ARREST', 'Ivo Sarn');
  // must not match: places captured
  lacks('The army captured three towns, including Brenn.', 'ARREST');
});

test('a death penalty sought is a conviction asked for; solitary confinement is custody; kidnappers of X tell X was taken', () => {
  has('Prosecutors sought the death penalty for Ivo Sarn.', 'CONVICTION', 'Ivo Sarn', 'hypothetical');
  has('Prison staff placed the union organiser Ivo Sarn in solitary confinement for a week.', 'ARREST', 'Ivo Sarn');
  has('Ivo Sarn was placed in solitary confinement.', 'ARREST', 'Ivo Sarn');
  has('Police arrested the kidnappers of Mara Velk.', 'ABDUCTION', 'Mara Velk');
  // must not match: a penalty abolished, children placed in groups, a kidnapper convicted
  lacks('Parliament voted to abolish the death penalty.', 'CONVICTION');
  lacks('The teacher placed the children in small groups.', 'ARREST');
  lacks('Convicted kidnapper Ivo Sarn was released on parole.', 'ABDUCTION');
});

test('mends from a fresh-eyes review of 602 probes: beatings near a vote, companions before a participle, speakers after "one of"', () => {
  // a beating near a game's or a vote's words is still a beating; a score, a seed or "in the final/elections" is a win
  has('Supporters of the ruling party beat journalist Aman Tiro ahead of the elections.', 'ASSAULT', 'Aman Tiro');
  has('Awami League activists beat journalist Rafiq Hossen in Ravel.', 'ASSAULT', 'Rafiq Hossen');
  has('Opposition supporter Ilya Marr was beaten by ruling party youths after the election.', 'ASSAULT', 'Ilya Marr');
  lacks('Fourth-seeded Ivo Sarn of Dravinia beat Pol Varan in straight sets.', 'ASSAULT');
  // a companion or a place's owner before the comma is not whom the participle is about
  has('Ana Brisk left the court with her lawyer, released on bail after two months.', 'RELEASE', 'Ana Brisk');
  has('Journalist Ivo Penn was arrested at home in front of his wife, charged with treason and taken to Tarsa.', 'CHARGE', 'Ivo Penn');
  notOf('Police raided the office of the lawyer, arrested three staff members and seized computers.', 'ARREST', 'the lawyer');
  // a name between commas that a description and a verb of speech follow is who speaks
  notOf("Police arrested one of the protesters, Ivo Sarn, the group's leader, said.", 'ARREST', 'Ivo Sarn');
  notOf('Police arrested one of the suspects on Monday, Ivo Marsh, a police spokesman, told reporters.', 'ARREST', 'Ivo Marsh');
  has('Police arrested the lawyer, Mira Castell, on Monday, the group said.', 'ARREST', 'Mira Castell');
  // "such as", "named after", "the brother of A was arrested", "President A's chief of staff", "videos of hostages, including A"
  has('Journalists such as Ivo Sarn were arrested.', 'ARREST', 'Ivo Sarn');
  lacks('A school named after Ivo Sarn was attacked by gunmen.', 'ASSAULT');
  notOf('The agency quoted police as saying the brother of Ivo Sarn was arrested.', 'ARREST', 'Ivo Sarn');
  notOf("Police arrested Kremlin-backed President Ivo Sarn's chief of staff.", 'ARREST', 'Ivo Sarn');
  lacks('The group released videos of hostages, including Lara Venn.', 'RELEASE');
  // a singular relative verb keeps the clause on the last of the pair; "the child" still points back to its name
  notOf('The envoy met Ivo Marr and his son, who faces charges of treason.', 'CHARGE', 'Ivo Marr');
  has('Lina Desk, 9, was walking home from school. The child was killed by a stray bullet.', 'KILLING', 'Lina Desk');
});

test('moved from a named place of custody to an undisclosed location: the one moved disappears, however the parse hung the phrase', () => {
  has('Lena Odar, the Radio Kessel reporter arrested on Friday, has been moved from Varn Street detention centre to an undisclosed location, her lawyer said.', 'DISAPPEARANCE', 'Lena Odar');
  has('Police moved Ivo Sarn from Brenn prison to a secret location on Monday.', 'DISAPPEARANCE', 'Ivo Sarn');
  // must not match: a move between known places
  lacks('Police moved Ivo Sarn from Brenn prison to Varn Street detention centre on Monday.', 'DISAPPEARANCE');
});
