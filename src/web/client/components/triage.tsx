import { useMemo, useState } from 'preact/hooks';
import { api, get, post } from '../api.js';
import type { Mark } from '../segments.js';
import { segment } from '../segments.js';
import type { Me, Report } from '../types.js';
import { canWrite } from '../types.js';
import { useAction, useData } from './hooks.js';
import { typeLabel } from './labels.js';
import { linkProps, navigate } from '../router.js';

export interface Evidence {
  start: number;
  end: number;
  text: string;
  why: string;
}

export interface TriageItem {
  id: string;
  report_id: string;
  report_title: string | null;
  name: string;
  kinds: string[];
  events: { id: string; type: string; modality: string; trigger: string; start: number; end: number }[];
  evidence: Evidence[];
  reasons: string[];
  score: number | null;
  relevance: number | null;
}

/** A case on file the possible case may be (the name matcher's pick, as the asker may see it). */
interface Candidate {
  person_id: string;
  name: string;
  score: number;
}

type Decision = { decision: 'open' | 'not_a_case' } | { decision: 'same_person'; personId: string };

const kindLabel = (k: string) => k.replace(/_/g, ' ');

/** How much of the report to show around its evidence, in characters either side. */
const CONTEXT = 240;

/**
 * The words that support a decision, highlighted in the report's own text from their offsets
 * (the segmenter the article view uses): only the stretch around them, set as text nodes.
 */
export function EvidenceText({ text, evidence }: { text: string; evidence: Evidence[] }) {
  const { from, to, segs } = useMemo(() => {
    const valid = evidence.filter((e) => e.start >= 0 && e.end <= text.length && e.end > e.start);
    const from = valid.length ? Math.max(0, Math.min(...valid.map((e) => e.start)) - CONTEXT) : 0;
    const to = valid.length ? Math.min(text.length, Math.max(...valid.map((e) => e.end)) + CONTEXT) : Math.min(text.length, 2 * CONTEXT);
    const marks: Mark[] = valid.map((e) => ({ start: e.start - from, end: e.end - from, kind: 'evidence', ref: e.why, label: e.why }));
    return { from, to, segs: segment(to - from, marks) };
  }, [text, evidence]);
  return (
    <p class="evidence-text" data-testid="evidence">
      {from > 0 && '… '}
      {segs.map((s, i) =>
        s.marks.length ? (
          <mark key={i} class="evidence" title={s.marks.map((m) => m.label).join('; ')}>
            {text.slice(from + s.start, from + s.end)}
          </mark>
        ) : (
          <span key={i}>{text.slice(from + s.start, from + s.end)}</span>
        ),
      )}
      {to < text.length && ' …'}
    </p>
  );
}

/** "possible case: X, journalist?, arrested" */
function headline(i: TriageItem): string {
  const kinds = i.kinds.length ? `, ${i.kinds.map(kindLabel).join(' / ')}?` : '';
  const told = [...new Set(i.events.map((e) => typeLabel(e.type).toLowerCase()))].join(', ');
  return `${i.name}${kinds}${told ? `, ${told}` : ''}`;
}

function TriageRow({ item, me, onDecided }: { item: TriageItem; me: Me; onDecided: (msg: string) => void }) {
  const detail = useData(() => get<{ item: TriageItem; text: string; candidates: Candidate[] }>(`/triage/${item.id}`), [item.id]);
  const action = useAction();
  const decide = async (choice: Decision, caseName?: string) => {
    const r = await action.run(() => post<{ personId: string | null; name: string }>(`/triage/${item.id}`, choice));
    if (!r) return;
    onDecided(
      choice.decision === 'open' ? `A case is open for ${r.name}.` : choice.decision === 'same_person' ? `${r.name} in this report is now on ${caseName ?? 'the'} case.` : `${r.name} is not a case; Vigil will remember it.`,
    );
    if (choice.decision !== 'not_a_case' && r.personId) navigate(`/cases/${r.personId}`);
  };
  const candidates = detail.data?.candidates ?? [];
  return (
    <li class="triage-item" data-testid="triage-item">
      <p class="possible">
        <strong>Possible case:</strong> {headline(item)}
        {item.score !== null && <span class="chip muted" title="the at-risk reading's score">at risk {Math.round(item.score * 100)} %</span>}
      </p>
      <p class="why">{item.reasons.join('; ')}</p>
      {detail.data && <EvidenceText text={detail.data.text} evidence={[...item.events.map((e) => ({ start: e.start, end: e.end, text: e.trigger, why: `${typeLabel(e.type)} (${e.modality})` })), ...item.evidence]} />}
      <p class="source">
        from <a {...linkProps(`/reports/${item.report_id}`)}>{item.report_title || 'a report'}</a>
      </p>
      {canWrite(me) && (
        <div class="row">
          <button class="primary" disabled={action.busy} onClick={() => void decide({ decision: 'open' })}>
            Open a case
          </button>
          {candidates.map((c) => (
            <button key={c.person_id} disabled={action.busy} title={`the name matcher's score: ${Math.round(c.score * 100)} %`} onClick={() => void decide({ decision: 'same_person', personId: c.person_id }, c.name)}>
              Same person as {c.name}
            </button>
          ))}
          <button disabled={action.busy} onClick={() => void decide({ decision: 'not_a_case' })}>
            Not a case
          </button>
        </div>
      )}
      {action.error && <p class="error" role="alert">{action.error}</p>}
    </li>
  );
}

