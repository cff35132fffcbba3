import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api, get, post } from '../api.js';
import { formFields, useAction, useData } from '../components/hooks.js';
import { typeLabel, when } from '../components/labels.js';
import { Lockdown, TwoFactor } from '../components/security-settings.js';
import { Partners } from '../components/sharing.js';
import { WatchList } from '../components/triage.js';
import type { Me, Role } from '../types.js';


/** A settings form: send its fields, and when the server took them, clear the form and reload the list. */
function submitter(action: ReturnType<typeof useAction>, send: (d: Record<string, string>) => Promise<unknown>, done: () => void) {
  return async (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    if (await action.run(() => send(formFields(e)))) {
      form.reset();
      done();
    }
  };
}

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="settings-section" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** The watch list, alert rules, feeds, accounts (admins) and one's own API tokens. */
export function SettingsPage({ me }: { me: Me }) {
  const admin = me.user.role === 'admin';
  return (
    <div class="page settings">
      <h1>Settings</h1>
      <Section title="Watch list">
        <WatchList me={me} />
      </Section>
      <Rules admin={admin} />
      <Feeds admin={admin} />
      {admin && <Users me={me} />}
      <TwoFactor />
      {admin && <Lockdown />}
      {me.user.role !== 'viewer' && <Partners admin={admin} />}
      <Tokens />
    </div>
  );
}

interface Rule { id: string; enabled: boolean; rule: { kind: string; hours?: number; days?: number; types?: string[] }; channels: { webhook?: { url: string }; email?: string[]; digest?: 'daily' } }

function describe(r: Rule['rule']) {
  // An analyst's rule, not a fact from the reports: the status stays what the reports say.
  if (r.kind === 'whereabouts_unknown') return `No confirmation of whereabouts for more than ${r.hours} hours`;
  if (r.kind === 'no_news') return `No news for ${r.days} days`;
  if (r.kind === 'new_event') return `A new event: ${(r.types ?? []).map(typeLabel).join(', ')}`;
  if (r.kind === 'returned_to_fled_country') return 'Sent back to the country they fled';
  if (r.kind === 'proof_of_life') return `No proof of life for more than ${r.hours} hours`;
  return r.kind;
}

