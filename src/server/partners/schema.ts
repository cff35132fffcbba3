import { z } from '@hono/zod-openapi';
import { SOURCE_KINDS } from '../../cases/grading.js';
import { BUNDLE_FORMAT } from '../../cases/sharing/bundle.js';
import type { ReportOrigin } from '../../cases/sharing/bundle.js';
import { EVENT_TYPES, MODALITIES } from '../../text/types.js';

/**
 * A bundle as it arrives from outside: every field checked, and strict objects (an unknown
 * field is refused rather than dropped), because what is validated is exactly what was signed.
 * No defaults either, for the same reason.
 */
const text = (max: number) => z.string().max(max);
const maybe = (max: number) => text(max).nullable();
const Offset = z.number().int().min(0).max(50_000_000);

// Where a report came from, hop by hop; spelt out to a fixed depth rather than as a recursive
// schema, which the OpenAPI generator cannot walk. Five hops is more than partners chain.
const originAt = (depth: number): z.ZodType<ReportOrigin> =>
  z.strictObject({ partner: text(200), fingerprint: text(100), bundle: text(64), issuedAt: text(40), report: text(20), url: maybe(2000), published: maybe(40), via: depth === 0 ? z.null() : originAt(depth - 1).nullable() }) as z.ZodType<ReportOrigin>;
const Origin = originAt(5);

const Source = z.strictObject({ report: text(20), start: Offset, end: Offset, trigger: text(500), modality: z.enum(MODALITIES), date: maybe(40), speaker: maybe(300), sourceKind: z.enum(SOURCE_KINDS).nullable(), hand: z.enum(['first', 'second']).nullable(), confidence: z.number().min(0).max(1), whereaboutsUnknown: z.boolean().optional() });

export const BundleSchema = z
  .strictObject({
    format: z.literal(BUNDLE_FORMAT),
    id: z.string().uuid(),
    issuedAt: text(40),
    issuer: z.strictObject({ name: text(200), publicKey: text(2000), fingerprint: text(100) }),
    recipient: z.strictObject({ name: text(200), fingerprint: text(100) }).nullable(),
    redaction: z.strictObject({ name: z.enum(['real', 'code', 'initials']), places: z.boolean(), speakers: z.boolean(), terms: z.number().int().min(0), masked: z.number().int().min(0), urlsWithheld: z.number().int().min(0) }),
    case: z.strictObject({
      name: text(300).min(1),
      restricted: z.boolean(),
      country: maybe(3),
      titles: z.array(text(500)).max(100),
      aliases: z.array(z.strictObject({ alias: text(300), script: maybe(8), kind: maybe(20) })).max(500),
      status: text(40),
      statusSince: maybe(40),
    }),
    reports: z.array(z.strictObject({ ref: text(20), title: maybe(1000), url: maybe(2000), urlWithheld: z.boolean(), published: maybe(40), excerpts: z.array(z.strictObject({ start: Offset, text: text(20_000) })).max(200), via: Origin.nullable() })).max(2000),
    events: z.array(z.strictObject({ type: z.enum(EVENT_TYPES), modality: z.enum(MODALITIES), date: maybe(40), precision: maybe(10), place: maybe(300), country: maybe(3), destinationCountry: maybe(3), agent: maybe(300), sources: z.array(Source).max(500) })).max(5000),
    statements: z.array(z.strictObject({ speaker: text(300), sourceKind: text(20), hand: z.enum(['first', 'second']).nullable(), saidOn: maybe(40), text: text(10_000), claims: z.array(z.strictObject({ type: z.enum(EVENT_TYPES), polarity: z.enum(['asserted', 'negated']) })).max(20), report: maybe(20), start: Offset.nullable(), end: Offset.nullable() })).max(5000),
    whereabouts: z.array(z.strictObject({ state: z.enum(['known', 'suspected', 'unknown']), place: maybe(300), confirmedAt: text(40), confirmedBy: text(300), sourceKind: text(20), proofOfLife: z.boolean(), note: maybe(5000) })).max(1000),
    notes: z.array(z.strictObject({ body: text(20_000), at: text(40) })).max(2000),
    signature: z.string().max(200),
  })
  .openapi('Bundle');

export const BundleRequest = z
  .object({
    /** The partner it is for (their fingerprint goes in the bundle); null for anyone holding our key. */
    recipient: z.string().max(64).nullable().default(null),
    name: z.enum(['real', 'code', 'initials']).optional().openapi({ description: 'default: the code name (or initials) for a restricted case, the real name otherwise' }),
    withholdPlaces: z.boolean().default(false),
    withholdSpeakers: z.boolean().default(true).openapi({ description: 'family, lawyers, the person, rights groups and anonymous sources named by their kind only' }),
    terms: z.array(z.string().trim().min(2).max(200)).max(100).default([]),
    events: z.array(z.string().max(64)).max(5000).nullable().default(null),
    parts: z.object({ statements: z.boolean().default(true), whereabouts: z.boolean().default(true), notes: z.boolean().default(false) }).default({ statements: true, whereabouts: true, notes: false }),
  })
  .openapi('BundleRequest');

export const PartnerSchema = z.object({ id: z.string(), name: z.string(), fingerprint: z.string(), public_key: z.string(), added_by: z.string(), added_at: z.string() }).openapi('Partner');
export const IdentitySchema = z.object({ name: z.string(), publicKey: z.string(), fingerprint: z.string() }).openapi('Identity');
