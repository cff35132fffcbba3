import type { Entity, ExtractionDocument, Quote } from '../../../text/types.js';
import { isNamed } from '../../../text/types.js';
import { linkProps } from '../router.js';

/**
 * Who is who and who said what, beside the text: the people of the report with their titles,
 * organisations and relations ("wife of Tomas Reyvik" for a wife never named), and every quote
 * with its speaker — so an analyst sees at a glance that "she" in a quote is the activist's wife.
 */

const nameOf = (doc: ExtractionDocument, id: string | null | undefined): string | undefined => doc.entities.find((e) => e.id === id)?.name;

function describe(doc: ExtractionDocument, p: Entity): string[] {
  const out: string[] = [];
  for (const t of p.titles ?? []) {
    const org = p.affiliations?.find((a) => a.title === t)?.org;
    out.push(org ? `${t}, ${nameOf(doc, org) ?? ''}` : t);
  }
  if (p.relation) out.push(`${p.relation.type}${p.relation.of ? ` of ${nameOf(doc, p.relation.of) ?? '?'}` : ''}`);
  return out;
}

export function People({ doc }: { doc: ExtractionDocument }) {
  const persons = doc.entities.filter((e) => e.type === 'PERSON');
  if (!persons.length) return null;
  const named = persons.filter(isNamed);
  return (
    <section class="people" aria-label="People">
      <h3>People</h3>
      <ul>
        {persons.map((p) => {
          const refs = p.mentions.filter((m) => m.kind === 'pronoun' || m.kind === 'description').length;
          return (
            <li key={p.id} data-person={p.id}>
              {isNamed(p) ? p.name : <em title="not named in the report">{p.name}</em>}
              {describe(doc, p).length ? <small> — {describe(doc, p).join('; ')}</small> : null}
              {refs ? <small class="muted"> · {refs} more mention{refs > 1 ? 's' : ''}</small> : null}
            </li>
          );
        })}
      </ul>
      {named.length ? <a {...linkProps(`/search?q=${encodeURIComponent(named[0]!.name)}`)}>Find their cases</a> : null}
    </section>
  );
}

function speakerOf(doc: ExtractionDocument, q: Quote): string {
  if (q.speaker) return nameOf(doc, q.speaker) ?? q.speakerText ?? '?';
  const e = doc.entities.find((x) => x.id === q.speakerEntity);
  if (e?.relation?.of) return `${e.name} (${e.relation.type} of ${nameOf(doc, e.relation.of) ?? '?'})`;
  return q.speakerText ?? 'unattributed';
}

export function Quotes({ doc, onShow }: { doc: ExtractionDocument; onShow: (offset: number) => void }) {
  if (!doc.quotes.length) return null;
  return (
    <section class="quotes" aria-label="Quotes">
      <h3>Who said what <small>{doc.quotes.length}</small></h3>
      <ul>
        {doc.quotes.map((q) => (
          <li key={q.start} data-quote={q.start}>
            <button type="button" class="link" onClick={() => onShow(q.start)}>
              <strong class="speaker">{speakerOf(doc, q)}</strong>
            </button>
            <small> {q.cue ? q.cue.text : ''} · {q.kind}</small>
            <blockquote>{q.text.length > 220 ? `${q.text.slice(0, 220)}…` : q.text}</blockquote>
          </li>
        ))}
      </ul>
    </section>
  );
}