function Rules({ admin }: { admin: boolean }) {
  const list = useData(() => get<{ rules: Rule[]; mail?: boolean }>('/alert-rules'), []);
  const action = useAction();
  const add = submitter(
    action,
    (d) => {
      // "a new arrest or abduction": the event kinds a desk wants paged for as soon as a report tells them
      const rule = d.kind === 'whereabouts_unknown' ? { kind: d.kind, hours: Number(d.n) } : d.kind === 'no_news' ? { kind: d.kind, days: Number(d.n) } : d.kind === 'new_arrest' ? { kind: 'new_event', types: ['ARREST', 'ABDUCTION'] } : { kind: d.kind };
      return post('/alert-rules', { rule, channels: d.email ? { email: d.email.split(/[,\s]+/).filter(Boolean), ...(d.digest === 'on' ? { digest: 'daily' } : {}) } : {} });
    },
    () => void list.reload(),
  );
  const toggle = async (r: Rule) => {
    await action.run(() => api('PATCH', `/alert-rules/${r.id}`, { enabled: !r.enabled }));
    void list.reload();
  };
  // Its alerts stay in the list; what it had queued to send does not go out.
  const remove = async (r: Rule) => {
    if (!confirm(`Delete the rule "${describe(r.rule)}"? Its alerts stay; nothing more is raised or sent for it.`)) return;
    await action.run(() => api('DELETE', `/alert-rules/${r.id}`)); // 204: no answer to check; the list says
    void list.reload();
  };
  return (
    <Section title="Alert rules">
      <ul class="plain">
        {list.data?.rules.map((r) => (
          <li key={r.id} class={r.enabled ? '' : 'disabled'}>
            {describe(r.rule)} {!r.enabled && <small class="bad">(disabled: raises nothing)</small>} {r.channels.email?.length ? <small>→ {r.channels.email.join(', ')}{r.channels.digest ? ' (daily digest)' : ''}</small> : null} {r.channels.webhook ? <small>→ {r.channels.webhook.url}</small> : null}
            {admin && (
              <>
                {' '}
                <button type="button" class="small link" disabled={action.busy} aria-label={`${r.enabled ? 'Disable' : 'Enable'} the rule: ${describe(r.rule)}`} onClick={() => toggle(r)}>{r.enabled ? 'disable' : 'enable'}</button>{' '}
                <button type="button" class="small link" disabled={action.busy} aria-label={`Delete the rule: ${describe(r.rule)}`} onClick={() => remove(r)}>delete</button>
              </>
            )}
          </li>
        ))}
      </ul>
      {admin && (
        <form class="inline" onSubmit={add}>
          <select name="kind" aria-label="Rule">
            <option value="whereabouts_unknown">No confirmation of whereabouts for more than N hours</option>
            <option value="no_news">No news for N days</option>
            <option value="returned_to_fled_country">Sent back to the country they fled</option>
            <option value="new_arrest">A new arrest or abduction</option>
          </select>
          <input name="n" type="number" min="1" defaultValue="48" aria-label="Hours or days (N)" />
          <input name="email" placeholder="e-mail to notify (optional)" aria-label="E-mail to notify" />
          <label class="check" title="one e-mail a day listing the rule's alerts"><input type="checkbox" name="digest" /> daily digest</label>
          <button disabled={action.busy}>Add rule</button>
        </form>
      )}
      {list.data?.mail === false && (
        <p class="note" role="note">
          No e-mail server is set up (VIGIL_SMTP_URL): rules keep their addresses, and nothing is sent until one is.
        </p>
      )}
      {action.error && <p class="error" role="alert">{action.error}</p>}
    </Section>
  );
}

interface Feed { id: string; url: string; title: string | null; interval_minutes: number; last_polled_at: string | null; last_error: string | null; failures: number }

function Feeds({ admin }: { admin: boolean }) {
  const list = useData(() => get<{ feeds: Feed[] }>('/feeds'), []);
  const action = useAction();
  const add = submitter(action, (d) => post('/feeds', { url: d.url, everyMinutes: Number(d.every) }), () => void list.reload());
  const remove = async (id: string) => {
    await action.run(() => api('DELETE', `/feeds/${id}`));
    void list.reload();
  };
  return (
    <Section title="Feeds">
      {list.data && !list.data.feeds.length && <p class="empty">No feeds yet.</p>}
      <ul class="plain">
        {list.data?.feeds.map((f) => (
          <li key={f.id}>
            <strong>{f.title ?? f.url}</strong> <small>every {f.interval_minutes} min · last polled {when(f.last_polled_at)}</small>
            {f.last_error && <small class="bad"> · failing ({f.failures}): {f.last_error}</small>}
            {admin && <button type="button" class="small link" onClick={() => remove(f.id)}>remove</button>}
          </li>
        ))}
      </ul>
      {admin && (
        <form class="inline" onSubmit={add}>
          <input name="url" type="url" required placeholder="https://…/rss" aria-label="Feed address" />
          <label>every <input name="every" type="number" min="5" max="1440" defaultValue="30" aria-label="Minutes" /> min</label>
          <button disabled={action.busy}>Subscribe</button>
        </form>
      )}
      {action.error && <p class="error" role="alert">{action.error}</p>}
    </Section>
  );
}

interface User { id: string; email: string; name: string; role: Role; disabled: number; totp_enabled?: number }

