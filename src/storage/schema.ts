/**
 * The tables, as Kysely sees them. Both engines store the same shapes: ids are text (UUIDs),
 * instants are ISO-8601 text in UTC (they sort as text on both), JSON is text, booleans 0/1.
 */
import type { Generated, Selectable } from 'kysely';
import type { CorrectionAction } from '../cases/corrections.js';

export type Role = 'admin' | 'analyst' | 'viewer';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  created_at: string;
  /** Base32 TOTP secret; set while enrolling, live once `totp_enabled` is 1. */
  totp_secret: string | null;
  totp_enabled: Generated<number>;
  totp_last_step: number | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
}

export interface ReportsTable {
  id: string;
  /** SHA-256 of the text: the same report submitted twice is stored once. */
  content_hash: string;
  url: string | null;
  guid: string | null;
  feed_id: string | null;
  title: string | null;
  byline: string | null;
  published: string | null;
  /** The text every offset in `extraction` indexes. */
  text: string;
  format: 'text' | 'html';
  source: string;
  state: 'queued' | 'extracted' | 'failed';
  error: string | null;
  /** The extraction's JSON, in rows stored before migration 011; null since (`extraction_z`). */
  extraction: string | null;
  /** The extraction's JSON, Brotli-compressed (`encodeExtraction`); read either column with `parseExtraction`. */
  extraction_z: Buffer | null;
  created_at: string;
  created_by: string | null;
  /** JSON `ReportOrigin` (`cases/sharing/bundle.ts`) for a report imported from a partner's bundle; null for our own. */
  origin: string | null;
  /** 1 when the text holds a script written without spaces between words (`unspaced.ts`), else 0. */
  unspaced: number;
}

export interface PersonsTable {
  id: string;
  name: string;
  country: string | null;
  titles: string;
  /** JSON array of the normalised names of entities seen with the person (for matching). */
  context: string;
  status: string;
  status_event_id: string | null;
  status_since: string | null;
  status_reason: string;
  /** An analyst's status, which wins over the derived one until cleared: JSON {status, reason, by, at}. */
  status_override: string | null;
  merged_into: string | null;
  last_news_at: string | null;
  /** 1: only the case's members see it, anywhere. */
  restricted: Generated<number>;
  /** Shown instead of the name in lists, alerts and exports when set on a restricted case. */
  code_name: string | null;
  created_at: string;
  updated_at: string;
  /** JSON `HeldAt` (`cases/status.ts`): where a report says the person is held, with its report and offsets; null when none says. */
  held_at: string | null;
  /** ISO alpha-3 of the country the case is about: where its events happen, else the person's nationality, else the reports' country. */
  case_country: string | null;
  /** What `case_country` rests on: 'events', 'nationality' or 'reports'. */
  case_country_basis: string | null;
  /** The country the reports about the person name most. */
  report_country: string | null;
  /**
   * When the scheduler must evaluate the case again: the first instant a time rule could newly
   * raise an alert (`nextReviewAt`), written by `refreshCase`; set to now by whatever may make one
   * fire sooner without evaluating the case (a rule added, a whereabouts entry). Null: nothing can
   * fire without new input. While a scheduler evaluates the case, the end of its claim
   * (`claimDueCases`): no other takes it before then.
   */
  review_due_at: string | null;
}

export interface PersonAliasesTable {
  person_id: string;
  normalized: string;
  alias: string;
  report_id: string | null;
  created_at: string;
  /** ISO 15924 code of the name's script ("Khmr", "Latn"); null for names read before it was kept. */
  script: string | null;
  /** 'original' (the name in its own script, given by an analyst), 'transliteration', or null (read from a report). */
  kind: string | null;
}

/** A person entity of one report, and the person on file it was linked to (or proposed for). */
export interface PersonMentionsTable {
  id: string;
  report_id: string;
  entity_id: string;
  name: string;
  person_id: string;
  /** 'linked' (auto or by an analyst), or 'review' when `candidate_id` might be the same person. */
  state: 'linked' | 'review' | 'rejected';
  candidate_id: string | null;
  score: number;
  reasons: string;
  created_at: string;
}

