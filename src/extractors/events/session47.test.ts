import assert from 'node:assert/strict';
import { test } from 'node:test';
import { read, told, has, lacks, nameOf } from './told-test-helpers.js';

// Sentences written for these tests, in the shapes of the invented reports 2101–2420 the rules
// were found on; every person, outlet and place is invented or a capital.

test('"handed over" to a state is a deportation, to the police custody, to a family neither', () => {
  has('The journalist Adil Baran was handed over to Turkish authorities on Friday.', 'DEPORTATION', 'Adil Baran');
  has('A blogger, Sami Orhan, handed over by Jordan in January, is held in Abu Dhabi.', 'DEPORTATION', 'Sami Orhan');
  has('The activist Sami Lund was handed over to the State Security Service in Abuja on Monday.', 'ARREST', 'Sami Lund');
  // must not match: a release to the Red Cross, a child to her parents, refugees to UN officials are no custody
  lacks('The abducted aid worker Musa Garba was released by the gunmen and handed over to the International Committee of the Red Cross.', 'ARREST');
  lacks('The rescued teenager Grace Nduta was handed over to her parents by police on Monday.', 'ARREST');
  lacks('The refugee poet Amal Idris was handed over to UNHCR officials in Kampala.', 'ARREST');
  // must not match: the report's own police, a family
  lacks('The reporter Kofi Dara was arrested on Monday and handed over to Ramna police the next day.', 'DEPORTATION');
  lacks('The body of the reporter Juma Ali was handed over to his family on Sunday.', 'DEPORTATION');
});

test('a bail revoked or a charge of several dropped frees nobody; an order not commented on still happened', () => {
  const revoked = told('The student Nattaya Phrom has been held since August, when the court revoked her bail.');
  assert.ok(revoked.some(([t, m]) => t === 'RELEASE' && m === 'negated'), JSON.stringify(revoked));
  lacks('The student Nattaya Phrom has been held since August, when the court revoked her bail.', 'RELEASE', 'asserted');
  lacks('The editor Kwan Ka-lun pleaded guilty to sedition. Prosecutors dropped a more serious charge of collusion against him.', 'RELEASE');
  has('Prosecutors dropped the charges against the activist Ana Vell on Monday.', 'RELEASE', 'Ana Vell');
  has('The publisher Kole Ajani was freed on Thursday. The security service had not commented on his release by Friday.', 'RELEASE', 'Kole Ajani');
  lacks('The publisher Kole Ajani was freed on Thursday. The security service had not commented on his release by Friday.', 'RELEASE', 'negated');
});

test('freed in other words: regains freedom, admitted to bail, walked out of a detention facility, dumped after being seized', () => {
  has('The publisher Kole Ajani regained his freedom on Thursday.', 'RELEASE', 'Kole Ajani');
  has('The magistrate admitted the journalist Kole Ajani to bail on Monday.', 'RELEASE', 'Kole Ajani');
  has('Kole Ajani, publisher of the online newspaper Frontline Post, on Thursday walked out of the Department of State Services (DSS) detention facility in Abuja.', 'RELEASE', 'Kole Ajani');
  has('The activist Moses Tumusi was picked up on 15 January and dumped on a roadside in Namanve five days later.', 'RELEASE', 'Moses Tumusi');
  // must not match: a body dumped, a car dumped by someone never held
  lacks('His body was dumped on a roadside.', 'RELEASE');
  lacks('The reporter Ivo Sarn was held up by the flooding and dumped his car.', 'RELEASE');
});

test('a stay "for nine hours" that ends in a flight out of the country is no release', () => {
  const text = 'Police held the lawyer Wanjiru Kamau for nine hours at the airport. Police then put her on a flight to Nairobi.';
  lacks(text, 'RELEASE');
  has(text, 'DEPORTATION', 'Wanjiru Kamau');
  // must still match: a stay with no removal after it ends in a release
  has('Police held the lawyer Wanjiru Kamau for nine hours at the airport last week.', 'RELEASE', 'Wanjiru Kamau');
});

