import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, onSignedOut, post, setCsrf } from './api.js';
import { linkProps, match, navigate, useLocation } from './router.js';
import type { Me } from './types.js';
import { LoginPage, SetupPage } from './pages/auth.js';
import { InboxPage } from './pages/inbox.js';
import { ReviewPage } from './pages/review.js';
import { CasesPage } from './pages/cases.js';
import { CasePage } from './pages/case.js';
import { AlertsPage } from './pages/alerts.js';
import { SearchPage } from './pages/search.js';
import { SettingsPage } from './pages/settings.js';

type Session = { state: 'loading' } | { state: 'setup' } | { state: 'login'; notice?: string } | { state: 'in'; me: Me };

const NAV: [string, string][] = [
  ['/', 'Inbox'],
  ['/cases', 'Cases'],
  ['/alerts', 'Alerts'],
  ['/search', 'Search'],
  ['/settings', 'Settings'],
];

function App() {
  const [session, setSession] = useState<Session>({ state: 'loading' });
  const { path } = useLocation();

  const load = async () => {
    try {
      const me = await get<Me>('/auth/me');
      setCsrf(me.csrfToken);
      setSession({ state: 'in', me });
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
      const health = await get<{ setupNeeded: boolean }>('/health');
      setSession(health.setupNeeded ? { state: 'setup' } : { state: 'login', ...(e.message.includes('expired') ? { notice: 'Your session expired. Log in again.' } : {}) });
    }
  };
  useEffect(() => {
    void load();
    return onSignedOut(() => setSession({ state: 'login', notice: 'Your session expired. Log in again.' }));
  }, []);

  if (session.state === 'loading') return <p class="boot">Loading Vigil…</p>;
  const signedIn = (me: Me) => {
    setCsrf(me.csrfToken);
    setSession({ state: 'in', me });
  };
  if (session.state === 'setup') return <SetupPage onDone={signedIn} />;
  if (session.state === 'login') return <LoginPage notice={session.notice} onDone={signedIn} />;
  const { me } = session;
  const logout = async () => {
    await post('/auth/logout');
    setCsrf('');
    setSession({ state: 'login' });
    navigate('/');
  };
  return (
    <div class="shell">
      <header class="top">
        <a class="brand" {...linkProps('/')}>Vigil</a>
        <nav aria-label="Main">
          {NAV.map(([href, label]) => (
            <a key={href} {...linkProps(href)} aria-current={(href === '/' ? path === '/' || path.startsWith('/reports') : path.startsWith(href)) ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <span class="who">
          {me.user.name} <small>({me.user.role})</small>
          <button type="button" class="link" onClick={logout}>Log out</button>
        </span>
      </header>
      <main>{route(path, me)}</main>
    </div>
  );
}

function route(path: string, me: Me) {
  let m: Record<string, string> | null;
  if (path === '/') return <InboxPage me={me} />;
  if ((m = match('/reports/:id', path))) return <ReviewPage key={m.id} id={m.id!} me={me} />;
  if (path === '/cases') return <CasesPage />;
  if ((m = match('/cases/:id', path))) return <CasePage key={m.id} id={m.id!} me={me} />;
  if (path === '/alerts') return <AlertsPage me={me} />;
  if (path === '/search') return <SearchPage />;
  if (path === '/settings') return <SettingsPage me={me} />;
  return <p class="empty">No page at {path}. <a {...linkProps('/')}>Back to the inbox</a></p>;
}

render(<App />, document.getElementById('app')!);
