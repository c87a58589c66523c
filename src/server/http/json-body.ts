// Strict JSON bodies: invalid UTF-8, bad JSON and prototype-poisoning keys are refused (400), and so is any string
// (value or key) PostgreSQL cannot store — an unpaired UTF-16 surrogate or NUL — naming each by its JSON pointer,
// once here for every route rather than by each route's schema. Nesting deeper than INPUT_MAX_JSON_DEPTH is refused
// (413 input-limit) by a linear scan before the text is parsed, so no body reaches a recursive walk or validator.
import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { findUnstorable } from '../../domain/storable-text.ts';
import { jsonNestsDeeper, type InputLimits } from '../../domain/input-limits.ts';
import { AppError, inputLimit } from '../errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function registerJsonBody(app: FastifyInstance, limits: Pick<InputLimits, 'jsonDepth'>): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(/^application\/([\w.+-]+\+)?json$/, { parseAs: 'buffer' }, (_request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(new AppError('malformed-body'), undefined);
      return;
    }
    if (text.trim() === '') {
      done(new AppError('malformed-body'), undefined);
      return;
    }
    if (jsonNestsDeeper(text, limits.jsonDepth)) {
      done(inputLimit('json-depth', limits.jsonDepth), undefined);
      return;
    }
    let value: unknown;
    try {
      value = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
    } catch {
      done(new AppError('malformed-body'), undefined);
      return;
    }
    const unstorable = findUnstorable(value);
    if (unstorable.length > 0) {
      done(new AppError('validation', { fields: unstorable.map((u) => ({ path: `/body${u.pointer}`, keyword: 'unstorable', params: { index: u.index, char: u.char } })) }), undefined);
      return;
    }
    done(null, value);
  });
}
