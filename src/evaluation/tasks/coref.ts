import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gumDocsInSplit, locate } from '../../corpora/locate.js';
import { readConllCoref } from '../../corpora/readers/conll-coref.js';
import type { CorefDoc, CorefMention } from '../../corpora/readers/conll-coref.js';
import { PERSON_PRONOUNS } from '../../extractors/coref/index.js';
import { createDefaultPipeline } from '../../extractors/default.js';
import { Doc } from '../../text/doc.js';
import type { Entity } from '../../text/types.js';
import { pct } from '../report.js';
import type { Row } from '../report.js';
import type { EvalTask } from './task.js';

/**
 * Mention linking on GUM news (full GUM coreference, person entities): for every gold person
 * mention that has an earlier mention in its gold chain, did we tie it to an entity, and does
 * that entity have an earlier mention overlapping an earlier mention of the same gold chain?
 * Accuracy counts over all such gold mentions (an unlinked one is wrong); precision over the
 * ones we linked. Pronouns, descriptions and names are counted apart. The text is the corpus's
 * tokens joined by spaces, so offsets map exactly.
 */

type Kind = 'pronoun' | 'description' | 'name';

function kindOf(words: string[]): Kind {
  if (words.length === 1 && PERSON_PRONOUNS.has(words[0]!.toLowerCase())) return 'pronoun';
  return /^\p{Lu}/u.test(words[words.length - 1]!) ? 'name' : 'description';
}

interface Tally {
  gold: number;
  linked: number;
  correct: number;
}

export function scoreDoc(gold: CorefDoc, entityAt: (token: number) => { entity: Entity; start: number } | undefined, tokenStart: number[], tally: Map<Kind, Tally>): void {
  const words = gold.sentences.flat();
  const persons = gold.mentions.filter((m) => m.type === 'person').sort((a, b) => a.start - b.start || b.end - a.end);
  const seen = new Map<string, CorefMention[]>();
  for (const m of persons) {
    const earlier = seen.get(m.cluster) ?? [];
    seen.set(m.cluster, [...earlier, m]);
    if (earlier.length === 0) continue;
    const kind = kindOf(words.slice(m.start, m.end));
    const t = tally.get(kind)!;
    t.gold++;
    // our entity at the mention's last word (its head, in English noun phrases, more often than not)
    const ours = entityAt(m.end - 1);
    if (!ours) continue;
    t.linked++;
    const before = ours.entity.mentions.filter((x) => x.start < tokenStart[m.start]!);
    const hit = before.some((x) => earlier.some((g) => x.start < tokenStart[g.end - 1]! + words[g.end - 1]!.length && tokenStart[g.start]! < x.end));
    if (hit) t.correct++;
  }
}

export const corefTask: EvalTask = {
  name: 'coref',
  description: 'GUM news person mention-linking accuracy',
  run(ctx) {
    const loc = locate('gum-news', ctx.split, ctx.dataDir);
    const dir = loc.path ? path.join(path.dirname(loc.path), 'gum-conll') : undefined;
    let files: string[] = [];
    try {
      files = dir ? readdirSync(dir).filter((f) => f.endsWith('.conll') && gumDocsInSplit(f.replace(/\.conll$/, ''), ctx.split)) : [];
    } catch {
      files = [];
    }
    if (!dir || files.length === 0) return { skipped: `GUM news coreference (gum-conll/) for ${ctx.split} not found under ${loc.dir}` };
    const pipeline = createDefaultPipeline();
    const tally = new Map<Kind, Tally>((['pronoun', 'description', 'name'] as Kind[]).map((k) => [k, { gold: 0, linked: 0, correct: 0 }]));
    files.forEach((f, n) => {
      ctx.progress(`document ${n + 1}/${files.length}: ${f}`);
      for (const gold of readConllCoref(readFileSync(path.join(dir, f), 'utf8'))) {
        const words = gold.sentences.flat();
        const starts: number[] = [];
        let text = '';
        for (const w of words) {
          if (text) text += ' ';
          starts.push(text.length);
          text += w;
        }
        const doc = pipeline.run(new Doc(text));
        const at = new Map<number, { entity: Entity; start: number }>();
        const tokenOf = new Map(starts.map((s, i) => [s, i]));
        for (const entity of doc.entities) {
          for (const m of entity.mentions) {
            for (let s = m.start; s < m.end; s++) {
              const i = tokenOf.get(s);
              if (i !== undefined && !at.has(i)) at.set(i, { entity, start: m.start });
            }
          }
        }
        scoreDoc(gold, (i) => at.get(i), starts, tally);
      }
    });
    const rows: Row[] = [...tally].map(([kind, t]) => ({
      name: kind === 'pronoun' ? 'pronouns (he, she, his, her…)' : kind === 'description' ? 'descriptions ("the parents", "his wife")' : 'names (repeated)',
      values: { gold: String(t.gold), linked: String(t.linked), correct: String(t.correct), accuracy: pct(t.gold ? t.correct / t.gold : 0), precision: pct(t.linked ? t.correct / t.linked : 0) },
    }));
    const all = [...tally.values()].reduce((a, t) => ({ gold: a.gold + t.gold, linked: a.linked + t.linked, correct: a.correct + t.correct }), { gold: 0, linked: 0, correct: 0 });
    rows.push({ name: 'all anaphoric person mentions', values: { gold: String(all.gold), linked: String(all.linked), correct: String(all.correct), accuracy: pct(all.gold ? all.correct / all.gold : 0), precision: pct(all.linked ? all.correct / all.linked : 0) } });
    return {
      result: {
        task: 'coref',
        split: ctx.split,
        corpus: 'GUM news (full coreference)',
        data: dir,
        tables: [{ title: 'Person mentions linked to an earlier mention of their chain', columns: ['gold', 'linked', 'correct', 'accuracy', 'precision'], rows }],
        notes: [`${files.length} documents (GUM's official ${ctx.split} split)`, 'plural pronouns ("they") are not resolved and count as unlinked'],
      },
    };
  },
};
