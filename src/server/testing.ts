/** Test factories for the HTTP layer: a browser-like client over an app, without a network. */

export const PASSWORD = 'correct horse battery staple';

/** A signed-in client: keeps the session cookie and sends its CSRF token, like the web app does. */
export function client(app: { request: (path: string, init: RequestInit) => Response | Promise<Response> }) {
  let cookie = '';
  let csrf = '';
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.request(path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}), ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!.endsWith('=') ? '' : set.split(';')[0]!;
    const type = res.headers.get('content-type') ?? '';
    const data = type.includes('json') ? await res.json() : await res.text();
    if (data && typeof data === 'object' && 'csrfToken' in data) csrf = String(data.csrfToken);
    return { status: res.status, data: data as Record<string, any>, headers: res.headers }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  return { call, login: (email: string, password = PASSWORD) => call('POST', '/api/auth/login', { email, password }) };
}

export type Client = ReturnType<typeof client>;
