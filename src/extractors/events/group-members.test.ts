import { test } from 'node:test';
import type { EventType } from '../../text/types.js';
import { has, lacks, targets } from './targets-test-helpers.js';

// A named person told as one of a group the event befalls: "the detained included A", "A was
// among dozens of protesters rounded up", "Two reporters were beaten. The two, A and B, …".
// Every sentence is written for these tests; the people, places and organisations are invented.
test('"The detained included A", "Those charged include A": the participle is the noun for the people it befell', () => {
  const cases: [string, EventType, string[]][] = [
    ['The detained included union leader Paulo Dresk and two of his colleagues.', 'ARREST', ['Paulo Dresk']],
    ['The abducted include student leader Rolf Ekker and his deputy, Nina Saal.', 'ABDUCTION', ['Rolf Ekker', 'Nina Saal']],
    ['The arrested included three journalists: Mats Holm, Aino Rask and Per Tuv.', 'ARREST', ['Mats Holm', 'Aino Rask', 'Per Tuv']],
    ['Those charged include the human rights lawyer Petra Voss and the journalist Amin Radel.', 'CHARGE', ['Petra Voss', 'Amin Radel']],
    ['Those sentenced on Monday included activist Dario Fenn, who received five years.', 'CONVICTION', ['Dario Fenn']],
    ['The arrested journalists include Ivo Brenn and Tara Solberg.', 'ARREST', ['Ivo Brenn', 'Tara Solberg']],
    ['Those freed include the lawyer Mei Chen and the blogger Li Wen.', 'RELEASE', ['Mei Chen', 'Li Wen']],
    ['The freed prisoners include the opposition politician Bruno Laine.', 'RELEASE', ['Bruno Laine']],
  ];
  for (const [text, type, want] of cases) has(targets(text, type), want, text);
  // must not match: those who did something about the event, and the ones who did it
  const condemned = 'Among those who condemned the arrest were the lawyer Jon Welde and the MP Sara Quist.';
  lacks(targets(condemned, 'ARREST'), ['Jon Welde', 'Sara Quist'], condemned);
  const ordered = 'The officials who ordered the arrests included governor Olaf Brun and police chief Eva Stang.';
  lacks(targets(ordered, 'ARREST'), ['Olaf Brun', 'Eva Stang'], ordered);
  const judges = 'The judges who sentenced the activists included Judge Mira Salo.';
  lacks(targets(judges, 'CONVICTION'), ['Mira Salo'], judges);
});

test('"A was among dozens of protesters rounded up", "A, one of eight workers arrested, was freed", "one of those arrested"', () => {
  const cases: [string, EventType, string[]][] = [
    ['Activist Lena Brask was among dozens of protesters rounded up by police on Sunday.', 'ARREST', ['Lena Brask']],
    ['Among the dozens of people detained in the raids were activist Ugo Mertz and the poet Selin Aras.', 'ARREST', ['Ugo Mertz', 'Selin Aras']],
    ['Union organiser Birte Ostel, one of eight workers arrested after the strike, was released on bail.', 'ARREST', ['Birte Ostel']],
    ['Ilse Brandt, a lawyer, was one of those arrested on Tuesday.', 'ARREST', ['Ilse Brandt']],
    ['Dozens of lawyers were arrested in the crackdown. Magda Frey was one of them.', 'ARREST', ['Magda Frey']],
    ['Dozens of lawyers were arrested in the crackdown, Magda Frey among them.', 'ARREST', ['Magda Frey']],
  ];
  for (const [text, type, want] of cases) has(targets(text, type), want, text);
  const speakers = 'Journalist Amos Gray was among the speakers at a rally against the arrests.';
  lacks(targets(speakers, 'ARREST'), ['Amos Gray'], speakers);
  const organisers = 'Activist Mikko Saari was one of the organisers of the protest, where 30 people were arrested.';
  lacks(targets(organisers, 'ARREST'), ['Mikko Saari'], organisers);
  const officers = 'Dozens of protesters were arrested. Police chief Anders Lie was among the officers who led the raid.';
  lacks(targets(officers, 'ARREST'), ['Anders Lie'], officers);
});

