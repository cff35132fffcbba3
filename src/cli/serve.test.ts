import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { manualClock } from '../storage/testing.js';
import { poolShares, workerCount } from './serve.js';
import { vigil as run } from './testing.js';

// The commands run in this process (src/cli/testing.ts); `vigil serve` is spawned from bin/vigil.js,
// since what it is tested for (printing as it starts, stopping on a signal) belongs to a process.
const clock = manualClock('2026-11-21T10:00:00Z');
const vigil = (args: string[]) => run(args, { now: clock.now });

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-cli-'));
const db = path.join(dir, 'vigil.db');
after(() => rmSync(dir, { recursive: true, force: true }));


test('vigil ingest, cases and export: two reports about one person make one case', async () => {
  // What a case holds is tested here, not who gets one: the invented person is watched, so the case policy gives him a case.
  const watched = await vigil(['watch', 'Joran Aldemir', '--db', db]);
  assert.equal(watched.code, 0, watched.stderr);
  assert.match(watched.stdout, /watching person Joran Aldemir/);
  for (const [file, day] of [['aldemir-1.txt', '2026-11-18'], ['aldemir-2.txt', '2026-11-19']]) {
    const r = await vigil(['ingest', `${root}test/fixtures/cases/${file}`, '--published', day!, '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /stored as report/);
  }
  const again = await vigil(['ingest', `${root}test/fixtures/cases/aldemir-1.txt`, '--published', '2026-11-18', '--db', db]);
  assert.match(again.stderr, /already stored/);
  const cases = JSON.parse((await vigil(['cases', '--json', '--db', db])).stdout);
  assert.equal(cases.length, 1);
  assert.equal(cases[0].name, 'Joran Aldemir');
  const one = await vigil(['cases', cases[0].id, '--db', db]);
  assert.match(one.stdout, /2026-11-16 {2}ARREST by Police in Karsvik — \d source\(s\)/);
  const csv = await vigil(['export', '--format', 'csv', '--db', db]);
  assert.equal(csv.code, 0, csv.stderr);
  assert.match(csv.stdout.split('\r\n')[1]!, /Joran Aldemir,,whereabouts_unknown/);
  writeFileSync(`${dir}/latin1.txt`, Buffer.from([0x50, 0x6f, 0x6c, 0x69, 0x63, 0x65, 0x20, 0xe9, 0xe9, 0x20, 0x61, 0x72, 0x72, 0x65, 0x73, 0x74, 0x65, 0x64]));
  const bad = await vigil(['ingest', `${dir}/latin1.txt`, '--db', db]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /invalid_encoding/);
  const missing = await vigil(['ingest', `${dir}/no-such-file.txt`, '--db', db]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /file_not_found/);
  // a saved report with no date of its own: the one in its name, and the command says so
  writeFileSync(`${dir}/karsvik-post-2026-11-20.txt`, 'Police in Karsvik detained the union leader Mira Castell on Wednesday.');
  const named = await vigil(['ingest', `${dir}/karsvik-post-2026-11-20.txt`, '--db', db]);
  assert.equal(named.code, 0, named.stderr);
  assert.match(named.stderr, /publication date 2026-11-20 taken from the file name/);
});

test('vigil serve prints its URL and how to create the first admin, serves the web app and the API, and stops cleanly on SIGTERM', async () => {
  const child = spawn(process.execPath, [`${root}bin/vigil.js`, 'serve', '--port', '0', '--db', path.join(dir, 'served.db')], { cwd: dir });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  // No clock here: the URL comes when the process is ready, however busy the machine; a process
  // that ends first fails the test (and a hung one meets the runner's per-file timeout).
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`vigil serve ended (${code}) before printing its URL: ${out}`)));
    child.stdout.on('data', () => {
      const m = /running: open (http:\/\/\S+?) /.exec(out);
      if (m && out.includes('create the first admin')) resolve(m[1]!);
    });
  });
  assert.match(out, /npx vigil users add .* --role admin/);
  const health = await (await fetch(`${url}/api/health`)).json();
  assert.deepEqual([health.ok, health.engine, health.setupNeeded], [true, 'sqlite', true]);
  assert.equal((await fetch(`${url}/api/cases`)).status, 401);
  const page = await fetch(`${url}/cases/anything`);
  assert.match(await page.text(), /<script type="module" src="\/assets\/app.js">/);
  assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  assert.equal((await fetch(`${url}/assets/app.js`)).status, 200);
  const code = await new Promise<number | null>((resolve) => {
    child.on('exit', (c) => resolve(c));
    child.kill('SIGTERM');
  });
  assert.equal(code, 0, out);
});

