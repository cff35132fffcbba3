/**
 * TimeML (TempEval-3 TBAQ): the text inside <TEXT> with tags removed, each TIMEX3 as a character
 * span of that text, and the document creation time from <DCT>.
 */

export interface TimemlTimex {
  start: number;
  end: number;
  text: string;
  tid: string;
  type: string;
  value: string;
  attributes: Record<string, string>;
}

export interface TimemlDocument {
  id: string;
  dct: string | undefined;
  text: string;
  timexes: TimemlTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string): string => s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()]!));

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) out[m[1]!] = decode(m[2]!);
  return out;
}

export function readTimeml(xml: string, fallbackId = 'doc'): TimemlDocument {
  const id = /<DOCID>([^<]*)<\/DOCID>/.exec(xml)?.[1]?.trim() ?? fallbackId;
  const dctTag = /<DCT>\s*(<TIMEX3[^>]*>)/.exec(xml)?.[1];
  const dct = dctTag ? attributes(dctTag).value : undefined;
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const timexes: TimemlTimex[] = [];
  const open: { start: number; attrs: Record<string, string> }[] = [];
  let last = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z0-9]+)([^>]*?)(\/?)>/g)) {
    text += decode(body.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2] !== 'TIMEX3') continue;
    if (m[1] === '/') {
      const o = open.pop();
      if (o) timexes.push({ start: o.start, end: text.length, text: text.slice(o.start, text.length), tid: o.attrs.tid ?? '', type: o.attrs.type ?? '', value: o.attrs.value ?? '', attributes: o.attrs });
    } else if (m[4] !== '/') {
      open.push({ start: text.length, attrs: attributes(m[3]!) });
    }
  }
  text += decode(body.slice(last));
  return { id, dct, text, timexes };
}
