/** Training progress on stderr: one line per epoch, and a live counter while one runs. */
export class Progress {
  private readonly t0 = Date.now();
  private lastDraw = 0;

  constructor(private readonly label: string) {}

  tick(done: number, total: number): void {
    const now = Date.now();
    if (now - this.lastDraw < 250 || !process.stderr.isTTY) return;
    this.lastDraw = now;
    process.stderr.write(`\r${this.label}: ${((100 * done) / total).toFixed(0).padStart(3)}% (${done}/${total})  `);
  }

  line(message: string): void {
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    process.stderr.write(`${this.label} [${this.elapsed()}] ${message}\n`);
  }

  elapsed(): string {
    const s = Math.round((Date.now() - this.t0) / 1000);
    return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  }
}
