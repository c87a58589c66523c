// Structured validation errors for planning requests, shaped so the HTTP layer can turn
// them into problem+json (`code` → type, `path` → JSON pointer, `params` → extension members).

export type PlanningIssueCode =
  | 'invalid_request'
  | 'invalid_region_code'
  | 'duplicate_region'
  | 'invalid_cost'
  | 'invalid_quantity'
  | 'unknown_region'
  | 'include_exclude_conflict'
  | 'invalid_need_key'
  | 'duplicate_need'
  | 'invalid_min'
  | 'no_needs'
  | 'invalid_max_regions'
  | 'max_regions_below_include'
  | 'invalid_objective'
  | 'invalid_time_limit'
  | 'invalid_alternatives';

export interface PlanningIssue {
  code: PlanningIssueCode;
  /** JSON pointer into the request, e.g. `/needs/capabilities/2/min`. */
  path: string;
  params: Record<string, unknown>;
  message: string;
}

/** Thrown by the planner when a request is malformed; carries every issue found. */
export class PlanningError extends Error {
  readonly code: PlanningIssueCode;
  readonly path: string;
  readonly params: Record<string, unknown>;
  readonly issues: PlanningIssue[];

  constructor(issues: PlanningIssue[]) {
    const first = issues[0] ?? { code: 'invalid_request' as const, path: '', params: {}, message: 'invalid request' };
    super(issues.length > 1 ? `${first.message} (and ${issues.length - 1} more)` : first.message);
    this.name = 'PlanningError';
    this.code = first.code;
    this.path = first.path;
    this.params = first.params;
    this.issues = issues.length > 0 ? issues : [first];
  }
}

/** Escapes one JSON-pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => '/' + pointerSegment(s)).join('');
}
