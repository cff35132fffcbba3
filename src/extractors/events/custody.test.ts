import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import type { VigilEvent } from '../../text/types.js';
import { createDefaultPipeline } from '../default.js';

// Invented sentences: where a counted group is held.
const pipeline = createDefaultPipeline();

/** Per person with an arrest, what `read` says of their arrests, folded in report order by `fold`. */
function perArrested<T>(text: string, read: (v: VigilEvent) => T, fold: (seen: T | undefined, next: T) => T): Map<string | undefined, T> {
  const doc = pipeline.run(new Doc(text, { published: '2024-05-01' }));
  const byId = new Map(doc.entities.map((e) => [e.id, e.name]));
  const out = new Map<string | undefined, T>();
  for (const v of doc.events.filter((x) => x.type === 'ARREST' && x.target?.entity)) {
    const name = byId.get(v.target!.entity!);
    out.set(name, fold(out.get(name), read(v)));
  }
  return out;
}

/** Per person with an arrest, where the report says they are held (null: nowhere). */
const heldOf = (text: string) => perArrested<string | null>(text, (v) => v.heldAt?.text ?? null, (seen, next) => seen ?? next);

test('a counted group held somewhere is every person of the arrests told before, nearest first, up to its number', () => {
  const apart = 'Ada Moll was arrested in Drell on Monday. Ivo Rant was detained at his home in Karst. Police arrested Liva Somm on Tuesday.';
  const all = heldOf(`${apart} The three were arrested in different towns, but all are now being held at Velmora police station.`);
  for (const name of ['Ada Moll', 'Ivo Rant', 'Liva Somm']) assert.equal(all.get(name), 'Velmora police station', name);
  const counted = heldOf(`${apart} The three activists are detained at the central police station in Karst.`);
  for (const name of ['Ada Moll', 'Ivo Rant', 'Liva Somm']) assert.equal(counted.get(name), 'central police station in Karst', name);
  // must not match: someone told before the group's number is reached is not of the group
  const two = heldOf('Teo Vance was arrested in May. Ada Moll was arrested in Drell on Monday. Ivo Rant was detained in Karst on Monday. The two activists are held at Velmora police station.');
  assert.equal(two.get('Ivo Rant'), 'Velmora police station');
  assert.equal(two.get('Ada Moll'), 'Velmora police station');
  assert.equal(two.get('Teo Vance'), null);
});

test('placed or put in a facility, a town under a word of custody, a ward or wing of a prison: where someone is held', () => {
  assert.equal(heldOf('Ivo Rant was arrested and placed in pretrial detention at Karst remand centre.').get('Ivo Rant'), 'Karst remand centre');
  assert.equal(heldOf('Ivo Rant was arrested in May and remains in custody in Drell.').get('Ivo Rant'), 'Drell');
  assert.equal(heldOf('Ivo Rant was arrested in May and is in pretrial detention in Drell.').get('Ivo Rant'), 'Drell');
  assert.equal(heldOf('Ivo Rant was arrested. Ivo Rant is being held in Ward 4 of Karst prison.').get('Ivo Rant'), 'Ward 4 of Karst prison');
  // a list line: the person, an age, a description, then where held; a section of a facility
  const listed = heldOf('Five of them remain in custody:\n\n- Omid Varsan Tehlik, 21, commerce student, held at Boulaq El-Dakrour police station\n- Lina Varsa Demir, 20, law student, held in the women\'s section of the Vesk Security Directorate\n');
  assert.match(listed.get('Omid Varsan Tehlik') ?? '', /police station$/);
  assert.equal(listed.get('Lina Varsa Demir'), 'Vesk Security Directorate');
  // must not match: a town with no word of custody, custody with no place, a placing that is no facility
  assert.equal(heldOf('Ivo Rant was arrested in May. He is in Drell.').get('Ivo Rant'), null);
  assert.equal(heldOf('Ivo Rant was arrested in May and is in detention. His family lives in Drell.').get('Ivo Rant'), null);
  assert.equal(heldOf('Ivo Rant was arrested and placed in solitary confinement.').get('Ivo Rant'), null);
});

