// Renders an AppError as a localised application/problem+json body.
import { errorCatalogues } from '../i18n/errors/index.ts';
import { format, type Locale } from '../i18n/locales.ts';
import { violationSentence, type ViolationLike } from '../i18n/violations/index.ts';
import type { AppError, ProblemExtensions } from './errors.ts';
import { STATUS, type FieldError } from './errors.ts';

export interface ProblemBody extends ProblemExtensions {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId: string;
  errors?: { path: string; message: string }[];
  violations?: { path?: string; code: string; rule: string; params: Record<string, unknown>; message: string }[];
}

function fieldMessage(locale: Locale, field: FieldError): string {
  if (field.violation) return violationSentence(locale, field.violation);
  const catalogue = errorCatalogues[locale];
  const template = field.keyword.startsWith('planner.')
    ? catalogue.planner[field.keyword.slice('planner.'.length) as keyof typeof catalogue.planner]
    : catalogue.fields[field.keyword as keyof typeof catalogue.fields];
  return format(locale, template ?? catalogue.fields.invalid, field.params ?? {});
}

export function renderProblem(error: AppError, locale: Locale, requestId: string, instance?: string): ProblemBody {
  const catalogue = errorCatalogues[locale];
  const text = catalogue.problems[error.code];
  const params: Record<string, string | number> = { ...error.params, requestId };
  if (typeof params.object === 'string' && params.object in catalogue.objects) {
    params.object = catalogue.objects[params.object as keyof typeof catalogue.objects];
  }
  if (error.code === 'input-limit' && typeof params.limit === 'string' && params.limit in catalogue.limits) {
    params.limitText = format(locale, catalogue.limits[params.limit as keyof typeof catalogue.limits], params);
  }
  const said = (v: ViolationLike, path?: string) => ({ ...(path ? { path } : {}), code: v.code, rule: v.rule, params: { ...v.params }, message: violationSentence(locale, v) });
  if (error.violations.length > 0) params.reason = error.violations.map((v) => violationSentence(locale, v)).join(' ');
  const violations = [...error.violations.map((v) => said(v)), ...error.fields.flatMap((f) => (f.violation ? [said(f.violation, f.path)] : []))];
  const errors = error.fields.map((field) => ({ path: field.path, message: fieldMessage(locale, field) }));
  if (errors.length > 0) {
    params.count = errors.length;
    params.fields = errors.map((e) => `${e.path} — ${e.message}`).join('; ');
  }
  return {
    type: `/problems/${error.code}`,
    title: text.title,
    status: STATUS[error.code],
    detail: format(locale, text.detail, params),
    code: error.code,
    ...(instance ? { instance } : {}),
    requestId,
    ...(errors.length > 0 ? { errors } : {}),
    ...(violations.length > 0 ? { violations } : {}),
    ...error.extensions,
  };
}
