// The one form system of the UI: react-hook-form validated before sending against the contract's TypeBox
// schema (src/contract), with the messages in the reader's language (the schema's bounds, never TypeBox's English),
// and a refused save's field errors (problem+json `errors[].path`) set on their fields, beside them.
import { typeboxResolver } from '@hookform/resolvers/typebox';
import { useForm, type DefaultValues, type FieldError, type FieldErrors, type FieldValues, type Path, type PathValue, type UseFormReturn } from 'react-hook-form';
import type { TObject, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { ApiError } from '../api.ts';
import type { Translate } from '../../i18n/index.ts';
import { fieldErrorMap } from './form-errors.ts';

/** A form of `values` checked against `schema` (a contract schema, or one built from its parts) on submit. */
export function useSchemaForm<V extends FieldValues>(schema: TObject, defaultValues: DefaultValues<V>): UseFormReturn<V> {
  return useForm<V>({ resolver: typeboxResolver(schema) as never, defaultValues, mode: 'onSubmit', reValidateMode: 'onChange' });
}

interface Bounds {
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}

/** The schema of the field at a dotted path ("scores.feasibility") inside an object schema. */
export function schemaAt(schema: TSchema, path: string): TSchema | undefined {
  let at: TSchema | undefined = schema;
  for (const key of path.split('.')) {
    const node = at as { properties?: Record<string, TSchema>; items?: TSchema; anyOf?: TSchema[] } | undefined;
    // Through a nullable (anyOf with null) to the schema that is not null; into a list's items by index.
    const inner = node?.anyOf?.find((x) => (x as { type?: string }).type !== 'null') as typeof node | undefined;
    const object = inner ?? node;
    at = /^\d+$/.test(key) && object?.items ? object.items : object?.properties?.[key];
  }
  return at;
}

/** What the reader reads under a field: the server's sentence, or the schema's rule said in the reader's language. */
export function fieldMessage(error: FieldError | undefined, field: TSchema | undefined, t: Translate): string | undefined {
  if (!error) return undefined;
  if (error.type === 'server' && error.message) return error.message;
  const b = (field ?? {}) as Bounds;
  if (b.minimum !== undefined && b.maximum !== undefined) return t('formNumberRange', { min: b.minimum, max: b.maximum });
  if (error.type === 'maxLength' && b.maxLength !== undefined) return t('formTooLong', { max: b.maxLength });
  return t('fieldRequired');
}

/** Limits of a field for its control (`min`, `max`, `maxLength`), read from the schema. */
export function fieldLimits(field: TSchema | undefined): { min?: number; max?: number; maxLength?: number } {
  const b = (field ?? {}) as Bounds;
  return {
    ...(b.minimum !== undefined ? { min: b.minimum } : {}),
    ...(b.maximum !== undefined ? { max: b.maximum } : {}),
    ...(b.maxLength !== undefined ? { maxLength: b.maxLength } : {}),
  };
}

/**
 * Sets a refused save's field errors on the form's fields ("/body/scores/feasibility" → "scores.feasibility");
 * returns how many found a field of `known` (the rest stay in the answer's own alert).
 */
export function setServerErrors<V extends FieldValues>(form: UseFormReturn<V>, error: unknown, known: readonly string[]): number {
  let placed = 0;
  for (const [pointer, message] of fieldErrorMap(error)) {
    const path = pointer.slice(1).split('/').join('.');
    const field = known.find((k) => path === k || path.startsWith(`${k}.`));
    if (!field) continue;
    form.setError(field as Path<V>, { type: 'server', message }, { shouldFocus: placed === 0 });
    placed += 1;
  }
  return placed;
}

/**
 * Whether the field at a dotted path must be given, read from the schema: listed as required by its object and not
 * nullable, and for text at least one character, for a list at least one item (an I18nText is required when its
 * Korean is).
 */
export function schemaRequired(schema: TSchema, path: string): boolean {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = (keys.length > 0 ? schemaAt(schema, keys.join('.')) : schema) as { required?: string[] } | undefined;
  if (!parent?.required?.includes(last)) return false;
  const field = schemaAt(schema, path) as { anyOf?: TSchema[]; type?: string; minLength?: number; minItems?: number; properties?: Record<string, TSchema> } | undefined;
  if (!field || field.anyOf) return false;
  if (field.type === 'string') return (field.minLength ?? 0) >= 1 || 'format' in field;
  if (field.type === 'array') return (field.minItems ?? 0) >= 1;
  if (field.type === 'object' && field.properties?.ko) return schemaRequired(field as TSchema, 'ko');
  return true;
}

/**
 * The form's errors by body pointer ("activity.ko" → "/activity/ko") as sentences in the reader's language: the
 * server's own, else the schema's rule (`fieldMessage`). What the shared field pieces read beside their fields.
 */
export function schemaErrorMap(errors: FieldErrors, schema: TSchema, t: Translate): Map<string, string> {
  const map = new Map<string, string>();
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== 'object') return;
    const error = node as FieldError;
    if (typeof error.type === 'string' && path.length > 0) {
      const message = fieldMessage(error, schemaAt(schema, path.join('.')), t);
      if (message && !map.has(`/${path.join('/')}`)) map.set(`/${path.join('/')}`, message);
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'ref' && key !== 'type' && key !== 'message' && key !== 'types') walk(child, [...path, key]);
  };
  walk(errors, []);
  return map;
}

/** A controlled field's value and change, bound to the form at `name` (checked again on change after a submit). */
export function bindField<V extends FieldValues, N extends Path<V>>(form: UseFormReturn<V>, name: N): { value: PathValue<V, N>; onChange: (value: PathValue<V, N>) => void } {
  return {
    value: form.watch(name),
    onChange: (value) => form.setValue(name, value, { shouldValidate: form.formState.isSubmitted, shouldDirty: true }),
  };
}

/**
 * Checks a request body against its contract schema before sending, for forms whose fields are still bound by body
 * pointer (`shared/forms/forms.tsx`): a refusal like the server's (field errors at `/body/...`), its sentences the
 * schema's rules in the reader's language, or null when the body may be sent.
 */
export function checkBeforeSending(schema: TSchema, body: unknown, t: Translate): ApiError | null {
  const errors: { path: string; message: string }[] = [];
  for (const error of Value.Errors(schema, body)) {
    const missing = error.keyword === 'required' ? (error.params as { requiredProperties?: string[] }).requiredProperties ?? [] : [null];
    for (const property of missing) {
      const pointer = property === null ? error.instancePath : `${error.instancePath}/${property}`;
      const dotted = pointer.split('/').slice(1).join('.');
      const message = fieldMessage({ type: error.keyword } as FieldError, schemaAt(schema, dotted), t)!;
      if (!errors.some((e) => e.path === `/body${pointer}`)) errors.push({ path: `/body${pointer}`, message });
    }
  }
  if (errors.length === 0) return null;
  return new ApiError({ type: '/problems/validation', title: t('formErrorSummary', { count: errors.length }), status: 400, detail: '', code: 'validation', requestId: '', errors });
}
