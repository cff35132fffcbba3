/**
 * PolNeAR attributions: brat standoff (.ann) beside the article text. `T` lines are spans
 * (Source, Cue, Content; a span may be discontinuous: "12 20;25 30"), `E` lines tie one
 * attribution's spans together.
 */

export interface BratSpan {
  id: string;
  label: string;
  /** Fragments [start, end) in the text; most spans have one. */
  fragments: [number, number][];
  text: string;
}

export interface Attribution {
  id: string;
  source: BratSpan | undefined;
  cue: BratSpan | undefined;
  content: BratSpan | undefined;
}

export function readBrat(ann: string): { spans: Map<string, BratSpan>; attributions: Attribution[] } {
  const spans = new Map<string, BratSpan>();
  const events: { id: string; args: Record<string, string> }[] = [];
  for (const line of ann.split(/\r?\n/)) {
    const [id, mid, text] = line.split('\t');
    if (!id || mid === undefined) continue;
    if (id.startsWith('T')) {
      const sp = mid.indexOf(' ');
      const label = mid.slice(0, sp);
      const fragments = mid
        .slice(sp + 1)
        .split(';')
        .map((f) => f.trim().split(/\s+/).map(Number) as [number, number]);
      spans.set(id, { id, label, fragments, text: text ?? '' });
    } else if (id.startsWith('E')) {
      const args: Record<string, string> = {};
      for (const part of mid.split(/\s+/)) {
        const [role, ref] = part.split(':');
        if (role && ref) args[role.replace(/\d+$/, '')] = ref;
      }
      events.push({ id, args });
    }
  }
  const attributions = events.map((e) => ({
    id: e.id,
    source: e.args.Source ? spans.get(e.args.Source) : undefined,
    cue: e.args.Cue ? spans.get(e.args.Cue) : undefined,
    content: e.args.Content ? spans.get(e.args.Content) : undefined,
  }));
  return { spans, attributions };
}
