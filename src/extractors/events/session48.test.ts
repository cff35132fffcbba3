import assert from 'node:assert/strict';
import { test } from 'node:test';
import { read, told, has, lacks } from './told-test-helpers.js';

// Sentences written for these tests, in the shapes of the invented reports 2501–2580 the rules
// were found on; every person, outlet and place is invented or a capital.
const heldAt = (text: string, who: string) => told(text, true).find(([t, , w, h]) => t === 'ARREST' && w === who && h)?.[3] ?? null;

test('a release asked for by a request right before its "to", by an imperative or by a subjunctive is not done', () => {
  const arrest = 'Police in Osh detained the editor Dilnoza Karimova on Monday. ';
  // the request's own "to" right before the release (the parser read "Watch calls" as a verb and its object)
  has(`${arrest}Steppe Press Watch calls on the authorities to release Dilnoza Karimova.`, 'RELEASE', 'Dilnoza Karimova', 'hypothetical');
  has(`${arrest}The union urges the government to immediately release her.`, 'RELEASE', 'Dilnoza Karimova', 'hypothetical');
  // an imperative opening its sentence, or a line under an action heading, and a verb joined to it
  has(`${arrest}Release her immediately and unconditionally.`, 'RELEASE', 'Dilnoza Karimova', 'hypothetical');
  has(`${arrest}Write to the prosecutor:\n- Disclose where she is held and release her without conditions;`, 'RELEASE', 'Dilnoza Karimova', 'hypothetical');
  // "that the two be released", with "that" hung elsewhere by the parser
  has('Police detained the students Ravi Dom and Kiran Sahu on Monday. Students marched on Friday evening demanding that the two be released and the case be withdrawn.', 'RELEASE', 'Ravi Dom', 'hypothetical');
  // must not match: a participle or a subject before the verb, a release told as done after a request
  has(`${arrest}Released on bail on Friday, Dilnoza Karimova spoke to reporters.`, 'RELEASE', 'Dilnoza Karimova');
  has(`${arrest}Police release Dilnoza Karimova after a week.`, 'RELEASE', 'Dilnoza Karimova');
  has('The union urged the court to hear the case, and Dilnoza Karimova was released on Monday.', 'RELEASE', 'Dilnoza Karimova');
  has('The union said that the two will be released on Friday. Police detained Ravi Dom and Kiran Sahu.', 'ARREST', 'Ravi Dom');
  lacks('Police detained the students Ravi Dom and Kiran Sahu on Monday. The union said that the two will be released on Friday.', 'RELEASE', 'asserted');
});

test('a release ordered and then denied in the next sentence, or a span of custody that goes on elsewhere, frees nobody', () => {
  const ordered = 'The lawyer Tarek Mansour, held since March, was ordered released by a court on 4 May. Instead of being freed, he was taken to a security office.';
  lacks(ordered, 'RELEASE', 'asserted');
  // must still match: an order carried out, a next sentence that does not turn against it
  has('The lawyer Tarek Mansour was ordered released by a court on 4 May. He went home the same evening.', 'RELEASE', 'Tarek Mansour');
  const moved = 'The unionist Reza Kamali was held for more than three months in an intelligence detention centre. In August he was transferred to Karun central prison.';
  lacks(moved, 'RELEASE');
  // must still match: a span with nothing after it, or a next sentence that moves no one
  has('The unionist Reza Kamali was held for three months in an intelligence detention centre. In August he spoke to reporters.', 'RELEASE', 'Reza Kamali');
});

test('"has since" is a perfect; a date past "until" is not the event\'s', () => {
  has('The reporter Nasrin Hoda, who was held for three weeks in 2022, has since fled to Pakistan.', 'ASYLUM_REQUEST', 'Nasrin Hoda');
  const dated = read('Kemal Arin has since been released until the next session of his trial in March.', '2025-01-20').events.filter((v) => v.type === 'RELEASE');
  assert.deepEqual(dated.map((v) => v.date?.value ?? '-'), ['-']);
  // must not match: "since" with its own object is a preposition still
  has('The blogger Kemal Arin has been in prison since 2021.', 'ARREST', 'Kemal Arin');
});