test('where a person is held: a "where" clause on the facility, a building of custody, "the same prison"; never a van', () => {
  const where = told("The student Pimchanok Saengthong was taken to the Central Women's Correctional Institution, where she was being held on Tuesday night.", true);
  assert.ok(where.some(([t, , w, h]) => t === 'ARREST' && w === 'Pimchanok Saengthong' && h === "Central Women's Correctional Institution"), JSON.stringify(where));
  const van = told("The court sentenced the student Pimchanok Saengthong to four years. She was taken in a prison van to the Central Women's Correctional Institution, where she was being held on Tuesday night.", true);
  assert.ok(!van.some(([, , , h]) => h === 'prison van'), JSON.stringify(van));
  const same = told("The student Pimchanok Saengthong is held at the Central Women's Correctional Institution. Another student, Nat Phrom, 20, has been held at the same prison since August.", true);
  assert.ok(same.some(([, , w, h]) => w === 'Nat Phrom' && h === "Central Women's Correctional Institution"), JSON.stringify(same));
});

test('a custody of years before, told in the past, does not move the place of the one told first', () => {
  const text =
    'Police arrested the photojournalist Irfan Dor on 9 March 2025 and took him to Kot Bhalwal jail in Jammu. ' +
    'It is the second time Dor has been detained. In August 2019 he was held for 11 days at a police station in Srinagar and released without charge.';
  const doc = read(text, '2025-03-18');
  const first = doc.events.find((v) => v.type === 'ARREST' && v.date?.value === '2025-03-09');
  assert.equal(first?.heldAt?.text, 'Kot Bhalwal jail in Jammu', JSON.stringify(doc.events.map((v) => [v.type, v.trigger.text, v.date?.value, v.heldAt?.text])));
  // must still match: a remand told in the past is the custody going on ("was remanded to Kitalya prison until February 9")
  const remand = read('- Brian Kawesa, 31, a rider from Masaka who was arrested on January 16 and was on Monday charged before the court martial. He was remanded to Kitalya Mini-Max prison until February 9.', '2021-01-29');
  assert.equal(remand.events.find((v) => v.type === 'ARREST' && v.trigger.text === 'arrested')?.heldAt?.text, 'Kitalya Mini-Max prison');
});

test('coreference: a plural description is no one person, a pronoun in a description is someone else, an order is for another', () => {
  // "the first women's march" names no earlier woman; "Her whereabouts" goes on with the subject before
  has("Parwana Hakim is not the only protester to have vanished. Zahra Mohsen, a teacher who helped organise the first women's march in Kabul, was detained at a checkpoint on 12 January. Her whereabouts are also unknown.", 'DISAPPEARANCE', 'Zahra Mohsen');
  // "A cousin who helped to identify him": "him" is not the cousin
  const text = 'Villagers found the body of the photographer Ko Sai Lin on Sunday. A cousin who helped to identify him said there were burn marks on his arms.';
  const cousin = read(text);
  const him = text.indexOf('him');
  assert.equal(cousin.entities.find((e) => e.mentions.some((m) => m.start === him && m.kind === 'pronoun'))?.name, 'Ko Sai Lin');
  // "the magistrate, X, ordered his detention": the detention is not the magistrate's
  const ordered = read('Police picked up the photojournalist Irfan Dor on 9 March. On 12 March the district magistrate, Tariq Ganai, ordered his detention.');
  assert.ok(!ordered.events.some((v) => v.type === 'ARREST' && nameOf(ordered, v) === 'Tariq Ganai'), JSON.stringify(ordered.events.map((v) => [v.type, nameOf(ordered, v)])));
});

test('names: an honorific joins a name read as an organisation; an outlet after "of the … outlet" is no person', () => {
  const ko = read('Soldiers took away the video reporter Ko Thet Naing Oo on Sunday. On Monday a ward official said that Thet Naing Oo was being held at the Myinthar township police station.');
  assert.equal(ko.entities.filter((e) => e.type === 'PERSON' && /Thet Naing Oo/.test(e.name)).length, 1, ko.entities.map((e) => `${e.type}:${e.name}`).join(', '));
  const outlet = read('The founder of the defunct online outlet Harbour Glass was jailed for three years on Thursday.');
  assert.ok(!outlet.entities.some((e) => e.type === 'PERSON' && e.name === 'Harbour Glass'), outlet.entities.map((e) => `${e.type}:${e.name}`).join(', '));
  // must not match: a Latin name's place-like words stay apart
  const place = read('The activist José San Martín was arrested in San Martín province.');
  assert.ok(place.entities.some((e) => e.type === 'PERSON' && e.name === 'José San Martín'));
});