/** The triage queue in the inbox: possible cases the policy held for an analyst, each with its evidence, "Open a case", "Not a case" and "Same person as …" for each case on file it may be. */
export function TriageQueue({ me, version }: { me: Me; version: number }) {
  // Read again whenever another report has been read (`version`): it may have held someone.
  const list = useData(() => get<{ items: TriageItem[]; pending: number }>('/triage?limit=20'), [version]);
  const [note, setNote] = useState('');
  if (!list.data?.items.length) return note ? <p class="notice" role="status">{note}</p> : null;
  return (
    <section class="triage" aria-labelledby="triage-h">
      <h2 id="triage-h">Possible cases ({list.data.pending})</h2>
      {note && <p class="notice" role="status">{note}</p>}
      <ul class="plain">
        {list.data.items.map((i) => (
          <TriageRow key={i.id} item={i} me={me} onDecided={(m) => (setNote(m), void list.reload())} />
        ))}
      </ul>
    </section>
  );
}

interface WatchEntry {
  id: string;
  kind: 'person' | 'organisation';
  name: string;
  note: string | null;
}

/** The watch list (settings): names and organisations whose every event makes a case. */
export function WatchList({ me }: { me: Me }) {
  const list = useData(() => get<{ entries: WatchEntry[] }>('/watch'), []);
  const action = useAction();
  const add = async (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const d = Object.fromEntries(new FormData(form)) as Record<string, string>;
    if (await action.run(() => post('/watch', { name: d.name, kind: d.kind === 'organisation' ? 'organisation' : 'person' }))) {
      form.reset();
      void list.reload();
    }
  };
  const remove = async (id: string) => {
    await action.run(() => api('DELETE', `/watch/${id}`));
    void list.reload();
  };
  return (
    <div class="watch-list">
      <p>A watched person gets a case from any report that tells an event befalling them, whatever the at-risk reading says; a watched organisation, for the people a report says work for it.</p>
      <ul class="plain">
        {list.data?.entries.map((w) => (
          <li key={w.id}>
            {w.name} <span class="chip muted">{w.kind}</span>
            {canWrite(me) && (
              <button class="link" onClick={() => void remove(w.id)} aria-label={`Stop watching ${w.name}`}>
                stop watching
              </button>
            )}
          </li>
        ))}
        {list.data && !list.data.entries.length && <li class="empty">Nobody is watched.</li>}
      </ul>
      {canWrite(me) && (
        <form class="row" onSubmit={add}>
          <input name="name" required minLength={2} placeholder="Name" aria-label="Name to watch" />
          <select name="kind" aria-label="Kind">
            <option value="person">person</option>
            <option value="organisation">organisation</option>
          </select>
          <button disabled={action.busy}>Watch</button>
        </form>
      )}
      {action.error && <p class="error" role="alert">{action.error}</p>}
    </div>
  );
}

/**
 * The at-risk assessment the risk reading gave this person in each report linked to the case:
 * kinds, score and the words that say so, highlighted in the report's text.
 */
export function AtRiskAssessment({ mentions }: { mentions: { report_id: string; entity_id: string; title: string | null }[] }) {
  const first = mentions.slice(0, 3);
  const reports = useData(() => Promise.all(first.map((m) => get<Report>(`/reports/${m.report_id}`).catch(() => null))), [first.map((m) => m.report_id).join(',')]);
  const readings = (reports.data ?? []).flatMap((r, i) => {
    const m = first[i]!;
    const p = r?.extraction?.risk?.persons.find((x) => x.entity === m.entity_id);
    return r && p ? [{ r, p, m }] : [];
  });
  return (
    <section class="at-risk" aria-labelledby="risk-h" data-testid="at-risk">
      <h2 id="risk-h">At-risk assessment</h2>
      {reports.data && !readings.length && <p class="empty">No at-risk reading: the reports on this case were read before the risk model, or an analyst opened it.</p>}
      {readings.map(({ r, p, m }) => (
        <div key={m.report_id}>
          <p>
            {p.kinds.length ? p.kinds.map(kindLabel).join(', ') : p.none ? `not at risk (${kindLabel(p.none)})` : 'no kind found'} · score {Math.round(p.score * 100)} % · <a {...linkProps(`/reports/${r.id}`)}>{m.title || 'report'}</a>
          </p>
          {p.evidence.length > 0 && <EvidenceText text={r.text} evidence={p.evidence} />}
        </div>
      ))}
    </section>
  );
}
