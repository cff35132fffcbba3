import type { Bundle, BundleEvent, BundleStatement, ReportOrigin } from './bundle.js';
import { rebuild } from './excerpts.js';

/**
 * A verified bundle as rows to write on the receiving side: each report rebuilt from its
 * passages (with where it came from), each citation moved to its place in the rebuilt text.
 * A citation that falls outside every passage is dropped and counted, never pointed elsewhere.
 */
export interface ImportPlan {
  reports: { ref: string; title: string | null; url: string | null; published: string | null; text: string; origin: ReportOrigin }[];
  events: BundleEvent[];
  statements: BundleStatement[];
  dropped: number;
}

export function planImport(bundle: Bundle, partner: { name: string; fingerprint: string }): ImportPlan {
  const rebuilt = new Map(bundle.reports.map((r) => [r.ref, rebuild(r.excerpts)]));
  let dropped = 0;
  const reports = bundle.reports.map((r) => ({
    ref: r.ref,
    title: r.title,
    url: r.url,
    published: r.published,
    text: rebuilt.get(r.ref)!.text || (r.title ?? r.ref),
    origin: { partner: partner.name, fingerprint: partner.fingerprint, bundle: bundle.id, issuedAt: bundle.issuedAt, report: r.ref, url: r.url, published: r.published, via: r.via },
  }));
  const events = bundle.events
    .map((e) => ({
      ...e,
      sources: e.sources.flatMap((s) => {
        const at = rebuilt.get(s.report)?.map(s.start, s.end);
        if (!at) {
          dropped++;
          return [];
        }
        return [{ ...s, ...at }];
      }),
    }))
    .filter((e) => e.sources.length > 0);
  const statements = bundle.statements.map((s) => {
    if (!s.report || s.start === null || s.end === null) return s;
    const at = rebuilt.get(s.report)?.map(s.start, s.end);
    return at ? { ...s, ...at } : { ...s, start: null, end: null };
  });
  return { reports, events, statements, dropped };
}
