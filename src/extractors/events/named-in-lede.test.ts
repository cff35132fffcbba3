import { test } from 'node:test';
import { has, lacks, targets } from './targets-test-helpers.js';

// A lede that tells the event of a description and names the person after it, a first name set
// off by its description in a list, and the sentence sought "for" someone. Every sentence is
// written for these tests; the people, places and outlets are invented.

const check = (text: string, type: Parameters<typeof targets>[1], want: string[], unwanted: string[] = []) => {
  const got = targets(text, type);
  has(got, want, text);
  lacks(got, unwanted, text);
};

test('a description told attacked, then named by a definite description of its kind', () => {
  check('Police in Norvia detained a reporter on Monday. The reporter, Hugo Brandt, works for the weekly Tide.', 'ARREST', ['Hugo Brandt']);
  check('An activist was abducted in Tarsa on Friday. Two days later, the activist, Nell Ardo, was found alive.', 'ABDUCTION', ['Nell Ardo']);
  check('Gunmen shot dead a journalist in Velm on Sunday. The victim, Mira Santos, had reported on land disputes.', 'KILLING', ['Mira Santos']);
});

test('a description identified or named as someone', () => {
  check('Gunmen shot dead a journalist in Velm on Sunday. Police identified the victim as Mira Santos, 32.', 'KILLING', ['Mira Santos']);
  check('Gunmen shot dead a journalist in Velm on Sunday. The journalist was identified as Mira Santos.', 'KILLING', ['Mira Santos']);
  check('Gunmen shot dead a journalist in Velm on Sunday. She was later identified as Mira Santos.', 'KILLING', ['Mira Santos']);
});

test('a name opening the next sentence with an age or a title of the same trade', () => {
  check('A radio host was shot dead in Velm on Sunday night. Mira Santos, 41, presented a morning show on Radio Velm.', 'KILLING', ['Mira Santos']);
  check('An activist was abducted in Tarsa on Friday. Nell Ardo, a campaigner for land rights, was taken from her car.', 'ABDUCTION', ['Nell Ardo']);
  check('A social leader was shot dead on Saturday in Velm. Ramon Ortez, 47, president of the village board, was attacked by two men.', 'KILLING', ['Ramon Ortez']);
  // must not match: a leader of something else who takes a stand on the killing
  check('A social leader was shot dead on Saturday in Velm. Ivo Rant, 52, president of the chamber of commerce, condemned the killing.', 'KILLING', [], ['Ivo Rant']);
});

test('a post described by whose it is, named later when no one named before holds it', () => {
  check("Security forces detained two reporters on Tuesday, colleagues said, and the paper's editor has not been seen since. The editor, Tomas Greve, left before the raid.", 'DISAPPEARANCE', ['Tomas Greve']);
  // must not match: the post's holder was named before
  check("Ana Berg, the editor of Tide, spoke on Monday. Police later detained the paper's editor. The editor, Tomas Greve, denied it.", 'ARREST', [], ['Tomas Greve']);
});

test('must not match: whoever else the next sentences name', () => {
  // a colleague of the same trade who speaks, an official, a suspect, a shopkeeper
  check('A journalist was arrested on Monday. Tomas Greve, a reporter at the same paper, said the arrest was unjust.', 'ARREST', [], ['Tomas Greve']);
  check('Police detained a reporter on Monday. The minister, Ivo Rant, defended the arrest.', 'ARREST', [], ['Ivo Rant']);
  check('A journalist was shot dead on Sunday. John Smith, 45, was arrested at the scene.', 'KILLING', [], ['John Smith']);
  check('A journalist was shot dead on Sunday. John Smith, 45, a shopkeeper, gave no details.', 'KILLING', [], ['John Smith']);
  // those identified are the accused, not the one attacked
  check('An activist was killed on Sunday. The accused have been identified as Dan Obel and his brother.', 'KILLING', [], ['Dan Obel']);
  // "the victim, A," inside a phrase names someone else: the one filming the victim
  check('A video of a boy being beaten was posted online. The man filming the victim, Sami Kerr, laughed.', 'ASSAULT', [], ['Sami Kerr']);
});

