import { seededRandom } from '../core/random.js';

/**
 * One long report of the kind Vigil reads, made at run time from invented templates about
 * invented people, places and organisations: every paragraph names new people (a long report
 * that names thousands of distinct people is what made steps quadratic before, and one sentence
 * repeated hides that, since its few names repeat), refers back to them by family name and
 * pronoun, quotes them, dates what happened and gives the harm done to them.
 */

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vu', 'dor', 'el', 'phi', 'sun', 'bre', 'nad', 'ost', 'quil', 'zan', 'ver', 'hal', 'mun', 'tri', 'gos'];
const GIVEN = ['Ana', 'Tomas', 'Leyla', 'Omar', 'Mirela', 'Jonah', 'Sefa', 'Idris', 'Halina', 'Kemal', 'Rosa', 'Dmitri', 'Ines', 'Farid', 'Lucia', 'Bogdan', 'Nadia', 'Yusuf', 'Clara', 'Emeka', 'Sunita', 'Pavel', 'Amara', 'Tariq', 'Vera', 'Malik', 'Zehra', 'Joao', 'Ilse', 'Kwame'];
const ROLES = ['journalist', 'human rights lawyer', 'trade unionist', 'environmental activist', 'blogger', 'student leader', 'land rights defender', 'community organiser'];
const HARMS = [
  ['arrested', 'was arrested'],
  ['detained', 'was detained'],
  ['abducted', 'was abducted'],
  ['beat', 'was beaten'],
  ['charged', 'was charged with sedition'],
  ['shot', 'was shot dead'],
  ['summoned', 'was summoned for questioning'],
] as const;
/** The calendar's names in English, from the runtime's locale data: Monday to Sunday, January to December. */
const nameOf = (date: Date, part: 'weekday' | 'month'): string => date.toLocaleString('en-GB', { [part]: 'long', timeZone: 'UTC' });
const DAYS = Array.from({ length: 7 }, (_, d) => nameOf(new Date(Date.UTC(2024, 0, 1 + d)), 'weekday'));
const MONTHS = Array.from({ length: 12 }, (_, m) => nameOf(new Date(Date.UTC(2024, m, 1)), 'month'));
const ORG_KINDS = ['Collective', 'Union', 'Network', 'Alliance', 'Foundation', 'Committee', 'Association'];
const ORG_WORDS = ['Defenders', 'Press Freedom', 'Rural Workers', 'Free Speech', 'Legal Aid', 'River Peoples', 'Teachers'];
const PAPERS = ['Herald', 'Courier', 'Observer', 'Gazette', 'Tribune'];

const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);

/** A word of `n` syllables picked by `random`: with 20 syllables, 8,000 family names of three. */
function invented(random: () => number, n: number): string {
  return cap(Array.from({ length: n }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]!).join(''));
}

/** Paragraphs appended until the text holds at least `bytes` bytes of UTF-8 (then cut back to a paragraph). */
export function longReport(bytes: number, seed = 1): string {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const person = (): { full: string; family: string; given: string } => {
    const given = pick(GIVEN);
    const family = invented(random, 3);
    return { full: `${given} ${family}`, family, given };
  };
  const place = (): string => `${invented(random, 2)}${pick(['', 'burg', 'ovo', 'ville', ' Heights'])}`;
  const org = (): string => `the ${invented(random, 2)} ${pick(ORG_WORDS)} ${pick(ORG_KINDS)}`;
  const date = (): string => `${pick(MONTHS)} ${1 + Math.floor(random() * 28)}, ${2015 + Math.floor(random() * 9)}`;
  const paragraphs: string[] = [`${cap(pick(ROLES))}s detained across ${place()} province`];
  let size = paragraphs[0]!.length;
  while (size < bytes) {
    const a = person();
    const b = person();
    const c = person();
    const [harm, harmed] = pick(HARMS);
    const city = place();
    const group = org();
    const paper = `${city} ${pick(PAPERS)}`;
    const pronoun = random() < 0.5 ? ['she', 'her'] : ['he', 'his'];
    const paragraph = [
      `${cap(pick(ROLES))} ${a.full} ${harmed} in ${city} on ${pick(DAYS)}, ${group} said.`,
      `${a.family}, who writes for the ${paper}, had been threatened since ${date()} after reporting on land seizures by ${org()}.`,
      `“We do not know where ${pronoun[0]} is being held,” ${pronoun[1]} lawyer ${b.full} told reporters, adding that ${a.family} had not seen a judge.`,
      `Police in ${place()} also ${harm} ${c.full} and ${random() < 0.5 ? 'two' : 'five'} other members of ${group} on ${date()}, according to ${org()}.`,
      `${c.family} was released on bail three days later, ${c.given === a.given ? 'a relative' : `${b.family}`} said, but ${a.family} remains in custody.`,
    ].join(' ');
    paragraphs.push(paragraph);
    size += Buffer.byteLength(paragraph, 'utf8') + 2;
  }
  let text = paragraphs.join('\n\n');
  while (Buffer.byteLength(text, 'utf8') > bytes && text.includes('\n\n')) text = text.slice(0, text.lastIndexOf('\n\n'));
  return text;
}
