import { parseArgs } from 'node:util';
import { trainClusters } from './train-clusters.js';
import { buildGazetteer } from './train-gazetteer.js';
import { trainNer } from './train-ner.js';
import { trainParser } from './train-parser.js';
import { trainQuotes } from './train-quotes.js';
import { trainRisk } from './train-risk.js';
import { trainSentences } from './train-sentences.js';
import { trainTagger } from './train-tagger.js';
import { trainTargets } from './train-targets.js';
import { trainTriggers } from './train-triggers.js';
import type { TrainOptions } from './train-options.js';

const MODELS: Record<string, { epochs: number; train: (o: TrainOptions) => void | Promise<void> }> = {
  clusters: { epochs: 0, train: trainClusters },
  gazetteer: { epochs: 0, train: buildGazetteer },
  sentences: { epochs: 6, train: trainSentences },
  pos: { epochs: 8, train: trainTagger },
  parser: { epochs: 10, train: trainParser },
  ner: { epochs: 24, train: trainNer },
  quotes: { epochs: 20, train: trainQuotes },
  targets: { epochs: 0, train: trainTargets },
  triggers: { epochs: 0, train: trainTriggers },
  risk: { epochs: 0, train: trainRisk },
};

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { data: { type: 'string' }, epochs: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' }, 'real-weight': { type: 'string' }, 'policy-on': { type: 'string' } },
  });
  const name = positionals[0];
  const model = name ? MODELS[name] : undefined;
  if (!model) {
    process.stderr.write(`usage: npm run train -- ${Object.keys(MODELS).join('|')} [--data DIR] [--epochs N] [--seed N] [--out FILE] [--from invented|all] [--real-weight N] [--policy-on pooled|real]\n`);
    return 2;
  }
  const realWeight = values['real-weight'];
  if (realWeight !== undefined && !/^(?:[1-9]|10)$/.test(realWeight)) {
    process.stderr.write(`--real-weight takes a whole number from 1 to 10, not "${realWeight}"\n`);
    return 2;
  }
  const policyOn = values['policy-on'];
  if (policyOn !== undefined && policyOn !== 'pooled' && policyOn !== 'real') {
    process.stderr.write(`--policy-on takes pooled or real, not "${policyOn}"\n`);
    return 2;
  }
  await model.train({
    dataDir: values.data,
    epochs: values.epochs ? Number(values.epochs) : model.epochs,
    seed: values.seed ? Number(values.seed) : 1,
    out: values.out,
    ...(values.from ? { from: values.from } : {}),
    ...(realWeight ? { realWeight: Number(realWeight) } : {}),
    ...(policyOn ? { policyOn } : {}),
  });
  return 0;
}

process.exitCode = await main();
