import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import type { EventType } from '../../text/types.js';
import { createDefaultPipeline } from '../default.js';

// Events told inside a person's description ("jailed blogger X", "X, now in exile,"), custody told
// as a span, exile, charges dropped and reprisals at work. Every sentence is written for these
// tests; the people, places and organisations are invented.
const pipeline = createDefaultPipeline();

/** Each event as "TYPE modality name" (the target's entity name, else its words, else "-"). */
function read(text: string): string[] {
  const doc = pipeline.run(new Doc(text, { published: '2024-05-10' }));
  const byId = new Map(doc.entities.map((e) => [e.id, e.name]));
  return doc.events.map((v) => `${v.type} ${v.modality} ${v.target?.entity ? byId.get(v.target.entity) : (v.target?.text ?? '-')}`);
}

const has = (text: string, ...want: string[]) => {
  const got = read(text);
  for (const w of want) assert.ok(got.includes(w), `${w} missing from ${JSON.stringify(got)} in: ${text}`);
};
const lacks = (text: string, ...unwanted: (EventType | string)[]) => {
  const got = read(text);
  for (const w of unwanted) assert.ok(!got.some((g) => g === w || g.startsWith(`${w} `)), `${w} wrongly among ${JSON.stringify(got)} in: ${text}`);
};

test('a participle opening the sentence befalls the person its role words name', () => {
  has('Imprisoned journalist Kofi Adane has been on hunger strike for two weeks.', 'ARREST asserted Kofi Adane');
  has('Jailed blogger Ruth Omari was moved to a prison in the north.', 'ARREST asserted Ruth Omari');
  has('Detained rights defender Yusuf Kalem appeared in court on Monday.', 'ARREST asserted Yusuf Kalem', 'TRIAL asserted Yusuf Kalem');
  has('Slain journalist Pedro Amaral was buried on Sunday.', 'KILLING asserted Pedro Amaral');
  has('Murdered blogger Samir Haddou had received threats for months.', 'KILLING asserted Samir Haddou');
  has('Jailed human rights lawyer Kemal Ozan was moved to a high-security prison.', 'ARREST asserted Kemal Ozan');
  has('Disbarred lawyer Felix Oduya said the decision was political.', 'RESTRICTION asserted Felix Oduya');
  // inside a sentence, after a verb of speech
  has('Rights groups said imprisoned lawyer Zhou Min had been denied medical care.', 'ARREST asserted Zhou Min');
});

test('must not match: a name opening the sentence, a participle with its own subject, a late or detained person with no name', () => {
  lacks('Mohammed said the hearing was postponed.', 'ARREST', 'KILLING');
  lacks('The late journalist Victor Mensah had criticised the mayor.', 'KILLING', 'ARREST');
  // "the detained officer" names nobody
  assert.ok(!read('The detained officer was later released.').some((g) => / [A-Z]\w+ [A-Z]\w+$/.test(g)));
  // the police did it: their arrest keeps its agent, and the person is still its target
  const doc = pipeline.run(new Doc('Police arrested journalist Ama Tetteh on Monday.', { published: '2024-05-10' }));
  const arrest = doc.events.find((v) => v.type === 'ARREST');
  assert.equal(arrest?.agent?.text, 'Police');
});

test('a span of custody that the clause ends belongs to whom the clause is about', () => {
  has('Editor Kwame Osei was granted bail after three weeks in custody.', 'RELEASE asserted Kwame Osei', 'ARREST asserted Kwame Osei');
  has('Ana Berg was freed on Monday after six months behind bars.', 'RELEASE asserted Ana Berg', 'ARREST asserted Ana Berg');
  has('Police released the editor Jon Ulm after two days in detention.', 'ARREST asserted Jon Ulm');
  // a span with no "after" is not said to end: a sentence of years in prison is no custody told
  lacks('The court sentenced Dina Koll to two years in prison.', 'ARREST asserted Dina Koll');
});