function Users({ me }: { me: Me }) {
  const list = useData(() => get<{ users: User[] }>('/users'), []);
  const action = useAction();
  const add = submitter(action, (d) => post('/users', { email: d.email, name: d.name, role: d.role, password: d.password }), () => void list.reload());
  const patch = async (id: string, body: Partial<{ role: Role; disabled: boolean }>) => {
    await action.run(() => api('PATCH', `/users/${id}`, body));
    void list.reload();
  };
  const resetTwoFactor = async (u: User) => {
    if (!confirm(`Turn off two-factor login for ${u.name}? Their sessions end; they log in with their password and can set it up again.`)) return;
    await action.run(() => api('DELETE', `/users/${u.id}/two-factor`));
    void list.reload();
  };
  return (
    <Section title="Users and roles">
      <div class="table-wrap">
        <table class="stacks">
          <thead><tr><th>Name</th><th>E-mail</th><th>Role</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {list.data?.users.map((u) => (
              <tr key={u.id} class={u.disabled ? 'disabled' : ''}>
                <td data-label="Name">{u.name}</td>
                <td data-label="E-mail">{u.email}</td>
                <td data-label="Role">
                  <select aria-label={`Role of ${u.name}`} value={u.role} disabled={u.id === me.user.id} onChange={(e) => patch(u.id, { role: (e.target as HTMLSelectElement).value as Role })}>
                    <option value="viewer">viewer</option>
                    <option value="analyst">analyst</option>
                    <option value="admin">admin</option>
                  </select>
                </td>
                <td data-label="">
                  {u.id !== me.user.id && <button type="button" class="small link" onClick={() => patch(u.id, { disabled: !u.disabled })}>{u.disabled ? 'enable' : 'disable'}</button>}
                  {/* a colleague who lost their phone: their sessions end, and they log in with the password and set it up again */}
                  {u.id !== me.user.id && !!u.totp_enabled && (
                    <> <button type="button" class="small link" aria-label={`Turn off two-factor login for ${u.name}`} onClick={() => void resetTwoFactor(u)}>turn off two-factor</button></>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form class="inline" onSubmit={add}>
        <input name="name" required placeholder="Name" aria-label="Name" />
        <input name="email" type="email" required placeholder="E-mail" aria-label="E-mail" />
        <select name="role" aria-label="Role"><option value="analyst">analyst</option><option value="viewer">viewer</option><option value="admin">admin</option></select>
        <input name="password" type="password" required minLength={12} placeholder="First password (12+)" aria-label="First password" autocomplete="new-password" />
        <button disabled={action.busy}>Add account</button>
      </form>
      {action.error && <p class="error" role="alert">{action.error}</p>}
    </Section>
  );
}

function Tokens() {
  const list = useData(() => get<{ tokens: { id: string; name: string; created_at: string; last_used_at: string | null }[] }>('/tokens'), []);
  const action = useAction();
  const [shown, setShown] = useState('');
  const add = async (e: Event) => {
    e.preventDefault();
    const r = await action.run(() => post<{ token: string }>('/tokens', { name: formFields(e).name }));
    if (r) {
      setShown(r.token);
      (e.target as HTMLFormElement).reset();
      void list.reload();
    }
  };
  const revoke = async (id: string) => {
    await action.run(() => api('DELETE', `/tokens/${id}`));
    void list.reload();
  };
  return (
    <Section title="Your API tokens">
      <ul class="plain">{list.data?.tokens.map((t) => <li key={t.id}>{t.name} <small>created {when(t.created_at)} · last used {when(t.last_used_at)}</small> <button type="button" class="small link" onClick={() => revoke(t.id)}>revoke</button></li>)}</ul>
      {shown && <p class="notice" role="status">Copy this token now; it is not shown again: <code class="token">{shown}</code></p>}
      <form class="inline" onSubmit={add}>
        <input name="name" required placeholder="What it is for (e.g. nightly export)" aria-label="Token name" />
        <button disabled={action.busy}>Create token</button>
      </form>
      {action.error && <p class="error" role="alert">{action.error}</p>}
    </Section>
  );
}