test('a group told first and named after it: "The two, A and B,", "One of them, C,", "The first, D … The second, E"', () => {
  const cases: [string, EventType, string[]][] = [
    ['Two reporters were beaten on Friday. The two, Jens Arvik and Mona Leth, work for the Dravik Post.', 'ASSAULT', ['Jens Arvik', 'Mona Leth']],
    ['Three activists were abducted by armed men on Monday. One of them, Tariq Nols, was found dead two days later.', 'ABDUCTION', ['Tariq Nols']],
    ['Two journalists were deported on Sunday. The first, Anna Veck, had reported on the protests. The second, Lars Ommen, worked for a radio station.', 'DEPORTATION', ['Anna Veck', 'Lars Ommen']],
    ['Two lawyers were charged on Wednesday with insulting the president. Both, Elin Sarr and Teo Makin, deny the charges.', 'CHARGE', ['Elin Sarr', 'Teo Makin']],
    ['Two members of the rights group were abducted on Sunday, one of whom, Asha Nur, was found dead.', 'ABDUCTION', ['Asha Nur']],
    ['The authorities expelled two foreign correspondents last week. The two, Erik Lund of the Nordic Daily and Anna Pohl of Radio West, had reported on the unrest.', 'DEPORTATION', ['Erik Lund', 'Anna Pohl']],
    ['Three activists were released on bail on Monday, the group said. Kemal Ardic, one of the three, said he had been beaten in custody.', 'RELEASE', ['Kemal Ardic']],
    ['Four journalists were detained. Two of them, Mia Kors and Jon Aas, were freed on Friday.', 'ARREST', ['Mia Kors', 'Jon Aas']],
    ['The two journalists detained on Monday, Nils Aho and Sara Kell, were released on bail.', 'RELEASE', ['Nils Aho', 'Sara Kell']],
    ['Two of those detained, Mina Rao and Jai Sen, were charged on Friday.', 'ARREST', ['Mina Rao', 'Jai Sen']],
    ['Police in Dravik fired tear gas and arrested scores of demonstrators, one of whom was the student activist Yara Helm.', 'ARREST', ['Yara Helm']],
    ['Two reporters for the Dravik Times were deported on Sunday, the newspaper said. Editor Lena Holm said the two, Jon Berg and Eva Sand, had valid visas.', 'DEPORTATION', ['Jon Berg', 'Eva Sand']],
    ['Eight women human rights defenders were tortured in custody, according to the report. One, Samira Adel, lost hearing in one ear.', 'TORTURE', ['Samira Adel']],
  ];
  for (const [text, type, want] of cases) has(targets(text, type), want, text);
  // must not match: other people named after the group, by a word that is not the group's
  const others: [string, EventType, string[]][] = [
    ['Two journalists were arrested on Monday. The police chief, Harald Osk, said they had no permit.', 'ARREST', ['Harald Osk']],
    ['Three activists were detained on Friday. Their lawyer, Rosa Mint, said they would appeal.', 'ARREST', ['Rosa Mint']],
    ['Three activists were arrested on Monday. One of their lawyers, Nina Holt, said they had been beaten.', 'ARREST', ['Nina Holt']],
    ['Two journalists were arrested on Monday. The two officers, Karl Benn and Ulf Rask, were suspended.', 'ARREST', ['Karl Benn', 'Ulf Rask']],
    ['Two protesters were killed on Friday. The two ministers, Ola Dunn and Per Aas, blamed the police.', 'KILLING', ['Ola Dunn', 'Per Aas']],
    ['Police arrested 20 people at the rally. The organisers, Tim Cole and Ada Prin, said the arrests were unlawful.', 'ARREST', ['Tim Cole', 'Ada Prin']],
    ['Three journalists were arrested. The arresting officers, Lt Per Omm and Sgt Jo Vik, refused to comment.', 'ARREST', ['Per Omm', 'Jo Vik']],
    ['Two journalists were detained on Monday. Police said the two officers, Karl Benn and Ulf Rask, were suspended.', 'ARREST', ['Karl Benn', 'Ulf Rask']],
    ['Two journalists were detained on Monday. Police said.', 'ARREST', []],
    ['Three protesters were killed on Friday. Both, the minister Ugo Rea and the governor Lia Fo, promised an inquiry.', 'KILLING', ['Ugo Rea', 'Lia Fo']],
    ['Several men attacked the journalists, one of them, Kurt Sand, a former police officer.', 'ASSAULT', ['Kurt Sand']],
    ['Two officers were charged with assaulting the reporter Nina Berg. The two, Sgt Ole Ask and Cpl Tim Lie, deny the charges.', 'ASSAULT', ['Ole Ask', 'Tim Lie']],
  ];
  for (const [text, type, unwanted] of others) lacks(targets(text, type), unwanted, text);
});