test('fled to a country, or fled it, is exile; not a holiday, the hills, or people nobody names', () => {
  has('Opposition figure Marek Zal fled to Lithuania after his house was searched.', 'ASYLUM_REQUEST asserted Marek Zal');
  has('Journalist Eli Brandt, who fled to Georgia in 2022, was sentenced in absentia.', 'ASYLUM_REQUEST asserted Eli Brandt', 'CONVICTION asserted Eli Brandt');
  has('Reporter Lina Duarte fled to neighbouring Georgia.', 'ASYLUM_REQUEST asserted Lina Duarte');
  has('Editor Sami Kar escaped to Kenya after receiving death threats.', 'ASYLUM_REQUEST asserted Sami Kar');
  lacks('Maria Lopes fled to Lithuania on holiday in August.', 'ASYLUM_REQUEST');
  lacks('Villagers fled to the hills when the soldiers arrived.', 'ASYLUM_REQUEST');
  lacks('The prisoner escaped to the forest.', 'ASYLUM_REQUEST');
});

test('left the country, or a country named, is exile; not a departure barred, allowed or only tried, nor a country\'s union', () => {
  has('Presenter Eloi Nsar left the country last week after three threatening messages.', 'ASYLUM_REQUEST asserted Eloi Nsar');
  has('Blogger Pavel Sidor, who left Belarus in 2020, was stripped of his citizenship.', 'ASYLUM_REQUEST asserted Pavel Sidor');
  has('Reporter Mira Haas was forced to leave the country.', 'ASYLUM_REQUEST asserted Mira Haas');
  lacks('Reporter Mira Haas was barred from leaving the country.', 'ASYLUM_REQUEST');
  lacks('Reporter Mira Haas was not allowed to leave the country.', 'ASYLUM_REQUEST');
  lacks('Reporter Mira Haas has been unable to leave the country since 2017.', 'ASYLUM_REQUEST');
  lacks('Reporter Mira Haas tried to flee the country.', 'ASYLUM_REQUEST');
  lacks("Reporter Mira Haas left the country's main union in 2019.", 'ASYLUM_REQUEST');
  lacks('Reporter Mira Haas left Belarus on holiday in August.', 'ASYLUM_REQUEST');
  // nor an errand, a departure undone, an expulsion; a departure allowed did happen
  lacks('Reporter Ivo Sarn left the country for a conference in Berlin and returned on Friday.', 'ASYLUM_REQUEST');
  lacks('Reporter Ivo Sarn left the country on Monday to attend a hearing in Geneva.', 'ASYLUM_REQUEST');
  lacks('The foreign correspondent Ivo Sarn was ordered to leave the country.', 'ASYLUM_REQUEST');
  lacks('Reporter Ivo Sarn left Poland in 2019 and moved back to Belarus.', 'ASYLUM_REQUEST');
  has('Reporter Mira Haas was allowed to flee to Georgia after her release.', 'ASYLUM_REQUEST asserted Mira Haas');
  // left for a country: a journey, whatever it is for, until the report says it was to escape
  lacks('The editor Ilsa Marrow, held for a week in March, left for Latvia on Monday.', 'ASYLUM_REQUEST');
  lacks('Reporter Ivo Sarn left for Germany on a short trip.', 'ASYLUM_REQUEST');
  lacks('Reporter Ivo Sarn left for Orla on Monday.', 'ASYLUM_REQUEST');
  lacks('Reporter Ivo Sarn fled for Germany.', 'ASYLUM_REQUEST');
  // crossed into a country, or across its border: gone there
  has('Freed in an amnesty, the reporter Lesk Arro crossed into Costa Rica in 2021.', 'ASYLUM_REQUEST asserted Lesk Arro');
  has('The reporter Lesk Arro crossed the border into Costa Rica in 2021.', 'ASYLUM_REQUEST asserted Lesk Arro');
  has('The reporter Lesk Arro fled across the border into Costa Rica.', 'ASYLUM_REQUEST asserted Lesk Arro');
  lacks('The reporter Lesk Arro crossed the street to the court.', 'ASYLUM_REQUEST');
  lacks('The reporter Lesk Arro crossed the border to buy food.', 'ASYLUM_REQUEST');
  lacks('The reporter Lesk Arro crossed into Costa Rica for a holiday.', 'ASYLUM_REQUEST');
  // a crossing within the country, or into another on a reporting trip, is no exile
  lacks('The photographer Tamsin Orvo crossed the country by bus to cover the strikes.', 'ASYLUM_REQUEST');
  lacks('The photographer Tamsin Orvo crossed the country last spring.', 'ASYLUM_REQUEST');
  lacks('The correspondent Halden Rusk crossed into Syria to film the shelling of the villages.', 'ASYLUM_REQUEST');
  lacks('The correspondent Halden Rusk crossed into Lebanon on Tuesday to report on the truce talks.', 'ASYLUM_REQUEST');
  lacks('The correspondent Halden Rusk crossed the border into Ukraine on assignment for a weekly.', 'ASYLUM_REQUEST');
  lacks('The correspondent Halden Rusk crossed Ukraine on assignment.', 'ASYLUM_REQUEST');
  // went or moved to a country to escape what awaited at home
  has('The bus driver Orsa Pellin went to Latvia with her daughter last spring to avoid a prison term.', 'ASYLUM_REQUEST asserted Orsa Pellin');
  has('The editor Ivo Sarn moved to Germany in 2021 to escape prosecution.', 'ASYLUM_REQUEST asserted Ivo Sarn');
  lacks('The editor Ivo Sarn moved to Germany in 2021 to study.', 'ASYLUM_REQUEST');
  lacks('The editor Ivo Sarn went to Poland on holiday to escape the heat.', 'ASYLUM_REQUEST');
  lacks('Guards moved the editor Ivo Sarn to Karst prison to avoid protests.', 'ASYLUM_REQUEST');
  // what is escaped must be what awaited at home: a prosecution, a term, a crackdown; not the weather
  lacks('The columnist Dace Morrow moved to Portugal in 2018 to escape the damp summers.', 'ASYLUM_REQUEST');
  lacks('The columnist Dace Morrow relocated to Chile to avoid the traffic of the capital.', 'ASYLUM_REQUEST');
  lacks('The columnist Dace Morrow went to Norway to escape the noise.', 'ASYLUM_REQUEST');
  has('The columnist Dace Morrow relocated to Chile in 2020 to evade arrest.', 'ASYLUM_REQUEST asserted Dace Morrow');
});