test('who a pronoun is: the person a "where" clause continues, not a judge in the subject\'s words nor the one who jailed them', () => {
  has('Our treasurer Omid Farahani is not the only one. On May 9 our board member Javad Rostami was summoned to the prosecutor\'s office, where he was held for a night and then freed on bail.', 'RELEASE', 'Javad Rostami');
  const judge = 'The lawyer Karim Adel was arrested in March. On 14 May the criminal court, presided by Judge Samir Fawzi, replaced his detention with a travel ban.';
  assert.ok(!told(judge).some(([, , w]) => w === 'Samir Fawzi'), JSON.stringify(told(judge)));
  const booked = 'A prosecutor booked the teacher Nadim Haddad under the cybercrime law on Wednesday and ordered him held for 14 days.';
  has(booked, 'ARREST', 'Nadim Haddad');
  const remanded = 'Police picked up the reporter Derya Aksu on Wednesday. A judge on Thursday remanded her in custody, her lawyer said. She was taken to Bakirkoy women\'s prison in the evening.';
  assert.equal(heldAt(remanded, 'Derya Aksu'), "Bakirkoy women's prison");
  // must still match: the subject of a passive of custody with no one put in custody before it goes on with the subject
  has('The reporter Derya Aksu spoke at a rally on Monday. She was taken to a police station in the evening.', 'ARREST', 'Derya Aksu');
});

test('a form of address read into a name joins the person; a custody building named in capitals holds them', () => {
  const comrade = 'The union condemns the abduction of its president, Tendai Mukoko.\n\n1. The abduction of Comrade Mukoko\n\nOn Tuesday night, Comrade Mukoko was bundled into a car by four men.';
  const doc = read(comrade);
  assert.equal(doc.entities.filter((e) => e.type === 'PERSON' && /Mukoko/.test(e.name)).length, 1, JSON.stringify(doc.entities.map((e) => [e.type, e.name])));
  assert.equal(heldAt('Four months later, the channel\'s director, Elvin Qasimov, is still in the Ganja Pretrial Detention Centre.', 'Elvin Qasimov'), 'Ganja Pretrial Detention Centre');
  has('The poet Lida Marchuk is serving her term in a penal colony in Homel.', 'ARREST', 'Lida Marchuk');
  // a name and the building's name read as one run of proper nouns across the "is"
  assert.equal(heldAt('Lida Marchuk is still in Zhodino Prison.', 'Lida Marchuk'), 'Zhodino Prison');
  // must not match: a centre that holds no one, the prison service, a convention centre
  lacks('The poet Lida Marchuk spoke in the city centre on Monday.', 'ARREST');
  lacks('The Prison Service said the poet Lida Marchuk was well.', 'ARREST');
  lacks('The poet Lida Marchuk spoke at the Kigali Convention Centre on Monday.', 'ARREST');
});

test('a sentence received or handed to someone, a reflexive that stresses the subject, a pair named after an unnamed lede', () => {
  has('The organiser Lucia Parra Ibáñez, 29, received ten years on the same charges at the same hearing.', 'CONVICTION', 'Lucia Parra Ibáñez');
  has('In January a court in Mardin handed a suspended sentence of ten months to Baran Aydın, a reporter for a local agency.', 'CONVICTION', 'Baran Aydın');
  has('The network\'s founder, lawyer Ramon Dizon, was himself shot and wounded by unidentified men in 2021.', 'ASSAULT', 'Ramon Dizon');
  // must not match: a visit, a prize or threats received; a reflexive object
  lacks('The organiser Lucia Parra received a visit from her lawyer and a prize from the union.', 'CONVICTION');
  lacks('The organiser Lucia Parra received ten years of training abroad.', 'CONVICTION');
  const lede = 'A radio host whose programme aired complaints about the army, and an organiser of a farmers\' group, were arrested before dawn on Thursday, police said.\n\nNerissa Cabral, 38, and Ruben Ilagan, 51, were brought first to the municipal police station in Palo.';
  has(lede, 'ARREST', 'Nerissa Cabral');
  has(lede, 'ARREST', 'Ruben Ilagan');
});

