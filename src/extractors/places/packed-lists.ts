/**
 * A read-only map from strings to lists of small numbers, packed into one string and a few typed
 * arrays: the city index's 270k names as a Map of arrays cost ~45 MB of heap (a key string, a
 * one-element array and its backing store each), these arrays ~10 MB. Keys are looked up by an
 * open-addressing hash over their characters and compared in place (`startsWith` at an offset),
 * so a lookup allocates nothing but the view it returns.
 */
export class PackedLists {
  private constructor(
    /** Every key end to end; key i is `text.slice(keyStarts[i], keyStarts[i + 1])`. */
    private readonly text: string,
    private readonly keyStarts: Uint32Array,
    /** Key number + 1 at its hash slot; 0 is an empty slot. */
    private readonly slots: Int32Array,
    /** Key i's list is `items[listStarts[i] .. listStarts[i + 1])`. */
    private readonly listStarts: Uint32Array,
    private readonly items: Uint32Array,
  ) {}

  /** Keys stored. */
  get size(): number {
    return this.keyStarts.length - 1;
  }

  /** The list stored for `key` (a view: do not write to it), or undefined. */
  get(key: string): Uint32Array | undefined {
    const mask = this.slots.length - 1;
    for (let slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
      const k = this.slots[slot]! - 1;
      if (k < 0) return undefined;
      const start = this.keyStarts[k]!;
      if (this.keyStarts[k + 1]! - start === key.length && this.text.startsWith(key, start)) return this.items.subarray(this.listStarts[k]!, this.listStarts[k + 1]!);
    }
  }

  /** Every key with its list, in the order keys were first added. */
  *entries(): Generator<[string, Uint32Array]> {
    for (let k = 0; k < this.size; k++) yield [this.text.slice(this.keyStarts[k]!, this.keyStarts[k + 1]!), this.items.subarray(this.listStarts[k]!, this.listStarts[k + 1]!)];
  }

  /**
   * Builds one from (key, value) pairs. A key's list holds its values in the order they were added
   * (repeats kept), then sorted by `order` where given; `order` must rank every two different
   * values, so the result does not depend on the sort's stability.
   */
  static build(pairs: { keys: string[]; values: number[] }, order?: (a: number, b: number) => number): PackedLists {
    const numbers = new Map<string, number>();
    const pairKeys = new Uint32Array(pairs.keys.length);
    const keyList: string[] = [];
    pairs.keys.forEach((key, i) => {
      let k = numbers.get(key);
      if (k === undefined) numbers.set(key, (k = keyList.push(key) - 1));
      pairKeys[i] = k;
    });
    const n = keyList.length;
    // the lists by counting sort on key number: stable, so each list keeps the order of adding
    const listStarts = new Uint32Array(n + 1);
    for (const k of pairKeys) listStarts[k + 1] = listStarts[k + 1]! + 1;
    for (let k = 0; k < n; k++) listStarts[k + 1] = listStarts[k + 1]! + listStarts[k]!;
    const fill = listStarts.slice(0, n);
    const items = new Uint32Array(pairKeys.length);
    pairKeys.forEach((k, i) => {
      items[fill[k]!] = pairs.values[i]!;
      fill[k] = fill[k]! + 1;
    });
    if (order) for (let k = 0; k < n; k++) if (listStarts[k + 1]! - listStarts[k]! > 1) items.subarray(listStarts[k]!, listStarts[k + 1]!).sort(order);
    const keyStarts = new Uint32Array(n + 1);
    keyList.forEach((key, k) => (keyStarts[k + 1] = keyStarts[k]! + key.length));
    let capacity = 16;
    while (capacity < n * 2) capacity *= 2;
    const slots = new Int32Array(capacity);
    keyList.forEach((key, k) => {
      let slot = hash(key) & (capacity - 1);
      while (slots[slot] !== 0) slot = (slot + 1) & (capacity - 1);
      slots[slot] = k + 1;
    });
    return new PackedLists(keyList.join(''), keyStarts, slots, listStarts, items);
  }
}

/** FNV-1a over UTF-16 code units, with a final mix so the low bits (the slot) depend on every character. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  return h >>> 0;
}
