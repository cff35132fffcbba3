import { useState } from 'preact/hooks';
import { api, get } from '../api.js';
import type { CaseView } from '../types.js';
import { formFields, useAction, useData } from './hooks.js';

/** Who may see the case: open to all, or restricted to named members with an optional code name. */
export function CaseAccess({ v, canWrite, onDone }: { v: CaseView; canWrite: boolean; onDone: () => void }) {
  const action = useAction();
  const [open, setOpen] = useState(false);
  const users = useData(() => (open ? get<{ users: { id: string; name: string; email: string }[] }>('/users').catch(() => ({ users: [] })) : Promise.resolve({ users: [] })), [open]);
  const submit = async (e: Event) => {
    e.preventDefault();
    const d = formFields(e);
    if ((await action.run(() => api('PUT', `/cases/${v.id}/access`, { restricted: d.restricted === 'on', codeName: d.codeName?.trim() ? d.codeName.trim() : null }))) !== undefined) onDone();
  };
  const addMember = async (e: Event) => {
    e.preventDefault();
    const d = formFields(e);
    if ((await action.run(() => api('POST', `/cases/${v.id}/members`, { userId: d.userId }))) !== undefined) onDone();
  };
  return (
    <section class="panel access" aria-label="Access">
      <h2>Access</h2>
      <p data-testid="access-state">
        {v.restricted ? <>🔒 Restricted to {v.members.map((m) => m.name).join(', ')}{v.codeName && <> · shown as <strong>{v.codeName}</strong></>}</> : 'Open to every colleague'}
      </p>
      {canWrite && (
        <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
          <summary>Change access</summary>
          <form class="stack" onSubmit={submit}>
            <label class="check"><input type="checkbox" name="restricted" defaultChecked={v.restricted} /> Only members may see this case</label>
            <input name="codeName" defaultValue={v.codeName ?? ''} placeholder="Code name (e.g. HERON)" aria-label="Code name" />
            <button disabled={action.busy}>Save access</button>
          </form>
          {v.restricted && (
            <form class="inline" onSubmit={addMember}>
              {users.data && users.data.users.length > 0 ? (
                <select name="userId" aria-label="Colleague">{users.data.users.filter((u) => !v.members.some((m) => m.id === u.id)).map((u) => <option key={u.id} value={u.id}>{u.name} ({u.email})</option>)}</select>
              ) : (
                <input name="userId" required placeholder="Colleague's user id" aria-label="Colleague's user id" />
              )}
              <button disabled={action.busy}>Add member</button>
            </form>
          )}
        </details>
      )}
      {action.error && <p class="error" role="alert">{action.error}</p>}
    </section>
  );
}