/** One request on a connection of its own (so that successive ones are handed to the server processes in turn). */
function call(base: string, method: string, path: string, options: { body?: unknown; cookie?: string; csrf?: string; from?: string } = {}) {
  return new Promise<{ status: number; worker: string; data: Record<string, unknown>; cookie: string | undefined }>((resolve, reject) => {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = http.request(`${base}${path}`, {
      method,
      agent: false,
      ...(options.from ? { localAddress: options.from } : {}),
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(options.cookie ? { cookie: options.cookie } : {}), ...(options.csrf ? { 'x-csrf-token': options.csrf } : {}), origin: base },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, worker: String(res.headers['x-vigil-worker'] ?? ''), data: text ? JSON.parse(text) : {}, cookie: res.headers['set-cookie']?.[0]?.split(';')[0] }));
    });
    req.end(body);
  });
}

test('vigil serve --workers 2: two server processes share the port and the data; access, the login limiter and a restarted process hold across them', async (t) => {
  // A case to restrict, and two accounts, written before the server starts.
  const wdb = path.join(dir, 'workers.db');
  const password = 'correct horse battery staple 42';
  assert.equal((await vigil(['watch', 'Joran Aldemir', '--db', wdb])).code, 0);
  assert.equal((await vigil(['ingest', `${root}test/fixtures/cases/aldemir-1.txt`, '--published', '2026-11-18', '--db', wdb])).code, 0);
  for (const [email, role] of [['ada@example.org', 'admin'], ['ana@example.org', 'analyst']]) {
    assert.equal((await run(['users', 'add', email!, '--role', role!, '--db', wdb], { env: { VIGIL_PASSWORD: password } })).code, 0);
  }
  const caseId = JSON.parse((await vigil(['cases', '--json', '--db', wdb])).stdout)[0].id as string;

  // (the tests alone ask each response to say which server process answered)
  const child = spawn(process.execPath, [`${root}bin/vigil.js`, 'serve', '--port', '0', '--workers', '2', '--db', wdb], { cwd: dir, env: { ...process.env, VIGIL_WORKER_HEADER: '1' } });
  // A failing test stops the server too (its processes with it).
  t.after(() => void (child.exitCode === null && child.signalCode === null && child.kill('SIGTERM')));
  let out = '';
  const waiters: { re: RegExp; from: number; resolve: (m: RegExpExecArray) => void }[] = [];
  const onData = (d: Buffer) => {
    out += d;
    for (const w of [...waiters]) {
      const m = w.re.exec(out.slice(w.from));
      if (!m) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(m);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  const died = exited.then((c) => Promise.reject(new Error(`vigil serve ended (${c}): ${out}`)));
  died.catch(() => undefined);
  // What the server writes, from `from` on: the test waits for it, however long the machine takes.
  const written = (re: RegExp, from = 0) =>
    Promise.race([
      new Promise<RegExpExecArray>((resolve) => {
        const m = re.exec(out.slice(from));
        if (m) resolve(m);
        else waiters.push({ re, from, resolve });
      }),
      died,
    ]);
  const [, url] = await written(/running: open (http:\/\/\S+?) /);
  const pids = await Promise.all(['1', '2'].map(async (n) => Number((await written(new RegExp(`server ${n} listening \\(pid (\\d+)\\)`)))[1])));
  const jobsPid = Number((await written(/background process started \(pid (\d+)\)/))[1]);

  const login = async (email: string) => {
    const r = await call(url!, 'POST', '/api/auth/login', { body: { email, password } });
    assert.equal(r.status, 200, JSON.stringify(r.data));
    return { cookie: r.cookie!, csrf: r.data.csrfToken as string };
  };
  const ada = await login('ada@example.org');
  const ana = await login('ana@example.org');
  /** Asks until both server processes have answered; their answers, by process. */
  const fromBoth = async (ask: () => ReturnType<typeof call>) => {
    const seen = new Map<string, Awaited<ReturnType<typeof call>>>();
    for (let i = 0; i < 40 && seen.size < 2; i++) {
      const r = await ask();
      seen.set(r.worker, r);
    }
    assert.deepEqual([...seen.keys()].sort(), ['1', '2'], 'requests landed on both server processes');
    return seen;
  };

  // Both processes show ana the case (and keep her denied list, empty, for the access generation).
  for (const r of (await fromBoth(() => call(url!, 'GET', `/api/cases/${caseId}`, ana))).values()) assert.equal(r.status, 200);
  // Ada restricts it through one process; neither shows it to ana any more.
  const restricted = await call(url!, 'PUT', `/api/cases/${caseId}/access`, { ...ada, body: { restricted: true } });
  assert.equal(restricted.status, 200, JSON.stringify(restricted.data));
  for (const r of (await fromBoth(() => call(url!, 'GET', `/api/cases/${caseId}`, ana))).values()) assert.equal(r.status, 404, `server ${r.worker} still showed the restricted case`);
  // An account made through one process is listed by the other.
  const made = await call(url!, 'POST', '/api/users', { ...ada, body: { email: 'vic@example.org', name: 'Vic', role: 'viewer', password } });
  assert.equal(made.status, 201, JSON.stringify(made.data));
  for (let i = 0; ; i++) {
    assert.ok(i < 40, 'no request reached the other server process');
    const r = await call(url!, 'GET', '/api/users', ada);
    if (r.worker === made.worker) continue;
    assert.ok((r.data.users as { email: string }[]).some((u) => u.email === 'vic@example.org'), `server ${r.worker} did not list the account made through server ${made.worker}`);
    break;
  }

  // Twenty failed logins from this address, spread over both processes, are twenty: the next is refused.
  const failures = await Promise.all(Array.from({ length: 20 }, (_, i) => call(url!, 'POST', '/api/auth/login', { body: { email: `nobody-${i}@example.org`, password: 'wrong' } })));
  assert.deepEqual([...new Set(failures.map((r) => r.status))], [401]);
  assert.deepEqual([...new Set(failures.map((r) => r.worker))].sort(), ['1', '2']);
  for (const r of (await fromBoth(() => call(url!, 'POST', '/api/auth/login', { body: { email: 'ada@example.org', password } }))).values()) assert.equal(r.status, 429, `server ${r.worker}`);
  // …from this address only: each server process sees the client's own address, so another client still logs in
  for (const r of (await fromBoth(() => call(url!, 'POST', '/api/auth/login', { body: { email: 'ada@example.org', password }, from: '127.0.0.2' }))).values()) assert.equal(r.status, 200, `server ${r.worker}`);

  // A server process killed is started again; the sessions live on in the database.
  const mark = out.length;
  process.kill(pids[0]!, 'SIGKILL');
  await written(/server 1 \(pid \d+\) ended \(signal SIGKILL\); starting another/, mark);
  const [, again] = await written(/server 1 listening \(pid (\d+)\)/, mark);
  for (const r of (await fromBoth(() => call(url!, 'GET', '/api/auth/me', ana))).values()) assert.equal(r.status, 200);

  child.kill('SIGTERM');
  assert.equal(await exited, 0, out);
  for (const pid of [Number(again), pids[1]!, jobsPid]) assert.throws(() => process.kill(pid, 0), /ESRCH/, `process ${pid} still runs`);
});

test('--workers takes 1 to 64 or auto; PostgreSQL connections are shared out of one total', () => {
  assert.equal(workerCount('3'), 3);
  assert.ok(workerCount('auto') >= 1);
  for (const bad of ['0', '65', '2.5', 'two', '']) assert.throws(() => workerCount(bad), /--workers must be/, bad);
  assert.deepEqual(poolShares(10, 1), { jobs: 10, server: 10 }, 'one process: the pool it always had');
  assert.deepEqual(poolShares(10, 2), { jobs: 2, server: 4 });
  assert.deepEqual(poolShares(10, 8), { jobs: 2, server: 2 }, 'never fewer than 2 each');
});

test('started by npx (which does not pass SIGTERM on), vigil serve stops cleanly when its parent is gone', async () => {
  // a parent that starts the server as npm exec does and is then killed: the server must not stay behind
  const db = path.join(dir, 'orphan.db');
  const parent = spawn(process.execPath, ['-e', `const c = require('node:child_process').spawn(process.execPath, [${JSON.stringify(`${root}bin/vigil.js`)}, 'serve', '--port', '0', '--db', ${JSON.stringify(db)}], { env: { ...process.env, npm_command: 'exec' }, stdio: ['ignore', 'pipe', 'inherit'] }); c.stdout.on('data', (d) => { if (/running: open/.test(String(d))) console.log('PID ' + c.pid); });`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const pid = await new Promise<number>((resolve, reject) => {
    let out = '';
    parent.stdout.on('data', (d) => {
      out += d;
      const m = /PID (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    parent.once('exit', () => reject(new Error(`the parent ended first: ${out}`)));
  });
  // (a zombie counts as ended: the init of a container may not reap an orphan)
  const alive = () => {
    try {
      process.kill(pid, 0);
    } catch {
      return false;
    }
    const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
    return !/^\d+ \(.*\) Z/.test(stat);
  };
  assert.ok(alive());
  parent.kill('SIGKILL');
  // no clock: the server's own check ends it; a server that stays meets the runner's per-file timeout
  while (alive()) await new Promise((r) => setTimeout(r, 100));
  assert.ok(!alive());
});