export interface CaseEventsTable {
  id: string;
  person_id: string;
  type: string;
  modality: string;
  date_value: string | null;
  date_precision: string | null;
  place: string | null;
  country: string | null;
  destination_country: string | null;
  agent: string | null;
  told_at: string;
  created_at: string;
  updated_at: string;
}

/** One report's telling of a timeline event, with its character span: the provenance. */
export interface EventSourcesTable {
  id: string;
  case_event_id: string;
  report_id: string;
  event_id: string;
  sentence: number;
  start: number;
  end: number;
  trigger: string;
  type: string;
  modality: string;
  date_value: string | null;
  date_precision: string | null;
  agent: string | null;
  place: string | null;
  country: string | null;
  speaker: string | null;
  confidence: number;
  created_at: string;
  /** official, family, lawyer, un, ngo, media, anonymous (`cases/grading.ts`). */
  source_kind: string | null;
  /** 'first' (the speaker saw or did it) or 'second' (told by someone else). */
  hand: string | null;
  /** Who last graded it: null while the grade is the machine's. */
  graded_by: string | null;
  /** Where the report says the target is held, with the words' offsets in the report. */
  held_at: string | null;
  held_at_start: number | null;
  held_at_end: number | null;
  /** 1: the report says the target's whereabouts are unknown. */
  whereabouts_unknown: number;
  /** 1: an analyst accepted (or corrected, or added) this event: a reported one then moves the status. */
  accepted: number;
}

/** An analyst's decision on one event of one report; the machine's extraction is left as it was. */
export interface CorrectionsTable {
  id: string;
  report_id: string;
  event_id: string;
  action: CorrectionAction;
  event: string | null;
  note: string | null;
  by: string;
  at: string;
}

/** The reports an alert cites, one row each (alerts.report_ids as rows, for the inbox). */
export interface AlertReportsTable {
  alert_id: string;
  report_id: string;
}

export interface AlertRulesTable {
  id: string;
  kind: string;
  params: string;
  enabled: number;
  /** JSON: { webhook?: {url, secret}, email?: string[] } */
  channels: string;
  created_at: string;
}

