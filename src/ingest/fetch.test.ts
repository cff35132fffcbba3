import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { allowListFrom, isPublicAddress } from './address.js';
import { fetchText } from './fetch.js';

const NONE = allowListFrom('');
const opts = { maxBytes: 1 << 20, allow: NONE };

describe('fetching refuses internal addresses (SSRF)', () => {
  let port = 0;
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.headers.host} ${req.url}`);
    if (req.url === '/secret') return res.writeHead(200, { 'content-type': 'text/plain' }).end('the internal secret');
    if (req.url === '/to-secret') return res.writeHead(302, { location: `http://127.0.0.1:${port}/secret` }).end();
    if (req.url === '/chain/1') return res.writeHead(301, { location: '/chain/2' }).end();
    if (req.url === '/chain/2') return res.writeHead(307, { location: `http://news.example:${port}/secret` }).end();
    if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    if (req.url === '/to-file') return res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    res.writeHead(404).end();
  });
  before(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  after(() => void server.close());

  test('loopback, private, link-local, metadata, IPv6 and odd encodings are refused before any connection', async () => {
    const urls = [
      'http://127.0.0.1:PORT/secret', 'http://localhost:PORT/secret', 'http://2130706433:PORT/secret', 'http://0x7f.1:PORT/secret', 'http://127.1:PORT/secret', 'http://0177.0.0.1:PORT/secret',
      'http://[::1]:PORT/secret', 'http://[::ffff:127.0.0.1]:PORT/secret', 'http://[::ffff:7f00:1]:PORT/secret', 'http://0.0.0.0:PORT/', 'http://[::]:PORT/',
      'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'http://172.16.5.4/', 'http://192.168.1.1/', 'http://100.64.0.1/', 'http://[fc00::1]/', 'http://[fd12:3456::1]/', 'http://[fe80::1]/', 'http://[64:ff9b::7f00:1]/',
    ];
    const before = seen.length;
    for (const u of urls) {
      await assert.rejects(fetchText(u.replace('PORT', String(port)), opts), (e: { code: string; message: string }) => e.code === 'forbidden' && /internal address/.test(e.message), u);
    }
    for (const u of ['file:///etc/passwd', 'ftp://example.org/x', 'javascript:alert(1)', 'data:text/html,hi', 'http://user:pw@example.org/']) await assert.rejects(fetchText(u, opts), (e: { code: string }) => e.code === 'invalid_input', u);
    assert.equal(seen.length, before, 'nothing reached the server');
  });

  test('a name that resolves to an internal address is refused, also when only one of its answers is (rebinding)', async () => {
    await assert.rejects(fetchText('http://news.example/', { ...opts, resolve: async () => [{ address: '127.0.0.1', family: 4 }] }), /internal address/);
    await assert.rejects(fetchText('http://news.example/', { ...opts, resolve: async () => [{ address: '93.184.216.34', family: 4 }, { address: '10.1.2.3', family: 4 }] }), /internal address/);
  });

  test('the allow-list lets an intranet through; every redirect hop is checked again; hops are limited', async () => {
    const local = allowListFrom('127.0.0.1');
    const page = await fetchText(`http://127.0.0.1:${port}/secret`, { ...opts, allow: local });
    assert.equal(page.body, 'the internal secret');
    // news.example (allowed by name) connects to the address checked, and its redirect to 127.0.0.1 is checked on its own.
    const byName = allowListFrom('news.example');
    const resolve = async () => [{ address: '127.0.0.1', family: 4 as const }];
    assert.equal((await fetchText(`http://news.example:${port}/secret`, { ...opts, allow: byName, resolve })).body, 'the internal secret');
    await assert.rejects(fetchText(`http://news.example:${port}/to-secret`, { ...opts, allow: byName, resolve }), /127\.0\.0\.1 is 127\.0\.0\.1, an internal address/);
    const chain = await fetchText(`http://127.0.0.1:${port}/chain/1`, { ...opts, allow: allowListFrom('127.0.0.1,news.example'), resolve });
    assert.equal(chain.body, 'the internal secret');
    assert.equal(chain.url, `http://news.example:${port}/secret`);
    await assert.rejects(fetchText(`http://127.0.0.1:${port}/loop`, { ...opts, allow: local }), /more than 5 redirects/);
    await assert.rejects(fetchText(`http://127.0.0.1:${port}/to-file`, { ...opts, allow: local }), /only http and https/);
  });

  test('public addresses pass', () => {
    for (const ip of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:93.184.216.34']) assert.ok(isPublicAddress(ip), ip);
    for (const ip of ['127.0.0.1', '::1', '169.254.169.254', '::ffff:10.0.0.1', 'fe80::1', 'not an ip']) assert.ok(!isPublicAddress(ip), ip);
  });
});