test('a sentence served at a prison, a facility whose name the parser split: where someone is held; a bus or railway station is not', () => {
  assert.equal(heldOf('Ivo Rant was arrested. He is serving a sentence at Karst prison.').get('Ivo Rant'), 'Karst prison');
  assert.equal(heldOf('Ivo Rant was arrested in May. He was detained at the Criminal Investigation Department headquarters in Drell.').get('Ivo Rant'), 'Department headquarters in Drell');
  assert.equal(heldOf('Ivo Rant was detained at Drell police station.').get('Ivo Rant'), 'Drell police station');
  // must not match: where someone was stopped on a journey, or a sentence handed down at a hearing
  assert.equal(heldOf('Ivo Rant was arrested at the Drell bus station.').get('Ivo Rant'), null);
  assert.equal(heldOf('Ivo Rant was detained at the main railway station in Drell.').get('Ivo Rant'), null);
  assert.equal(heldOf('Ivo Rant was arrested in May and handed a sentence at a hearing in Drell.').get('Ivo Rant'), null);
});

test('whereabouts unknown of one person are not those of the group their sentence tells detained', () => {
  const text =
    'Police detained two reporters and a driver in a raid on the weekly Tide on Tuesday, and the paper\'s editor has not been seen since. Officers took the reporters Ada Moll and Ivo Rant away in a van. The editor, Teo Vance, left before the raid.';
  const doc = pipeline.run(new Doc(text, { published: '2024-05-01' }));
  const byId = new Map(doc.entities.map((e) => [e.id, e.name]));
  const unknown = new Set(doc.events.filter((v) => v.whereaboutsUnknown && v.target?.entity).map((v) => byId.get(v.target!.entity!)));
  assert.ok(unknown.has('Teo Vance'), `Teo Vance's whereabouts unknown: ${[...unknown].join(', ')}`);
  // must not match: the reporters, detained in the same sentence
  assert.ok(!unknown.has('Ada Moll') && !unknown.has('Ivo Rant'), `the reporters got whereabouts unknown: ${[...unknown].join(', ')}`);
  const group = doc.events.find((v) => v.type === 'ARREST' && v.target?.text === 'two reporters and a driver');
  assert.ok(!group?.whereaboutsUnknown, 'the group arrest took the editor\'s whereabouts');
});

test('no word of someone, not knowing whether they are alive, and custody denied at every station: whereabouts unknown', () => {
  const unknown = (text: string) => {
    const doc = pipeline.run(new Doc(text, { published: '2024-05-01' }));
    return doc.events.some((v) => v.type === 'ARREST' && v.target?.entity && v.whereaboutsUnknown);
  };
  assert.ok(unknown('Police arrested Ade Olu on Monday. Since Thursday we have not heard anything about him, his brother said.'));
  assert.ok(unknown('Police arrested Ade Olu on Monday. We do not know whether he is dead or alive, his brother said.'));
  assert.ok(unknown('Police arrested Ade Olu on Monday. At every station the family were told that nobody by that name was in custody.'));
  // must not match: news from someone else, nobody held over a killing
  assert.ok(!unknown('Police arrested Ade Olu on Monday. He said he had not heard from his lawyer.'));
  assert.ok(!unknown('Police arrested Ade Olu on Monday for the killing of a guard. Police said nobody else was in custody over the killing.'));
});

test('someone held at a place with a name of several words is held there, whatever language names it; a square or a town is not', () => {
  const held = heldOf('Police arrested the activist Ana Menjivar. She is held at the Centro de Readaptacion para Mujeres in Ilopango.');
  assert.match(held.get('Ana Menjivar') ?? '', /^Centro de Readaptacion/);
  // must not match: a square, a town alone
  assert.equal(heldOf('Police arrested the activist Ana Menjivar. She was held at Karsvik Square for an hour.').get('Ana Menjivar') ?? null, null);
  assert.equal(heldOf('Police arrested the activist Ana Menjivar. She is held at Karsvik.').get('Ana Menjivar') ?? null, null);
});

