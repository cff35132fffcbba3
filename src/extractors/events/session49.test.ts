import assert from 'node:assert/strict';
import { test } from 'node:test';
import { has, lacks, read, told } from './told-test-helpers.js';

// Sentences written for these tests, in the shapes of the invented reports 2581–2660 the rules
// were found on; every person, outlet and place is invented or a capital.

test('a killing that a denied act is over or for, or that an arrest came after, still happened', () => {
  has("Police fired on the march. We note that no police officer has been suspended over Tanvir Alam's killing.", 'KILLING', 'Tanvir Alam');
  has('Nobody has been jailed for the murder of the journalist Ana Ruiz.', 'KILLING', 'Ana Ruiz');
  has('The reporter Ana Ruiz has not been seen since her arrest in May.', 'ARREST', 'Ana Ruiz');
  // must not match: the denied event itself, and a release, which keeps the negation
  has('The reporter Ana Ruiz was not arrested for her reporting.', 'ARREST', 'Ana Ruiz', 'negated');
  lacks('The union did not push for the release of Ana Ruiz.', 'RELEASE', 'asserted');
});

test('an acquittal on one count, with the person still held past a contrast, frees nobody', () => {
  const held = 'Ko Min Thant, 22, a student, was arrested in March. He was acquitted last month on one count of incitement but remains held at Kyaik Pa prison on a terrorism charge.';
  lacks(held, 'RELEASE', 'asserted');
  // must still match: freed and then taken again, or freed and staying elsewhere
  has('The student Aye Min was acquitted in May but was rearrested and taken to Insein prison.', 'RELEASE', 'Aye Min');
  has('The student Aye Min was freed on bail in May but stayed with relatives.', 'RELEASE', 'Aye Min');
});

test('a release a court ordered and the authorities did not carry out is not done', () => {
  has('The lawyer Abebe Tolosa was arrested in December. On 15 January the court ordered the release of Abebe Tolosa on bail, but police did not carry out the order.', 'RELEASE', 'Abebe Tolosa', 'negated');
  has('On 30 October an investigating judge ordered the provisional release of reporter Rabi Hamani, but the prosecution appealed the same day and she was never let out.', 'RELEASE', 'Rabi Hamani', 'negated');
  has("On 11 April the investigating judge ordered the release of activist Rym Gharsa. The prosecution appealed that decision within hours, and she has not left the women's prison.", 'RELEASE', 'Rym Gharsa', 'negated');
  has('Kashmir: court-ordered release of journalist Aasif Lone ignored', 'RELEASE', 'Aasif Lone', 'negated');
  // must not match: an order carried out, or freed after all, or an order that ignored objections
  has('A court ordered the release of journalist Ana Ruiz on Monday. The prosecution appealed, but she walked free on Tuesday.', 'RELEASE', 'Ana Ruiz');
  has('A court ordered the release of journalist Ana Ruiz on Monday. She left the prison in the evening.', 'RELEASE', 'Ana Ruiz');
  has('The judge ordered the release of journalist Ana Ruiz, ignoring the objections of prosecutors.', 'RELEASE', 'Ana Ruiz');
});

test('anticipatory bail frees nobody: the person was never held', () => {
  lacks("On 9 October the High Court granted the journalist Sharmin Lipi six weeks' anticipatory bail.", 'RELEASE');
  lacks('The journalist Sharmin Lipi was granted pre-arrest bail.', 'RELEASE');
  // must still match: bail after custody
  has('Police arrested the journalist Sharmin Lipi in May. She was granted bail on Monday.', 'RELEASE', 'Sharmin Lipi');
});

test('a court step in absentia tells the person is away: an exile', () => {
  has('The blogger Hamid Djibo, who lives in France, was charged in absentia in October with undermining national defence.', 'ASYLUM_REQUEST', 'Hamid Djibo');
  has('Opposition leader Kemal Turan was sentenced to seven years in prison in absentia.', 'ASYLUM_REQUEST', 'Kemal Turan');
  // must not match: a court step with the person there, or one only sought
  lacks('Opposition leader Kemal Turan was sentenced to seven years in prison on Monday.', 'ASYLUM_REQUEST');
  lacks('Prosecutors asked that opposition leader Kemal Turan be tried in absentia.', 'ASYLUM_REQUEST');
});

test('a harm stopped short of death is an assault, and one to death a killing', () => {
  has('The lawyer Shahnewaz Haque was beaten nearly to death by four men.', 'ASSAULT', 'Shahnewaz Haque');
  lacks('The lawyer Shahnewaz Haque was beaten nearly to death by four men.', 'KILLING');
  lacks('The lawyer Shahnewaz Haque was stabbed almost to death outside his chamber.', 'KILLING');
  // must still match
  has('The lawyer Shahnewaz Haque was beaten to death by four men.', 'KILLING', 'Shahnewaz Haque');
});

