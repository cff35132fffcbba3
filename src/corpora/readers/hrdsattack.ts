/**
 * HRDsAttack (train/dev JSON lists): each item has the article as HTML paragraphs, its publish
 * date and one annotation of document-level labels. Date parts arrive as "2021.0", "14.0" or
 * month names; they are normalised here so scorers compare like with like.
 */

export interface HrdVictim {
  name: string | null;
  type: string[];
  populationType: string | null;
  sex: string | null;
  ageGroup: string | null;
}

export interface HrdLabels {
  violationTypes: string[];
  perpetratorMention: boolean;
  perpetratorType: string | null;
  victims: HrdVictim[];
  country: string | null;
  region: string | null;
  city: string | null;
  year: number | null;
  month: number | null;
  day: number | null;
}

export interface HrdArticle {
  id: string;
  title: string;
  published: string;
  /** Paragraph texts, tags removed. */
  paragraphs: string[];
  /** The article as the dataset gives it, HTML paragraphs: what the paper's T5 read. */
  html: string;
  labels: HrdLabels;
}

/** English month names from the runtime's own locale data, January first. */
const MONTHS = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2000, i, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' }).toLowerCase());

const none = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && /^(none|nan|null|)$/i.test(v.trim()));

function str(v: unknown): string | null {
  return none(v) ? null : String(v).trim();
}

/** "2021.0" → 2021, "03" → 3, "September" → 9, "None" → null. */
export function datePart(v: unknown): number | null {
  if (none(v)) return null;
  const s = String(v).trim().toLowerCase();
  const month = MONTHS.findIndex((m) => m === s || m.slice(0, 3) === s.slice(0, 3));
  if (month >= 0 && /^[a-z]/.test(s)) return month + 1;
  const n = Number(s);
  return Number.isFinite(n) ? Math.trunc(n) : null;
}

function paragraphs(html: string): string[] {
  const ents: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return html
    .split(/<\/p>|<br\s*\/?>/i)
    .map((p) => p.replace(/<[^>]*>/g, ' ').replace(/&(\w+);/g, (m, e: string) => ents[e] ?? m).replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}

/** The report as Vigil reads it: the title, then each paragraph, apart by a blank line. */
export function articleText(article: HrdArticle): string {
  return [article.title, ...article.paragraphs].filter(Boolean).join('\n\n');
}

export function readHrdsAttack(json: string): HrdArticle[] {
  const items = JSON.parse(json) as Record<string, unknown>[];
  if (!Array.isArray(items)) throw new Error('HRDsAttack file is not a JSON list');
  return items.map((item, i) => {
    const sample = (item.sample ?? {}) as Record<string, unknown>;
    const annotations = (item.annotations ?? []) as { annotation?: Record<string, unknown> }[];
    const a = (annotations[0]?.annotation ?? item.merged_sample ?? {}) as Record<string, unknown>;
    const victims = ((a.victims ?? []) as Record<string, unknown>[]).map((v) => ({
      name: str(v.victim_name),
      type: Array.isArray(v.victim_type) ? (v.victim_type as string[]) : none(v.victim_type) ? [] : [String(v.victim_type)],
      populationType: str(v.victim_population_type),
      sex: str(v.victim_sex_type),
      ageGroup: str(v.victim_age_group),
    }));
    return {
      id: String(sample['Input.GLOBALEVENTID'] ?? sample.HIT_id ?? i),
      title: String(sample['Input.title'] ?? ''),
      published: String(sample['Input.publish_date'] ?? '').slice(0, 10),
      paragraphs: paragraphs(String(sample['Input.article_interface'] ?? '')),
      html: String(sample['Input.article_interface'] ?? ''),
      labels: {
        violationTypes: Array.isArray(a.violation_types) ? (a.violation_types as string[]) : [],
        perpetratorMention: a.perpetrator_mention === true || a.perpetrator_mention === 'true',
        perpetratorType: str(a.perpetrator_type),
        victims,
        country: str(a.country),
        region: str(a.region),
        city: str(a.city),
        year: datePart(a.year),
        month: datePart(a.month),
        day: datePart(a.date),
      },
    };
  });
}
