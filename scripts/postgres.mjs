// Finds a PostgreSQL server for the adapter tests, or starts a throwaway one.
// Order: $VIGIL_TEST_PG; a server on 127.0.0.1:5432 (trust auth, as on CI machines); a fresh
// cluster in a temporary folder from Debian's postgresql binaries (installed with apt-get when
// missing and we may); otherwise none, and the PostgreSQL tests skip saying why.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { aptInstall, canInstall } from './apt.mjs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

async function reachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function binDir() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(path.join(root, v, 'bin', 'initdb'))) return path.join(root, v, 'bin');
  return null;
}

function install(log) {
  if (!canInstall()) return false;
  log('installing postgresql from Debian packages (apt-get)…');
  return aptInstall('postgresql', () => binDir() !== null);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Starts a throwaway cluster; returns { url, stop } or null. initdb refuses root, so it runs as `postgres`. */
async function throwaway(log) {
  let bin = binDir();
  if (!bin && install(log)) bin = binDir();
  if (!bin) return null;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd, args) => {
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { stdio: 'ignore' });
    else execFileSync(path.join(bin, cmd), args, { stdio: 'ignore' });
  };
  try {
    if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
    const port = await freePort();
    run('initdb', ['-D', path.join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    run('pg_ctl', ['-D', path.join(dir, 'data'), '-w', '-l', path.join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
    const stop = () => {
      try {
        run('pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'immediate', 'stop']);
      } catch {
        /* already stopped */
      }
      rmSync(dir, { recursive: true, force: true });
    };
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
  } catch (err) {
    log(`could not start a throwaway PostgreSQL: ${err.message}`);
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

/** { url, stop } for a server the tests may create databases on, or { url: null, why }. */
export async function findPostgres(log = (m) => console.error(m)) {
  if (process.env.VIGIL_TEST_PG) return { url: process.env.VIGIL_TEST_PG, stop: () => undefined };
  if (process.env.VIGIL_TEST_PG_START !== '1') {
    const local = 'postgres://postgres@127.0.0.1:5432/postgres';
    if (await reachable(local)) return { url: local, stop: () => undefined };
  }
  const started = await throwaway(log);
  if (started && (await reachable(started.url))) return started;
  started?.stop();
  return { url: null, why: 'no PostgreSQL server on 127.0.0.1:5432 and none could be started (no postgresql binaries, and apt-get not available as root)' };
}
