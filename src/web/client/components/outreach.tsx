import { get, post } from '../api.js';
import { formFields, useAction, useData } from './hooks.js';
import { when } from './labels.js';

const KINDS = ['family', 'lawyer', 'embassy', 'un', 'press', 'official', 'ngo', 'other'];

interface Attempt { id: string; at: string; contact: string; contact_kind: string; channel: string; summary: string; answer: string | null; follow_up_on: string | null; follow_up_done_at: string | null }

/** Contacts and every attempt to reach them: when, how, the answer, the next follow-up. */
export function Outreach({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const data = useData(() => get<{ contacts: { id: string; name: string; kind: string; details: string | null }[]; attempts: Attempt[] }>(`/cases/${caseId}/outreach`), [caseId]);
  const action = useAction();
  const send = (path: string, body: (d: Record<string, string>) => unknown) => async (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    if ((await action.run(() => post(path, body(formFields(e))))) !== undefined) {
      form.reset();
      void data.reload();
    }
  };
  const done = async (id: string) => {
    await action.run(() => post(`/cases/${caseId}/outreach/${id}/done`));
    void data.reload();
  };
  const d = data.data;
  if (!d) return null;
  return (
    <section class="panel outreach" aria-label="Outreach">
      <h2>Outreach</h2>
      <ul class="plain">{d.contacts.map((k) => <li key={k.id}><strong>{k.name}</strong> <span class="badge">{k.kind}</span> {k.details && <small>{k.details}</small>}</li>)}</ul>
      <ol class="attempts">
        {d.attempts.map((a) => (
          <li key={a.id}>
            <small>{when(a.at)}</small> {a.channel} <strong>{a.contact}</strong>: {a.summary}
            {a.answer && <> — <em>{a.answer}</em></>}
            {a.follow_up_on && !a.follow_up_done_at && <> · <span class="badge warn">follow up {a.follow_up_on}</span>{canWrite && <button type="button" class="small link" onClick={() => done(a.id)}>done</button>}</>}
          </li>
        ))}
      </ol>
      {canWrite && (
        <>
          <details>
            <summary>Add a contact</summary>
            <form class="stack" onSubmit={send(`/cases/${caseId}/contacts`, (f) => ({ name: f.name, kind: f.kind, details: f.details || null }))}>
              <input name="name" required placeholder="Name or desk" aria-label="Contact name" />
              <select name="kind" aria-label="Contact kind">{KINDS.map((k) => <option key={k}>{k}</option>)}</select>
              <input name="details" placeholder="Phone, e-mail…" aria-label="Contact details" />
              <button disabled={action.busy}>Add contact</button>
            </form>
          </details>
          {d.contacts.length > 0 && (
            <details>
              <summary>Log an attempt</summary>
              <form class="stack" onSubmit={send(`/cases/${caseId}/outreach`, (f) => ({ contactId: f.contactId, at: new Date().toISOString(), channel: f.channel, summary: f.summary, answer: f.answer || null, followUpOn: f.followUpOn || null }))}>
                <select name="contactId" aria-label="Contact">{d.contacts.map((k) => <option key={k.id} value={k.id}>{k.name}</option>)}</select>
                <select name="channel" aria-label="Channel">{['call', 'email', 'letter', 'visit', 'message', 'meeting', 'other'].map((c) => <option key={c}>{c}</option>)}</select>
                <input name="summary" required placeholder="What you asked" aria-label="Summary" />
                <input name="answer" placeholder="Their answer" aria-label="Answer" />
                <label>Follow up on<input name="followUpOn" type="date" /></label>
                <button disabled={action.busy}>Log it</button>
              </form>
            </details>
          )}
        </>
      )}
      {action.error && <p class="error" role="alert">{action.error}</p>}
    </section>
  );
}
