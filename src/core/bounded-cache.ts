/**
 * A memo that holds at most `2 × generation` entries, for caches that a long run would otherwise
 * grow without end (a bulk import of thousands of reports meets tens of thousands of new words;
 * a server runs for months). Entries go into the young generation; when it is full it becomes
 * the old one and the old one is dropped. A hit in the old generation is carried into the young
 * one, so what is used often stays, with the same value (callers may key on its identity).
 */
export class BoundedCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(readonly generation: number) {
    if (!(generation >= 1)) throw new RangeError('a cache generation holds one entry at least');
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  has(key: K): boolean {
    return this.young.has(key) || this.old.has(key);
  }

  /** The value cached for `key`, or `make(key)` cached now. */
  get(key: K, make: (key: K) => V): V {
    const hit = this.young.get(key);
    if (hit !== undefined || this.young.has(key)) return hit as V;
    let value: V;
    if (this.old.has(key)) {
      value = this.old.get(key) as V;
      this.old.delete(key);
    } else value = make(key);
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
    return value;
  }
}
