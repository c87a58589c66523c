// Field errors of a problem+json answer (`errors[].path`, JSON Pointer under the request part, e.g.
// "/body/sites/0/name/ko") as a map from the pointer inside the body to the localised message. Pure.
import { ApiError } from '../api.ts';

/** "/body/sites/0/name/ko" → "/sites/0/name/ko"; "body.sites[0]" → "/sites/0"; other request parts keep their name. */
export function bodyPointer(path: string): string {
  const pointer = path
    .replace(/^#/, '')
    .replace(/\[(\d+)\]/g, '/$1')
    .replace(/\./g, '/')
    .replace(/^\/?/, '/');
  return pointer.replace(/^\/body(?=\/|$)/, '') || '/';
}

/** Every field error of `error` by body pointer (the first message wins when a path repeats). */
export function fieldErrorMap(error: unknown): Map<string, string> {
  const map = new Map<string, string>();
  if (!(error instanceof ApiError)) return map;
  for (const item of error.fieldErrors) {
    const pointer = bodyPointer(item.path);
    if (!map.has(pointer)) map.set(pointer, item.message);
  }
  return map;
}

/** The message for `pointer`, or with `within` also the first one of a descendant ("/name" finds "/name/ko"). */
export function errorAt(map: ReadonlyMap<string, string>, pointer: string, within = false): string | undefined {
  const own = map.get(pointer);
  if (own !== undefined || !within) return own;
  for (const [path, message] of map) if (path.startsWith(`${pointer}/`)) return message;
  return undefined;
}

/** A DOM id for the control of `pointer` inside a form whose ids start with `base`: "ps-21" + "/sites/0/name" → "ps-21-sites-0-name". */
export function controlId(base: string, pointer: string): string {
  return `${base}${pointer.replace(/[^A-Za-z0-9_-]+/g, '-')}`.replace(/-+$/, '');
}

/**
 * A field error as the reader reads it outside its field: "Reason: This field is required." when `labels` names
 * the field (by the pointer's first segment, "/body/reason/ko" → "reason"), else the sentence alone — never the pointer.
 */
export function fieldSentence(path: string, message: string, labels: Readonly<Record<string, string>>): string {
  const label = labels[bodyPointer(path).split('/')[1] ?? ''];
  return label ? `${label}: ${message}` : message;
}