test('"both men", "all", "were each sentenced" and a group\'s members after "including two journalists,"', () => {
  const cases: [string, EventType, string[]][] = [
    ['Reporters Sven Ekholm and Rania Taha were arrested on Monday. All were released the next day.', 'RELEASE', ['Sven Ekholm', 'Rania Taha']],
    ['Security forces arrested 15 people, including two journalists, Dag Hovde and Marit Sten.', 'ARREST', ['Dag Hovde', 'Marit Sten']],
    ['The 14 defendants, including journalist Omar Teles and lawyer Vera Lind, were sentenced to prison terms on Monday.', 'CONVICTION', ['Omar Teles', 'Vera Lind']],
    ['The four trade unionists, who were arrested in January, were each sentenced to five years in prison. They are Moses Kanu, Ade Bello, Femi Oni and Uche Eze.', 'CONVICTION', ['Moses Kanu', 'Uche Eze']],
  ];
  for (const [text, type, want] of cases) has(targets(text, type), want, text);
  // a count looks back two sentences for its list, past a sentence with a single name
  const twoBack = 'Police arrested 14 people on Saturday. Among those detained were the activist Hedda Lund and the lawyer Stig Oman. Minister Karl Vang said the protest was illegal. The two were released on Monday, their lawyer Per Dahl said.';
  has(targets(twoBack, 'RELEASE'), ['Hedda Lund', 'Stig Oman'], twoBack);
  lacks(targets(twoBack, 'RELEASE'), ['Karl Vang', 'Per Dahl'], twoBack);
  // must not match: "all" before what it counts, and a group of officers among whom someone is named
  const charges = 'Reporters Sven Ekholm and Rania Taha were arrested on Monday. All charges were dropped the next day.';
  lacks(targets(charges, 'RELEASE'), ['Sven Ekholm', 'Rania Taha'], charges);
  const police = 'A group of police officers, including Captain Ruben Holst, arrested the journalist Mia Fenner on Monday.';
  lacks(targets(police, 'ARREST'), ['Ruben Holst'], police);
  const soldiers = 'Twelve soldiers, among them Colonel Ivar Sund, were charged with the killing of the journalist Nadia Orr.';
  lacks(targets(soldiers, 'KILLING'), ['Ivar Sund'], soldiers);
});

test('"Arrested were A and B", "Also detained was C": a sentence-opening participle with its subject after the copula', () => {
  const cases: [string, EventType, string[]][] = [
    ['Arrested were the journalists Ole Brun, Kari Nes and Geir Lie.', 'ARREST', ['Ole Brun', 'Kari Nes', 'Geir Lie']],
    ['Killed in the attack were the activist Rosa Ortiz and her husband Mario Ortiz.', 'KILLING', ['Rosa Ortiz', 'Mario Ortiz']],
    ['Also detained was the blogger Amir Kazemi.', 'ARREST', ['Amir Kazemi']],
  ];
  for (const [text, type, want] of cases) has(targets(text, type), want, text);
  // must not match: a participle clause before its own subject, and a copula's complement that is no one's name
  const clause = 'Arrested in May, the lawyer Ivo Kral was released in June, said his colleague Jana Bek.';
  lacks(targets(clause, 'ARREST'), ['Jana Bek'], clause);
});

test('groups by collective nouns, "one of three people killed", "who was among those arrested", "the detained, including A"', () => {
  const cases: [string, EventType, string[]][] = [
    ['Police arrested a group of 10 students, among whom was the student leader Kofi Mensah.', 'ARREST', ['Kofi Mensah']],
    ['The army detained the entire crew of the ship, including the captain Rolf Sand and the journalist Ida Berg.', 'ARREST', ['Rolf Sand', 'Ida Berg']],
    ['Kamal Noor was one of three people killed when police opened fire on the march.', 'KILLING', ['Kamal Noor']],
    ['Lin Hao, who was among those arrested in May, was released on Friday.', 'ARREST', ['Lin Hao']],
    ['None of the detained, including the lawyer Pavel Hrad, has been charged.', 'ARREST', ['Pavel Hrad']],
  ];
  for (const [text, type, want] of cases) has(targets(text, type), want, text);
  // must not match: members of the group that visits, speaks or defends
  const visit = 'MPs including Hugo Sten and Lise Ro visited the detained activists on Monday.';
  lacks(targets(visit, 'ARREST'), ['Hugo Sten', 'Lise Ro'], visit);
  const defend = 'Lawyers Ivo Kral and Jana Bek, among those defending the detained activists, said they were denied access.';
  lacks(targets(defend, 'ARREST'), ['Ivo Kral', 'Jana Bek'], defend);
  const covered = 'Among the dozens of journalists who covered the arrests was Petra Nyl of the Velm Daily.';
  lacks(targets(covered, 'ARREST'), ['Petra Nyl'], covered);
  const led = 'Tomas Lind, who led the group of officers that arrested the protesters, was promoted.';
  lacks(targets(led, 'ARREST'), ['Tomas Lind'], led);
});