test('parse repairs: a participle with its particle before a name in a longer sentence, a relative clause hung on a verb', () => {
  has("Police picked up Dor, 33, from his family home on 9 March, two days after his photographs were published by a foreign agency.", 'ARREST', 'Dor');
  has('- Hamed Khosrow, a student activist from Shiraz, released in December 2023 after serving two years, who was re-arrested in Shiraz on 2 February.', 'ARREST', 'Hamed Khosrow');
  // must not match: a restrictive "who" is about the noun right before it, not a name further back
  lacks('The militia boss also warned Governor Tomas Reyk and the army chief, Ilse Varn, while he stood beside the fresh graves that held four fighters of his band who were lately killed.', 'KILLING');
  // must not match: a name given is the participle's ("named"), and the sentence's verb stays "arrested"
  const named = read('A journalist named Vera Lind was arrested in Velm on Monday, police said after the hearing was adjourned.');
  assert.ok(named.events.some((v) => v.type === 'ARREST' && nameOf(named, v) === 'Vera Lind'));
});

test('tags and lemmas: a guessed verb base takes its silent "e" where WordNet has the word; "neighbouring" before a place is an adjective', () => {
  const doc = read('The court revoked her bail and she rented a room. In neighbouring Kyrgyzstan, the journalist Nurlan Asan was placed under house arrest.');
  const lemma = (w: string) => doc.tokens.find((t) => t.text === w)?.lemma;
  assert.equal(lemma('revoked'), 'revoke');
  assert.equal(lemma('rented'), 'rent');
  assert.equal(doc.tokens.find((t) => t.text === 'neighbouring')?.upos, 'ADJ');
});

test('travel stopped, a name opening a sentence before a "who" clause, a description named after a clause ending on a pronoun', () => {
  has('In January, reporter Mehvish Wani was stopped from boarding a flight to Paris at Delhi airport.', 'RESTRICTION', 'Mehvish Wani');
  has('The lawyer Imran Rind was offloaded from a flight to Muscat at Karachi airport on 7 November.', 'RESTRICTION', 'Imran Rind');
  has('Anisur Rahman Sohel, who worked with Babu in the youth wing, is still missing.', 'DISAPPEARANCE', 'Anisur Rahman Sohel');
  has('Anisur Rahman Sohel, who was taken from a bus stop in Sylhet in December 2018, is still missing.', 'DISAPPEARANCE', 'Anisur Rahman Sohel');
  has('The friend who lived with her, Nilofar Amiri, a former presenter on a radio station, was released on 21 January.', 'RELEASE', 'Nilofar Amiri');
  // must not match: a bus stopped, and a name that may be the apposition of the noun before it
  lacks('The bus stopped at the border for an hour.', 'RESTRICTION');
  lacks('The officer and his driver were travelling in a car when armed men stopped them near Tajori and took them to an unknown location.', 'RESTRICTION');
  assert.ok(!told('The lawyer who represents the poet, Ivo Sarn, was arrested.').some(([, , w]) => w === 'Ivo Sarn'));
});

test('"did not free her until December" tells a release in December; a past form tagged an adjective in a verbless sentence is the verb', () => {
  const doc = read('Jeanine Niyon was acquitted by the High Court of Ngozi in September 2022, but the prison administration did not free her until December, three months later.', '2023-03-16');
  const freed = doc.events.filter((v) => v.type === 'RELEASE').map((v) => [v.trigger.text, v.modality, v.date?.value]);
  assert.deepEqual(freed, [['acquitted', 'asserted', '2022-09'], ['free', 'asserted', '2022-12']]);
  // must not match: "until now" is still not
  lacks('The activist Ana Rell has not been charged until now.', 'CHARGE', 'asserted');
  has('A Zimbabwean magistrate on Thursday acquitted freelance journalist Blessing Makon of taking part in a gathering.', 'RELEASE', 'Blessing Makon');
});

