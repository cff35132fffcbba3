import type { Doc, LayerName } from '../text/doc.js';

export interface TraceEntry {
  component: string;
  ms: number;
  assigned: LayerName[];
  /** Item count of every assigned layer after the component ran. */
  counts: Partial<Record<LayerName, number>>;
}

/**
 * What each component did to a doc, recorded only when a Trace is handed to `Pipeline.run`,
 * so the normal path pays nothing for debugging.
 */
export class Trace {
  readonly entries: TraceEntry[] = [];

  record(component: string, ms: number, assigned: readonly LayerName[], doc: Doc): void {
    const counts: Partial<Record<LayerName, number>> = {};
    for (const layer of assigned) counts[layer] = layer === 'tags' || layer === 'deps' ? doc.tokens.length : layer === 'risk' ? (doc.risk?.persons.length ?? 0) : doc[layer].length;
    this.entries.push({ component, ms, assigned: [...assigned], counts });
  }

  format(): string {
    return this.entries
      .map((e) => `${e.component.padEnd(16)} ${e.ms.toFixed(2).padStart(9)} ms  ${Object.entries(e.counts).map(([k, v]) => `${k}=${v}`).join(' ')}`)
      .join('\n');
  }
}
