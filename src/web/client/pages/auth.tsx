import { useState } from 'preact/hooks';
import { ApiError, post } from '../api.js';
import type { Me } from '../types.js';

function useForm(submit: (data: Record<string, string>) => Promise<void>) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setError('');
    setBusy(true);
    try {
      await submit(Object.fromEntries(new FormData(e.target as HTMLFormElement)) as Record<string, string>);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, onSubmit };
}

/** First run: no accounts yet, so the first person to arrive creates the admin. */
export function SetupPage({ onDone }: { onDone: (me: Me) => void }) {
  const form = useForm(async (d) => onDone(await post<Me>('/setup', { email: d.email, name: d.name, password: d.password })));
  return (
    <div class="auth">
      <h1>Welcome to Vigil</h1>
      <p>No one has an account yet. Create the administrator account; you can invite colleagues afterwards.</p>
      <form onSubmit={form.onSubmit}>
        <label>Your name<input name="name" required autocomplete="name" /></label>
        <label>E-mail<input name="email" type="email" required autocomplete="username" /></label>
        <label>Password <small>(at least 12 characters)</small><input name="password" type="password" required minLength={12} autocomplete="new-password" /></label>
        {form.error && <p class="error" role="alert">{form.error}</p>}
        <button disabled={form.busy}>Create the admin account</button>
      </form>
    </div>
  );
}

export function LoginPage({ notice, onDone }: { notice?: string | undefined; onDone: (me: Me) => void }) {
  // With two-factor login on, the server answers `totp_required` to a right password: ask for the code.
  const [needCode, setNeedCode] = useState(false);
  const form = useForm(async (d) => {
    try {
      onDone(await post<Me>('/auth/login', { email: d.email, password: d.password, ...(d.code ? { code: d.code } : {}) }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'totp_required') setNeedCode(true);
      throw err;
    }
  });
  return (
    <div class="auth">
      <h1>Vigil</h1>
      {notice && <p class="notice" role="status">{notice}</p>}
      <form onSubmit={form.onSubmit}>
        <label>E-mail<input name="email" type="email" required autocomplete="username" /></label>
        <label>Password<input name="password" type="password" required autocomplete="current-password" /></label>
        {needCode && <label>Authenticator code<input name="code" inputMode="numeric" pattern="[0-9]{6}" required autocomplete="one-time-code" autoFocus /></label>}
        {form.error && <p class="error" role="alert">{form.error}</p>}
        <button disabled={form.busy}>Log in</button>
      </form>
    </div>
  );
}
