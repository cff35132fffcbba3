import { headlineOf, type Article } from '../articles/article.js';
import { addReader } from '../storage/access.js';
import { writeAudit } from '../storage/audit.js';
import { enqueue } from '../storage/jobs.js';
import { insertReport } from '../storage/reports.js';
import type { Store } from '../storage/store.js';
import { isoNow } from '../storage/store.js';

export interface SubmitOptions {
  /** How it arrived: `paste`, `file`, `url`, `feed`, `import`. */
  source: string;
  actor: string;
  /** The account submitting (API): it may read the report back whatever it names. */
  userId?: string;
  feedId?: string;
  guid?: string;
}

export interface Submitted {
  reportId: string;
  duplicate: boolean;
  jobId: string | null;
}

/**
 * Stores a report and queues its extraction, in one transaction: a report is never stored
 * without its job, nor a job queued for a report that is not there. The same text submitted
 * again is recognised and not queued twice.
 */
export async function submitArticle(store: Store, article: Article, opts: SubmitOptions): Promise<Submitted> {
  return store.db.transaction().execute(async (tx) => {
    const at = isoNow(store);
    const { report, duplicate } = await insertReport(tx, at, {
      text: article.text,
      format: article.format,
      source: opts.source,
      url: article.url ?? null,
      guid: opts.guid ?? null,
      feedId: opts.feedId ?? null,
      // a text with no title given is titled by its headline, however it came in (paste, file, JSONL, CSV)
      title: article.title ?? (article.format === 'text' ? (headlineOf(article.text) ?? null) : null),
      byline: article.byline ?? null,
      published: article.published ?? null,
      createdBy: opts.userId ?? (opts.actor.startsWith('user:') ? opts.actor.slice(5) : null),
    });
    // The one who submitted a text may read it back, a second submitter too (see reportVisible).
    if (opts.userId) await addReader(tx, report.id, opts.userId);
    if (duplicate) return { reportId: report.id, duplicate, jobId: null };
    const job = await enqueue(tx, at, { kind: 'extract', payload: { reportId: report.id }, key: `extract:${report.id}` });
    await writeAudit(tx, at, { actor: opts.actor, action: 'report.submitted', entityType: 'report', entityId: report.id, reportId: report.id, detail: { source: opts.source, url: article.url ?? null } });
    return { reportId: report.id, duplicate, jobId: job.id };
  });
}
