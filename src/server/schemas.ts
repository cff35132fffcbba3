import { z } from '@hono/zod-openapi';

/** Shapes shared by several resources. */
export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }) })
  .openapi('Error');

export const Paging = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ param: { in: 'query' } }),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).openapi({ param: { in: 'query' } }),
  /** Keyset paging: the `next` of the previous page; faster than `offset` deep into a list. */
  cursor: z.string().max(500).optional().openapi({ param: { in: 'query' } }),
});

/** A calendar day, and an instant given as an ISO date or date-time. */
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const Instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)) && s.length >= 10, 'an ISO date or date-time');

export const IdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { in: 'path', name: 'id' } }) });

export const UserSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(['admin', 'analyst', 'viewer']), created_at: z.string(), disabled: z.number(), totp_enabled: z.number().optional() })
  .openapi('User');

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

/** The error responses every authenticated route may give. */
export const ERRORS = {
  401: json(ErrorSchema, 'not logged in, or the session or token is not valid'),
  403: json(ErrorSchema, 'the role does not allow this'),
  422: json(ErrorSchema, 'the request failed validation'),
};

export const ok = json;

export const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