/** Per person with an arrest, whether the report says nobody knows where they are. */
const unknownOf = (text: string) => perArrested<boolean>(text, (v) => Boolean(v.whereaboutsUnknown), (seen, next) => (seen ?? false) || next);

test('"we do not know where he is" is about him, not about whoever was arrested last', () => {
  const text =
    'On Monday police arrested the reporter Ivo Rant in Drell. The next day police detained the reporter Ada Moll at her home. She is being held at Drell central police station, her husband said. "We have been to every police station," Ivo Rant\'s brother said. "We do not know where he is."';
  const unknown = unknownOf(text);
  assert.equal(unknown.get('Ivo Rant'), true);
  // must not match: she is placed, and the words are not about her
  assert.equal(unknown.get('Ada Moll'), false);
});

test('a facility whose last words the parse set apart, or whose name it broke, is where someone is held', () => {
  assert.equal(heldOf('Police detained Ivo Rant. Rant is being held at Lai Chi Kok Reception Centre.').get('Ivo Rant'), 'Lai Chi Kok Reception Centre');
  assert.equal(heldOf('Police arrested Ivo Rant in July. He is now held at the Tianjin No. 2 Detention Centre.').get('Ivo Rant'), 'Tianjin No. 2 Detention Centre');
  assert.equal(heldOf("Police arrested Ivo Rant in 2017. He is held in Al-Ha'ir prison.").get('Ivo Rant'), "Al-Ha'ir prison");
  assert.equal(heldOf('Police arrested Ivo Rant in 2017. Instead of being freed, he was kept in Al-Razeen prison.').get('Ivo Rant'), 'Al-Razeen prison');
  assert.equal(heldOf('Police arrested Ivo Rant on Monday. He was transferred to El-Salam Reform and Rehabilitation Centre on the eastern edge of the city.').get('Ivo Rant'), 'El-Salam Reform and Rehabilitation Centre');
  assert.equal(heldOf('Police arrested Ivo Rant. Rant is being held at the State Criminal Investigation Department in Eleweran, his lawyer said.').get('Ivo Rant'), 'State Criminal Investigation Department in Eleweran');
  // must not match: an apposition after a comma is no part of the name, a town before a facility named later
  assert.equal(heldOf('Police arrested Ivo Rant. He is held at the police station, a concrete building.').get('Ivo Rant'), 'police station');
  assert.equal(heldOf('Police arrested Ivo Rant in 2017. He was held in Drell before the prison visit.').get('Ivo Rant'), null);
  assert.equal(heldOf('Police arrested Ivo Rant. He was taken to the Drell Bus Station.').get('Ivo Rant'), null);
});

test('nobody knowing where a named person is, when the report tells no custody of them, is a disappearance', () => {
  const of = (text: string) => {
    const doc = pipeline.run(new Doc(text, { published: '2024-05-01' }));
    const byId = new Map(doc.entities.map((e) => [e.id, e.name]));
    return doc.events.map((v) => `${v.type} ${byId.get(v.target?.entity ?? '') ?? v.target?.text ?? '-'}`);
  };
  assert.deepEqual(of('Deng Jia, a lawyer at a firm in Guangzhou, wrote on Saturday that police were at the door. He has not been heard from since, and colleagues did not know where he was.'), ['DISAPPEARANCE Deng Jia']);
  // must not match: one whose arrest the report tells (the words go on that arrest), money nobody can find
  assert.deepEqual(of('Police arrested Ivo Rant on Monday. His family does not know where he is.'), ['ARREST Ivo Rant']);
  assert.deepEqual(of('The minister Ivo Rant said nobody knows where the money went.'), []);
});

