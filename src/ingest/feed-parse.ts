import type { XMLParser } from 'fast-xml-parser';
import { lazyRequire } from '../core/lazy-require.js';
import { VigilError } from '../core/errors.js';

export interface FeedItem {
  guid: string | null;
  url: string | null;
  title: string | null;
  /** YYYY-MM-DD when the item gives a date that parses. */
  published: string | null;
  /** The item's own content (HTML), when the feed carries the article. */
  html: string | null;
}

export interface ParsedFeed {
  title: string | null;
  items: FeedItem[];
}

// Built on the first feed read, so a process that never polls a feed never loads the parser.
const fastXmlParser = lazyRequire<{ XMLParser: typeof XMLParser }>('fast-xml-parser');
let parser: XMLParser | undefined;
const feedParser = (): XMLParser =>
  (parser ??= new (fastXmlParser().XMLParser)({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', processEntities: true, htmlEntities: true, cdataPropName: false }));

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || null;
  if (typeof v === 'object' && '#text' in (v as object)) return text((v as Record<string, unknown>)['#text']);
  return null;
}

function day(v: unknown): string | null {
  const s = text(v);
  if (!s) return null;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const iso = new Date(t).toISOString().slice(0, 10);
  // A date from the year 3000 is a broken feed, not news.
  return iso >= '1900-01-01' && iso <= '2999-12-31' ? iso : null;
}

function atomLink(links: unknown): string | null {
  for (const l of asArray(links as Record<string, string> | Record<string, string>[])) {
    if (typeof l === 'string') return l;
    if (!l['@rel'] || l['@rel'] === 'alternate') return l['@href'] ?? null;
  }
  return null;
}

/** RSS 2.0, RSS 1.0 (RDF) and Atom, read leniently; anything else is a clear `invalid_input`. */
export function parseFeed(xml: string): ParsedFeed {
  let doc: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    doc = feedParser().parse(xml, true);
  } catch (err) {
    throw new VigilError('invalid_input', `not a readable feed: ${(err as Error).message.split('\n')[0]}`);
  }
  if (doc.rss?.channel || doc['rdf:RDF']) {
    const channel = doc.rss?.channel ?? doc['rdf:RDF'].channel;
    const items = asArray(doc.rss?.channel?.item ?? doc['rdf:RDF']?.item);
    return {
      title: text(channel?.title),
      items: items.map((i) => ({
        guid: text(i.guid) ?? text(i['@rdf:about']),
        url: text(i.link),
        title: text(i.title),
        published: day(i.pubDate ?? i['dc:date']),
        html: text(i['content:encoded']) ?? text(i.description),
      })),
    };
  }
  if (doc.feed) {
    return {
      title: text(doc.feed.title),
      items: asArray(doc.feed.entry).map((e) => ({
        guid: text(e.id),
        url: atomLink(e.link),
        title: text(e.title),
        published: day(e.published ?? e.updated),
        html: text(e.content) ?? text(e.summary),
      })),
    };
  }
  throw new VigilError('invalid_input', 'not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> element)');
}