test('a custody shared "with her" takes the date of hers; an oblique pronoun is none of its own subjects', () => {
  const doc = read('Police detained the union leader Sok Chan on Monday outside the factory gates. Two other union members, Yim Bora and Chea Dal, were picked up with her. Yim Bora was released late on Monday without charge.', '2021-11-10');
  const picked = doc.events.find((v) => v.type === 'ARREST' && nameOf(doc, v) === 'Yim Bora');
  assert.equal(picked?.date?.value, '2021-11-08');
  const her = doc.text.indexOf('with her') + 5;
  assert.equal(doc.entities.find((e) => e.mentions.some((m) => m.start === her))?.name, 'Sok Chan');
});

test('a body found past a long apposition is a killing; what no official confirms is not told', () => {
  has('The body of Haidar Saad, a 29-year-old who had helped run the protest sit-in outside the provincial council building in Basra, was found on Friday morning on a dirt road north of the city.', 'KILLING', 'Haidar Saad');
  has('No official has confirmed that the activist Ana Rell was arrested.', 'ARREST', 'Ana Rell', 'hypothetical');
  // must still match: a confirmation is the event told
  has('Police confirmed on Monday that the activist Ana Rell was arrested.', 'ARREST', 'Ana Rell');
});

test('review of session 47: the rules\' edges (must not match)', () => {
  has('Prosecutors dropped a charge against the activist Ewa Nowak, ending her case.', 'RELEASE', 'Ewa Nowak');
  has('Security agents held the blogger Rashid Amin for ten hours at the airport on 4 May. On 5 May he was detained again and deported to Egypt.', 'RELEASE', 'Rashid Amin');
  const zawadi = told("Police arrested the activist Zawadi Akinyi on 28 February. In March she was held for two weeks at Lang'ata prison and then released.", true);
  assert.ok(zawadi.some(([t, , w, h]) => t === 'ARREST' && w === 'Zawadi Akinyi' && h === "Lang'ata prison"), JSON.stringify(zawadi));
  const ramla = read('Ramla Ahmed, who had been missing since March, was found dead on Sunday.');
  assert.equal(ramla.events.find((v) => v.type === 'DISAPPEARANCE')?.date?.value, '2024-03');
  has('Journalists granted UNHCR protection were deported to Eritrea last week.', 'DEPORTATION', 'Journalists');
  lacks('Heavy rain stopped the activist Jane Muthoni from travelling to the hearing.', 'RESTRICTION');
  lacks('The singer Kemi Ade was offloaded from an overbooked flight, the airline said.', 'RESTRICTION');
  assert.ok(!told('The student Lena Park was arrested at the Military Institute of Engineering, where she studies.', true).some(([, , , h]) => h));
  const station = read('The wife of the owner of the station Musa Kiptoo runs was questioned by police.');
  assert.ok(station.entities.some((e) => e.type === 'PERSON' && e.name === 'Musa Kiptoo'), station.entities.map((e) => `${e.type}:${e.name}`).join(', '));
  has('The activist Kofi Mensah hopes to regain his freedom soon.', 'RELEASE', 'Kofi Mensah', 'hypothetical');
  lacks('The student Joan Kizza was taken to hospital and dumped there by police.', 'RELEASE');
  const same = told('Amir Tehrani was held in Evin prison in 2010. In 2024 the activist Sara Jafari was taken to Qarchak prison. Amir Tehrani\'s son Davud Tehrani is now held at the same prison as his father was.', true);
  assert.ok(!same.some(([, , w, h]) => w === 'Davud Tehrani' && h === 'Qarchak prison'), JSON.stringify(same));
});

test('"regains freedom" after a list of names in a headline frees none of them', () => {
  lacks('Kemi Adeolu: Blogger seized by police over posts criticising Okafor, Balogun regains freedom', 'RELEASE');
  has('The journalist Ayoola Babalo regains freedom after 97 days.', 'RELEASE', 'Ayoola Babalo');
});

test('"Among the dead was X", "X was among the dead" tell a killing', () => {
  has('Among the dead was Kenneth Ssal, a 19-year-old student.', 'KILLING', 'Kenneth Ssal');
  has('The student Kenneth Ssal was among the dead.', 'KILLING', 'Kenneth Ssal');
  // must not match: "among the first"
  lacks('The student Kenneth Ssal was among the first to arrive.', 'KILLING');
});
