import { useEffect, useState } from 'preact/hooks';
import { get, qs } from '../api.js';
import { useData } from '../components/hooks.js';
import { STATUS_LABEL, statusLabel, when } from '../components/labels.js';
import { linkProps } from '../router.js';
import type { CaseSummary } from '../types.js';

export function CasesPage() {
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  // the names filter follows the typing, a pause after the last key (not only on Enter)
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(t);
  }, [typed]);
  const [country, setCountry] = useState('');
  const list = useData(() => get<{ cases: CaseSummary[] }>(`/cases${qs({ status, q, country, limit: 200 })}`), [status, q, country]);
  // The country facet offers the countries the cases on file have (read once, unfiltered).
  const all = useData(() => get<{ cases: CaseSummary[] }>(`/cases${qs({ limit: 200 })}`), []);
  const countries = [...new Set((all.data?.cases ?? []).map((c) => c.country).filter((c): c is string => !!c))].sort();
  return (
    <div class="page cases">
      <div class="page-head">
        <h1>Cases</h1>
        <nav class="exports" aria-label="Export every case you may see">
          Export: <a href="/api/export?format=csv" download>CSV</a> · <a href="/api/export?format=json" download>JSON</a> · <a href="/api/export?format=plover" download>PLOVER</a>
        </nav>
      </div>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <input type="search" placeholder="Name, in any spelling" aria-label="Search names" value={typed} onInput={(e) => setTyped((e.target as HTMLInputElement).value)} />
        <select aria-label="Status" value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}>
          <option value="">Any status</option>
          {Object.keys(STATUS_LABEL).map((s) => <option key={s} value={s}>{statusLabel(s)}</option>)}
        </select>
        <select aria-label="Country" value={country} onChange={(e) => setCountry((e.target as HTMLSelectElement).value)}>
          <option value="">Any country</option>
          {countries.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </form>
      {list.error && <p class="error" role="alert">{list.error}</p>}
      {list.data && !list.data.cases.length && <p class="empty">No cases match.</p>}
      <div class="table-wrap">
        <table class="cases-table stacks">
          <thead><tr><th>Person</th><th>Country</th><th>Status</th><th>Since</th><th>Events</th><th>Alerts</th><th>Last news</th></tr></thead>
          <tbody>
            {list.data?.cases.map((c) => (
              <tr key={c.id}>
                <td data-label="Person"><a {...linkProps(`/cases/${c.id}`)}>{c.name}</a></td>
                <td data-label="Country" data-testid="case-country">{c.country ?? '—'}</td>
                <td data-label="Status"><span class={`status-pill st-${c.status}`}>{statusLabel(c.status)}</span>{c.overridden && <small title={c.status_reason}> (set by hand)</small>}{c.held_at && <small class="held"> · held at {c.held_at}</small>}</td>
                <td data-label="Since">{c.status_since?.slice(0, 10) ?? '—'}</td>
                <td data-label="Events">{c.events}</td>
                <td data-label="Alerts">{c.open_alerts ? <span class="chip alert">{c.open_alerts}</span> : '—'}</td>
                <td data-label="Last news">{when(c.last_news_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