test('nobody knowing where someone was held, then a later sentence saying where, is found; the other way round is lost', () => {
  assert.equal(unknownOf('Police arrested the preacher Ivo Rant in 2017. For the first five months his family did not know where he was held. They were later told that he is held in Karsvik prison.').get('Ivo Rant'), false);
  // must not match: lost after being placed, or held incommunicado at a named place
  assert.equal(unknownOf('Police arrested Ivo Rant in 2017. He was held at Karsvik prison. Since his transfer in May, his family does not know where he is.').get('Ivo Rant'), true);
  assert.equal(unknownOf('Soldiers took the reporter Ivo Rant in May and held him incommunicado at the Karsvik army base.').get('Ivo Rant'), true);
});

test('whose whereabouts: the name set beside the role, and not the arrested man when it is his lawyer', () => {
  const doc = pipeline.run(new Doc("Police took Sister Meron Tekle and Brother Tesfaye Alemu to the bureau. The whereabouts of the union's general secretary, Brother Dawit Bekele Worku, remain unknown.", { published: '2024-05-01' }));
  const byId = new Map(doc.entities.map((e) => [e.id, e.name]));
  assert.deepEqual(doc.events.filter((v) => v.whereaboutsUnknown).map((v) => byId.get(v.target?.entity ?? '')), ['Dawit Bekele Worku']);
  // must not match: someone else's whereabouts laid on the arrest told before
  assert.equal(unknownOf('Police arrested Ivo Rant. The whereabouts of his lawyer remain unknown, Ada Moll said.').get('Ivo Rant'), false);
});

test('an incommunicado spell told as over ("had been held incommunicado for six months") leaves no one lost; one going on does', () => {
  assert.equal(unknownOf('A court sentenced the activist Ivo Rant to four years in prison. His family said he had been held incommunicado for six months after his arrest.').get('Ivo Rant'), false);
  const doc = pipeline.run(new Doc('A court sentenced the activist Ivo Rant to four years in prison. His family said he had been held incommunicado for six months after his arrest.', { published: '2024-05-01' }));
  assert.equal(doc.events.filter((v) => v.type === 'DISAPPEARANCE').length, 0);
  // must not match: a spell still going on
  assert.equal(unknownOf('Police arrested the activist Ivo Rant in May. He has been held incommunicado for six months.').get('Ivo Rant'), true);
});

test('"A is held at X and B at Y": the verb left out, B is held at Y', () => {
  const held = heldOf('Police detained Chan Ho and Leung Wing. Chan is being held at Lai Chi Kok Reception Centre and Leung at Tai Lam Centre for Women.');
  assert.equal(held.get('Chan Ho'), 'Lai Chi Kok Reception Centre');
  assert.equal(held.get('Leung Wing'), 'Tai Lam Centre');
  // must not match: a second name that is no gapped clause
  assert.equal(heldOf('Police detained Chan Ho and Leung Wing. Chan is being held at Karsvik prison and Leung said nothing.').get('Leung Wing'), null);
});

