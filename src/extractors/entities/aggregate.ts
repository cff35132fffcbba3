/**
 * What a first reading of the whole document said about each word elsewhere: Ratinov & Roth's
 * (2009) "prediction aggregation". The document memory only looks back; a name whose first
 * mention is ambiguous ("Harlow said…" before "Judge Ada Harlow") is settled by a later one, and a
 * headline in capitals ("HARLOW WINS") by the body's "Harlow". Only capitalised words count:
 * "said" being O elsewhere says nothing.
 */

/** Per token: 0 when the word occurs nowhere else; else 1 + the commonest label among its other occurrences, +32 when they all agree. */
export type Aggregate = Uint8Array;

export const UNANIMOUS = 32;

const counts = (key: string, table: Map<string, Map<number, number>>): Map<number, number> => {
  let c = table.get(key);
  if (!c) table.set(key, (c = new Map()));
  return c;
};

const isCapitalised = (w: string): boolean => /^\p{Lu}/u.test(w);

/** The aggregate of every token of a document, from its sentences' words and a labelling of them. */
export function documentAggregates(sentences: readonly (readonly string[])[], labels: readonly (readonly number[])[]): Aggregate[] {
  const table = new Map<string, Map<number, number>>();
  sentences.forEach((words, s) => {
    words.forEach((w, i) => {
      if (!isCapitalised(w)) return;
      const c = counts(w.toLowerCase(), table);
      const l = labels[s]![i]!;
      c.set(l, (c.get(l) ?? 0) + 1);
    });
  });
  return sentences.map((words, s) =>
    Uint8Array.from(words, (w, i) => {
      if (!isCapitalised(w)) return 0;
      const own = labels[s]![i]!;
      let best = -1;
      let bestCount = 0;
      let others = 0;
      for (const [label, n] of table.get(w.toLowerCase())!) {
        const k = label === own ? n - 1 : n;
        others += k;
        if (k > bestCount || (k === bestCount && k > 0 && label < best)) {
          best = label;
          bestCount = k;
        }
      }
      if (others === 0) return 0;
      return 1 + best + (bestCount === others ? UNANIMOUS : 0);
    }),
  );
}
