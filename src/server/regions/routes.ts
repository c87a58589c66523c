// Regions (provinces and municipalities), their neighbours, and each region's promotion-team profile.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { decide } from '../../domain/auth/policy.ts';
import { normaliseText, type I18nText } from '../../domain/i18n-text.ts';
import { authorize } from '../auth/authorize.ts';
import { appendAudit } from '../audit/append.ts';
import { AppError, notFound } from '../errors.ts';
import { ProblemSchema } from '../../contract/common.ts';
import { loadRegionCache, type RegionCache } from './region-cache.ts';
import { CodeParams, ProfileInput, ProfileSchema, RegionDetailSchema, RegionSchema } from '../../contract/regions.ts';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 412: ProblemSchema };

const profileEtag = (version: number): string => `"profile-v${version}"`;

export async function regionRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;
  const cache: RegionCache = await loadRegionCache(db);
  const listEtag = `"${createHash('sha256').update(JSON.stringify(cache.list)).digest('base64url').slice(0, 22)}"`;

  async function loadProfile(code: string) {
    const row = await db.selectFrom('region_profile').selectAll().where('region_code', '=', code).executeTakeFirst();
    if (!row) return null;
    return {
      teamName: row.team_name, contactEmail: row.contact_email, phone: row.phone, introduction: row.introduction,
      updatedAt: row.updated_at.toISOString(), version: row.version, demo: row.demo,
    };
  }

  app.get('/api/regions', {
    config: { action: 'public', readCache: { topics: ['regions'] } },
    schema: {
      tags: ['regions'],
      summary: 'Provinces and municipalities (KOSTAT 2018) with capital-area flags',
      querystring: Type.Object({
        level: Type.Optional(Type.Enum(['province', 'municipality'])),
        parent: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(RegionSchema) }), 304: Type.Null(), 400: ProblemSchema },
    },
  }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    const { level, parent } = request.query;
    const etag = `${listEtag.slice(0, -1)}-${level ?? ''}-${parent ?? ''}"`;
    reply.header('etag', etag);
    return {
      items: cache.list.filter((r) => (level === undefined || r.level === level) && (parent === undefined || r.parentCode === parent)),
    };
  });

  app.get('/api/regions/:code', {
    config: { action: 'public', readCache: { topics: ['regions'] } },
    schema: {
      tags: ['regions'],
      summary: 'One region with its parent, municipalities, neighbours and promotion-team profile',
      params: CodeParams,
      response: {
        200: RegionDetailSchema,
        ...errors,
      },
    },
  }, async (request, reply) => {
    const region = cache.byCode.get(request.params.code);
    if (!region) throw notFound('region');
    const profile = await loadProfile(region.code);
    if (profile) reply.header('etag', profileEtag(profile.version));
    return {
      region,
      parent: region.parentCode ? cache.byCode.get(region.parentCode) ?? null : null,
      municipalities: cache.list.filter((r) => r.parentCode === region.code),
      neighbours: (cache.neighbours.get(region.code) ?? []).flatMap((n) => {
        const other = cache.byCode.get(n.code);
        return other ? [{ region: other, kind: n.kind, note: n.note }] : [];
      }),
      profile,
      canEdit: decide(request.actor, 'region-profile:edit', { kind: 'region', code: region.code }).allowed,
    };
  });

  app.put('/api/regions/:code/profile', {
    config: { action: 'region-profile:edit', objectScoped: true },
    schema: {
      tags: ['regions'],
      summary: "Set the region's promotion-team profile (지역추진단, Act Art. 141-6); If-Match guards concurrent edits",
      params: CodeParams,
      body: ProfileInput,
      response: { 200: ProfileSchema, ...errors },
    },
  }, async (request, reply) => {
    const region = cache.byCode.get(request.params.code);
    if (!region) throw notFound('region');
    const actor = authorize(request, { kind: 'region', code: region.code });
    const ifMatch = request.headers['if-match'];
    const saved = await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('region_profile').selectAll().where('region_code', '=', region.code).forUpdate().executeTakeFirst();
      if (ifMatch !== undefined && ifMatch !== '*' && (!before || ifMatch !== profileEtag(before.version))) {
        throw new AppError('precondition-failed');
      }
      const body = request.body;
      const values = {
        team_name: JSON.stringify(normaliseText(body.teamName as I18nText)),
        contact_email: body.contactEmail.trim().toLowerCase(),
        phone: body.phone?.trim() || null,
        introduction: JSON.stringify(normaliseText(body.introduction as I18nText)),
        demo: false,
        version: (before?.version ?? 0) + 1,
        updated_at: new Date(),
        updated_by: actor.userId,
      };
      await trx.insertInto('region_profile').values({ region_code: region.code, ...values })
        .onConflict((oc) => oc.column('region_code').doUpdateSet(values)).execute();
      await appendAudit(trx, {
        requestId: request.id, actorUserId: actor.userId, actorOrganisationId: actor.organisationId,
        action: 'region-profile:update', objectType: 'region', objectId: region.code,
        before: before ? { teamName: before.team_name, contactEmail: before.contact_email, phone: before.phone, introduction: before.introduction, version: before.version } : null,
        after: { ...body, version: values.version },
      });
      return values.version;
    });
    reply.header('etag', profileEtag(saved));
    return (await loadProfile(region.code))!;
  });
}