test('charges dropped or a case dismissed free the person of them; rejecting charges, a call or a refusal to drop them does not', () => {
  has('Prosecutors dropped the charges against student leader Adaeze Nwosu.', 'RELEASE asserted Adaeze Nwosu', 'CHARGE asserted Adaeze Nwosu');
  has('Charges against journalist Mona Dahl were dropped on Wednesday.', 'RELEASE asserted Mona Dahl', 'CHARGE asserted Mona Dahl');
  has('The court dismissed the case against activist Ben Okoro.', 'RELEASE asserted Ben Okoro');
  has('A judge threw out the case against lawyer Hana Rees on Monday.', 'RELEASE asserted Hana Rees');
  // the charges were brought, whatever became of them
  has('Prosecutors have not dropped the charges against editor Lea Voss.', 'CHARGE asserted Lea Voss');
  lacks('Prosecutors have not dropped the charges against editor Lea Voss.', 'RELEASE');
  lacks('Activist Ben Okoro dismissed the charges as politically motivated.', 'RELEASE');
  lacks('Rights groups urged prosecutors to drop the charges against blogger Ivo Marr.', 'RELEASE');
  lacks('Prosecutors refused to drop the charges against blogger Ivo Marr.', 'RELEASE');
  lacks('The team dropped striker Tom Ade after the defeat.', 'RELEASE');
});

