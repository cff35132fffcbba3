import { get, qs } from '../api.js';
import { formFields, useData } from '../components/hooks.js';
import { statusLabel, typeLabel, when } from '../components/labels.js';
import { linkProps, navigate, useLocation } from '../router.js';

interface Result {
  reports: { id: string; title: string | null; published: string | null; created_at: string }[];
  people: { id: string; name: string; country: string | null; status: string; events: number }[];
  events: { id: string; type: string; modality: string; date_value: string | null; place: string | null; country: string | null; person_id: string; person: string }[];
  facets: { type: Record<string, number>; country: Record<string, number>; status: Record<string, number> };
}

const KEYS = ['q', 'type', 'country', 'status', 'from', 'to'] as const;

/** One box over reports, people and events; facets narrow it, and the address keeps the search (it can be bookmarked). */
export function SearchPage() {
  const { query } = useLocation();
  const f = Object.fromEntries(KEYS.map((k) => [k, query.get(k) ?? ''])) as Record<(typeof KEYS)[number], string>;
  const any = KEYS.some((k) => f[k]);
  const res = useData(() => (any ? get<Result>(`/search${qs(f)}`) : Promise.resolve(undefined)), [query.toString()]);
  const go = (patch: Partial<typeof f>) => navigate(`/search${qs({ ...f, ...patch })}`);
  const submit = (e: Event) => {
    e.preventDefault();
    const d = formFields(e);
    go({ q: d.q ?? '', from: d.from ?? '', to: d.to ?? '' });
  };
  const r = res.data;
  return (
    <div class="page search">
      <h1>Search</h1>
      <form class="filters" role="search" onSubmit={submit} key={query.toString()}>
        <input type="search" name="q" defaultValue={f.q} placeholder="A name, a place, words of a report" aria-label="Search" />
        <label>From<input type="date" name="from" defaultValue={f.from} /></label>
        <label>To<input type="date" name="to" defaultValue={f.to} /></label>
        <button>Search</button>
      </form>
      {res.error && <p class="error" role="alert">{res.error}</p>}
      {!any && <p class="empty">Search by name (any spelling), by words of a report, or narrow by event type, country, status and dates.</p>}
      {r && (
        <div class="search-grid">
          <aside class="facets" aria-label="Narrow the search">
            <Facet title="Event type" counts={r.facets.type} chosen={f.type} label={typeLabel} onPick={(v) => go({ type: v })} />
            <Facet title="Country" counts={r.facets.country} chosen={f.country} label={(c) => c} onPick={(v) => go({ country: v })} />
            <Facet title="Status" counts={r.facets.status} chosen={f.status} label={statusLabel} onPick={(v) => go({ status: v })} />
          </aside>
          <div class="results">
            <h2>People <small>{r.people.length}</small></h2>
            <ul class="plain">{r.people.map((p) => <li key={p.id}><a {...linkProps(`/cases/${p.id}`)}>{p.name}</a> <small>{p.country ?? ''} · {statusLabel(p.status)} · {p.events} events</small></li>)}</ul>
            <h2>Events <small>{r.events.length}</small></h2>
            <ul class="plain">{r.events.map((e) => <li key={e.id}><strong>{typeLabel(e.type)}</strong> of <a {...linkProps(`/cases/${e.person_id}`)}>{e.person}</a> <small>{e.date_value ?? 'undated'}{e.place ? ` · ${e.place}` : ''}{e.modality !== 'asserted' ? ` · ${e.modality}` : ''}</small></li>)}</ul>
            <h2>Reports <small>{r.reports.length}</small></h2>
            <ul class="plain">{r.reports.map((x) => <li key={x.id}><a {...linkProps(`/reports/${x.id}`)}>{x.title ?? '(untitled)'}</a> <small>{x.published ?? when(x.created_at)}</small></li>)}</ul>
          </div>
        </div>
      )}
    </div>
  );
}

function Facet({ title, counts, chosen, label, onPick }: { title: string; counts: Record<string, number>; chosen: string; label: (k: string) => string; onPick: (v: string) => void }) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (!entries.length && !chosen) return null;
  return (
    <fieldset class="facet">
      <legend>{title}</legend>
      {chosen && <button type="button" class="link" onClick={() => onPick('')}>× {label(chosen)}</button>}
      {!chosen && entries.map(([k, n]) => <button type="button" key={k} class="facet-item" onClick={() => onPick(k)}>{label(k)} <small>{n}</small></button>)}
    </fieldset>
  );
}
