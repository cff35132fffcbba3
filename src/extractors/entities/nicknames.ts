import { NER_LABELS } from './labels.js';

const OPEN = new Set(["'", '"', '“', '‘', '«']);
const CLOSE = new Set(["'", '"', '”', '’', '»']);
const CAPITALISED = /^\p{Lu}[\p{L}.'’-]*$/u;
const PER = ['B', 'I', 'L', 'U'].map((p) => NER_LABELS.indexOf(`${p}-PER`));
const typeOf = (label: number): string => (label === 0 ? 'O' : NER_LABELS[label]!.slice(2));

/**
 * A nickname in quotes inside a person's name ("Amro 'Spark' Imad", "Tove “Ford” Lindqvist"): the
 * recogniser, trained on text where quotes rarely sit inside a name, ends the name at the nickname
 * or reads its pieces apart. Given words and labels of one sentence, the whole run — capitalised
 * words, a quoted capitalised word or two, capitalised words — becomes one person when a part of
 * it outside the quotes was read as a person, or the word before the quote or after it is a known
 * given name or surname, and no part outside them was read as a place.
 * Not a quoted title after a name ("Amro Imad's 'Spark'", "Amro Imad wrote 'Spark' for …"): the
 * words after the quote must be capitalised and close it at once.
 */
export function joinNicknames(words: readonly string[], labels: readonly number[], isName: (word: string) => boolean = () => false): number[] {
  const out = [...labels];
  for (let q = 1; q + 3 < words.length; q++) {
    if (!OPEN.has(words[q]!) || !CAPITALISED.test(words[q - 1]!)) continue;
    let c = q + 1;
    while (c < words.length && c <= q + 2 && CAPITALISED.test(words[c]!)) c++;
    if (c === q + 1 || c >= words.length || !CLOSE.has(words[c]!)) continue;
    // the name's parts either side: capitalised words the recogniser read as names (or the one next to the quote)
    let a = q - 1;
    while (a > 0 && q - a < 3 && CAPITALISED.test(words[a - 1]!) && labels[a - 1] !== 0 && labels[a] !== 0) a--;
    let b = c + 1;
    if (b >= words.length || !CAPITALISED.test(words[b]!)) continue;
    while (b + 1 < words.length && b - c < 3 && CAPITALISED.test(words[b + 1]!) && labels[b + 1] !== 0 && labels[b] !== 0) b++;
    const outside = [...Array.from({ length: q - a }, (_, k) => a + k), ...Array.from({ length: b - c }, (_, k) => c + 1 + k)];
    const types = outside.map((k) => typeOf(labels[k]!));
    const named = types.includes('PER') || isName(words[q - 1]!) || isName(words[c + 1]!);
    if (!named || types.includes('LOC')) continue;
    out[a] = PER[0]!;
    for (let k = a + 1; k < b; k++) out[k] = PER[1]!;
    out[b] = PER[2]!;
    // a span the run cut into: what is left of it before the run ends where the run begins
    if (a > 0 && /^[BI]-/.test(NER_LABELS[out[a - 1]!]!)) out[a - 1] = NER_LABELS[out[a - 1]!]!.startsWith('B-') ? NER_LABELS.indexOf(`U-${typeOf(out[a - 1]!)}`) : NER_LABELS.indexOf(`L-${typeOf(out[a - 1]!)}`);
    if (b + 1 < out.length && /^[IL]-/.test(NER_LABELS[out[b + 1]!]!)) out[b + 1] = NER_LABELS[out[b + 1]!]!.startsWith('L-') ? NER_LABELS.indexOf(`U-${typeOf(out[b + 1]!)}`) : NER_LABELS.indexOf(`B-${typeOf(out[b + 1]!)}`);
    q = b;
  }
  return out;
}
