import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { Extractor } from '../articles/extract.js';
import { createRule } from '../storage/alerts.js';
import { addFeed, getFeed } from '../storage/feeds.js';
import type { Store } from '../storage/store.js';
import { TEST_ENGINES, manualClock } from '../storage/testing.js';
import { emailHandler, signWebhook, webhookHandler } from './deliver.js';
import { parseFeed } from './feed-parse.js';
import { pollFeed } from './feeds.js';
import { extractHandler } from './process.js';
import { Worker } from './worker.js';

// The test's feed server is on 127.0.0.1: let it through as an organisation's intranet is.
process.env.VIGIL_FETCH_ALLOW = '127.0.0.1';

const ARTICLE = (name: string) =>
  `<p>Authorities in Karsvik detained the journalist ${name} on Tuesday, her newspaper said. ${name} had reported on the Velmora port strike for three weeks before her arrest, and her editor said police gave no reason for it.</p>`;

function rss(items: { guid: string; title: string; body: string }[]): string {
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Karsvik Herald</title>${items
    .map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><link>https://karsvik-herald.example/${i.guid}</link><pubDate>Wed, 18 Nov 2026 10:00:00 GMT</pubDate><content:encoded><![CDATA[${i.body}]]></content:encoded></item>`)
    .join('')}</channel></rss>`;
}

describe('feed parsing', () => {
  test('RSS 2.0 and Atom items; broken XML and non-feeds are clear errors; a year-3000 date is dropped', () => {
    const r = parseFeed(rss([{ guid: 'a1', title: 'One', body: '<p>x</p>' }]));
    assert.deepEqual([r.title, r.items[0]?.guid, r.items[0]?.published, r.items[0]?.url], ['Karsvik Herald', 'a1', '2026-11-18', 'https://karsvik-herald.example/a1']);
    const atom = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><entry><id>tag:w,1</id><title>T</title><link href="https://w.example/1"/><updated>3000-01-01T00:00:00Z</updated><summary>s</summary></entry></feed>`);
    assert.deepEqual([atom.items[0]?.url, atom.items[0]?.published], ['https://w.example/1', null]);
    assert.throws(() => parseFeed('<rss><channel><item>'), /not a readable feed/);
    assert.throws(() => parseFeed('<html><body>hello</body></html>'), /not an RSS or Atom feed/);
  });
});

