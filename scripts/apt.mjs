// Installs a Debian package for the test run. Two test runs on one machine may both install at
// once: apt's locks make the second wait (up to ten minutes) instead of failing, and the caller
// checks for the installed file afterwards, which the other run may have put there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const LOCK_WAIT = ['-o', 'DPkg::Lock::Timeout=600'];

export function canInstall() {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

/** apt-get install `pkg` unless `installed()` is already true; true when it is true afterwards. */
export function aptInstall(pkg, installed) {
  if (installed()) return true;
  if (!canInstall()) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (let attempt = 0; attempt < 3 && !installed(); attempt++) {
    spawnSync('apt-get', [...LOCK_WAIT, 'update', '-qq'], { stdio: 'ignore', env });
    spawnSync('apt-get', [...LOCK_WAIT, 'install', '-y', '-qq', '--no-install-recommends', pkg], { stdio: 'ignore', env });
  }
  return installed();
}
