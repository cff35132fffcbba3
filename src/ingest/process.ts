import type { Article } from '../articles/article.js';
import type { ExtractionDocument } from '../text/types.js';
import { isOverBudget } from './isolated.js';
import { VigilError, asVigilError } from '../core/errors.js';
import { writeAudit } from '../storage/audit.js';
import { getReport, markReportFailed, saveExtraction } from '../storage/reports.js';
import { isoNow } from '../storage/store.js';
import type { TrackResult } from './track.js';
import { trackReport } from './track.js';
import type { JobHandler } from './worker.js';
import { isPermanent } from './worker.js';

/**
 * The `extract` job: runs the pipeline on a stored report (outside any transaction: it is CPU
 * work), then saves the extraction, updates the cases and marks the job done in one
 * transaction. A crash before the commit leaves nothing behind; the job runs again.
 */
/** The in-process `Extractor` or the thread-isolated one (`IsolatedExtractor`, what `vigil serve` runs). */
export interface ReportReader {
  extract(article: Article): ExtractionDocument | Promise<ExtractionDocument>;
}

export function extractHandler(extractor: ReportReader, onTracked?: (reportId: string, r: TrackResult) => void): JobHandler {
  return async (job, ctx) => {
    const reportId = String(job.payload.reportId);
    const report = await getReport(ctx.store.db, reportId);
    if (!report) throw new VigilError('not_found', `report ${reportId} is gone`);
    if (report.state === 'extracted') return;
    let doc;
    try {
      doc = await extractor.extract({
        id: report.id,
        text: report.text,
        format: report.format,
        ...(report.published ? { published: report.published } : {}),
        ...(report.title ? { title: report.title } : {}),
        ...(report.byline ? { byline: report.byline } : {}),
        ...(report.url ? { url: report.url } : {}),
      });
    } catch (err) {
      // Over budget: tried once more (a busy machine), then the report fails for good.
      if (isOverBudget(err) && job.attempts >= 2) {
        const e = new VigilError('input_too_large', `${(err as Error).message}; tried twice, the report is marked failed`);
        await markReportFailed(ctx.store.db, reportId, e.message);
        throw e;
      }
      if (isPermanent(err) || job.attempts >= job.maxAttempts) await markReportFailed(ctx.store.db, reportId, asVigilError(err).message);
      throw err;
    }
    const result = await ctx.store.db.transaction().execute(async (tx) => {
      const at = isoNow(ctx.store);
      await saveExtraction(tx, ctx.store.engine, reportId, doc);
      const tracked = await trackReport(tx, at, ctx.workerId, report, doc);
      await writeAudit(tx, at, {
        actor: ctx.workerId,
        action: 'report.extracted',
        entityType: 'report',
        entityId: reportId,
        reportId,
        detail: { entities: doc.entities.length, events: doc.events.length, persons: tracked.persons.length, alerts: tracked.alerts.length },
      });
      await ctx.complete(tx);
      return tracked;
    });
    onTracked?.(reportId, result);
  };
}