test('"Arrested on Monday, the lawyer A was released": a sentence-opening participle clause befalls the main clause\'s subject', () => {
  const cases: [string, EventType, string[]][] = [
    ['Arrested on Monday, the lawyer Ivo Kral was released on Friday.', 'ARREST', ['Ivo Kral']],
    ['Detained since March, the activists Ana Ruiz and Leo Gil began a hunger strike.', 'ARREST', ['Ana Ruiz', 'Leo Gil']],
    ['Detained is also the journalist Ana Reyes, according to her employer.', 'ARREST', ['Ana Reyes']],
  ];
  for (const [text, type, want] of cases) has(targets(text, type), want, text);
  const lawyer = "Arrested in May, the activist's lawyer Sam Holt said his client had been beaten.";
  lacks(targets(lawyer, 'ARREST'), ['Sam Holt'], lawyer);
});

test('"both" after a name told along with another whose post is set off before their name', () => {
  const text = "Samuel Achebe was arrested on March 3 along with the union's treasurer, Grace Obi, after leading a strike. Both were charged with sabotage.";
  has(targets(text, 'CHARGE'), ['Samuel Achebe', 'Grace Obi'], text);
  // must not match: someone told with a verb between, not along with the first
  const apart = "Samuel Achebe was arrested on March 3. The minister met the union's treasurer, Grace Obi, on Friday. Both were charged with sabotage.";
  lacks(targets(apart, 'CHARGE'), ['Grace Obi'], apart);
});

test('"One of them is A" and "Among them is A" name members of a group told two sentences before, past a sentence that names no one', () => {
  const one = 'Five women were detained by police in Hunchun last week. They were stopped at a guesthouse near the station. One of them is Pak Un-ha, 28, who left her province in 2017.';
  has(targets(one, 'ARREST'), ['Pak Un-ha'], one);
  const among = 'Security agents arrested 40 worshippers at a house church in Keren on Sunday. The group had met there for years. Among them is Saba Tewolde, 24, a singer in the choir.';
  has(targets(among, 'ARREST'), ['Saba Tewolde'], among);
  // must not match: past a sentence that names someone else, or more names than the group counts
  const between = 'Police arrested three students on Monday. The minister Ivo Sarn praised the police. One of them is Ana Rell, 20.';
  lacks(targets(between, 'ARREST'), ['Ana Rell'], between);
  const more = 'Police arrested two students on Monday. They were held overnight. Among them are Ana Rell, Ivo Sarn and Mira Tesk.';
  lacks(targets(more, 'ARREST'), ['Ana Rell', 'Ivo Sarn', 'Mira Tesk'], more);
});

test('"Among them" stands for the group, not for other people a sentence between tells of, nor for one of another kind', () => {
  // must not match: a sentence between tells of other people, whom "them" may be
  const others = 'Guards detained nine miners at the Velk pit on Thursday. Scores of nurses marched to the square. Among them were Tarja Olm and Ned Kossa.';
  lacks(targets(others, 'ARREST'), ['Tarja Olm', 'Ned Kossa'], others);
  const thanked = 'Guards detained six bloggers in Brisk on Thursday. The governor later praised the soldiers. Among them is Tarja Olm, 41, an army sergeant.';
  lacks(targets(thanked, 'ARREST'), ['Tarja Olm'], thanked);
  // must not match: a name whose title is of another kind
  const rank = 'Guards detained six bloggers in Brisk on Thursday. They were held overnight. Among them is Tarja Olm, 41, a police inspector.';
  lacks(targets(rank, 'ARREST'), ['Tarja Olm'], rank);
  // must still match: a sentence between that tells of the group itself
  const own = 'Guards detained nine miners at the Velk pit on Thursday. They had stopped work a week before. Among them were Tarja Olm and Ned Kossa.';
  has(targets(own, 'ARREST'), ['Tarja Olm', 'Ned Kossa'], own);
});
