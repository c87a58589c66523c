// Request validation: bodies strictly (no coercion, no silent removal of unknown fields),
// path and query parameters with coercion of numbers and booleans.
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { findUnstorable } from '../../domain/storable-text.ts';
import type { FieldError, FieldKeyword } from '../errors.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerceTypes: boolean | 'array'): Ajv {
  const ajv = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, coerceTypes, strict: false });
  addFormats(ajv);
  return ajv;
}

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * Query strings, path parameters and headers: text PostgreSQL cannot store (NUL from `%00`) is refused before the
 * schema runs, like the JSON body parser refuses it in bodies (./json-body.ts).
 */
function storableFirst(validate: Validate): Validate {
  const wrapped: Validate = (data) => {
    const unstorable = findUnstorable(data);
    if (unstorable.length > 0) {
      wrapped.errors = unstorable.map((u) => ({ keyword: 'unstorable', instancePath: u.pointer, schemaPath: '', params: { index: u.index, char: u.char } }));
      return false;
    }
    const valid = validate(data);
    wrapped.errors = validate.errors ?? null;
    return valid;
  };
  return wrapped;
}

/**
 * Compiled when first used: a start does not compile the schemas of every route (half a second of a restart), only
 * those of the routes called. Invalid schemas still fail: the OpenAPI and route tests call every route.
 */
function compiledOnFirstUse(compile: () => Validate): Validate {
  let validate: Validate | undefined;
  const wrapped: Validate = (data) => {
    validate ??= compile();
    const valid = validate(data);
    wrapped.errors = validate.errors ?? null;
    return valid;
  };
  return wrapped;
}

export function registerValidation(app: FastifyInstance): void {
  const body = makeAjv(false);
  const params = makeAjv('array');
  app.setValidatorCompiler(({ schema, httpPart }) =>
    compiledOnFirstUse(() => (httpPart === 'body' ? body.compile(schema) : storableFirst(params.compile(schema)))));
}

const KNOWN = new Set<string>([
  'required', 'type', 'additionalProperties', 'maxLength', 'minLength', 'format', 'enum', 'pattern',
  'maxItems', 'minItems', 'uniqueItems', 'minimum', 'maximum', 'unstorable',
]);

/** Turns ajv errors into field errors with JSON-Pointer paths under the request part. */
export function fieldErrors(errors: readonly ErrorObject[], part: string): FieldError[] {
  const out = new Map<string, FieldError>();
  for (const error of errors) {
    let path = `/${part}${error.instancePath}`;
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'required') path += `/${String(params.missingProperty)}`;
    if (error.keyword === 'additionalProperties') path += `/${String(params.additionalProperty)}`;
    const keyword: FieldKeyword = error.keyword === 'const' ? 'enum' : KNOWN.has(error.keyword) ? (error.keyword as FieldKeyword) : 'invalid';
    const fieldParams: Record<string, string | number> = {};
    if (typeof params.limit === 'number') fieldParams.limit = params.limit;
    if (typeof params.type === 'string') fieldParams.type = params.type;
    if (typeof params.format === 'string') fieldParams.format = params.format;
    if (Array.isArray(params.allowedValues)) fieldParams.allowed = params.allowedValues.join(', ');
    if (params.allowedValue !== undefined) fieldParams.allowed = String(params.allowedValue);
    if (typeof params.char === 'string') fieldParams.char = params.char;
    if (typeof params.index === 'number') fieldParams.index = params.index;
    const existing = out.get(path);
    if (!existing || (existing.keyword === 'invalid' && keyword !== 'invalid')) out.set(path, { path, keyword, params: fieldParams });
  }
  return [...out.values()];
}
