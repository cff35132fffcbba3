import type { Tree } from '../syntax/tree.js';

/**
 * The other people an event befalls when its target is a list: "Police detained Tendai Moyo and
 * Nyasha Dube", "abducted the activists Farai Ncube and Tatenda Sibanda", "arrested Peter
 * Magombeyi, Obert Masaraure and Samantha Kureya". Each person becomes a case of their own, so
 * the event is told once per person. Only named people count: "Moyo and his lawyer" stays one
 * event about Moyo, with the lawyer in the role's text.
 */
export function coordinatedPersons(tree: Tree, head: number | undefined): number[] {
  if (head === undefined) return [];
  const entity = (i: number) => tree.entityOf[i];
  const isPerson = (i: number): boolean => entity(i)?.type === 'PERSON';
  const out: number[] = [];
  const seen = new Set([entity(head)]);
  /** The tokens of the name at `i`: a list item may hang on any of them ("Rufaro Chikowore and …" on "Chikowore"). */
  const nameTokens = (i: number): number[] => {
    const span = [i];
    for (let j = i + 1; entity(j) !== undefined && entity(j) === entity(i); j++) span.push(j);
    return span;
  };
  const take = (c: number): boolean => {
    if (!isPerson(c) || seen.has(entity(c))) return false;
    seen.add(entity(c));
    out.push(c);
    return true;
  };
  // a comma list the parser read as appositions of the first name, "Moyo, Rufaro Chikowore and …"
  // and through a role between two names: "A, a paralegal, and B" hangs B on "paralegal"
  const visit = (i: number, depth: number): void => {
    for (const t of nameTokens(i)) {
      for (const c of tree.kids(t, 'conj', 'appos')) if ((take(c) || !isPerson(c)) && depth < 12) visit(c, depth + 1);
    }
  };
  // "Two aid workers, A and B, were slain" read with A as a second subject beside the noun: the
  // persons among the target's fellow subjects (or objects) are its list
  const rel = tree.token(head).deprel ?? '';
  const up = tree.head(head);
  if (up >= 0 && /^(nsubj|obj)/.test(rel)) for (const c of tree.kids(up, rel)) if (c !== head && take(c)) visit(c, 0);
  // "Among those arrested were A, a paralegal, and B": the names are what "those" is
  if (!isPerson(head) && rel === 'nsubj' && up >= 0 && tree.kids(up, 'cop').length > 0 && take(up)) visit(up, 0);
  if (isPerson(head)) visit(head, 0);
  else {
    // "the activists Farai Ncube and Tatenda Sibanda": the names stand in apposition to the noun
    for (const a of tree.kids(head, 'appos')) if (take(a)) visit(a, 0);
    for (const c of tree.kids(head, 'conj')) if (take(c)) visit(c, 0);
    // "seven defenders, namely: A, B and C", "journalists including A and B"
    for (const k of tree.kids(head, 'advmod', 'nmod')) {
      const marker = tree.lemma(k) === 'namely' ? k : ['including', 'like', 'as'].includes(tree.caseOf(k) ?? '') ? k : undefined;
      if (marker === undefined) continue;
      if (take(marker)) visit(marker, 0);
      for (const a of tree.kids(marker, 'appos', 'conj')) if (take(a)) visit(a, 0);
    }
  }
  return out;
}

/**
 * People who undergo the event alongside its target: "was arrested together with journalist A and
 * trade unionist B", "detained X along with her colleague Y". Only named people, as above.
 */
export function companions(tree: Tree, trigger: number): number[] {
  const out: number[] = [];
  for (const c of tree.kids(trigger, 'obl', 'nmod')) {
    const cases = tree.kids(c, 'case');
    const marked = cases.map((k) => tree.token(k).text.toLowerCase());
    const first = cases[0] ?? c;
    const before = first > 0 ? tree.token(first - 1).text.toLowerCase() : '';
    if (!marked.includes('with') || !(marked.includes('along') || before === 'together' || before === 'along')) continue;
    if (tree.entityOf[c]?.type === 'PERSON') out.push(c);
    out.push(...coordinatedPersons(tree, c));
  }
  return out;
}
