import type { Tree } from '../syntax/tree.js';
import type { Entity } from '../../text/types.js';
import { nameMentions } from '../../text/types.js';
import { fitsRole } from './plural.js';

/**
 * The person a news lede tells of by a description, named in a sentence after it: "Police
 * detained a reporter on Monday. The reporter, Hugo Brandt, works for …", "A journalist was shot
 * dead … Police identified the victim as Mira Santos", "An activist was abducted … Nell Ardo, a
 * campaigner for land rights, was taken …". The target must be one person told indefinitely ("a
 * reporter", "an activist"), or by the post they hold ("the paper's editor", "its editor") when no one
 * named before holds it; the name is the first of these, up to three sentences on:
 * - "the <same kind>, NAME," — a definite description of the same kind, the name set off after it;
 * - "identified (him | her | the victim | the <kind>) as NAME", "named (him | her) as NAME";
 * - NAME opening the very next sentence, first named there, with a title of the same kind
 *   ("NAME, a presenter at Radio Velm,"), and no verb of saying in that sentence (a colleague of
 *   the same trade who comments is not the one it befell).
 * Returns the token of the name, or nothing.
 */
export function oneNamedLater(tree: Tree, head: number | undefined, personNouns: ReadonlySet<string>): number[] {
  // a description coreference kept as a person of its own ("An indigenous leader of the X people") is still unnamed
  if (head === undefined || (tree.entityOf[head] && nameMentions(tree.entityOf[head]!).length > 0)) return [];
  const t = tree.token(head);
  const noun = tree.lemma(head).toLowerCase();
  if (t.xpos !== 'NN' || !personNouns.has(noun)) return [];
  const indefinite = tree.kids(head, 'det').some((d) => /^an?$/i.test(tree.token(d).text));
  // "the paper's editor", "its editor": a definite description of someone's post, when nobody of that post was named before
  const post = tree.kids(head, 'nmod:poss').length > 0;
  if (!indefinite && !post) return [];
  // named by the end of the description's sentence (a scan of the whole text before it, per event, made long reports quadratic)
  const bound = tree.doc.tokens[tree.sentenceRange(head).to]?.start ?? Infinity;
  const told = (e: Entity) => nameMentions(e).some((m) => m.start < bound);
  if (!indefinite && tree.doc.entities.some((e) => e.type === 'PERSON' && (e.titles ?? []).length > 0 && fitsRole(e.titles!, noun) && told(e))) return [];
  let s = tree.sentenceRange(head).to;
  for (let n = 0; n < 3 && s < tree.doc.tokens.length; n++) {
    const { to } = tree.sentenceRange(s);
    const found = describedThenNamed(tree, s, to, noun) ?? identifiedAs(tree, s, to, noun) ?? (n === 0 ? openingNamed(tree, s, to, noun, told) : undefined);
    if (found !== undefined) return [found];
    s = to;
  }
  return [];
}

/** Words for the one an attack befell that may stand for a description of any kind: "the victim". */
const VICTIM = new Set(['victim', 'deceased', 'man', 'woman']);
/** Words for the one an attack befell that name no one else: "the victim", not "the man" (who may be the gunman). */
const STRICT_VICTIM = new Set(['victim', 'deceased']);

const lower = (tree: Tree, k: number) => tree.token(k).text.toLowerCase();
const isPerson = (tree: Tree, k: number) => tree.entityOf[k]?.type === 'PERSON';

/** "the (young) reporter, NAME," in the sentence [from, to): the token of NAME. */
function describedThenNamed(tree: Tree, from: number, to: number, noun: string): number | undefined {
  for (let k = from; k + 2 < to; k++) {
    // opening its sentence, its clause of saying or a clause after an opening phrase ("Two days
    // later, the activist, A,"): "The individual filming the victim, A," names the filmer
    if (lower(tree, k) !== 'the' || !(k === from || /^(that|,)$/.test(lower(tree, k - 1)))) continue;
    let j = k + 1;
    while (j < to && j - k <= 3 && tree.token(j).upos === 'ADJ') j++;
    // the description's noun, perhaps after another ("the radio journalist")
    if (j + 1 < to && tree.token(j).upos === 'NOUN' && tree.token(j + 1).upos === 'NOUN') j++;
    if (j >= to || tree.token(j).xpos !== 'NN') continue;
    const said = tree.lemma(j).toLowerCase();
    if (!(said === noun || VICTIM.has(said) || fitsRole([noun], said))) continue;
    if (tree.token(j + 1)?.text === ',' && j + 2 < to && isPerson(tree, j + 2)) return j + 2;
  }
  return undefined;
}

/**
 * "identified him as NAME", "named the victim as NAME", "the (dead) victim was identified as NAME",
 * and the other way round, "NAME was identified as the victim": the token of NAME. Who is
 * identified must be the one described ("The accused have been identified as A" names suspects).
 * With `loosely` false only the description's own noun, "the victim" or "the deceased" describe
 * (not a pronoun nor "the man": "police identified him as A" may be the gunman's name, where
 * nothing before says who "him" is).
 */
