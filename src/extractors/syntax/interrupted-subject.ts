/**
 * "Farid Nouri, a lawyer, has been in pretrial detention for months", "Khadija, 31, has been
 * subjected to abuses": a sentence opening with a name set off by a description, an age or a
 * relative clause between commas, and then its verb. The parser sometimes makes the name the
 * sentence's head and hangs the predicate on it as a modifier, so the clause has no subject. The
 * repair makes the predicate the head again and the name its subject; what the parse hung on the
 * name after the closing comma moves to the predicate, and the words between the commas stay the
 * name's. Only that shape: the name first (after at most a title), the commas around the
 * interruption, and an auxiliary or a finite verb right after it.
 */

export interface Parsed {
  words: readonly string[];
  upos: readonly string[];
  xpos: readonly string[];
  heads: Int32Array | number[];
  deprels: string[];
}

/** The words that hang on word `h` of a parse, in order. */
export const kidsOf = (p: Parsed, h: number): number[] => {
  const out: number[] = [];
  for (let k = 0; k < p.heads.length; k++) if (p.heads[k] === h) out.push(k);
  return out;
};

/** Words a name may follow at the opening of a sentence: "Mr", "Dr", "Barrister". */
const OPENING_TITLES = new Set(['NOUN', 'PROPN']);
/** The most words an interruption may hold. */
const LONGEST = 25;

/** The predicate the clause after the interruption opens with: an auxiliary's head, or a finite verb. */
function predicateAt(p: Parsed, k: number): number | undefined {
  let j = k;
  while (j < p.words.length && p.upos[j] === 'ADV' && j - k < 2) j++;
  if (p.upos[j] === 'AUX') {
    const h = p.heads[j]!;
    // the auxiliary's verb or noun lies after it, within the clause
    return h > j ? h : undefined;
  }
  if (p.upos[j] === 'VERB' && /^(VBD|VBZ|VBP)$/.test(p.xpos[j] ?? '')) return j;
  return undefined;
}

/** Repairs `p` in place; returns whether it changed anything. */
export function interruptedSubject(p: Parsed): boolean {
  const n = p.words.length;
  const root = p.heads.indexOf(-1);
  if (relativeMadeHead(p) || appositionMadeHead(p)) return true;
  // the root a proper noun, or the last piece of a hyphenated one ("Chow Hang-tung", "tung" read as a noun)
  const piece = (k: number) => p.upos[k] === 'PROPN' || (p.words[k - 1] === '-' && p.upos[k - 2] === 'PROPN' && /^\p{Ll}/u.test(p.words[k]!));
  if (root < 0 || !piece(root)) return false;
  // the name: the root's run of proper nouns, from the sentence's first word or after a title
  let first = root;
  while (first > 0 && (p.upos[first - 1] === 'PROPN' || p.words[first - 1] === '-')) first--;
  if (first > 1 || (first === 1 && !OPENING_TITLES.has(p.upos[0]!))) return false;
  let last = root;
  while (last + 1 < n && p.upos[last + 1] === 'PROPN') last++;
  if (p.words[last + 1] !== ',') return false;
  // the closing comma, and the predicate right after it
  for (let c = last + 2; c < n && c - last <= LONGEST; c++) {
    if (p.words[c] !== ',') continue;
    const pred = predicateAt(p, c + 1);
    if (pred === undefined || pred === root) continue;
    // the predicate must hang on the name or inside the interruption: the parse that lost the subject
    if (p.heads[pred]! >= c || p.heads[pred]! === -1) return false;
    subjectOfPredicate(p, root, pred, c);
    return true;
  }
  return false;
}

/**
 * "Anisur Sohel, who worked with Babu in the youth wing, is still missing": a sentence opening with
 * a name and a "who" clause between commas, parsed with the name hung on the relative clause's
 * verb (as its subject) and that verb the head of the sentence or of a clause hung on the
 * predicate. The predicate after the closing comma becomes the head, the name its subject, the
 * relative clause the name's again.
 */
