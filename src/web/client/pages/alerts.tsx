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
  const ack = async (id: string) => {
    await action.run(() => post(`/alerts/${id}/ack`));
    void list.reload();
  };
  return (
    <div class="page alerts">
      <h1>Alerts</h1>
      <label class="check"><input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen((e.target as HTMLInputElement).checked)} /> only open alerts</label>
      {action.error && <p class="error" role="alert">{action.error}</p>}
      {list.data && !list.data.alerts.length && <p class="empty">{onlyOpen ? 'No open alerts.' : 'No alerts yet.'}</p>}
      <ul class="alert-list">
        {list.data?.alerts.map((a) => (
          <li key={a.id} class={`alert-item kind-${a.kind} ${a.acknowledged_at ? 'acked' : ''}`}>
            <div>
              <strong>{a.message}</strong>
              <div class="meta">
                {a.kind.replace(/_/g, ' ')} · {when(a.created_at)} · <a {...linkProps(`/cases/${a.person_id}`)}>open the case</a>
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
