/**
 * Typed errors that carry a stable code (for JSON output and scripts) and the HTTP status
 * they map to (for the server), as hono's HTTPException does.
 */
export type ErrorCode =
  | 'file_not_found'
  | 'empty_input'
  | 'binary_input'
  | 'invalid_encoding'
  | 'no_article'
  | 'invalid_date'
  | 'input_too_large'
  | 'invalid_input'
  | 'invalid_json'
  | 'usage'
  | 'pipeline_order'
  | 'component_output'
  | 'unknown_component'
  | 'model_missing'
  | 'unauthorized'
  | 'totp_required'
  | 'bad_signature'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'job_lost'
  | 'unavailable'
  | 'internal';

const HTTP_STATUS: Record<ErrorCode, number> = {
  file_not_found: 404,
  empty_input: 422,
  binary_input: 415,
  invalid_encoding: 415,
  no_article: 422,
  invalid_date: 422,
  input_too_large: 413,
  invalid_input: 422,
  invalid_json: 400,
  usage: 400,
  pipeline_order: 500,
  component_output: 500,
  unknown_component: 500,
  model_missing: 500,
  unauthorized: 401,
  totp_required: 401,
  bad_signature: 422,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  job_lost: 409,
  unavailable: 503,
  internal: 500,
};

export class VigilError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'VigilError';
    this.code = code;
    this.details = details;
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }

  toJSON(): { error: { code: ErrorCode; message: string; details?: Record<string, unknown> } } {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

/** Any thrown value as a VigilError; unknown failures become `internal` without leaking a stack. */
export function asVigilError(err: unknown): VigilError {
  if (err instanceof VigilError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new VigilError('internal', message);
}