export interface AlertsTable {
  id: string;
  key: string;
  rule_id: string | null;
  kind: string;
  person_id: string;
  message: string;
  event_ids: string;
  report_ids: string;
  created_at: string;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  /** The event that opened the person's episode (arrest, disappearance…): one open alert per person per episode. */
  episode: string | null;
  /** 0 for an alert from a backfill (a report published long before it was read): listed, not pushed. */
  urgent: number;
  /** JSON array of the keys of later alerts of the same episode, folded into it (while open) or attached (once acknowledged). */
  folded_keys: string;
  /** When it was last raised: created, or raised again by an urgent candidate folded into it; the lists' order. */
  raised_at: string;
  /** The rule that last raised it again; null when never raised again. */
  raised_by: string | null;
  /** The case's status it last told (a CaseStatus); null for an alert stored before 021. */
  status: string | null;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  report_id: string | null;
  detail: string;
  /** SHA-256 of the previous row's hash and this row's fields: editing or deleting a row breaks the chain. */
  prev_hash: string | null;
  hash: string | null;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  /** One job per key while queued or running: submitting the same work twice queues it once. */
  key: string | null;
  state: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  max_attempts: number;
  run_after: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface FeedsTable {
  id: string;
  url: string;
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  interval_minutes: number;
  next_poll_at: string;
  failures: number;
  last_error: string | null;
  last_polled_at: string | null;
  created_at: string;
}

export interface CaseMembersTable {
  person_id: string;
  user_id: string;
  added_by: string;
  added_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface WhereaboutsTable {
  id: string;
  person_id: string;
  state: 'known' | 'suspected' | 'unknown';
  place: string | null;
  /** When the person was last seen or heard from there (not when it was typed in). */
  confirmed_at: string;
  confirmed_by: string;
  source_kind: string;
  /** 1 when this was contact with the person themself (a visit, a call): proof of life. */
  proof_of_life: number;
  report_id: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface StatementsTable {
  id: string;
  person_id: string;
  speaker: string;
  source_kind: string;
  said_on: string | null;
  text: string;
  /** What the statement claims, as an event type (CHARGE, DETENTION…), for lining up contradictions. */
  claim: string | null;
  polarity: 'asserted' | 'negated' | null;
  report_id: string | null;
  created_by: string;
  created_at: string;
}

export interface ContactsTable {
  id: string;
  person_id: string;
  name: string;
  kind: string;
  details: string | null;
  created_by: string;
  created_at: string;
}

export interface OutreachTable {
  id: string;
  person_id: string;
  contact_id: string;
  at: string;
  by: string;
  channel: string;
  summary: string;
  answer: string | null;
  follow_up_on: string | null;
  follow_up_done_at: string | null;
  created_at: string;
}

export interface NotesTable {
  id: string;
  person_id: string;
  body: string;
  by: string;
  at: string;
}

export interface DraftsTable {
  id: string;
  person_id: string;
  kind: 'appeal' | 'brief';
  /** JSON: the draft's sections and the sources they cite (`cases/drafts.ts`). */
  body: string;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

export interface PartnersTable {
  id: string;
  name: string;
  /** Ed25519 public key, SPKI PEM. */
  public_key: string;
  fingerprint: string;
  added_by: string;
  added_at: string;
}

/** A bundle signed here for a partner ('out') or imported here from one ('in'). */
/** Who submitted a text: they may always read it back. */
export interface ReportReadersTable {
  report_id: string;
  user_id: string;
}

export interface BundlesTable {
  id: string;
  direction: 'out' | 'in';
  /** The case it was made from, or the case it opened. */
  person_id: string;
  partner_fingerprint: string | null;
  partner_name: string | null;
  /** SHA-256 of the bundle's signed bytes. */
  sha256: string;
  /** JSON: what went in (counts, redactions). */
  summary: string;
  by: string;
  at: string;
}

/** A possible case held for an analyst (the case policy's `triage`), with the words that support it. */
export interface TriageItemsTable {
  id: string;
  report_id: string;
  entity_id: string;
  name: string;
  normalized: string;
  /** JSON AtRiskKind[]. */
  kinds: string;
  /** JSON [{id, type, modality, trigger, start, end}]. */
  events: string;
  /** JSON Evidence[] (offsets into the report's text). */
  evidence: string;
  /** JSON string[]: why the policy held it. */
  reasons: string;
  score: number | null;
  relevance: number | null;
  state: 'pending' | 'opened' | 'dismissed';
  person_id: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

/** An analyst's decision remembered for a name: it wins over the scores in every later report. */
export interface CaseDecisionsTable {
  normalized: string;
  name: string;
  decision: 'open' | 'not_a_case';
  by: string;
  at: string;
}

/** A name or an organisation watched: every event that befalls them (or their people) makes a case. */
export interface WatchListTable {
  id: string;
  kind: 'person' | 'organisation';
  name: string;
  normalized: string;
  note: string | null;
  added_by: string;
  added_at: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  reports: ReportsTable;
  persons: PersonsTable;
  person_aliases: PersonAliasesTable;
  person_mentions: PersonMentionsTable;
  case_events: CaseEventsTable;
  event_sources: EventSourcesTable;
  alert_rules: AlertRulesTable;
  alerts: AlertsTable;
  alert_reports: AlertReportsTable;
  audit: AuditTable;
  jobs: JobsTable;
  feeds: FeedsTable;
  corrections: CorrectionsTable;
  case_members: CaseMembersTable;
  settings: SettingsTable;
  /** One row: moved by triggers whenever who may see which case could change (migration 012). */
  access_generation: { id: number; value: number | string };
  whereabouts: WhereaboutsTable;
  statements: StatementsTable;
  contacts: ContactsTable;
  outreach: OutreachTable;
  notes: NotesTable;
  drafts: DraftsTable;
  partners: PartnersTable;
  bundles: BundlesTable;
  report_readers: ReportReadersTable;
  /** Which restricted people each report names, for the restricted names of `names_key` (migration 015). */
  report_name_checks: { report_id: string; names_key: string; persons: string };
  triage_items: TriageItemsTable;
  /** Failed logins within the limiter's window, per digest of address or account and address (migration 016). */
  login_failures: { key: string; attempt: string; at: string };
  case_decisions: CaseDecisionsTable;
  watch_list: WatchListTable;
}

/** Rows as they are read back (generated columns filled in). */
export type PersonRow = Selectable<PersonsTable>;
