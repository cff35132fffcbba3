export interface TrainOptions {
  dataDir: string | undefined;
  epochs: number;
  seed: number;
  /** Model file to write (default: models/<name>.bin.gz). */
  out: string | undefined;
  /** Which training reports to learn from, where a trainer offers a choice (triggers: `invented` or `all`). */
  from?: string;
  /** Risk: how many times a real (HRDsAttack) report counts in a fit, against one for an invented or unrelated report. */
  realWeight?: number;
  /** Risk: how relevance weights are compared: recall over a band of precisions on every labelled report (`pooled`), or the real reports' recall at the cut (`real`, the default). */
  policyOn?: 'pooled' | 'real';
}