export function identifiedAs(tree: Tree, from: number, to: number, noun: string, loosely = true): number | undefined {
  // the noun of "the (dead, young) <noun>" ending at `j`, when it is of the description's kind
  const described = (j: number) => {
    const said = tree.lemma(j).toLowerCase();
    if (tree.token(j).xpos !== 'NN' || !(said === noun || (loosely ? VICTIM : STRICT_VICTIM).has(said) || fitsRole([noun], said))) return false;
    let k = j - 1;
    while (k > from && j - k <= 3 && tree.token(k).upos === 'ADJ') k--;
    return lower(tree, k) === 'the';
  };
  const describes = (j: number) => (loosely && /^(he|she|him|her)$/.test(lower(tree, j))) || described(j);
  // the description's noun within four words after `j`: "the (dead) journalist"
  const describedAfter = (j: number) => {
    let d = j;
    while (d < to && d - j < 4 && !described(d)) d++;
    return d < to && described(d) ? d : undefined;
  };
  for (let k = from + 1; k + 2 < to; k++) {
    if (!/^(identified|named)$/.test(lower(tree, k))) continue;
    let j = k + 1;
    const object = describes(j) ? j : lower(tree, j) === 'as' ? undefined : describedAfter(j);
    if (object !== undefined) j = object + 1;
    else {
      // the passive: "the victim (has) been identified as", "the dead journalist was named as"
      let b = k - 1;
      while (b > from && /^(was|is|has|have|had|been|later|since|officially)$/.test(lower(tree, b))) b--;
      if (b === k - 1) continue;
      // "NAME was identified as the victim": the name before, the description after
      const name = isPerson(tree, b) && lower(tree, j) === 'as' ? tree.personNameEndingAt(b) : undefined;
      const victim = name !== undefined ? describedAfter(j + 1) : undefined;
      if (victim !== undefined && (tree.token(victim + 1)?.upos ?? 'PUNCT') === 'PUNCT') return name;
      if (!describes(b)) continue;
    }
    if (lower(tree, j) !== 'as' || j + 1 >= to) continue;
    if (isPerson(tree, j + 1)) return j + 1;
  }
  return undefined;
}

/** A verb of saying or of taking a stand: whoever speaks of the attack is a witness, a colleague or an official, not the one it befell. */
const SAYING = /^(said|says|told|tells|added|stated|wrote|tweeted|posted|commented|explained|condemned|denounced|called|urged|demanded|praised|criticised|criticized|blamed|vowed|promised|pledged|announced|confirmed)$/;

/** Words of a sentence that tells of a suspect, not a victim: "A, 45, was arrested at the scene". */
const SUSPECTED = /^(suspect|suspected|suspects|accused|arrested|detained|charged|held|gunman|attacker|killer|police|officer|officers)$/;

/**
 * NAME opening the sentence [from, to), new to the report, with a title of the description's kind
 * or an age set off after it ("Mira Santos, 41, presented …"), and no one speaking and no suspect
 * told in the sentence.
 */
function openingNamed(tree: Tree, from: number, to: number, noun: string, told: (e: Entity) => boolean): number | undefined {
  const e = tree.entityOf[from];
  if (!e || e.type !== 'PERSON' || told(e)) return undefined;
  let end = from;
  while (tree.entityOf[end + 1] === e) end++;
  const aged = tree.token(end + 1)?.text === ',' && tree.token(end + 2)?.upos === 'NUM' && tree.token(end + 3)?.text === ',';
  const titles = e.titles ?? [];
  // the words set off after the name, up to its verb: "A, 44, a rezador (spiritual leader) and one of …, was hit"
  let verb = end + 1;
  while (verb < to && !['VERB', 'AUX'].includes(tree.token(verb).upos ?? '')) verb++;
  const described = Array.from({ length: verb - end - 1 }, (_, k) => tree.lemma(end + 1 + k).toLowerCase()).includes(noun);
  // a title of another trade says someone else ("A, 45, a shopkeeper,"); with none, the age alone may do
  if (titles.length ? !fitsRole(titles, noun) && !described : !aged) return undefined;
  if (aged && !titles.length && !described) {
    // "A, 45, a shopkeeper,": the description after the age must be of the kind too
    let k = end + 4;
    if (/^(a|an|the)$/i.test(tree.token(k)?.text ?? '')) {
      k++;
      while (k < to && tree.token(k).upos === 'ADJ') k++;
      while (k + 1 < to && tree.token(k + 1).upos === 'NOUN') k++;
      if (k < to && tree.token(k).upos === 'NOUN' && !fitsRole([noun], tree.lemma(k).toLowerCase())) return undefined;
    }
  }
  // a colleague who comments ("A, a reporter, said …") is not the one it befell; what others said of A ("…, relatives said") is about A
  if (verb < to && (SAYING.test(lower(tree, verb)) || SUSPECTED.test(lower(tree, verb)))) return undefined;
  for (let k = from; k < to; k++) if (SUSPECTED.test(lower(tree, k))) return undefined;
  return from;
}