test('a first name set off by its description, then ", and" someone unnamed', () => {
  check('Sofia Reyes, an indigenous leader, and her son were abducted by armed men on Tuesday.', 'ABDUCTION', ['Sofia Reyes']);
  check('Sofia Reyes, the mayor of Tolland, and her driver were abducted on Tuesday.', 'ABDUCTION', ['Sofia Reyes']);
  // must not match: a clause, not a description, after the name; the name is whom the target belongs to
  check('Sofia Reyes, who leads the union, and her driver said the men were armed.', 'ABDUCTION', [], ['Sofia Reyes']);
  check('Gunmen abducted the son of Sofia Reyes, a teacher, and her driver on Tuesday.', 'ABDUCTION', [], []);
});

test('a sentence sought or given "for" a person befalls them; "for" a crime does not', () => {
  check('Prosecutors are seeking a 12-year sentence for Idris Kammeyer, a trade unionist.', 'CONVICTION', ['Idris Kammeyer']);
  check('Idris Kammeyer faces a five-year sentence for his posts about the mine.', 'CONVICTION', ['Idris Kammeyer']);
  check('Prosecutors sought a 12-year sentence for murder against the guard, the court heard from Idris Kammeyer.', 'CONVICTION', [], ['Idris Kammeyer']);
});

test('an office held in a named organisation, with the holder set off after it, is the holder', () => {
  check('The general secretary of the Tolland Dockworkers Union, Samuel Achebe, was released on bail on Friday.', 'RELEASE', ['Samuel Achebe']);
  check('The treasurer of the Velm Port Union, Grace Obi, was arrested on Monday.', 'ARREST', ['Grace Obi']);
  // must not match: the organisation is released from nothing
  check('The Tolland Dockworkers Union was released from the ban on Friday, said Samuel Achebe.', 'RELEASE', [], ['Samuel Achebe']);
});

test('an attack aimed at someone: "opened fire on X", "shot at X"', () => {
  check('Unknown gunmen opened fire on radio presenter Mira Santos as she left the station.', 'ASSAULT', ['Mira Santos']);
  check('Gunmen opened fire on the car of Mira Santos on Monday.', 'ASSAULT', ['Mira Santos']);
  check('The gunmen shot at Mira Santos outside her home.', 'ASSAULT', ['Mira Santos']);
  // must not match: a speech that "opened fire on" a government, a worker dismissed at a plant
  check('Mira Santos opened fire on the government in a speech on Monday.', 'ASSAULT', [], ['Mira Santos']);
  check('Mira Santos, a worker fired at the plant last year, sued the company.', 'ASSAULT', [], ['Mira Santos']);
});

test('"the victim" identified after a harm told of no one, or a name identified as the victim', () => {
  check('A union leader was stabbed to death in Velm on Monday. Mira Castel was identified as the victim.', 'KILLING', ['Mira Castel']);
  check('A reporter was shot dead in Velm on Monday. Police named the dead reporter as Tomas Gerrard.', 'KILLING', ['Tomas Gerrard']);
  // a murder told with nobody attached, the victim named in the next sentence
  check('A killing was reported from a village near Velm last week. The victim was later named as Tomas Gerrard, a former teacher.', 'KILLING', ['Tomas Gerrard']);
  check('The killing took place near Velm in June. Tomas Gerrard was identified as the victim.', 'KILLING', ['Tomas Gerrard']);
  // must not match: one identified as someone else, "the man" who may be the gunman, a victim named too far on
  check('A reporter was shot dead in Velm on Monday. Tomas Gerrard was identified as the gunman.', 'KILLING', [], ['Tomas Gerrard']);
  check("A reporter was shot dead in Velm on Monday. Tomas Gerrard was identified as the victim's brother.", 'KILLING', [], ['Tomas Gerrard']);
  check('The killing took place near Velm in June. Police said the man was identified as Tomas Gerrard.', 'KILLING', [], ['Tomas Gerrard']);
  check('A killing was reported from a village near Velm last week. Police are investigating. Witnesses were questioned. The victim was later named as Tomas Gerrard.', 'KILLING', [], ['Tomas Gerrard']);
});
