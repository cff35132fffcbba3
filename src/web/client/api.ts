/** The client's one way to the API: JSON in and out, the CSRF token on every write, errors as exceptions with the server's message. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrf = '';
const listeners = new Set<() => void>();

export function setCsrf(token: string | undefined): void {
  csrf = token ?? '';
}

/** Called when the server says the session is gone (expired, idle, logged out elsewhere). */
export function onSignedOut(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

export async function api<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(method !== 'GET' && csrf ? { 'x-csrf-token': csrf } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const err = (data as { error?: { code: string; message: string } }).error;
    if (res.status === 401 && !path.startsWith('/auth/login')) for (const f of listeners) f();
    throw new ApiError(res.status, err?.code ?? 'error', err?.message ?? `the server answered ${res.status}`);
  }
  return data as T;
}

export const get = <T = Record<string, unknown>>(path: string) => api<T>('GET', path);
export const post = <T = Record<string, unknown>>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});

/** A query string from the filled-in fields only. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}
