import { useState } from 'preact/hooks';
import { api, get, post } from '../api.js';
import { formFields, useAction, useData } from './hooks.js';
import { when } from './labels.js';


/** Two-factor login: scan the QR code in an authenticator app, confirm with a first code. */
export function TwoFactor() {
  const status = useData(() => get<{ enabled: boolean; pending: boolean }>('/auth/totp'), []);
  const [setup, setSetup] = useState<{ secret: string; qrSvg: string } | null>(null);
  const action = useAction();
  const start = async () => setSetup((await action.run(() => post<{ secret: string; qrSvg: string }>('/auth/totp/setup'))) ?? null);
  const enable = async (e: Event) => {
    e.preventDefault();
    if (await action.run(() => post('/auth/totp/enable', { code: formFields(e).code }))) {
      setSetup(null);
      void status.reload();
    }
  };
  const disable = async (e: Event) => {
    e.preventDefault();
    const d = formFields(e);
    if (await action.run(() => post('/auth/totp/disable', { code: d.code, password: d.password }))) void status.reload();
  };
  return (
    <section class="settings-section" aria-label="Two-factor login">
      <h2>Two-factor login</h2>
      {status.data?.enabled ? (
        <>
          <p class="notice" role="status">On: logging in asks for a code from your authenticator app.</p>
          <form class="inline" onSubmit={disable}>
            <input name="password" type="password" required placeholder="Password" aria-label="Password" autocomplete="current-password" />
            <input name="code" required inputMode="numeric" pattern="[0-9]{6}" placeholder="Code" aria-label="Current code" />
            <button class="danger" disabled={action.busy}>Turn off</button>
          </form>
        </>
      ) : setup ? (
        <form onSubmit={enable} class="totp-setup">
          <p>Scan this with an authenticator app, or type the key in by hand, then enter the code it shows.</p>
          {/* The SVG is drawn by the server from the key URI alone: no user text inside it. */}
          <div class="qr" dangerouslySetInnerHTML={{ __html: setup.qrSvg }} />
          <p>Key: <code data-testid="totp-secret">{setup.secret}</code></p>
          <label>Code<input name="code" required inputMode="numeric" pattern="[0-9]{6}" autocomplete="one-time-code" /></label>
          <button disabled={action.busy}>Turn on two-factor login</button>
        </form>
      ) : (
        <button type="button" onClick={start} disabled={action.busy}>Set up two-factor login</button>
      )}
      {action.error && <p class="error" role="alert">{action.error}</p>}
    </section>
  );
}

/** Admins: the lockdown switch (every session ends; restricted cases hidden until lifted) and the audit chain check. */
export function Lockdown() {
  const state = useData(() => get<{ lockdown: { since: string; reason: string } | null }>('/lockdown'), []);
  const chain = useData(() => get<{ ok: boolean; rows: number; brokenAt?: { id: number; reason: string }; head: string | null }>('/audit/verify'), []);
  const action = useAction();
  const lock = async (e: Event) => {
    e.preventDefault();
    if (!confirm('Lock down now? Every session ends, including yours, and API tokens stop working.')) return;
    await action.run(() => post('/lockdown', { reason: formFields(e).reason }));
    location.reload();
  };
  const lift = async () => {
    if (await action.run(() => api('DELETE', '/lockdown'))) void state.reload();
  };
  const l = state.data?.lockdown;
  return (
    <section class="settings-section" aria-label="Lockdown">
      <h2>Lockdown</h2>
      {l ? (
        <p class="error" role="status">
          Locked down since {when(l.since)}: {l.reason}. Restricted cases are hidden from everyone. <button type="button" onClick={lift} disabled={action.busy}>Lift the lockdown</button>
        </p>
      ) : (
        <form class="inline" onSubmit={lock}>
          <input name="reason" required placeholder="Why (e.g. a laptop was seized)" aria-label="Lockdown reason" />
          <button class="danger" disabled={action.busy}>Lock down</button>
        </form>
      )}
      {chain.data && (
        <p class={chain.data.ok ? 'meta' : 'error'} data-testid="audit-chain">
          Change history: {chain.data.rows} entries, {chain.data.ok ? 'chain intact' : `broken at entry ${chain.data.brokenAt?.id}: ${chain.data.brokenAt?.reason}`}
          {chain.data.head && <> · head <code>{chain.data.head.slice(0, 16)}</code></>}
        </p>
      )}
      {action.error && <p class="error" role="alert">{action.error}</p>}
    </section>
  );
}