for (const engine of TEST_ENGINES) {
  describe(`feeds and alert delivery on ${engine.engine}`, { skip: engine.skip }, () => {
    let store: Store;
    const clock = manualClock('2026-11-19T12:00:00Z');
    let base = '';
    let feedBody = rss([{ guid: 'n1', title: 'Journalist detained', body: ARTICLE('Edda Rusk') }]);
    const requests: { url: string; headers: Record<string, unknown>; body: string }[] = [];
    const server = createServer({ keepAliveTimeout: 1 }, (req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        requests.push({ url: req.url ?? '', headers: req.headers, body });
        if (req.url === '/feed.xml') {
          const etag = `"${feedBody.length}"`;
          if (req.headers['if-none-match'] === etag) return res.writeHead(304).end();
          return res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(feedBody);
        }
        if (req.url === '/broken.xml') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss><channel><item><title>unclosed');
        if (req.url === '/hook') return res.writeHead(200).end('ok');
        res.writeHead(404).end();
      });
    });
    before(async () => {
      store = await engine.open(clock.now);
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(async () => {
      await store?.close();
      server.close();
    });

    test('a feed is polled with conditional GET; items are stored once by GUID', async () => {
      const { feed } = await store.db.transaction().execute((tx) => addFeed(tx, clock.now().toISOString(), `${base}/feed.xml`, 30));
      const first = await pollFeed(store, feed.id);
      assert.equal(first.status, 'polled');
      assert.equal(first.added.length, 1, JSON.stringify(first.errors));
      const second = await pollFeed(store, feed.id);
      assert.equal(second.status, 'not_modified');
      assert.equal(requests.filter((r) => r.url === '/feed.xml').at(-1)?.headers['if-none-match'], `"${feedBody.length}"`);
      feedBody = rss([
        { guid: 'n1', title: 'Journalist detained', body: ARTICLE('Edda Rusk') },
        { guid: 'n2', title: 'Second journalist detained', body: ARTICLE('Mara Teller') },
      ]);
      const third = await pollFeed(store, feed.id);
      assert.deepEqual([third.added.length, third.skipped], [1, 1]);
      const stored = await store.db.selectFrom('reports').select(['guid', 'published', 'source']).where('feed_id', '=', feed.id).orderBy('guid').execute();
      assert.deepEqual(stored, [{ guid: 'n1', published: '2026-11-18', source: 'feed' }, { guid: 'n2', published: '2026-11-18', source: 'feed' }]);
    });

    test('a malformed feed is recorded and backed off, not crashed on', async () => {
      const { feed } = await store.db.transaction().execute((tx) => addFeed(tx, clock.now().toISOString(), `${base}/broken.xml`, 30));
      const r = await pollFeed(store, feed.id);
      assert.equal(r.status, 'failed');
      const after1 = await getFeed(store.db, feed.id);
      assert.equal(after1?.failures, 1);
      assert.match(after1?.last_error ?? '', /not a readable feed/);
      assert.equal(after1?.next_poll_at, new Date(clock.now().getTime() + 60 * 60_000).toISOString(), 'twice the interval');
    });

    test('alerts go out as HMAC-signed webhooks and as e-mail through SMTP', async () => {
      const mails: string[] = [];
      const smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], onData: (s, _session, cb) => { let d = ''; s.on('data', (c) => (d += c)); s.on('end', () => (mails.push(d), cb())); } });
      await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
      const smtpPort = (smtp.server.address() as AddressInfo).port;
      try {
        const secret = 'a-shared-secret-of-some-length';
        await store.db.transaction().execute((tx) =>
          createRule(tx, clock.now().toISOString(), { kind: 'new_event', types: ['ARREST'] }, { webhook: { url: `${base}/hook`, secret }, email: ['desk@ngo.example'] }),
        );
        const config = { baseUrl: 'http://vigil.local', smtpUrl: `smtp://127.0.0.1:${smtpPort}`, mailFrom: 'vigil@ngo.example' };
        const worker = new Worker(store, { extract: extractHandler(new Extractor()), 'deliver.webhook': webhookHandler(config), 'deliver.email': emailHandler(config) });
        // A delivery that meets a closed keep-alive connection (on a busy machine the server's 5 s
        // idle timeout can pass between two hooks) is retried with backoff, as in production:
        // the test moves its clock past the backoff instead of depending on the machine's speed.
        for (let round = 0; round < 4; round++) {
          await worker.drain();
          clock.advance(60 * 60_000);
        }
        const pending = await store.db.selectFrom('jobs').select(['kind', 'state', 'last_error']).where('state', '!=', 'done').execute();
        assert.deepEqual(pending, [], 'every job ran to completion');
        const alerts = await store.db.selectFrom('alerts').selectAll().execute();
        assert.ok(alerts.length >= 1, 'the feed items raised alerts');
        const hooks = requests.filter((r) => r.url === '/hook');
        assert.equal(hooks.length, alerts.length);
        for (const h of hooks) {
          assert.equal(h.headers['x-vigil-signature'], signWebhook(secret, String(h.headers['x-vigil-timestamp']), h.body));
          assert.equal(JSON.parse(h.body).type, 'vigil.alert');
        }
        assert.equal(mails.length, alerts.length);
        assert.match(mails[0]!, /Subject: \[Vigil\]/);
        assert.match(mails[0]!, /desk@ngo\.example/);
      } finally {
        await new Promise<void>((r) => smtp.close(() => r()));
      }
    });
  });
}