test('a house arrest is a custody of its own, held at home; a holding asked for and refused holds no one', () => {
  const text = 'A court in Kesh has placed the councillor Ivo Sarn under house arrest for two months. She was picked up on Monday and held for two days in a temporary detention facility. Prosecutors had asked for her to be remanded in a pretrial detention centre; the judge refused.';
  const doc = pipeline.run(new Doc(text, { published: '2024-05-01' }));
  const arrests = doc.events.filter((v) => v.type === 'ARREST' && v.modality === 'asserted');
  const house = arrests.find((v) => v.trigger.text === 'house arrest');
  assert.equal(house?.heldAt?.text, 'house arrest');
  assert.ok(!(house?.mentions ?? []).some((m) => m.text === 'held'), 'the night in a cell is not a telling of the house arrest');
  assert.ok(!arrests.some((v) => v.heldAt?.text.includes('pretrial')), 'the refused remand holds no one');
  // must still match: a custody told twice is one, held where the second telling says
  assert.deepEqual([...heldOf('Police arrested the councillor Ivo Sarn on Monday. He is being held at Kesh Central Prison.').values()], ['Kesh Central Prison']);
  // a custody a court ordered is where the person is; a house arrest spelled with a hyphen is one too
  assert.deepEqual([...heldOf('Police arrested the activist Ivo Sarn on Monday. A court ordered that he be remanded in custody at Kesh Central Prison.').values()], ['Kesh Central Prison']);
  const hyphen = pipeline.run(new Doc('The activist Ivo Sarn was arrested on Monday and placed under house-arrest.', { published: '2024-05-01' }));
  assert.equal(hyphen.events.find((v) => v.trigger.text === 'house-arrest')?.heldAt?.text, 'house-arrest');
});

test('held in solitary confinement or isolation at a facility, or at a police force\'s command: where someone is held', () => {
  assert.equal(heldOf('Police arrested the journalist Tove Lindqvist on Monday. She was held at the state police command in Belport.').get('Tove Lindqvist'), 'state police command in Belport');
  assert.equal(heldOf('Police arrested Ilse Maren in May. She is held in solitary confinement at the Karst remand centre.').get('Ilse Maren'), 'Karst remand centre');
  assert.equal(heldOf('Police arrested Ilse Maren in May. She is held in isolation at Drell prison.').get('Ilse Maren'), 'Drell prison');
  assert.equal(heldOf('Police arrested the unionist Mara Telk on Monday. She was taken to the Federal Police Crime Investigation Bureau at Velk.').get('Mara Telk'), 'Federal Police Crime Investigation Bureau');
  assert.equal(heldOf('Police arrested Lama Yusef on Monday. She is held at the Criminal Security branch in Damra.').get('Lama Yusef'), 'Criminal Security branch in Damra');
  // must not match: a command, bureau or branch that is no force's, confinement with no place
  assert.equal(heldOf('Police arrested Lama Yusef on Monday. She was taken to the bank branch in Damra.').get('Lama Yusef'), null);
  assert.equal(heldOf('Ivo Rant was arrested on Monday. He was held at the regional command of the ruling party.').get('Ivo Rant'), null);
  assert.equal(heldOf('Police arrested Ivo Rant on Monday. He was taken to the Bureau of Statistics.').get('Ivo Rant'), null);
  assert.equal(heldOf('Police arrested Ilse Maren in May. She was held in solitary confinement for ten days.').get('Ilse Maren'), null);
});

test('"was charged and remains held at X", with "remains" read as a noun: the one charged is held at X', () => {
  assert.equal(heldOf('Police arrested the journalist Osk Varn on Monday. He has been charged with assault and remains held at Brenn prison.').get('Osk Varn'), 'Brenn prison');
  assert.equal(heldOf('Police arrested the journalist Osk Varn on Monday. Varn was charged on Friday and remains held at Brenn prison.').get('Osk Varn'), 'Brenn prison');
  // must not match: remains that are things, not a verb after "and"
  assert.equal(heldOf('Police arrested the journalist Osk Varn on Monday. The human remains held at Brenn morgue were returned.').get('Osk Varn'), null);
  // only "and" or "but" joins the misread verb to the charge: "or" leaves it open whether he is held
  assert.equal(heldOf('Police arrested the journalist Osk Varn on Monday. He has been charged with assault or remains held at Brenn prison.').get('Osk Varn'), null);
});

