import { useState } from 'preact/hooks';
import { api, get } from '../api.js';
import { linkProps } from '../router.js';
import type { CaseView } from '../types.js';
import { formFields, useAction, useData } from './hooks.js';

interface Partner { id: string; name: string; fingerprint: string; added_at: string }
interface Identity { name: string; publicKey: string; fingerprint: string }
interface BundleLog { id: string; direction: 'in' | 'out'; partner_name: string | null; at: string; summary: { events?: number; reports?: number; redaction?: { name: string; masked: number } } }

/** Saves JSON as a file, as the browser's own download would. */
function download(name: string, data: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The case, or chosen parts, as a signed bundle for a partner; what is withheld is chosen here. */
export function ShareCase({ v, canWrite }: { v: CaseView; canWrite: boolean }) {
  const [open, setOpen] = useState(false);
  const partners = useData(() => (open ? get<Partner[]>('/partners') : Promise.resolve([] as Partner[])), [open]);
  const log = useData(() => (open ? get<BundleLog[]>(`/cases/${v.id}/bundles`) : Promise.resolve([] as BundleLog[])), [open, v.id]);
  const action = useAction();
  const [made, setMade] = useState('');
  if (!canWrite) return null;
  const submit = async (e: Event) => {
    e.preventDefault();
    const d = formFields(e);
    const body = {
      recipient: d.recipient || null,
      name: d.name,
      withholdPlaces: d.withholdPlaces === 'on',
      withholdSpeakers: d.withholdSpeakers === 'on',
      terms: (d.terms ?? '').split(/[,\n]/).map((t) => t.trim()).filter((t) => t.length >= 2),
      parts: { statements: d.statements === 'on', whereabouts: d.whereabouts === 'on', notes: d.notes === 'on' },
    };
    const b = await action.run(() => api<{ id: string; issuedAt: string; events: unknown[]; reports: unknown[]; redaction: { masked: number } }>('POST', `/cases/${v.id}/bundle`, body));
    if (!b) return;
    download(`vigil-bundle-${b.issuedAt.slice(0, 10)}-${b.id.slice(0, 8)}.json`, b);
    setMade(`Bundle signed: ${b.events.length} events from ${b.reports.length} reports; ${b.redaction.masked} passages withheld.`);
    void log.reload();
  };
  const defaultName = v.restricted ? (v.codeName ? 'code' : 'initials') : 'real';
  return (
    <section class="panel share" aria-label="Share with a partner">
      <h2>Share with a partner</h2>
      <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>Make a signed, redacted bundle</summary>
        <form class="stack" onSubmit={submit}>
          <label>For <select name="recipient" aria-label="Recipient"><option value="">anyone who holds our key</option>{(partners.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}</select></label>
          <label>Name the person <select name="name" aria-label="Name the person">
            <option value="real" selected={defaultName === 'real'}>by name</option>
            {v.codeName && <option value="code" selected={defaultName === 'code'}>by code name ({v.codeName})</option>}
            <option value="initials" selected={defaultName === 'initials'}>by initials</option>
          </select></label>
          <label class="check"><input type="checkbox" name="withholdSpeakers" defaultChecked /> Withhold family, lawyers and anonymous sources' names</label>
          <label class="check"><input type="checkbox" name="withholdPlaces" /> Withhold places (countries stay)</label>
          <label class="check"><input type="checkbox" name="statements" defaultChecked /> Statements</label>
          <label class="check"><input type="checkbox" name="whereabouts" defaultChecked /> Whereabouts</label>
          <label class="check"><input type="checkbox" name="notes" /> Notes</label>
          <textarea name="terms" rows={2} placeholder="Other words to withhold, separated by commas" aria-label="Other words to withhold" />
          <button disabled={action.busy}>Make bundle</button>
        </form>
        {made && <p class="notice" role="status">{made}</p>}
        {(log.data ?? []).length > 0 && (
          <ul class="bundle-log" aria-label="Bundles">
            {log.data!.map((b) => <li key={b.id}>{b.direction === 'out' ? `sent${b.partner_name ? ` for ${b.partner_name}` : ''}` : `received from ${b.partner_name}`} · {b.at.slice(0, 16).replace('T', ' ')} · {b.summary.events ?? 0} events</li>)}
          </ul>
        )}
      </details>
      {action.error && <p class="error" role="alert">{action.error}</p>}
    </section>
  );
}

function parseBundle(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('that file is not a bundle: it is not JSON');
  }
}

/** This Vigil's key to read out to partners, the partners' keys (admins add them), and importing a partner's bundle. */
export function Partners({ admin }: { admin: boolean }) {
  const me = useData(() => get<Identity>('/sharing/identity'), []);
  const list = useData(() => get<Partner[]>('/partners'), []);
  const action = useAction();
  const [imported, setImported] = useState<{ caseId: string; partner: string; events: number; reports: number } | null>(null);
  const add = async (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const d = formFields(e);
    if (await action.run(() => api('POST', '/partners', { name: d.name, publicKey: d.publicKey }))) {
      form.reset();
      void list.reload();
    }
  };
  const remove = async (p: Partner) => {
    if (confirm(`Stop accepting bundles from ${p.name}?`) && (await action.run(async () => (await api('DELETE', `/partners/${p.id}`), true))) === true) void list.reload(); // (a 204 answers nothing: success is told apart from an error by `true`)
  };
  const importFile = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setImported(null);
    const r = await action.run(async () => api<{ caseId: string; partner: string; events: number; reports: number }>('POST', '/bundles/import', parseBundle(await file.text())));
    input.value = '';
    if (r) setImported(r);
  };
  return (
    <section class="settings-section" aria-label="Partners">
      <h2>Partners</h2>
      {me.data && (
        <div data-testid="identity">
          <p>Bundles from here are signed as <strong>{me.data.name}</strong>. Key fingerprint: <code data-testid="fingerprint">{me.data.fingerprint}</code> (read it out to a partner to check).</p>
          <details><summary>Our public key</summary><textarea readOnly rows={4} aria-label="Our public key" value={me.data.publicKey} /></details>
        </div>
      )}
      <ul>
        {(list.data ?? []).map((p) => (
          <li key={p.id}><strong>{p.name}</strong> <code>{p.fingerprint}</code> {admin && <button type="button" class="small link" onClick={() => void remove(p)}>remove</button>}</li>
        ))}
      </ul>
      {admin && (
        <form class="stack" onSubmit={add}>
          <input name="name" required placeholder="Partner organisation" aria-label="Partner organisation" />
          <textarea name="publicKey" required rows={4} placeholder="-----BEGIN PUBLIC KEY-----" aria-label="Partner's public key" />
          <button disabled={action.busy}>Add partner</button>
        </form>
      )}
      <label>Import a partner's bundle <input type="file" accept=".json,application/json" aria-label="Bundle file" onChange={(e) => void importFile(e)} /></label>
      {imported && (
        <p class="notice" role="status">
          Imported from {imported.partner}: {imported.events} events from {imported.reports} reports.{' '}
          <a {...linkProps(`/cases/${imported.caseId}`)}>Open the case</a>
        </p>
      )}
      {action.error && <p class="error" role="alert">{action.error}</p>}
    </section>
  );
}
