import { post } from '../api.js';
import { linkProps, navigate } from '../router.js';
import type { CaseView } from '../types.js';
import { useAction } from './hooks.js';

/**
 * Names in this case that may be a person already on file ("Joran Aldemir" / "Joran Aldemyr"):
 * held for an analyst rather than merged silently. Same person merges the cases; different keeps them apart.
 */
export function MatchReviews({ view, canWrite, onDone }: { view: CaseView; canWrite: boolean; onDone: () => void }) {
  const action = useAction();
  const pending = view.mentions.filter((m) => m.state === 'review' && m.candidate_id);
  if (!pending.length) return null;
  const decide = async (id: string, same: boolean) => {
    const r = await action.run(() => post<{ person: string }>(`/reviews/${id}`, { same }));
    if (!r) return;
    if (r.person !== view.id) navigate(`/cases/${r.person}`);
    else onDone();
  };
  return (
    <section class="match-reviews notice" aria-label="Possible same person">
      <h2>Possibly someone already on file</h2>
      {pending.map((m) => (
        <p key={m.id}>
          “{m.name}” in <em>{m.title ?? 'a report'}</em> may be <a {...linkProps(`/cases/${m.candidate_id}`)}>the person on file</a> ({Math.round(m.score * 100)}%: {m.reasons.join(', ')}).
          {canWrite && (
            <>
              {' '}
              <button type="button" onClick={() => decide(m.id, true)} disabled={action.busy}>Same person: merge</button>{' '}
              <button type="button" onClick={() => decide(m.id, false)} disabled={action.busy}>Different person</button>
            </>
          )}
        </p>
      ))}
      {action.error && <p class="error" role="alert">{action.error}</p>}
    </section>
  );
}
