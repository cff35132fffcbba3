export { Doc, LAYER_NAMES } from './doc.js';
export type { DocMeta, LayerName, Sentence, Token } from './doc.js';
export { charSpanToTokens, tokenAt, tokensToCharSpan, tokenIndexAfter } from './align.js';
export type { AlignMode, TokenRange } from './align.js';
export { fromExtraction, toExtraction } from './serialize.js';
export { validateLayer } from './validate.js';
export * from './types.js';