test('a firing or suspension in reprisal for speech or reporting is a restriction; one for misconduct, or of a thing, is none', () => {
  has('The station suspended presenter Lola Ferre after she criticised the governor.', 'RESTRICTION asserted Lola Ferre');
  has('The newspaper fired columnist Ayo Bankole over his reporting on the election.', 'RESTRICTION asserted Ayo Bankole');
  has('The broadcaster sacked anchor Rui Lobo in retaliation for his coverage of the protests.', 'RESTRICTION asserted Rui Lobo');
  has('The factory dismissed union leader Amaka Eze for her union activities.', 'RESTRICTION asserted Amaka Eze');
  has('The bar association disbarred lawyer Tariq Bashir after he defended protesters.', 'RESTRICTION asserted Tariq Bashir');
  has('Dissident Omar Qasim was stripped of his citizenship last year.', 'RESTRICTION asserted Omar Qasim');
  lacks('The company fired manager Tim Roe for fraud.', 'RESTRICTION');
  lacks('The station suspended its broadcasts after the storm.', 'RESTRICTION');
  lacks('Sprinter Kai Moss was suspended for doping.', 'RESTRICTION');
  lacks('The coach dismissed the striker after a poor season.', 'RESTRICTION');
});

test('a description with a people or a faith, a title, a list, or a freeing participle', () => {
  has('Abducted Anglican priest Father John Okeke was released after 12 days.', 'ABDUCTION asserted John Okeke');
  has('Exiled Belarusian journalist Olga Petrovna was sentenced in absentia to eight years.', 'ASYLUM_REQUEST asserted Olga Petrovna');
  // mid-sentence, where the tagger reads "exiled" as the verb's participle
  has('The committee charged exiled journalist Tatsiana Marozava in absentia.', 'ASYLUM_REQUEST asserted Tatsiana Marozava');
  lacks('Police arrested the journalist Ivo Sarn, who had returned from exile in May.', 'ASYLUM_REQUEST');
  has('Detained journalists Amir Sadeq and Leyla Homsi were denied access to their lawyers.', 'ARREST asserted Amir Sadeq', 'ARREST asserted Leyla Homsi');
  has('Freed journalist Maria Kolesnikova thanked her supporters.', 'RELEASE asserted Maria Kolesnikova');
  has('Authorities placed rights defender Lin Qiu under house arrest ahead of the anniversary.', 'ARREST asserted Lin Qiu');
  // a named clause after the list still begins a clause of its own when no participle describes the list
  lacks('Police detained Ana Berg and Tom Ruhl fled the city.', 'ARREST asserted Tom Ruhl');
});

test('a state set apart by commas after a name, or a span of it that is someone\'s, is told of that person', () => {
  has('Blogger Davit Koss, now in exile, continues to write about corruption.', 'ASYLUM_REQUEST asserted Davit Koss');
  has('Union leader Ali Musa, still in detention, was denied a family visit.', 'ARREST asserted Ali Musa');
  has('Prisoner of conscience Lena Harro marked her 500th day behind bars.', 'ARREST asserted Lena Harro');
  lacks('The minister met Ana Ruiz, in Berlin, last week.', 'ARREST', 'ASYLUM_REQUEST');
});

test('a participle opening the sentence, its clause closed by a comma, is said of the main clause\'s subject', () => {
  has('Arrested in March, activist Ana Berg was charged on Friday.', 'ARREST asserted Ana Berg', 'CHARGE asserted Ana Berg');
  has('Jailed for three years in 2020, blogger Sami Ben Ali was released on Monday.', 'CONVICTION asserted Sami Ben Ali', 'RELEASE asserted Sami Ben Ali');
  has('Detained since January, lawyer Omar Said began a hunger strike.', 'ARREST asserted Omar Said');
  // what befell the speaker, not what the speaker says
  has('Released on bail last week, editor Tunde Bello said he would keep reporting.', 'RELEASE asserted Tunde Bello');
  lacks('Founded in 1990, the newspaper has won many prizes.', 'ARREST', 'RELEASE');
  lacks('Ahmed in his statement said the hearing was postponed.', 'ARREST', 'RELEASE');
});

test('role words and a name the parser split into two subjects: the name is whom it befalls, whatever the role word', () => {
  has('On 3 May, a Kurdish artist Rezan Dilan was attacked by soldiers.', 'ASSAULT asserted Rezan Dilan');
  has('Opposition figure Marek Zal fled to Lithuania after his house was searched.', 'ASYLUM_REQUEST asserted Marek Zal');
  // must not match: a name across a line break, or a possessive, is not the noun's
  lacks('Police said she had a life-threatening injury\nAna Berg was found two days later.', 'THREAT asserted Ana Berg');
  // a hyphenated word's first part is not the trigger's partner: a hostage-taker is no hostage
  lacks('The death of the hostage-taker Dan Perel ended the siege.', 'KILLING');
});

