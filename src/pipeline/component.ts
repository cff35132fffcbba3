import type { Doc, LayerName } from '../text/doc.js';

/**
 * A pipeline component: `Doc → Doc`, with the layers it needs and the layers it writes declared
 * up front (spaCy's `@Language.component(requires=..., assigns=...)`), so a pipeline in the wrong
 * order fails when it is built, not halfway through a report.
 */
export interface Component {
  readonly name: string;
  readonly requires: readonly LayerName[];
  readonly assigns: readonly LayerName[];
  /** Annotates the doc (in place, for speed) and returns it. */
  process(doc: Doc): Doc;
}