test('a facility whose name holds lower-case words, told after a time or through a possessive, is where someone is held', () => {
  assert.equal(heldOf('Omid Rahvar is held in Varsk central prison.').get('Omid Rahvar'), 'Varsk central prison');
  assert.equal(heldOf('The journalist Lena Sorvik was arrested in June. Sorvik has been in custody since June and is held in the Drell pretrial detention centre pending appeal.').get('Lena Sorvik'), 'Drell pretrial detention centre');
  assert.equal(heldOf('The blogger Tam Hoa was arrested at his flat in 2022 and has been held since then at a detention centre run by the city police.').get('Tam Hoa'), 'detention centre');
  assert.equal(heldOf('Ivo Rant, who was still held on Thursday morning at the police station of Karst, was not charged.').get('Ivo Rant'), 'police station of Karst');
  assert.equal(heldOf('The reporter Mira Haddou was detained on Monday. A lawyer later established that she is being held at the Criminal Security branch\'s cybercrime section in the capital.').get('Mira Haddou'), "Criminal Security branch's cybercrime section in the capital");
  // must not match: a move refused, or still to come, is not where someone is held
  assert.equal(heldOf('The activist Tam Hoa was arrested in May. Hoa refused to be moved to Karst central prison.').get('Tam Hoa'), null);
  assert.equal(heldOf('The blogger Tam Hoa was arrested in March. Hoa is currently held at the Velm provincial police detention centre and is expected to be moved to a prison camp within weeks.').get('Tam Hoa'), 'Velm provincial police detention centre');
});

test('taken or sent to a facility: held there, whether or not an arrest was told, and "and B to Y" with the verb left out', () => {
  const both = heldOf('Ada Moll and Ivo Rant were denied bail. Moll was taken to Karst Centre for Women and Rant to Drell Reception Centre.');
  assert.equal(both.get('Ada Moll'), 'Karst Centre');
  assert.equal(both.get('Ivo Rant'), 'Drell Reception Centre');
  // must not match: a camp of holidays holds nobody, and a description coreference may have got wrong is not moved
  assert.equal(heldOf('Ada Moll was sent to a summer camp in Drell.').size, 0);
  assert.equal(heldOf('"They said he is not there. Then a man from the ward office told my father he was taken to the interrogation centre in Karst."').size, 0);
});

test('a clause after a comma with its own auxiliary and no subject is a conjunct: "resurfaced before a judge, was charged …"', () => {
  const doc = pipeline.run(new Doc('The journalist Sami Kone resurfaced in front of a judge, was charged with plotting against the state, and was sent to prison.', { published: '2024-05-01' }));
  const byId = new Map(doc.entities.map((e) => [e.id, e.name]));
  assert.ok(doc.events.some((v) => v.type === 'CHARGE' && byId.get(v.target?.entity ?? '') === 'Sami Kone'));
  // the title the parser made the subject stands for the name
  const titled = pipeline.run(new Doc('Blogger Pavel Kronn appeared before a judge on Tuesday, was charged with spreading false news, and was sent to Drell prison.', { published: '2024-05-01' }));
  const titledBy = new Map(titled.entities.map((e) => [e.id, e.name]));
  assert.ok(titled.events.some((v) => v.type === 'CHARGE' && titledBy.get(v.target?.entity ?? '') === 'Pavel Kronn'));
  // must not match: what a verb of saying or learning tells, and a name closing an apposition, are their own subjects
  const told = pipeline.run(new Doc('The Monitor has also learned that another monk, Tenzin Dorje, 34, was sentenced in June to three years in prison.', { published: '2024-05-01' }));
  const toldBy = new Map(told.entities.map((e) => [e.id, e.name]));
  assert.deepEqual(told.events.filter((v) => v.type === 'CONVICTION').map((v) => toldBy.get(v.target?.entity ?? '') ?? v.target?.text), ['Tenzin Dorje']);
});

