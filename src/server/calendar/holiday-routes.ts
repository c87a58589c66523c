// Public holidays of a year (package and administrator-added one-off days, marked) and the administrator's add and
// remove of a one-off holiday (Regulations on Holidays of Government Offices Art. 2 item 12). A change is a
// use case (./use-cases) run through the one write path (./holiday-change.ts). Rules: src/domain/calendar/one-off-holidays.ts; docs/decisions/0012-holidays.md.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { civilDate, tryCivilDate } from '../../domain/calendar/civil-date.ts';
import { holidayDataCoverage, holidaysOfYear } from '../../domain/calendar/holidays.ts';
import { normaliseText, type I18nText } from '../../domain/i18n-text.ts';
import { AppError, notFound } from '../errors.ts';
import { I18nTextSchema, Line, Nullable, ProblemSchema } from '../../contract/common.ts';
import { todayInSeoul } from '../exemptions/view.ts';
import { DateOnly } from '../../contract/common.ts';
import { callerOf } from '../write/caller.ts';
import { calendarWith, readAddedHolidays } from './provider.ts';
import { addHoliday } from './use-cases/add-holiday.ts';
import { removeHoliday } from './use-cases/remove-holiday.ts';

const AddedSchema = Type.Object({ date: Type.String(), name: I18nTextSchema(200), basis: Type.String(), createdAt: Type.String() });
const MovedSchema = Type.Array(Type.Object({ objectType: Type.Enum(['exemption', 'zone']), objectId: Type.String(), kind: Type.String(), before: Type.String(), after: Type.String() }));
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };

export async function holidayRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;

  app.get('/api/holidays', {
    config: { action: 'public', readCache: { topics: ['holidays'] } },
    schema: {
      tags: ['calendar'],
      summary: 'Public holidays of a year other than plain Sundays, each marked as from the calendar (the gazetted list of @hyunbinseo/holidays-kr, or the rules of the Regulations on Holidays of Government Offices Art. 2–3 for later years up to coverage.lastYear) or added by an administrator (one-off); basis says which, provisional for years outside the coverage',
      querystring: Type.Object({ year: Type.Integer({ minimum: 1900, maximum: 2299 }) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          year: Type.Integer(),
          coverage: Type.Object({ firstYear: Type.Integer(), lastYear: Type.Integer(), gazettedThrough: Type.Integer() }),
          basis: Type.Enum(['gazette', 'rules', 'provisional']), provisional: Type.Boolean(),
          items: Type.Array(Type.Object({
            date: Type.String(), source: Type.Enum(['package', 'added', 'both']), names: Type.Array(Type.String()),
            added: Nullable(Type.Object({ name: I18nTextSchema(200), basis: Type.String(), createdAt: Type.String() })),
            removable: Type.Boolean(),
          })),
        }),
        400: ProblemSchema,
      },
    },
  }, async (request) => {
    const { year } = request.query;
    // Built from the rows read now, so the list is consistent even if another process changed them meanwhile.
    const rows = await readAddedHolidays(db);
    const calendar = calendarWith(rows);
    const added = new Map(rows.map((h) => [h.date as string, h]));
    const today = todayInSeoul();
    const items = holidaysOfYear(year, calendar).map((h) => {
      const mine = added.get(h.date) ?? null;
      return {
        date: h.date, source: h.addedNames.length === 0 ? 'package' as const : h.packageNames.length === 0 ? 'added' as const : 'both' as const,
        names: [...h.packageNames, ...h.addedNames],
        added: mine ? { name: mine.name, basis: mine.basis, createdAt: mine.createdAt } : null,
        removable: mine !== null && h.date > today,
      };
    });
    const coverage = holidayDataCoverage();
    const basis = calendar.basisOf(year);
    return { year, coverage, basis, provisional: basis === 'provisional', items };
  });

  app.post('/api/holidays', {
    config: { action: 'holiday:manage' },
    schema: {
      tags: ['calendar'],
      summary: 'Add a one-off holiday (Regulations on Holidays of Government Offices Art. 2 item 12): a future day that is not already a Saturday or holiday; open deadlines move with it (recomputed, audited); MSS administrators only',
      body: Type.Object({ date: DateOnly, name: I18nTextSchema(200), basis: Line(300) }, { additionalProperties: false }),
      response: { 201: Type.Object({ holiday: AddedSchema, moved: MovedSchema }), ...errors },
    },
  }, async (request, reply) => {
    const date = tryCivilDate(request.body.date);
    if (date === null) throw new AppError('validation', { fields: [{ path: '/body/date', keyword: 'format', params: { format: 'date' } }] });
    const name: I18nText = normaliseText(request.body.name);
    const basis = request.body.basis.trim();
    const blank = [...(name.ko === '' ? [{ path: '/body/name/ko', keyword: 'required' as const }] : []), ...(basis === '' ? [{ path: '/body/basis', keyword: 'required' as const }] : [])];
    if (blank.length > 0) throw new AppError('validation', { fields: blank });
    const moved = await addHoliday(db, callerOf(request), { date, name, basis });
    const holiday = (await readAddedHolidays(db)).find((h) => h.date === date)!;
    return reply.code(201).send({ holiday, moved });
  });

  app.delete('/api/holidays/:date', {
    config: { action: 'holiday:manage' },
    schema: {
      tags: ['calendar'],
      summary: 'Remove an administrator-added one-off holiday that is still in the future; open deadlines move back (recomputed, audited); package holidays cannot be removed; MSS administrators only',
      params: Type.Object({ date: DateOnly }),
      response: { 200: Type.Object({ removed: AddedSchema, moved: MovedSchema }), ...errors },
    },
  }, async (request) => {
    const date = tryCivilDate(request.params.date);
    if (date === null) throw new AppError('validation', { fields: [{ path: '/params/date', keyword: 'format', params: { format: 'date' } }] });
    const existing = (await readAddedHolidays(db)).find((h) => h.date === date);
    if (!existing) throw notFound('holiday');
    const moved = await removeHoliday(db, callerOf(request), civilDate(date));
    return { removed: existing, moved };
  });
}
