import { performance } from 'node:perf_hooks';
import { VigilError } from '../core/errors.js';
import type { Doc, LayerName } from '../text/doc.js';
import { validateLayer } from '../text/validate.js';
import type { Component } from './component.js';
import type { Trace } from './trace.js';

export interface PipelineOptions {
  /** Layers already on every doc before the first component (e.g. tokens read from a corpus). */
  given?: readonly LayerName[];
  /** Check each component's output against the layer invariants (default true). */
  validate?: boolean;
}

/** Components run in order; the order is checked once, when the pipeline is built. */
export class Pipeline {
  readonly components: readonly Component[];
  private readonly validate: boolean;

  constructor(components: readonly Component[], options: PipelineOptions = {}) {
    this.validate = options.validate ?? true;
    const available = new Set<LayerName>(options.given ?? []);
    const names = new Set<string>();
    for (const c of components) {
      if (names.has(c.name)) throw new VigilError('pipeline_order', `component "${c.name}" appears twice`);
      names.add(c.name);
      const missing = c.requires.filter((layer) => !available.has(layer));
      if (missing.length > 0) {
        throw new VigilError('pipeline_order', `component "${c.name}" requires ${missing.join(', ')}, which no earlier component assigns`, {
          component: c.name,
          missing,
        });
      }
      c.assigns.forEach((layer) => available.add(layer));
    }
    this.components = components;
  }

  get names(): string[] {
    return this.components.map((c) => c.name);
  }

  /** Runs every component on `doc`; pass a Trace to record what each one did. */
  run(doc: Doc, trace?: Trace): Doc {
    let current = doc;
    for (const c of this.components) {
      const t0 = trace ? performance.now() : 0;
      const out = c.process(current);
      if (out.text !== current.text) throw new VigilError('component_output', `component "${c.name}" changed the document text`);
      current = out;
      for (const layer of c.assigns) current.assigned.add(layer);
      if (this.validate) {
        const problems = c.assigns.flatMap((layer) => validateLayer(current, layer));
        if (problems.length > 0) {
          throw new VigilError('component_output', `component "${c.name}" wrote an invalid layer: ${problems.slice(0, 3).join('; ')}`, {
            component: c.name,
            problems: problems.slice(0, 20),
          });
        }
      }
      if (trace) trace.record(c.name, performance.now() - t0, c.assigns, current);
    }
    return current;
  }
}