test('must not match: a court step in absentia while held, a bail whose conditions forbid leaving, "our" an officer the report did not title so', () => {
  lacks('Security agents abducted the activist Karim Babu in 2018 and held him in a secret cell. While he was in that cell, a court sentenced him in absentia to seven years.', 'ASYLUM_REQUEST');
  has('Police arrested the student Supi Rattan in October. The court granted her bail, but ordered her not to leave the country.', 'RELEASE', 'Supi Rattan');
  const officers = told('Our Secretary of Conflicts, Wilmer Ayes, was shot and wounded on Saturday. Police detained our General Secretary in August.');
  assert.ok(!officers.some(([t, , w]) => t === 'ARREST' && w === 'Wilmer Ayes'), JSON.stringify(officers));
});

test("a union's own officer, a release from barracks or after hours held, and a release dated a week after the arrest", () => {
  has('Police arrested union president Narayan Koirala and general secretary Sita Rai on Sunday. Our president was released on Monday evening.', 'RELEASE', 'Narayan Koirala');
  has('The reporter Khaled Hamsho, who was arrested in May 2013, walked out of the army barracks on 8 December.', 'RELEASE', 'Khaled Hamsho');
  has('In November the reporter Rana Kassem was summoned by the cybercrime bureau and held for four hours before being allowed to leave.', 'RELEASE', 'Rana Kassem');
  const doc = read('On 9 October, security forces in Duhok detained the reporters Sherwan Ahmad and Dilan Mustafa. Ahmad and Mustafa were freed on bail a week later.', '2025-01-07');
  assert.equal(doc.events.find((v) => v.type === 'RELEASE')?.date?.value, '2024-10-16');
  // must not match: held for hours before being allowed to see a lawyer is no release
  lacks('The reporter Rana Kassem was held for four hours before being allowed to see a lawyer.', 'RELEASE');
});

test('a rank alone is no one, and a move out of prison is no arrest', () => {
  // "Brigadier" of "Brigadier General X" joined another brigadier and took the detainee's "him"
  const doc = read('The activist Kato Ssemakula was charged on Monday. He denied the charge.\n\nThe court chairman, Brigadier General Robert Mwesige, remanded him to Namaganda prison. Army spokesperson Brigadier Emmanuel Kaija said the court acted lawfully.');
  assert.ok(!doc.entities.some((e) => e.type === 'PERSON' && e.name === 'Brigadier'), JSON.stringify(doc.entities.map((e) => e.name)));
  lacks('The activists Ixchel Potoy and Norlan Ruiz were taken from La Modelo prison before dawn and driven to the airport.', 'ARREST');
  // must still match: taken to a prison
  has('The activists Ixchel Potoy and Norlan Ruiz were taken to La Modelo prison on Monday.', 'ARREST', 'Norlan Ruiz');
});

test("must not match (the review's worse cases): an order carried out after an appeal, an appeal not made, a release with a travel ban, a surname that is a rank", () => {
  has('The court ordered the release of activist Sana Mir on bail. The prosecution appealed, but the High Court dismissed the appeal and she went home.', 'RELEASE', 'Sana Mir');
  has('On 8 March a judge ordered the release of activist Amina Diallo. The prosecution did not appeal and she went home the same day.', 'RELEASE', 'Amina Diallo');
  has('The court ordered the release of activist Farida Osman. Her lawyer said she would not leave the country.', 'RELEASE', 'Farida Osman');
  has('The court ordered the release of the blogger Ivan Sorokin. He did not leave the prison until the next morning, when guards opened the gate.', 'RELEASE', 'Ivan Sorokin');
  has('The activist Joel Mbah was released on bail in March, but remains under a travel ban imposed after his arrest.', 'RELEASE', 'Joel Mbah');
  has('The activist Obinna Eze was released on bail but still faces jail if convicted of treason.', 'RELEASE', 'Obinna Eze');
  has('The activist Kyaw Min was acquitted and freed, but remains in prison-like conditions at a monastery.', 'RELEASE', 'Kyaw Min');
  lacks('The journalist Mehdi Karimi, who is serving a sentence in Evin prison, was tried in absentia in a second case because he refused to attend.', 'ASYLUM_REQUEST');
  lacks('A court in Baku sentenced the journalist Afgan Mukhtarov in absentia, although he was at the time in prison in Baku on another charge.', 'ASYLUM_REQUEST');
  lacks('The writer Bahrom Ismoil was sentenced in absentia last year. He was arrested in Dushanbe in 2023 and remains in prison.', 'ASYLUM_REQUEST');
  has('The lawyer Peter General was arrested in Accra. General was later released.', 'RELEASE', 'Peter General');
  lacks('The unionist Halima Juma walked out of the bank branch where she works and joined the strike.', 'RELEASE');
  const president = told('Police arrested the union leader Ali Juma. President William Ruto said the arrest was lawful. Our president was released on Friday.');
  assert.ok(!president.some(([t, , w]) => t === 'RELEASE' && w === 'William Ruto'), JSON.stringify(president));
  // "a week later" with no day told before is no day counted from the publication date
  assert.equal(read('A week later, the journalist Tomás Reyes was found dead.').events.find((v) => v.type === 'KILLING')?.date?.value, undefined);
});
