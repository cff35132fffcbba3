/**
 * The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011) with Goldberg &
 * Nivre's (2013) dynamic oracle. Words are 0..n-1; ROOT is n and starts at the bottom of the stack.
 *   SHIFT  moves the buffer front onto the stack;
 *   LEFT   makes the buffer front the head of the stack top, and pops it;
 *   RIGHT  makes the item below the stack top its head, and pops it.
 */
export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const MOVES = 3;

export class ParseState {
  readonly n: number;
  readonly stack: number[];
  /** Buffer front; the buffer is b..n-1. */
  b = 0;
  readonly heads: Int32Array;
  /** Two leftmost and two rightmost dependents of each word (-1 when absent); index n is ROOT. */
  readonly lc1: Int32Array;
  readonly lc2: Int32Array;
  readonly rc1: Int32Array;
  readonly rc2: Int32Array;
  readonly nLeft: Int32Array;
  readonly nRight: Int32Array;

  constructor(n: number) {
    this.n = n;
    this.stack = [n];
    this.heads = new Int32Array(n).fill(-1);
    const make = (): Int32Array => new Int32Array(n + 1).fill(-1);
    this.lc1 = make();
    this.lc2 = make();
    this.rc1 = make();
    this.rc2 = make();
    this.nLeft = new Int32Array(n + 1);
    this.nRight = new Int32Array(n + 1);
  }

  get done(): boolean {
    return this.b >= this.n && this.stack.length === 1;
  }

  /** Stack item `k` from the top (0 = top), or -1. */
  s(k: number): number {
    const i = this.stack.length - 1 - k;
    return i >= 0 ? this.stack[i]! : -1;
  }

  legal(move: number): boolean {
    const depth = this.stack.length;
    if (move === SHIFT) return this.b < this.n;
    if (move === LEFT) return depth >= 2 && this.b < this.n;
    // RIGHT onto ROOT only at the end, so a sentence gets exactly one root.
    return depth >= 2 && (depth > 2 || this.b >= this.n);
  }

  apply(move: number): void {
    if (move === SHIFT) {
      this.stack.push(this.b++);
      return;
    }
    const dep = this.stack.pop()!;
    const head = move === LEFT ? this.b : this.stack[this.stack.length - 1]!;
    this.attach(head, dep);
  }

  private attach(head: number, dep: number): void {
    this.heads[dep] = head === this.n ? -1 : head;
    if (dep < head) {
      this.nLeft[head]!++;
      if (this.lc1[head]! < 0 || dep < this.lc1[head]!) {
        this.lc2[head] = this.lc1[head]!;
        this.lc1[head] = dep;
      } else if (this.lc2[head]! < 0 || dep < this.lc2[head]!) this.lc2[head] = dep;
    } else {
      this.nRight[head]!++;
      if (this.rc1[head]! < 0 || dep > this.rc1[head]!) {
        this.rc2[head] = this.rc1[head]!;
        this.rc1[head] = dep;
      } else if (this.rc2[head]! < 0 || dep > this.rc2[head]!) this.rc2[head] = dep;
    }
  }

  /**
   * Gold arcs a move makes unreachable (Goldberg & Nivre 2013, arc-hybrid). `gold[i]` is word
   * i's gold head, with n for ROOT. The cheapest legal moves are the oracle's; with a
   * non-projective gold tree there may be none of cost zero, and the cheapest still teach best.
   */
  cost(move: number, gold: Int32Array): number {
    const { n, b, stack } = this;
    const s0 = this.s(0);
    if (move === SHIFT) {
      let c = 0;
      for (let k = 0; k < stack.length; k++) {
        const item = stack[k]!;
        if (item !== s0 && gold[b] === item) c++;
        if (item < n && gold[item] === b) c++;
      }
      return c;
    }
    let c = 0;
    for (let k = b + (move === LEFT ? 1 : 0); k < n; k++) if (gold[s0] === k) c++;
    if (move === LEFT && gold[s0] === this.s(1)) c++;
    for (let k = b; k < n; k++) if (gold[k] === s0) c++;
    return c;
  }
}
