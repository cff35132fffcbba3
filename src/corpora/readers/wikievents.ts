/** WikiEvents (KAIROS) JSON Lines: tokens, entity mentions and event mentions with arguments, by token index. */

export interface WikiEntityMention {
  id: string;
  start: number;
  end: number;
  type: string;
  text: string;
}

export interface WikiArgument {
  entityId: string;
  role: string;
  text: string;
}

export interface WikiEventMention {
  id: string;
  type: string;
  trigger: { start: number; end: number; text: string; sentence: number };
  arguments: WikiArgument[];
}

export interface WikiDocument {
  id: string;
  tokens: string[];
  text: string;
  entities: WikiEntityMention[];
  events: WikiEventMention[];
}

export function readWikiEvents(jsonl: string): WikiDocument[] {
  return jsonl
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((line, n) => {
      const d = JSON.parse(line) as Record<string, unknown>;
      const entities = ((d.entity_mentions ?? []) as Record<string, unknown>[]).map((e) => ({
        id: String(e.id),
        start: Number(e.start),
        end: Number(e.end),
        type: String(e.entity_type ?? ''),
        text: String(e.text ?? ''),
      }));
      const events = ((d.event_mentions ?? []) as Record<string, unknown>[]).map((e) => {
        const t = (e.trigger ?? {}) as Record<string, unknown>;
        return {
          id: String(e.id),
          type: String(e.event_type),
          trigger: { start: Number(t.start), end: Number(t.end), text: String(t.text ?? ''), sentence: Number(t.sent_idx ?? 0) },
          arguments: ((e.arguments ?? []) as Record<string, unknown>[]).map((a) => ({ entityId: String(a.entity_id), role: String(a.role), text: String(a.text ?? '') })),
        };
      });
      return { id: String(d.doc_id ?? n + 1), tokens: (d.tokens ?? []) as string[], text: String(d.text ?? ''), entities, events };
    });
}
