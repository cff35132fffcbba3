// Finds Chromium for the browser tests, installing Debian's package when it is missing and we
// may (root with apt-get, as on CI machines). Order: $VIGIL_CHROMIUM; /usr/bin/chromium;
// apt-get install chromium; otherwise none, and the browser tests skip saying why.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEBIAN = '/usr/bin/chromium';

export function findChromium(log = (m) => console.error(m)) {
  if (process.env.VIGIL_CHROMIUM) return existsSync(process.env.VIGIL_CHROMIUM) ? { path: process.env.VIGIL_CHROMIUM } : { why: `VIGIL_CHROMIUM=${process.env.VIGIL_CHROMIUM} does not exist` };
  if (existsSync(DEBIAN)) return { path: DEBIAN };
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return { why: `no ${DEBIAN}, and installing it needs root and apt-get (sudo apt-get install chromium)` };
  log('installing chromium from Debian packages for the browser tests (apt-get; a minute or two)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'ignore', env });
  if (r.status === 0 && existsSync(DEBIAN)) return { path: DEBIAN };
  return { why: `apt-get install chromium failed (exit ${r.status})` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = findChromium();
  console.log(found.path ?? `no chromium: ${found.why}`);
  process.exit(found.path ? 0 : 1);
}
