// Finds Chromium for the browser tests, installing Debian's package when it is missing and we
// may (root with apt-get, as on CI machines). Order: $VIGIL_CHROMIUM; /usr/bin/chromium;
// apt-get install chromium; otherwise none, and the browser tests skip saying why.
import { existsSync } from 'node:fs';
import { aptInstall, canInstall } from './apt.mjs';

const DEBIAN = '/usr/bin/chromium';

export function findChromium(log = (m) => console.error(m)) {
  if (process.env.VIGIL_CHROMIUM) return existsSync(process.env.VIGIL_CHROMIUM) ? { path: process.env.VIGIL_CHROMIUM } : { why: `VIGIL_CHROMIUM=${process.env.VIGIL_CHROMIUM} does not exist` };
  if (existsSync(DEBIAN)) return { path: DEBIAN };
  if (!canInstall()) return { why: `no ${DEBIAN}, and installing it needs root and apt-get (sudo apt-get install chromium)` };
  log('installing chromium from Debian packages for the browser tests (apt-get; a minute or two)…');
  if (aptInstall('chromium', () => existsSync(DEBIAN))) return { path: DEBIAN };
  return { why: 'apt-get install chromium failed' };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = findChromium();
  console.log(found.path ?? `no chromium: ${found.why}`);
  process.exit(found.path ? 0 : 1);
}
