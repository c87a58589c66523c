// The one form system of the UI: react-hook-form validated before sending against the contract's TypeBox
// schema (src/contract), with the messages in the reader's language (the schema's bounds, never TypeBox's English),
// and a refused save's field errors (problem+json `errors[].path`) set on their fields, beside them.
import { typeboxResolver } from '@hookform/resolvers/typebox';
import { useForm, type DefaultValues, type FieldError, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import type { TObject, TSchema } from 'typebox';
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
    const properties: Record<string, TSchema> | undefined = (at as { properties?: Record<string, TSchema> } | undefined)?.properties;
    at = properties?.[key];
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
