import { api, get, post } from '../api.js';
import { formFields, useAction, useData } from './hooks.js';
import { typeLabel, when } from './labels.js';

export const SOURCE_KINDS = ['official', 'family', 'lawyer', 'un', 'ngo', 'self', 'media', 'anonymous'];

interface Summary { state: string; place: string | null; confirmedAt: string | null; confirmedBy: string | null; sourceKind: string | null; unconfirmedDays: number | null; lastProofOfLife: string | null; basis: string; held: boolean }

/** Where the person is: known / suspected / unknown, when last confirmed and by whom; "unconfirmed for N days" in large type. */
export function Whereabouts({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const data = useData(() => get<{ summary: Summary; entries: { id: string; state: string; place: string | null; confirmed_at: string; confirmed_by: string; proof_of_life: number }[] }>(`/cases/${caseId}/whereabouts`), [caseId]);
  const action = useAction();
  const s = data.data?.summary;
  const add = async (e: Event) => {
    e.preventDefault();
    const d = formFields(e);
    const form = e.target as HTMLFormElement;
    const ok = await action.run(() => post(`/cases/${caseId}/whereabouts`, { state: d.state, place: d.place || null, confirmedAt: new Date(d.confirmedAt!).toISOString(), confirmedBy: d.confirmedBy, sourceKind: d.sourceKind, proofOfLife: d.proofOfLife === 'on' }));
    if (ok !== undefined) {
      form.reset();
      void data.reload();
    }
  };
  if (!s) return null;
  const stale = s.unconfirmedDays !== null && s.unconfirmedDays >= 2;
  return (
    <section class="panel whereabouts" aria-label="Whereabouts">
      <h2>Whereabouts</h2>
      {/* not held (free, released, killed) is no alarm: the red of an unknown whereabouts is kept for the missing */}
      <p class={`where where-${!s.held && s.basis === 'timeline' ? 'not-held' : s.state}`} data-testid="whereabouts">
        {!s.held && s.basis === 'timeline' ? <strong>not held</strong> : <><strong>{s.state}</strong>{s.place ? ` — ${s.place}` : ''}</>}
        {s.confirmedAt ? <small> · confirmed {when(s.confirmedAt)} by {s.confirmedBy} ({s.sourceKind})</small> : <small> · never confirmed (from the timeline)</small>}
      </p>
      {s.unconfirmedDays !== null && <p class={`unconfirmed ${stale ? 'stale' : ''}`} role={stale ? 'alert' : undefined}>Unconfirmed for {s.unconfirmedDays} day{s.unconfirmedDays === 1 ? '' : 's'}</p>}
      <p class="meta">Last proof of life: {s.lastProofOfLife ? when(s.lastProofOfLife) : 'none on file'}</p>
      {canWrite && (
        <details>
          <summary>Record a confirmation</summary>
          <form class="stack" onSubmit={add}>
            <select name="state" aria-label="Whereabouts state"><option value="known">known</option><option value="suspected">suspected</option><option value="unknown">unknown</option></select>
            <input name="place" placeholder="Place (e.g. Central police station)" aria-label="Place" />
            <input name="confirmedAt" type="datetime-local" required aria-label="Confirmed at" />
            <input name="confirmedBy" required placeholder="By whom (e.g. lawyer, visit)" aria-label="Confirmed by" />
            <select name="sourceKind" aria-label="Source kind">{SOURCE_KINDS.map((k) => <option key={k}>{k}</option>)}</select>
            <label class="check"><input type="checkbox" name="proofOfLife" /> Proof of life (contact with the person)</label>
            <button disabled={action.busy}>Save</button>
          </form>
        </details>
      )}
      {action.error && <p class="error" role="alert">{action.error}</p>}
    </section>
  );
}

interface Statement { id: string; origin: string; speaker: string; sourceKind: string; hand: string | null; saidOn: string | null; text: string; claims: { type: string; polarity: string }[]; reportId: string | null }
interface Contradiction { family: string; denies: string; asserts: string; why: string }

/** Every statement by speaker and date; pairs that contradict each other shown next to each other first. */
export function Statements({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const data = useData(() => get<{ statements: Statement[]; contradictions: Contradiction[] }>(`/cases/${caseId}/statements`), [caseId]);
  const action = useAction();
  const d = data.data;
  if (!d) return null;
  const byId = new Map(d.statements.map((s) => [s.id, s]));
  const card = (s: Statement | undefined) =>
    s && (
      <blockquote class="statement" key={s.id}>
        <p>{s.text}</p>
        <footer>
          <strong>{s.speaker}</strong> <span class="badge">{s.sourceKind}</span>{s.hand && <span class="badge">{s.hand}-hand</span>} <small>{s.saidOn ?? 'date unknown'}</small>
          {s.claims.map((c) => <span key={c.type + c.polarity} class={`badge claim-${c.polarity}`}>{c.polarity === 'negated' ? 'denies' : 'asserts'} {typeLabel(c.type).toLowerCase()}</span>)}
        </footer>
      </blockquote>
    );
  const add = async (e: Event) => {
    e.preventDefault();
    const f = formFields(e);
    const form = e.target as HTMLFormElement;
    const ok = await action.run(() => post(`/cases/${caseId}/statements`, { speaker: f.speaker, sourceKind: f.sourceKind, saidOn: f.saidOn || null, text: f.text, claim: f.claim || null, polarity: f.claim ? f.polarity : null }));
    if (ok !== undefined) {
      form.reset();
      void data.reload();
    }
  };
  return (
    <section class="panel statements" aria-label="Statements">
      <h2>Statements</h2>
      {d.contradictions.map((c) => (
        <div class="contradiction" key={c.denies + c.asserts} data-testid="contradiction">
          <p class="why">⚠ Contradiction on {c.family}: {c.why}</p>
          <div class="side-by-side">{card(byId.get(c.denies))}{card(byId.get(c.asserts))}</div>
        </div>
      ))}
      <div class="statement-list">{d.statements.map((s) => card(s))}</div>
      {d.statements.length === 0 && <p class="meta">No statements yet.</p>}
      {canWrite && (
        <details>
          <summary>Log a statement</summary>
          <form class="stack" onSubmit={add}>
            <input name="speaker" required placeholder="Speaker" aria-label="Speaker" />
            <select name="sourceKind" aria-label="Source kind">{SOURCE_KINDS.map((k) => <option key={k}>{k}</option>)}</select>
            <input name="saidOn" type="date" aria-label="Said on" />
            <textarea name="text" required placeholder="What was said" aria-label="Statement" />
            <select name="claim" aria-label="Claim"><option value="">(no claim)</option>{['ARREST', 'CHARGE', 'ACCUSATION', 'RELEASE', 'TORTURE', 'DEPORTATION'].map((t) => <option key={t} value={t}>{typeLabel(t)}</option>)}</select>
            <select name="polarity" aria-label="Polarity"><option value="asserted">asserts</option><option value="negated">denies</option></select>
            <button disabled={action.busy}>Save</button>
          </form>
        </details>
      )}
      {action.error && <p class="error" role="alert">{action.error}</p>}
    </section>
  );
}

/** A note in a few keystrokes, from a phone at a court door. */
export function QuickNotes({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const notes = useData(() => get<{ notes: { id: string; body: string; at: string }[] }>(`/cases/${caseId}/notes`), [caseId]);
  const action = useAction();
  const add = async (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    if ((await action.run(() => api('POST', `/cases/${caseId}/notes`, { body: formFields(e).body }))) !== undefined) {
      form.reset();
      void notes.reload();
    }
  };
  return (
    <section class="panel notes" aria-label="Notes">
      <h2>Notes</h2>
      {canWrite && (
        <form class="quick-note" onSubmit={add}>
          <textarea name="body" required rows={2} placeholder="Quick note" aria-label="Quick note" />
          <button disabled={action.busy}>Add note</button>
        </form>
      )}
      <ul class="plain">{notes.data?.notes.map((n) => <li key={n.id}><small>{when(n.at)}</small> {n.body}</li>)}</ul>
      {action.error && <p class="error" role="alert">{action.error}</p>}
    </section>
  );
}
