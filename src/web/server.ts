import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApp } from '../server/app.js';
import type { AppDeps, AppEnv } from '../server/env.js';

const CLIENT = fileURLToPath(new URL('./client/main.tsx', import.meta.url));
const STYLES = fileURLToPath(new URL('./client/app.css', import.meta.url));

/**
 * Nothing but our own script and styles may run or load: a report's words are shown as text,
 * and even if one slipped through as markup, an inline script or handler would be refused.
 */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const SHELL = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vigil</title>
<link rel="stylesheet" href="/assets/app.css">
<script type="module" src="/assets/app.js"></script>
</head>
<body><div id="app"><p class="boot">Loading Vigil…</p></div><noscript>Vigil needs JavaScript.</noscript></body>
</html>`;

let bundle: Promise<string> | undefined;

/** The client, bundled once per process from its TypeScript sources (esbuild takes a fraction of a second). */
export function clientBundle(): Promise<string> {
  bundle ??= build({ entryPoints: [CLIENT], bundle: true, write: false, format: 'esm', target: 'es2022', jsx: 'automatic', jsxImportSource: 'preact', minify: true, sourcemap: false, logLevel: 'silent' }).then((r) => r.outputFiles[0]!.text);
  bundle.catch(() => (bundle = undefined));
  return bundle;
}

/**
 * The API with the analysts' web app in front: /assets/* are the bundled client and its styles,
 * every other path outside /api answers with the one-page shell, and the client routes itself.
 */
export function createWebApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = createApp(deps);
  void clientBundle();
  const headers = (type: string) => ({ 'content-type': `${type}; charset=utf-8`, 'content-security-policy': CSP, 'cache-control': 'no-cache' });
  app.get('/assets/app.js', async (c) => c.body(await clientBundle(), 200, headers('text/javascript')));
  app.get('/assets/app.css', async (c) => c.body(await readFile(STYLES, 'utf8'), 200, headers('text/css')));
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/')) return next();
    return c.body(SHELL, 200, headers('text/html'));
  });
  return app;
}