test('walked out of prison, let off: freed; not a walk out of a meeting, nor fireworks let off', () => {
  has('The lawyer Maritza Cane walked out of prison in March.', 'RELEASE asserted Maritza Cane');
  has('Votin Garev walked out of the Tomsk detention centre in March.', 'RELEASE asserted Votin Garev');
  has('The students Abhi Yadov and Rehan Qadir were let off after six hours.', 'RELEASE asserted Abhi Yadov', 'RELEASE asserted Rehan Qadir');
  lacks('The delegate Ivo Sarn walked out of the meeting in protest.', 'RELEASE');
  lacks('Supporters of Ivo Sarn let off fireworks outside the court.', 'RELEASE');
  lacks('The activist Ivo Sarn walked out of the conference centre in protest.', 'RELEASE');
});

test('hit in a part of the body, shoved into a vehicle, prevented from travelling', () => {
  has('A camera operator, Tamar Jorb, was hit in the leg by a rubber bullet while filming.', 'ASSAULT asserted Tamar Jorb');
  has('The councillor Eddie Fong was shoved into a police van on Causeway Road.', 'ARREST asserted Eddie Fong');
  has('On 20 August, activist Mari Ortega was prevented from boarding a flight to Panama.', 'RESTRICTION asserted Mari Ortega');
  // must not match: a blow to no one, a reply, bags, people kept out of a place
  lacks('The minister Ivo Sarn hit back at critics of the plan.', 'ASSAULT');
  lacks('The storm hit the coast of Drell hard.', 'ASSAULT');
  lacks('Ivo Sarn put his bags into the car.', 'ABDUCTION');
  lacks('Ivo Sarn put his bags into the car.', 'ARREST');
  lacks('Police prevented the journalist Ivo Sarn from entering the court.', 'RESTRICTION');
  // nor a mishap, a parent's car, the weather
  lacks('The reporter Ana Rell hit her head when she fell on the ice.', 'ASSAULT');
  lacks('The reporter Ana Rell was hit in the head by a falling branch.', 'ASSAULT');
  // ("put" is left out: "they put him in a van", said of a detention, is no abduction)
  lacks('The reporter Ana Rell put her son into the car and drove away.', 'ABDUCTION');
  lacks('A classmate said they pulled the student Milan Oster out of the crowd and put him in a van.', 'ABDUCTION');
  lacks('Bad weather prevented the journalist Ivo Sarn from travelling.', 'RESTRICTION');
});

test('a sentence handed to someone is their conviction; a contract handed over for a term is none', () => {
  has('Her co-defendant, Zmit Halav, 41, was handed a three-year suspended sentence.', 'CONVICTION asserted Zmit Halav');
  has('The judge handed down a five-year sentence to the activist Ana Rell.', 'CONVICTION asserted Ana Rell');
  lacks('The minister Ivo Sarn handed the contract to a firm for a term of five years.', 'CONVICTION');
  lacks('The lawyer Ivo Sarn was handed a second term as head of the bar association.', 'CONVICTION');
});

test('a fine an employer, a club or a school imposes is no conviction; one a court imposes is', () => {
  lacks('The bakery company fined the driver Oren Vashti three days of pay.', 'CONVICTION');
  lacks('The plant management fined the union members Lia Kord and Oren Vashti for joining the walkout.', 'CONVICTION');
  lacks('The unionist Oren Vashti was fined by his employer for speaking to reporters.', 'CONVICTION');
  // a fine, even a court's, holds no one: read as a conviction it made the case "convicted", held
  lacks('A court in Trest fined the blogger Oren Vashti for insulting the governor.', 'CONVICTION');
  lacks('The blogger Oren Vashti was fined for insulting the governor.', 'CONVICTION');
});
