/** Title, byline, date and canonical URL of a page, from JSON-LD first, then meta tags. */
export interface PageMetadata {
  title?: string;
  byline?: string;
  /** The raw published timestamp as the page gives it (validated later). */
  published?: string;
  url?: string;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const ARTICLE_TYPES = /Article|Posting|Report|NewsArticle|BlogPosting/i;

function jsonLdObjects(document: Document): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  const visit = (v: Json): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v);
      if (v['@graph']) visit(v['@graph']);
    }
  };
  for (const el of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(el.textContent ?? '') as Json);
    } catch {
      // A page's broken JSON-LD is its own problem: fall back to the meta tags.
    }
  }
  return out;
}

function str(v: Json | undefined): string | undefined {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (Array.isArray(v)) return v.map(str).filter(Boolean).join(', ') || undefined;
  if (v && typeof v === 'object') return str(v.name);
  return undefined;
}

function metaContent(document: Document, selectors: string[]): string | undefined {
  for (const sel of selectors) {
    const v = document.querySelector(sel)?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return undefined;
}

export function findPageMetadata(document: Document): PageMetadata {
  const ld = jsonLdObjects(document).find((o) => ARTICLE_TYPES.test(String(o['@type'] ?? ''))) ?? {};
  const title =
    str(ld.headline) ??
    metaContent(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ??
    (document.querySelector('title')?.textContent?.trim() || undefined);
  const byline = str(ld.author) ?? metaContent(document, ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]']);
  const published =
    str(ld.datePublished) ??
    metaContent(document, [
      'meta[property="article:published_time"]',
      'meta[name="article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[name="pubdate"]',
      'meta[name="publish-date"]',
      'meta[name="date"]',
      'meta[name="dc.date"]',
      'meta[name="DC.date.issued"]',
    ]) ??
    (document.querySelector('time[datetime]')?.getAttribute('datetime')?.trim() || undefined);
  const url = str(ld.url) ?? metaContent(document, ['meta[property="og:url"]']) ?? (document.querySelector('link[rel="canonical"]')?.getAttribute('href') || undefined);
  return {
    ...(title ? { title } : {}),
    ...(byline ? { byline } : {}),
    ...(published ? { published } : {}),
    ...(url ? { url } : {}),
  };
}