test('what the fresh-eyes review found the first rules did wrong stays right', () => {
  const dated = (text: string, type: string) => read(text).events.filter((v) => v.type === type).map((v) => v.date?.value ?? '-');
  // a date after "until" is the event's unless a later step of the case stands between
  assert.deepEqual(dated('Kemal Arin was held until 9 May, when he was freed.', 'RELEASE'), ['2024-05-09']);
  assert.deepEqual(dated('Kemal Arin was released on bail pending appeal on Tuesday.', 'RELEASE'), ['2024-06-04']);
  assert.deepEqual(dated('Kemal Arin was jailed pending investigation on 12 April.', 'ARREST'), ['2024-04-12']);
  // a freedom from something else denied the next sentence is no custody going on
  has('The lawyer Omar Haddi was released on 4 May. However, he was not freed from the travel ban.', 'RELEASE', 'Omar Haddi');
  // "moved to tears" is no transfer
  has('The unionist Reza Kamran was held for three weeks in a police cell. He was moved to tears by the welcome.', 'RELEASE', 'Reza Kamran');
  // what is received is no sentence
  for (const text of ['The organiser Lucia Parra received two years of therapy after her release.', "Lucia Parra's lawyer received the sentence with dismay.", 'The organiser Lucia Parra received years of abuse from her neighbours.', 'The organiser Lucia Parra received a one-year term in office as union president.']) lacks(text, 'CONVICTION');
  has('The organiser Lucia Parra received a suspended sentence of two years on Tuesday.', 'CONVICTION', 'Lucia Parra');
  // a person named in the court's subject is excluded from "his" only as who acts for it
  has('The blogger Sami Rafi was arrested in March with his brother Ali Rafi. On 2 May a court in Cairo, acting on a complaint against Sami Rafi, renewed his detention.', 'ARREST', 'Sami Rafi');
  const judged = told('The blogger Sami Rafi was arrested in March with his brother Ali Rafi. On 2 May a court in Cairo, acting on a complaint against Sami Rafi, renewed his detention.');
  assert.ok(!judged.some(([t, , w]) => t === 'ARREST' && w === 'Ali Rafi'), JSON.stringify(judged));
});

test('the one a judge put in custody goes on as "she", however the detainee was named', () => {
  const remanded = told('Judge Emel Varga remanded the reporter Derya Aksu in custody. She was taken to Sincan prison.', true);
  assert.ok(remanded.some(([t, , w, h]) => t === 'ARREST' && w === 'Derya Aksu' && h === 'Sincan prison'), JSON.stringify(remanded));
  // must not match: a court headed by someone named with "by"
  const headed = told('Judge Samir Fawzi was arrested in March. The court, headed by his deputy Nabil Omar, renewed his detention.');
  assert.ok(!headed.some(([, , w]) => w === 'Nabil Omar'), JSON.stringify(headed));
});

test('struck in the face by a canister is an assault; stopped at the airport a restriction', () => {
  has("The vendor leader Rosa Quispe, who leads the market union, was struck in the face by a tear gas canister during the clearance.", 'ASSAULT', 'Rosa Quispe');
  has('Last year, the photographer Imran Dar was stopped at the Srinagar airport on his way to a fellowship in Berlin.', 'RESTRICTION', 'Imran Dar');
  // must not match: lightning or a car, a checkpoint before an arrest
  lacks('The farmer Rosa Quispe was struck by lightning in her field.', 'ASSAULT');
  lacks('The reporter Rosa Quispe was struck by a car in Lima.', 'ASSAULT');
  lacks('Police stopped the reporter Rosa Quispe at a checkpoint and arrested her.', 'RESTRICTION');
});
