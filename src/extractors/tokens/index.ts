import { registry } from '../../pipeline/registry.js';
import { createSentencizer } from './sentencizer.js';
import { createTokenizer } from './tokenizer.js';
import type { TokenizerConfig } from './tokenizer.js';

export { createSentencizer, splitSentences } from './sentencizer.js';
export { createTokenizer, tokenize } from './tokenizer.js';
export type { TokenizerConfig } from './tokenizer.js';

declare module '../../pipeline/registry.js' {
  interface ComponentConfigs {
    tokenizer: TokenizerConfig;
    sentencizer: Record<string, never>;
  }
}

registry.register('tokenizer', (config) => createTokenizer(config));
registry.register('sentencizer', () => createSentencizer());
