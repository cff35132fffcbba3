import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { createDefaultPipeline } from '../default.js';
import { personFeatures } from './features.js';
import { notAtRiskKind } from './kinds.js';

// Invented people, bodies and places: what a person's features say of who they are. The office a
// person holds in a union, a bar, a rights group or a university is no state office; who an event
// befalls with says something of who one is.
const pipeline = createDefaultPipeline('learned-targets');
const featsOf = (text: string, name: string): string[] => {
  const doc = pipeline.run(new Doc(text, { published: '2025-02-14' }));
  const e = doc.entities.find((x) => x.type === 'PERSON' && x.name === name);
  assert.ok(e, `no person ${name} among ${doc.entities.map((x) => `${x.type}:${x.name}`).join(', ')}`);
  return personFeatures(doc, e, { score: 0.9 }).map((f) => f.name);
};
const official = (feats: string[]) => feats.filter((f) => /^kind.*=official$/.test(f) || f === 'kinds-close=not-at-risk');

test('an office in a bar association, a union or a university is a civil office, not an official', () => {
  for (const [text, name] of [
    ['Lawyers said Amira Sello, president of the Dravin Bar Association, was arrested on Monday.', 'Amira Sello'],
    ['Union president Kofi Adjei was beaten by police in Harlo on Friday.', 'Kofi Adjei'],
    ['Police detained Ermek Tursun, the former president of Varnsk Teachers University, in March.', 'Ermek Tursun'],
    ['Opposition lawmaker Rana Odeh was detained at her home in Sarvel on Monday.', 'Rana Odeh'],
    ['Police arrested the pro-democracy district councillor Wing Lam-fung on Friday.', 'Wing Lam-fung'],
  ] as const) {
    const feats = featsOf(text, name);
    assert.ok(feats.includes('civil-office'), `${name}: ${feats.join(' ')}`);
    assert.deepEqual(official(feats), [], name);
    assert.notEqual(notAtRiskKind(feats.map((n) => ({ name: n })))?.kind, 'official', name);
  }
});

test('a head of state, a ministry spokeswoman and a party president stay officials (must not match)', () => {
  for (const [text, name] of [
    ['President Dalo Marsk ordered the arrests of three reporters on Monday.', 'Dalo Marsk'],
    ['Ines Varo, a spokeswoman for the Interior Ministry, denied that anyone was beaten.', 'Ines Varo'],
    ['Tomas Brenn, president of the ruling Unity Party, said the arrests were lawful.', 'Tomas Brenn'],
    ['Lawmaker Petra Voss of the ruling Unity Party said the arrests were lawful.', 'Petra Voss'],
    ['Mayor Aldo Fenn ordered the arrest of the protesters.', 'Aldo Fenn'],
    // another's office in the clause is not theirs
    ['Mayor Aldo Fenn met the president of the Dravin Bar Association before police arrested him.', 'Aldo Fenn'],
    // bodies of the state or of a party that share a word with the kinds at risk, or take a league's or a centre's name
    ['Ines Varo, a spokeswoman for the Labour Ministry, denied that anyone was beaten.', 'Ines Varo'],
    ['Tomas Brenn, chairman of the state-run Media Authority, ordered the closure.', 'Tomas Brenn'],
    ['Ines Varo, spokeswoman for the National Security Centre, denied it.', 'Ines Varo'],
    ['Tomas Brenn, president of the ruling Labour Party, said the arrests were lawful.', 'Tomas Brenn'],
  ] as const) {
    const feats = featsOf(text, name);
    assert.ok(!feats.includes('civil-office'), `${name}: ${feats.join(' ')}`);
    assert.ok(official(feats).length > 0, `${name}: ${feats.join(' ')}`);
  }
});

test("an affiliation's organisation gives its name's words, not its id", () => {
  const feats = featsOf('Police detained Ermek Tursun, the former president of Varnsk Teachers University, in March.', 'Ermek Tursun');
  const afforg = feats.filter((f) => f.startsWith('afforg='));
  assert.ok(afforg.includes('afforg=university'), afforg.join(' '));
  assert.ok(!afforg.some((f) => /^afforg=e\d*$/.test(f)), afforg.join(' '));
});

test('arrested with someone described as a journalist: the co-target-at-risk feature', () => {
  assert.ok(featsOf('Police arrested the journalist Amara Bello and Tunde Okafor in Lagos on Monday.', 'Tunde Okafor').includes('co-target-at-risk'));
});

test('arrested with a governor, or alone: no co-target-at-risk (must not match)', () => {
  assert.ok(!featsOf('Police arrested Governor Brannic Osk and Tunde Okafor in Lagos on Monday.', 'Tunde Okafor').includes('co-target-at-risk'));
  assert.ok(!featsOf('Police arrested the journalist Amara Bello in Lagos on Monday.', 'Amara Bello').includes('co-target-at-risk'));
});

test('a publisher, a stringer or a deacon is named as the kind of person at risk they are', () => {
  for (const [text, name, kind] of [
    ['Police in Harlo detained Obi Nwankwo, publisher of the Orvo Mirror, over a story on graft.', 'Obi Nwankwo', 'journalist'],
    ['Soldiers beat Kemal Arsin, a stringer for a news agency, near Sarvel.', 'Kemal Arsin', 'journalist'],
    ['Ada Mensel, a Methodist deacon, was arrested after a sermon in Dravin.', 'Ada Mensel', 'religious_or_minority_leader'],
  ] as const) {
    const feats = featsOf(text, name);
    assert.ok(feats.some((f) => f.startsWith('kind') && f.endsWith(`=${kind}`)), `${name}: ${feats.join(' ')}`);
  }
});

test('a list under a group named by its kind: "four reporters remain in prison: A, B …" gives each the group\'s kind', () => {
  const text = 'At least four reporters remain in prison: Ko Zaw Lin, U Than Htike, Daw Nwe Ni and Ma Thiri.';
  for (const name of ['Daw Nwe Ni', 'Ma Thiri']) assert.ok(featsOf(text, name).includes('group-kinds=at-risk'), name);
  const suspects = featsOf('Police arrested three robbery suspects, including Tunde Okafor and Emeka Nwosu, on Monday.', 'Emeka Nwosu');
  assert.ok(!suspects.includes('group-kinds=at-risk'), suspects.join(' '));
  // must not match: no group told with the person
  assert.ok(!featsOf('Police arrested the journalist Amara Bello in Lagos on Monday.', 'Amara Bello').some((f) => f.startsWith('group-kind')));
});
