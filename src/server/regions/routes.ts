// Regions (provinces and municipalities), their neighbours, and each region's promotion-team profile.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { decide } from '../../domain/auth/policy.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import { callerOf } from '../write/caller.ts';
import { notFound } from '../errors.ts';
import { ProblemSchema } from '../../contract/common.ts';
import { profileEtag, setRegionProfile } from './use-cases/set-region-profile.ts';
import { loadRegionCache, type RegionCache } from './region-cache.ts';
import { CodeParams, ProfileInput, ProfileSchema, RegionDetailSchema, RegionSchema } from '../../contract/regions.ts';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 412: ProblemSchema };


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
    const saved = await setRegionProfile(db, callerOf(request), region.code, request.headers['if-match'], { ...request.body, teamName: request.body.teamName as I18nText, introduction: request.body.introduction as I18nText });
    reply.header('etag', profileEtag(saved));
    return (await loadProfile(region.code))!;
  });
}