test('a counted group held somewhere counts the unnamed group told with its named members', () => {
  const held = heldOf('Police arrested the campaigner Bir Sunar from the hospital on Monday afternoon. The three youths were picked up from their homes the same evening. All four are being held at the District Police Office in Siraha.');
  assert.equal(held.get('Bir Sunar'), 'District Police Office in Siraha');
  // must not match: the group's number reached by the unnamed alone leaves out the named one told before
  const others = heldOf('Police arrested the campaigner Bir Sunar on Monday. The four youths were picked up from their homes the same evening. All four are being held at the District Police Office in Siraha.');
  assert.equal(others.get('Bir Sunar'), null);
});

/** Per person with a custody of any kind, where the last telling of it says they are held (null: nowhere). */
function lastHeldOf(text: string): Map<string | undefined, string | null> {
  const doc = pipeline.run(new Doc(text, { published: '2024-05-01' }));
  const byId = new Map(doc.entities.map((e) => [e.id, e.name]));
  const out = new Map<string | undefined, string | null>();
  for (const v of doc.events.filter((x) => ['ARREST', 'CONVICTION'].includes(x.type) && x.target?.entity)) {
    const name = byId.get(v.target!.entity!);
    out.set(name, v.heldAt?.text ?? out.get(name) ?? null);
  }
  return out;
}

test('a cell or ward with no name of its own, told after the prison was named, leaves the prison as where the person is held', () => {
  const cell = lastHeldOf('Mira Tolvek was arrested in March and is held at Drellmoor women\'s prison. In June guards placed her in a punishment cell for a week.');
  assert.equal(cell.get('Mira Tolvek'), "Drellmoor women's prison");
  const kept = lastHeldOf('Ivo Rant was detained on Monday. He has been returned to the Karst Central Police Station, where he is kept in a crowded cell.');
  assert.equal(kept.get('Ivo Rant'), 'Karst Central Police Station');
  // must match still: a ward with a name, or a cell when no prison was named
  assert.equal(lastHeldOf('Ivo Rant was arrested. Ivo Rant is being held in Ward 4 of Karst prison.').get('Ivo Rant'), 'Ward 4 of Karst prison');
  assert.equal(lastHeldOf('Ivo Rant was arrested on Monday and placed in a punishment cell.').get('Ivo Rant'), 'punishment cell');
});

test('"all three", "the two": a number standing for the people held is a group', () => {
  const held = heldOf('Police detained Dana Velk in Karst on Monday. Ori Stam was detained at the airport on Tuesday. Officers arrested Luka Brenn at his flat. All three are now held at the Karst pre-trial detention centre.');
  for (const name of ['Dana Velk', 'Ori Stam', 'Luka Brenn']) assert.equal(held.get(name), 'Karst pre-trial detention centre', name);
  // must not match: someone told before the count is reached
  const two = heldOf('Teo Vance was arrested in May. Police detained Dana Velk in Karst on Monday. Ori Stam was detained at the airport on Tuesday. The two are now held at the Karst pre-trial detention centre.');
  assert.equal(two.get('Teo Vance'), null);
  assert.equal(two.get('Ori Stam'), 'Karst pre-trial detention centre');
});

test('"was returned to Karst prison": a person moved back is held there; one who goes back of her own accord is not', () => {
  assert.equal(lastHeldOf('Ivo Rant was detained in May. After the hearing he was returned to Karst prison that night.').get('Ivo Rant'), 'Karst prison');
  // must not match: she went back herself
  assert.equal(lastHeldOf('Mira Tolvek was detained in May and released the next day. She returned to the Karst police station to collect her phone.').get('Mira Tolvek'), null);
});

test('a custody noun with its place ("his detention at Karst prison") places that custody; a place of custody in general places nobody', () => {
  assert.equal(lastHeldOf('The reporter Ivo Rant was arrested on Monday. His detention at Karst prison was extended on Friday.').get('Ivo Rant'), 'Karst prison');
  // must not match: the conditions of a place, said by someone arrested elsewhere
  assert.equal(lastHeldOf('Conditions in pretrial detention at Karst prison are harsh, said Ivo Rant, who was arrested in May.').get('Ivo Rant'), null);
});
