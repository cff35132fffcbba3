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
  const events: { id: string; args: Record<string, string[]> }[] = [];
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
      // a role can repeat ("Content:T18 … Content2:T22": a quotation the cue splits in two)
      const args: Record<string, string[]> = {};
      for (const part of mid.split(/\s+/)) {
        const [role, ref] = part.split(':');
        if (role && ref) (args[role.replace(/\d+$/, '')] ??= []).push(ref);
      }
      events.push({ id, args });
    }
  }
  const role = (refs: string[] | undefined): BratSpan | undefined => merged((refs ?? []).flatMap((r) => spans.get(r) ?? []));
  const attributions = events.map((e) => ({ id: e.id, source: role(e.args.Source), cue: role(e.args.Cue), content: role(e.args.Content) }));
  return { spans, attributions };
}

/** Several spans of one role as one, its fragments in text order (the first span's id). */
function merged(parts: BratSpan[]): BratSpan | undefined {
  if (parts.length <= 1) return parts[0];
  const fragments = parts.flatMap((p) => p.fragments).sort((a, b) => a[0] - b[0]);
  return { id: parts[0]!.id, label: parts[0]!.label, fragments, text: parts.map((p) => p.text).join(' … ') };
}
