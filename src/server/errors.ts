// One application error type, mapped to problem+json (RFC 9457) in one place.
import type { ErrorCatalogue } from '../i18n/errors/index.ts';
import type { ViolationLike } from '../i18n/violations/index.ts';
import type { LimitName } from '../domain/input-limits.ts';

export type ErrorCode = keyof ErrorCatalogue['problems'];
export type FieldKeyword = keyof ErrorCatalogue['fields'] | `planner.${keyof ErrorCatalogue['planner']}`;
export type ObjectKind = keyof ErrorCatalogue['objects'];

/** Status of each code; a new code without a status does not compile. */
export const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  'malformed-body': 400,
  'unsupported-media-type': 415,
  'payload-too-large': 413,
  'input-limit': 413,
  'attachment-type': 415,
  unauthenticated: 401,
  'invalid-credentials': 401,
  csrf: 403,
  forbidden: 403,
  'token-scope': 403,
  'session-required': 403,
  'not-found': 404,
  conflict: 409,
  'precondition-failed': 412,
  infeasible: 422,
  'idempotency-key-reused': 422,
  'rate-limited': 429,
  internal: 500,
  unavailable: 503,
};

export interface FieldError {
  /** JSON Pointer into the request part, e.g. `/body/teamName/ko`. */
  path: string;
  keyword: FieldKeyword;
  params?: Record<string, string | number>;
  /** A rule the field's value breaks: rendered as a sentence in the reader's language (src/i18n/violations). */
  violation?: ViolationLike;
}

/** A rule a refused request broke, as data: the guard (or rule) name, its article, and the violations behind it. */
export interface GuardProblem {
  guard: string;
  article: string;
  violations?: { code: string; rule: string; params: Record<string, unknown>; message: string }[];
}

export interface ProblemExtensions {
  /** Failed guards of a state machine move (409). */
  guards?: GuardProblem[];
  /** The refused move: state, action and the actions possible now (409). */
  transition?: { state: string; action: string; allowed: string[] };
  /** The input limit gone beyond (413 input-limit). */
  limit?: { name: LimitName; max: number };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  readonly fields: FieldError[];
  readonly headers: Record<string, string>;
  /** Structured members added to the problem body (RFC 9457 extensions), e.g. the failed guards of a 409. */
  readonly extensions: ProblemExtensions;
  /** Rules the request breaks (409): the detail says them as sentences, and `violations` carries them as data. */
  readonly violations: readonly ViolationLike[];

  constructor(
    code: ErrorCode,
    options: { params?: Record<string, string | number>; fields?: FieldError[]; headers?: Record<string, string>; message?: string; extensions?: ProblemExtensions; violations?: readonly ViolationLike[] } = {},
  ) {
    super(options.message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.params = options.params ?? {};
    this.fields = options.fields ?? [];
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
    this.violations = options.violations ?? [];
  }
}

/** An input beyond one of the input limits (src/domain/input-limits.ts): 413 naming the limit and its value. */
export const inputLimit = (limit: LimitName, max: number): AppError => new AppError('input-limit', { params: { limit, max }, extensions: { limit: { name: limit, max } } });

export const notFound = (object: ObjectKind): AppError => new AppError('not-found', { params: { object } });

/** Seconds a client is asked to wait (Retry-After) while the database is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** 503 `unavailable` with Retry-After: the database cannot be reached (docs/decisions/0025-database-outages.md). */
export const unavailable = (): AppError => new AppError('unavailable', {
  params: { seconds: UNAVAILABLE_RETRY_AFTER_SECONDS }, headers: { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
});
