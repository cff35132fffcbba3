import type { Tree } from '../syntax/tree.js';

/**
 * Whether a clause tells its act as a reprisal for what the person said, wrote or did as a
 * journalist, a critic or a unionist: "suspended presenter X after she criticised the governor",
 * "fired columnist X over his reporting", "dismissed the reporter in retaliation for her coverage".
 * The annotation guidelines count a firing or a suspension by an employer as a RESTRICTION only
 * when the report tells it so; a firing for fraud, a suspension for doping, is no event.
 */

/** Acts of speech, reporting or organising a person may be punished for. */
const SPEAKING = new Set(['write', 'criticise', 'criticize', 'report', 'publish', 'post', 'speak', 'say', 'cover', 'expose', 'question', 'interview', 'tweet', 'comment', 'broadcast', 'air', 'denounce', 'condemn', 'investigate', 'organise', 'organize', 'protest', 'strike', 'mock', 'satirise', 'satirize', 'blog', 'share', 'air']);
/** What such an act makes, which a reprisal is "for" or "over": "over his reporting", "for her article". */
const SPOKEN = new Set(['reporting', 'report', 'coverage', 'comment', 'remark', 'article', 'post', 'criticism', 'story', 'column', 'tweet', 'interview', 'broadcast', 'programme', 'program', 'investigation', 'speech', 'view', 'opinion', 'editorial', 'cartoon', 'documentary', 'activism', 'unionism', 'writing', 'journalism', 'statement']);
/** Activities that are a reprisal's cause only with one of these words: "union activities", not "criminal activities". */
const ACTIVITY_KINDS = new Set(['union', 'trade', 'political', 'journalistic', 'rights']);
/** Words that name a reprisal outright: "in retaliation for", "in reprisal". */
const REPRISAL_WORDS = new Set(['retaliation', 'reprisal', 'revenge', 'retribution']);
/** The links that join a cause to its act. */
const CAUSE_MARKS = new Set(['after', 'for', 'over', 'because', 'following']);

function causeNoun(tree: Tree, c: number): boolean {
  const lemma = tree.lemma(c).toLowerCase();
  if (SPOKEN.has(lemma) || SPOKEN.has(tree.token(c).text.toLowerCase())) return true;
  return lemma === 'activity' && tree.kids(c, 'compound', 'amod').some((k) => ACTIVITY_KINDS.has(tree.lemma(k).toLowerCase()));
}

export function reprisalFor(tree: Tree, i: number): boolean {
  // the parser may hang the cause on the object: "fired columnist X over his reporting"
  const on = [i, ...tree.kids(i, 'obj')];
  for (const h of on) {
    for (const c of tree.kids(h, 'advcl', 'obl', 'nmod', 'acl')) {
      const link = tree.caseOf(c) ?? tree.kids(c, 'mark').map((m) => tree.lemma(m).toLowerCase())[0];
      if (REPRISAL_WORDS.has(tree.lemma(c).toLowerCase())) return true;
      if (link === undefined || !CAUSE_MARKS.has(link)) continue;
      if (tree.token(c).upos === 'VERB' && SPEAKING.has(tree.lemma(c).toLowerCase())) return true;
      if (tree.token(c).upos === 'NOUN' && causeNoun(tree, c)) return true;
    }
  }
  return false;
}
