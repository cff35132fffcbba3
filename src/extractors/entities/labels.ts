/** BILOU labels over CoNLL types: Begin, Inside, Last, Unit-length, and O for outside. */
export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof NER_TYPES)[number];

export const NER_LABELS: readonly string[] = ['O', ...NER_TYPES.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))];

const prefixOf = (label: number): string => (label === 0 ? 'O' : NER_LABELS[label]![0]!);
const typeOf = (label: number): string => (label === 0 ? '' : NER_LABELS[label]!.slice(2));

/** May `next` follow `prev` (-1 = sentence start) in a BILOU sequence, with `last` the final token? */
export function allowed(prev: number, next: number, last: boolean): boolean {
  const p = prev < 0 ? 'O' : prefixOf(prev);
  const n = prefixOf(next);
  if (last && (n === 'B' || n === 'I')) return false;
  if (p === 'B' || p === 'I') return (n === 'I' || n === 'L') && typeOf(prev) === typeOf(next);
  return n === 'O' || n === 'B' || n === 'U';
}

export interface LabelSpan {
  start: number;
  end: number;
  type: NerType;
}

/** Token spans [start, end) from a label sequence (well-formed by construction). */
export function labelsToSpans(labels: readonly number[]): LabelSpan[] {
  const out: LabelSpan[] = [];
  let start = -1;
  labels.forEach((l, i) => {
    const p = prefixOf(l);
    if (p === 'U') out.push({ start: i, end: i + 1, type: typeOf(l) as NerType });
    else if (p === 'B') start = i;
    else if (p === 'L' && start >= 0) {
      out.push({ start, end: i + 1, type: typeOf(l) as NerType });
      start = -1;
    }
  });
  return out;
}

/** BILOU label indices for spans over `n` tokens. */
export function spansToLabels(spans: readonly { start: number; end: number; type: string }[], n: number): number[] {
  const labels = new Array<number>(n).fill(0);
  const index = (p: string, t: string): number => NER_LABELS.indexOf(`${p}-${t}`);
  for (const s of spans) {
    if (s.end - s.start === 1) labels[s.start] = index('U', s.type);
    else {
      labels[s.start] = index('B', s.type);
      for (let i = s.start + 1; i < s.end - 1; i++) labels[i] = index('I', s.type);
      labels[s.end - 1] = index('L', s.type);
    }
  }
  return labels;
}