function relativeMadeHead(p: Parsed): boolean {
  const n = p.words.length;
  let first = 0;
  if (p.upos[0] !== 'PROPN' && OPENING_TITLES.has(p.upos[0]!) && p.upos[1] === 'PROPN') first = 1;
  if (p.upos[first] !== 'PROPN') return false;
  let last = first;
  while (last + 1 < n && p.upos[last + 1] === 'PROPN') last++;
  const who = last + 2;
  if (p.words[last + 1] !== ',' || p.words[who]?.toLowerCase() !== 'who') return false;
  const rel = p.heads[who]!;
  if (rel <= who || !/^nsubj/.test(p.deprels[who] ?? '')) return false;
  // "who the court freed on bail": a subject of its own makes "who" the object
  if (p.deprels.some((d, k) => k !== who && k !== last && (k < first || k > last) && p.heads[k] === rel && /^nsubj/.test(d))) return false;
  // the name's own head: the one of its words that hangs outside it, on the relative clause's verb
  const name = [...Array(last - first + 1).keys()].map((k) => first + k).find((k) => p.heads[k]! < first || p.heads[k]! > last);
  if (name === undefined || p.heads[name] !== rel) return false;
  for (let c = rel + 1; c < n && c - last <= LONGEST; c++) {
    if (p.words[c] !== ',') continue;
    const pred = predicateAt(p, c + 1);
    if (pred === undefined) continue;
    // the parse that lost the subject: the predicate hangs on the relative verb, or the relative verb on it
    if (p.heads[pred] !== rel && p.heads[rel] !== pred) return false;
    const passive = p.deprels.some((d, k) => p.heads[k] === pred && d === 'aux:pass');
    const top = p.heads[rel] === pred ? p.heads[pred]! : p.heads[rel]!;
    p.heads[pred] = top;
    p.deprels[pred] = top === -1 ? 'root' : p.deprels[pred]!;
    if (p.heads[rel] !== pred) p.deprels[pred] = top === -1 ? 'root' : p.deprels[rel]!;
    for (let k = c; k < n; k++) if (k !== pred && p.heads[k] === rel) p.heads[k] = pred;
    for (let k = c; k < pred; k++) if (p.heads[k]! < c) p.heads[k] = pred;
    p.heads[rel] = name;
    p.deprels[rel] = 'acl:relcl';
    p.heads[name] = pred;
    p.deprels[name] = passive ? 'nsubj:pass' : 'nsubj';
    return true;
  }
  return false;
}

/** Relations of words before the subject that belong to its clause, not to the subject's noun: "Four months later, …". */
const CLAUSE_LEVEL = new Set(['advmod', 'obl', 'obl:unmarked', 'obl:tmod', 'punct', 'advcl', 'mark', 'cc']);

/**
 * "Four months later, the outlet's director, Elvin Qasimov, is still in the detention centre": a
 * root noun with a name in apposition between commas, and the predicate after the closing comma
 * parsed as hanging on that noun. The predicate becomes the head and the noun its subject; words
 * opening the sentence before the noun are the clause's.
 */
function appositionMadeHead(p: Parsed): boolean {
  const n = p.words.length;
  const root = p.heads.indexOf(-1);
  if (root < 0 || p.upos[root] !== 'NOUN' || p.words[root + 1] !== ',') return false;
  const appos = [...p.heads.keys()].find((k) => p.heads[k] === root && p.deprels[k] === 'appos' && k > root + 1 && p.upos[k] === 'PROPN');
  if (appos === undefined) return false;
  let last = appos;
  while (last + 1 < n && p.upos[last + 1] === 'PROPN') last++;
  if (p.words[last + 1] !== ',') return false;
  const c = last + 1;
  const pred = predicateAt(p, c + 1);
  if (pred === undefined || p.heads[pred] !== root) return false;
  for (let k = 0; k < root; k++) if (p.heads[k] === root && CLAUSE_LEVEL.has(p.deprels[k]!)) p.heads[k] = pred;
  subjectOfPredicate(p, root, pred, c);
  return true;
}

/**
 * The repair both shapes end in: the predicate after the closing comma (at `c`) becomes the root,
 * what hung on the root from the comma on hangs on it (the comma and the predicate's own
 * auxiliaries included), and the root becomes its subject, passive or not.
 */
function subjectOfPredicate(p: Parsed, root: number, pred: number, c: number): void {
  const passive = p.deprels.some((d, k) => p.heads[k] === pred && d === 'aux:pass');
  p.heads[pred] = -1;
  p.deprels[pred] = 'root';
  for (let k = c; k < p.words.length; k++) if (k !== pred && p.heads[k] === root) p.heads[k] = pred;
  for (let k = c; k < pred; k++) if (p.heads[k]! < c && k !== root) p.heads[k] = pred;
  p.heads[root] = pred;
  p.deprels[root] = passive ? 'nsubj:pass' : 'nsubj';
}
