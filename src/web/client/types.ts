/** The shapes the client reads, taken from the server's own types where they exist (type-only imports: nothing of the server is bundled). */
import type { Correction } from '../../cases/corrections.js';
import type { CaseView } from '../../server/cases/view.js';
import type { CaseSummary } from '../../storage/cases.js';
import type { Findings } from '../../storage/inbox.js';
import type { ExtractionDocument, VigilEvent } from '../../text/types.js';

export type { CaseSummary, CaseView, Correction, ExtractionDocument, Findings, VigilEvent };

export type Role = 'admin' | 'analyst' | 'viewer';

export interface Me {
  user: { id: string; email: string; name: string; role: Role };
  csrfToken?: string;
}

export interface ReportItem {
  id: string;
  title: string | null;
  /** A report with no title: its opening words. */
  lede?: string;
  url: string | null;
  published: string | null;
  state: 'queued' | 'extracted' | 'failed';
  source: string;
  created_at: string;
  findings: Findings;
}

export interface Report extends Omit<ReportItem, 'findings'> {
  text: string;
  byline: string | null;
  error: string | null;
  extraction: ExtractionDocument | null;
  corrections: Correction[];
}

export interface AlertItem {
  id: string;
  kind: string;
  person_id: string;
  message: string;
  event_ids: string[];
  report_ids: string[];
  created_at: string;
  /** When it was last raised: created_at, or later when news of its episode that pages was folded into it. */
  raised_at: string;
  acknowledged_at: string | null;
  /** The rule that raised it, in words. */
  rule: string | null;
  /** False for an alert from a backfilled report: listed, not pushed. */
  urgent: boolean;
}

export const canWrite = (me: Me) => me.user.role !== 'viewer';
