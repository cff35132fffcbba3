import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Store } from './store.js';
import { openStore } from './store.js';
import { TEST_ENGINES } from './testing.js';
import { TOKEN_USE_RESOLUTION_MS, createApiToken, insertUser, tokenUser } from './users.js';

for (const engine of TEST_ENGINES) {
  describe(`API tokens on ${engine.engine}`, { skip: engine.skip }, () => {
    let store: Store & { url: string };
    before(async () => (store = await engine.open()));
    after(async () => store?.close());

    test("a token's use is written once a minute, not at every request", async () => {
      const t0 = Date.parse('2026-11-20T09:00:00Z');
      const at = (ms: number) => new Date(t0 + ms).toISOString();
      const { id, secret } = await store.db.transaction().execute(async (tx) => {
        const user = await insertUser(tx, at(0), { email: 'ana@ngo.example', name: 'Ana', role: 'analyst', passwordHash: 'x' });
        return createApiToken(tx, at(0), user.id, 'sync');
      });
      const lastUsed = async () => (await store.db.selectFrom('api_tokens').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow()).last_used_at;
      assert.equal((await tokenUser(store.db, secret, at(1000)))?.email, 'ana@ngo.example');
      assert.equal(await lastUsed(), at(1000), 'the first use is recorded');
      await tokenUser(store.db, secret, at(30_000));
      assert.equal(await lastUsed(), at(1000), 'a use within the minute writes nothing');
      await tokenUser(store.db, secret, at(1000 + TOKEN_USE_RESOLUTION_MS));
      assert.equal(await lastUsed(), at(1000 + TOKEN_USE_RESOLUTION_MS), 'a use a minute later is recorded');
      assert.equal(await tokenUser(store.db, 'not-a-token', at(0)), undefined);
    });

    test('requests in flight when the minute turns write the use once, not once each', async () => {
      const t0 = Date.parse('2026-11-21T09:00:00Z');
      const at = (ms: number) => new Date(t0 + ms).toISOString();
      const { secret } = await store.db.transaction().execute(async (tx) => {
        const user = await insertUser(tx, at(0), { email: 'ben@ngo.example', name: 'Ben', role: 'analyst', passwordHash: 'x' });
        return createApiToken(tx, at(0), user.id, 'sync');
      });
      let writes = 0;
      const counted = await openStore({ url: store.url, onQuery: (text) => void (/^update "api_tokens"/.test(text) && writes++) });
      try {
        await Promise.all(Array.from({ length: 20 }, (_, i) => tokenUser(counted.db, secret, at(1000 + i))));
        assert.equal(writes, 1);
        await Promise.all(Array.from({ length: 20 }, (_, i) => tokenUser(counted.db, secret, at(1000 + TOKEN_USE_RESOLUTION_MS + i))));
        assert.equal(writes, 2, 'and once again a minute later');
      } finally {
        await counted.close();
      }
    });
  });
}
