import { serve } from '@hono/node-server';
import { parseArgs } from 'node:util';
import { Scheduler } from '../ingest/scheduler.js';
import { countUsers } from '../storage/users.js';
import { VigilError } from '../core/errors.js';
import { createWebApp } from '../web/server.js';
import type { CliIo } from './io.js';
import { processIo, say, warn } from './io.js';
import { createWorker, openCliStore } from './runtime.js';
import { SERVE_USAGE } from './usage.js';

export { SERVE_USAGE };

/** `vigil serve`: runs until interrupted; closes the server, the worker and the database in order. */
export async function runServe(argv: string[], io: CliIo = processIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string', default: io.env.PORT ?? '8080' }, host: { type: 'string', default: '127.0.0.1' }, db: { type: 'string' }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    say(io, SERVE_USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new VigilError('usage', `--port must be a port number, not "${values.port}"`);
  const store = await openCliStore(values.db, io);
  const log = (m: string) => warn(io, `[vigil] ${m}`);
  const url = `http://${values.host}:${port}`;
  const worker = createWorker(store, url, log, io);
  const app = createWebApp({ store, worker });
  const server = serve({ fetch: app.fetch, port, hostname: values.host }, (info) => {
    const where = `http://${values.host}:${info.port}`;
    say(io, `Vigil is running: open ${where} in your browser (API: ${where}/api, OpenAPI: ${where}/api/openapi.json)`);
    say(io, `Data: ${store.location} (${store.engine})`);
  });
  if ((await countUsers(store.db)) === 0) {
    say(io, `No accounts yet: open ${url} and create the first admin there,`);
    say(io, `  or run: npx vigil users add you@example.org --name "Your Name" --role admin${values.db ? ` --db ${values.db}` : ''}`);
  }
  worker.start();
  const scheduler = new Scheduler(store, 60_000, log);
  scheduler.start();
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  log('shutting down');
  scheduler.stop();
  await new Promise<void>((r) => server.close(() => r()));
  await worker.stop();
  await store.close();
  return 0;
}
