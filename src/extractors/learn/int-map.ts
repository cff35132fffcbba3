/**
 * Open-addressing map from non-zero uint32 keys to non-negative int32 values. A JavaScript Map
 * boxes keys above 2^30 and costs ~3x the lookup time; feature lookup is the inner loop.
 */
export class IntMap {
  private keys: Uint32Array;
  private vals: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.keys = new Uint32Array(cap);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** The value for `key`, or -1. */
  get(key: number): number {
    const keys = this.keys;
    let slot = (key ^ (key >>> 15)) & this.mask;
    for (;;) {
      const k = keys[slot]!;
      if (k === key) return this.vals[slot]!;
      if (k === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }

  set(key: number, value: number): void {
    if (key === 0) throw new RangeError('IntMap keys must be non-zero');
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    let slot = (key ^ (key >>> 15)) & this.mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) {
        this.vals[slot] = value;
        return;
      }
      if (k === 0) {
        this.keys[slot] = key;
        this.vals[slot] = value;
        this.size++;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const { keys, vals } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.vals = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.set(keys[i]!, vals[i]!);
  }
}
