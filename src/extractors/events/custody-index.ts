import type { Doc } from '../../text/doc.js';
import type { VigilEvent } from '../../text/types.js';

/**
 * A report's events as the custody statements look them up: by the tokens of their trigger, by
 * their sentence and by the person they befall, each list in the order of the events array (the
 * order the rules' "the last one told" reads). A scan of every event per statement made the
 * custody reader quadratic in a long report (a 512 KB report of 3,700 events spent 2 s there).
 * Events added later (a transfer's custody) go through `add`, which appends to the array too.
 */
export class CustodyEvents {
  private readonly position = new Map<VigilEvent, number>();
  private readonly byToken = new Map<number, VigilEvent[]>();
  private readonly bySentence = new Map<number, VigilEvent[]>();
  private readonly byTarget = new Map<string, VigilEvent[]>();
  /**
   * Whether every event's sentence is the one its trigger starts in: then an event told before an
   * offset is in a sentence that starts before it, and `toldBefore` reads a few sentences only.
   */
  private sentencesAgree = true;
  constructor(
    private readonly doc: Doc,
    readonly events: VigilEvent[],
    private readonly triggerTokens: (v: VigilEvent) => Iterable<number>,
  ) {
    for (const v of events) this.index(v);
  }

  add(v: VigilEvent): void {
    this.events.push(v);
    this.index(v);
  }

  private index(v: VigilEvent): void {
    this.position.set(v, this.position.size);
    for (const k of this.triggerTokens(v)) push(this.byToken, k, v);
    push(this.bySentence, v.sentence, v);
    if (v.target?.entity) push(this.byTarget, v.target.entity, v);
    if (this.doc.sentenceAt(v.trigger.start) !== v.sentence) this.sentencesAgree = false;
  }

  /** The events whose trigger holds one of `tokens`, each once, in order. */
  withTriggerOn(tokens: Iterable<number>): VigilEvent[] {
    const found = new Set<VigilEvent>();
    for (const k of tokens) for (const v of this.byToken.get(k) ?? []) found.add(v);
    return this.inOrder(found);
  }

  /** The events of sentence `n`, in order. */
  inSentence(n: number): readonly VigilEvent[] {
    return this.bySentence.get(n) ?? [];
  }

  /** The last event, in order, that befalls `entity` and passes `test`. */
  lastAbout(entity: string, test: (v: VigilEvent) => boolean): VigilEvent | undefined {
    const list = this.byTarget.get(entity) ?? [];
    for (let k = list.length - 1; k >= 0; k--) if (test(list[k]!)) return list[k];
    return undefined;
  }

  /**
   * In order, every event that may start before offset `start` in a sentence at most `reach`
   * before sentence `sentence`, among others (the caller tests both): when the sentences of the
   * events do not agree with their triggers, every event.
   */
  toldBefore(start: number, sentence: number, reach: number): VigilEvent[] {
    if (!this.sentencesAgree) return this.events;
    const found: VigilEvent[] = [];
    for (let n = Math.max(0, sentence - reach), last = this.lastSentenceStartingBefore(start); n <= last; n++) found.push(...(this.bySentence.get(n) ?? []));
    return this.inOrder(found);
  }

  private lastSentenceStartingBefore(offset: number): number {
    const sentences = this.doc.sentences;
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  private inOrder(events: Iterable<VigilEvent>): VigilEvent[] {
    return [...events].sort((a, b) => this.position.get(a)! - this.position.get(b)!);
  }
}

function push<K>(map: Map<K, VigilEvent[]>, key: K, v: VigilEvent): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}
