// Validation of planning requests: malformed input is reported as structured issues
// (code + JSON pointer + params). Logical impossibilities that depend on the data (a need
// no eligible region can meet, includes in different components) are not validation
// errors: the solver reports them as an 'infeasible' result with reasons.

import { pointer, type PlanningIssue } from './errors.ts';
import type { PlanningRequest } from './types.ts';

export const DEFAULT_TIME_LIMIT_MS = 5000;

function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Returns every issue found; an empty array means the request is well formed. */
export function validatePlanningRequest(request: PlanningRequest): PlanningIssue[] {
  const issues: PlanningIssue[] = [];
  const add = (code: PlanningIssue['code'], path: string, params: Record<string, unknown>, message: string): void => {
    issues.push({ code, path, params, message });
  };
  const req = request as unknown;
  if (!isRecord(req)) {
    add('invalid_request', '', {}, 'request must be an object');
    return issues;
  }
  for (const field of ['regions', 'links', 'include', 'exclude'] as const) {
    if (!Array.isArray(req[field])) add('invalid_request', pointer(field), { field }, `${field} must be an array`);
  }
  const needs = req['needs'];
  if (!isRecord(needs)) {
    add('invalid_request', '/needs', { field: 'needs' }, 'needs must be an object');
  } else {
    for (const field of ['capabilities', 'stages', 'exemptions'] as const) {
      if (!Array.isArray(needs[field])) add('invalid_request', pointer('needs', field), { field }, `needs.${field} must be an array`);
    }
  }
  if (issues.length > 0) return issues;

  const known = new Set<string>();
  request.regions.forEach((region, i) => {
    if (!isRecord(region) || typeof region.code !== 'string' || region.code.length === 0) {
      add('invalid_region_code', pointer('regions', i, 'code'), { index: i }, `region #${i} has no code`);
      return;
    }
    if (known.has(region.code)) {
      add('duplicate_region', pointer('regions', i, 'code'), { code: region.code }, `region ${region.code} is listed twice`);
    }
    known.add(region.code);
    if (!isFiniteNumber(region.cost) || region.cost < 0) {
      add('invalid_cost', pointer('regions', i, 'cost'), { code: region.code, cost: region.cost }, `region ${region.code}: cost must be a finite number >= 0`);
    }
    if (!isRecord(region.capabilities)) {
      add('invalid_quantity', pointer('regions', i, 'capabilities'), { code: region.code }, `region ${region.code}: capabilities must be an object`);
    } else {
      for (const [key, value] of Object.entries(region.capabilities)) {
        if (!isFiniteNumber(value) || value < 0) {
          add('invalid_quantity', pointer('regions', i, 'capabilities', key), { code: region.code, key, quantity: value }, `region ${region.code}: capability ${key} must be a finite number >= 0`);
        }
      }
    }
    if (!Array.isArray(region.stages) || !region.stages.every((s) => typeof s === 'string')) {
      add('invalid_request', pointer('regions', i, 'stages'), { code: region.code }, `region ${region.code}: stages must be strings`);
    }
    if (!Array.isArray(region.exemptions) || !region.exemptions.every((s) => typeof s === 'string')) {
      add('invalid_request', pointer('regions', i, 'exemptions'), { code: region.code }, `region ${region.code}: exemptions must be strings`);
    }
    if (typeof region.capitalArea !== 'boolean') {
      add('invalid_request', pointer('regions', i, 'capitalArea'), { code: region.code }, `region ${region.code}: capitalArea must be a boolean`);
    }
  });

  const included = new Set<string>();
  request.include.forEach((code, i) => {
    if (!known.has(code)) add('unknown_region', pointer('include', i), { code, list: 'include' }, `include names unknown region ${String(code)}`);
    included.add(code);
  });
  request.exclude.forEach((code, i) => {
    if (!known.has(code)) add('unknown_region', pointer('exclude', i), { code, list: 'exclude' }, `exclude names unknown region ${String(code)}`);
    if (included.has(code)) {
      add('include_exclude_conflict', pointer('exclude', i), { code, includeIndex: request.include.indexOf(code) }, `region ${code} is both included and excluded`);
    }
  });

  const capKeys = new Set<string>();
  request.needs.capabilities.forEach((need, i) => {
    if (!isRecord(need) || typeof need.key !== 'string' || need.key.length === 0) {
      add('invalid_need_key', pointer('needs', 'capabilities', i, 'key'), { index: i }, `capability need #${i} has no key`);
      return;
    }
    if (capKeys.has(need.key)) add('duplicate_need', pointer('needs', 'capabilities', i), { kind: 'capability', key: need.key }, `capability ${need.key} is needed twice`);
    capKeys.add(need.key);
    if (!isFiniteNumber(need.min) || need.min < 0) {
      add('invalid_min', pointer('needs', 'capabilities', i, 'min'), { key: need.key, min: need.min }, `capability ${need.key}: min must be a finite number >= 0`);
    }
  });
  for (const kind of ['stages', 'exemptions'] as const) {
    const seen = new Set<string>();
    request.needs[kind].forEach((key, i) => {
      if (typeof key !== 'string' || key.length === 0) {
        add('invalid_need_key', pointer('needs', kind, i), { index: i, kind }, `${kind} need #${i} must be a non-empty string`);
        return;
      }
      if (seen.has(key)) add('duplicate_need', pointer('needs', kind, i), { kind: kind === 'stages' ? 'stage' : 'exemption', key }, `${key} is needed twice`);
      seen.add(key);
    });
  }
  // a request must ask for something: a need with a positive requirement or an included region
  const effective = request.needs.capabilities.filter((c) => isRecord(c) && isFiniteNumber(c.min) && c.min > 0).length
    + request.needs.stages.length + request.needs.exemptions.length;
  if (effective === 0 && request.include.length === 0) {
    add('no_needs', '/needs', {}, 'the request names no need with a positive requirement and no included region');
  }

  if (request.maxRegions !== undefined) {
    const k = request.maxRegions;
    if (!Number.isInteger(k) || k < 1) {
      add('invalid_max_regions', '/maxRegions', { maxRegions: k }, 'maxRegions must be an integer >= 1');
    } else if (k < included.size) {
      add('max_regions_below_include', '/maxRegions', { maxRegions: k, include: included.size }, `maxRegions ${k} is smaller than the ${included.size} included regions`);
    }
  }

  const objective = request.objective as unknown;
  if (objective !== 'fewest' && objective !== 'cost') {
    if (!isRecord(objective) || !isFiniteNumber(objective['weightCount']) || !isFiniteNumber(objective['weightCost'])
      || objective['weightCount'] < 0 || objective['weightCost'] < 0
      || (objective['weightCount'] === 0 && objective['weightCost'] === 0)) {
      add('invalid_objective', '/objective', { objective }, "objective must be 'fewest', 'cost' or non-negative weights {weightCount, weightCost}, not both zero");
    }
  }
  if (request.timeLimitMs !== undefined && (!isFiniteNumber(request.timeLimitMs) || request.timeLimitMs <= 0)) {
    add('invalid_time_limit', '/timeLimitMs', { timeLimitMs: request.timeLimitMs }, 'timeLimitMs must be a positive number');
  }
  if (request.alternatives !== undefined && (!Number.isInteger(request.alternatives) || request.alternatives < 0 || request.alternatives > 100)) {
    add('invalid_alternatives', '/alternatives', { alternatives: request.alternatives }, 'alternatives must be an integer between 0 and 100');
  }
  return issues;
}
