import { useState } from 'preact/hooks';
import { get, post, qs } from '../api.js';
import { useAction, useData } from '../components/hooks.js';
import { when } from '../components/labels.js';
import { linkProps } from '../router.js';
import type { AlertItem, Me } from '../types.js';
import { canWrite } from '../types.js';

export function AlertsPage({ me }: { me: Me }) {
  const [onlyOpen, setOnlyOpen] = useState(true);
  const list = useData(() => get<{ alerts: AlertItem[] }>(`/alerts${qs({ open: onlyOpen ? 'true' : undefined, limit: 200 })}`), [onlyOpen], { ms: 15_000, while: () => true });
  const action = useAction();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const ack = async (id: string) => {
    await action.run(() => post(`/alerts/${id}/ack`));
    void list.reload();
  };
  const openIds = (list.data?.alerts ?? []).filter((a) => !a.acknowledged_at).map((a) => a.id);
  const toggle = (id: string, on: boolean) => setPicked((p) => { const n = new Set(p); if (on) n.add(id); else n.delete(id); return n; });
  const ackPicked = async () => {
    const ids = openIds.filter((id) => picked.has(id));
    if (!ids.length) return;
    if (await action.run(() => post('/alerts/ack', { ids }))) setPicked(new Set());
    void list.reload();
  };
  return (
    <div class="page alerts">
      <h1>Alerts</h1>
      <label class="check"><input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen((e.target as HTMLInputElement).checked)} /> only open alerts</label>
      {canWrite(me) && openIds.length > 0 && (
        <div class="bulk-ack">
          <label class="check"><input type="checkbox" aria-label="Select every open alert" checked={openIds.every((id) => picked.has(id))} onChange={(e) => setPicked(new Set((e.target as HTMLInputElement).checked ? openIds : []))} /> select all open</label>{' '}
          <button type="button" onClick={ackPicked} disabled={action.busy || !openIds.some((id) => picked.has(id))}>Acknowledge selected ({openIds.filter((id) => picked.has(id)).length})</button>
        </div>
      )}
      {action.error && <p class="error" role="alert">{action.error}</p>}
      {list.data && !list.data.alerts.length && <p class="empty">{onlyOpen ? 'No open alerts.' : 'No alerts yet.'}</p>}
      <ul class="alert-list">
        {list.data?.alerts.map((a) => (
          <li key={a.id} class={`alert-item kind-${a.kind} ${a.acknowledged_at ? 'acked' : ''} ${a.urgent ? '' : 'backfill'}`}>
            {canWrite(me) && !a.acknowledged_at && <input type="checkbox" class="pick" aria-label={`Select: ${a.message.slice(0, 60)}`} checked={picked.has(a.id)} onChange={(e) => toggle(a.id, (e.target as HTMLInputElement).checked)} />}
            <div>
              {/* the person first: the rule that decided is the badge below */}
              <strong>{headline(a.message)}</strong>
              <div class="meta">
                <span class="badge rule" data-testid="alert-rule">rule: {a.rule ?? a.kind.replace(/_/g, ' ')}</span>{!a.urgent && <span class="badge"> backfill, not pushed</span>} · {a.raised_at !== a.created_at ? <>raised again {when(a.raised_at)}, first {when(a.created_at)}</> : when(a.created_at)} · <a {...linkProps(`/cases/${a.person_id}`)}>open the case</a>
                {a.report_ids.map((r, i) => <span key={r}> · <a {...linkProps(`/reports/${r}`)}>report {i + 1}</a></span>)}
              </div>
            </div>
            {a.acknowledged_at ? <small>acknowledged {when(a.acknowledged_at)}</small> : canWrite(me) && <button type="button" onClick={() => ack(a.id)} disabled={action.busy}>Acknowledge</button>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** An alert's words without the rule's name it opens with ('Rule "…": '), which the badge shows. */
const headline = (message: string): string => message.replace(/^Rule "[^"]*": /, '');
