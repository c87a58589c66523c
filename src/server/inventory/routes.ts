// Capability inventory per region (issue: consortium planner): read publicly, edited by the region's own
// local government (or a ministry admin), imported from CSV or XLSX all-or-nothing, read within the input limits
// (413 input-limit beyond them, nothing written).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ASSETS, CLUSTERS, EXEMPTION_KINDS, type ExemptionKindKey } from '../../domain/capabilities/catalogue.ts';
import {
  CSV_COLUMNS, inventoriesFromRows, inventoryCsvRecords, parseInventoryRecords, type CsvIssue, type Inventory,
} from '../../domain/capabilities/inventory.ts';
import { decide } from '../../domain/auth/policy.ts';
import { STAGE_NAMES, STAGES, type Stage } from '../../domain/supply-chain/stages.ts';
import type { Database } from '../../db/database.ts';
import { authorize } from '../auth/authorize.ts';
import { appendAudit } from '../audit/append.ts';
import { AppError, notFound, type FieldError } from '../errors.ts';
import { ProblemSchema } from '../../contract/common.ts';
import { loadInventory } from './load-inventory.ts';
import { xlsxInventoryRecords } from './xlsx.ts';

const Names = Type.Object({ ko: Type.String(), en: Type.String(), ja: Type.String(), zh: Type.String(), fr: Type.String() });
const Entry = Type.Object({ key: Type.String(), group: Type.Enum(['asset', 'cluster', 'stage', 'exemption']), name: Names });
const CapabilityKeySchema = Type.Enum([...Object.keys(ASSETS), ...Object.keys(CLUSTERS)]);
const InventorySchema = Type.Object({
  capabilities: Type.Array(Type.Object({ key: CapabilityKeySchema, quantity: Type.Number({ minimum: 0, maximum: 1e9 }) }, { additionalProperties: false }), { maxItems: 100 }),
  stages: Type.Array(Type.Enum([...STAGES]), { maxItems: STAGES.length, uniqueItems: true }),
  exemptions: Type.Array(Type.Enum(Object.keys(EXEMPTION_KINDS)), { maxItems: 50, uniqueItems: true }),
}, { additionalProperties: false });
const InventoryView = Type.Object({
  region: Type.String(),
  capabilities: Type.Array(Type.Object({ key: Type.String(), quantity: Type.Number() })),
  stages: Type.Array(Type.String()),
  exemptions: Type.Array(Type.String()),
  includesMunicipalities: Type.Boolean(),
  demo: Type.Boolean(),
  canEdit: Type.Boolean(),
});
const CodeParams = Type.Object({ code: Type.String({ pattern: '^[0-9]{2}([0-9]{3})?$' }) });
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 413: ProblemSchema };

const CSV_KEYWORD: Record<CsvIssue['code'], FieldError['keyword']> = {
  'missing-header': 'header',
  'column-count': 'columns',
  'unknown-region': 'unknown',
  'unknown-kind': 'unknown',
  'unknown-key': 'unknown',
  'bad-quantity': 'negative',
  duplicate: 'duplicate',
};

async function replaceInventory(trx: Database, region: string, inv: Inventory, userId: string): Promise<void> {
  const now = new Date();
  await trx.deleteFrom('region_capability').where('region_code', '=', region).execute();
  await trx.deleteFrom('region_stage').where('region_code', '=', region).execute();
  await trx.deleteFrom('region_exemption_held').where('region_code', '=', region).execute();
  const caps = Object.entries(inv.capabilities).map(([capability, quantity]) => ({ region_code: region, capability, quantity: quantity!, demo: false, updated_at: now, updated_by: userId }));
  if (caps.length > 0) await trx.insertInto('region_capability').values(caps).execute();
  if (inv.stages.length > 0) await trx.insertInto('region_stage').values(inv.stages.map((stage) => ({ region_code: region, stage, demo: false }))).execute();
  if (inv.exemptions.length > 0) await trx.insertInto('region_exemption_held').values(inv.exemptions.map((exemption) => ({ region_code: region, exemption, demo: false }))).execute();
}

export async function inventoryRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app.services;
  const regionCodes = new Set((await db.selectFrom('region').select('code').execute()).map((r) => r.code));

  async function view(request: FastifyRequest, code: string) {
    const own = await loadInventory(db, [code], false);
    const withMunicipalities = code.length === 2 ? await loadInventory(db, [code], true) : own;
    const inv = withMunicipalities.get(code)!;
    return {
      region: code,
      capabilities: Object.entries(inv.inventory.capabilities).map(([key, quantity]) => ({ key, quantity: quantity! })).sort((a, b) => a.key.localeCompare(b.key)),
      stages: inv.inventory.stages,
      exemptions: inv.inventory.exemptions,
      includesMunicipalities: code.length === 2,
      demo: inv.demo,
      canEdit: decide(request.actor, 'region-inventory:edit', { kind: 'region', code }).allowed,
    };
  }

  app.get('/api/capabilities/catalogue', {
    config: { action: 'public', readCache: { topics: ['regions'] } },
    schema: { tags: ['planner'], summary: 'Capabilities, supply-chain stages and exemption kinds, with names in five languages', response: { 200: Type.Object({ items: Type.Array(Entry) }) } },
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return {
      items: [
        ...Object.entries(ASSETS).map(([key, name]) => ({ key, group: 'asset' as const, name })),
        ...Object.entries(CLUSTERS).map(([key, name]) => ({ key, group: 'cluster' as const, name })),
        ...STAGES.map((key) => ({ key, group: 'stage' as const, name: STAGE_NAMES[key] })),
        ...Object.entries(EXEMPTION_KINDS).map(([key, name]) => ({ key, group: 'exemption' as const, name })),
      ],
    };
  });

  app.get('/api/regions/:code/inventory', {
    config: { action: 'public', readCache: { topics: ['regions', 'exemptions', 'regulations'] } },
    schema: { tags: ['planner'], summary: "A region's capability inventory (a province's includes its municipalities')", params: CodeParams, response: { 200: InventoryView, ...errors } },
  }, async (request) => {
    if (!regionCodes.has(request.params.code)) throw notFound('region');
    return view(request, request.params.code);
  });

  app.put('/api/regions/:code/inventory', {
    config: { action: 'region-inventory:edit', objectScoped: true },
    schema: { tags: ['planner'], summary: "Replace a region's own capability inventory", params: CodeParams, body: InventorySchema, response: { 200: InventoryView, ...errors } },
  }, async (request) => {
    const code = request.params.code;
    if (!regionCodes.has(code)) throw notFound('region');
    const actor = authorize(request, { kind: 'region', code });
    const keys = request.body.capabilities.map((c) => c.key);
    const dup = keys.findIndex((k, i) => keys.indexOf(k) !== i);
    if (dup >= 0) throw new AppError('validation', { fields: [{ path: `/body/capabilities/${dup}/key`, keyword: 'duplicate' }] });
    const inventory: Inventory = {
      capabilities: Object.fromEntries(request.body.capabilities.map((c) => [c.key, c.quantity])) as Inventory['capabilities'],
      stages: request.body.stages as Stage[],
      exemptions: request.body.exemptions as ExemptionKindKey[],
    };
    await db.transaction().execute(async (trx) => {
      const before = (await loadInventory(trx, [code], false)).get(code)!.inventory;
      await replaceInventory(trx, code, inventory, actor.userId);
      await appendAudit(trx, {
        requestId: request.id, actorUserId: actor.userId, actorOrganisationId: actor.organisationId,
        action: 'region-inventory:update', objectType: 'region', objectId: code, before, after: inventory,
      });
    });
    return view(request, code);
  });

  app.post('/api/inventory/import', {
    config: { action: 'region-inventory:edit', objectScoped: true },
    schema: {
      tags: ['planner'],
      summary: `Import inventories from CSV or XLSX (first sheet; columns ${CSV_COLUMNS.join(',')}); every region named is replaced; all or nothing`,
      body: Type.Union([
        Type.Object({ csv: Type.String({ minLength: 1, maxLength: 900_000 }) }, { additionalProperties: false }),
        Type.Object({ xlsx: Type.String({ minLength: 4, maxLength: 900_000, contentEncoding: 'base64', pattern: '^[A-Za-z0-9+/]+={0,2}$' }) }, { additionalProperties: false }),
      ]),
      response: { 200: Type.Object({ regions: Type.Array(Type.String()), rows: Type.Integer() }), ...errors },
    },
  }, async (request) => {
    const body = request.body;
    const records = 'csv' in body ? inventoryCsvRecords(body.csv, config.inputLimits) : await xlsxInventoryRecords(Buffer.from(body.xlsx, 'base64'), config.inputLimits);
    if (records === null) throw new AppError('validation', { fields: [{ path: '/body/xlsx', keyword: 'format', params: { format: 'XLSX' } }] });
    const { rows, issues } = parseInventoryRecords(records, (code) => regionCodes.has(code));
    if (issues.length > 0) {
      throw new AppError('validation', {
        fields: issues.map((i) => ({
          path: `/body/csv/line/${i.line}/${i.column}`,
          keyword: CSV_KEYWORD[i.code],
          params: { value: i.value, count: CSV_COLUMNS.length, header: CSV_COLUMNS.join(',') },
        })),
      });
    }
    const byRegion = inventoriesFromRows(rows);
    // Every region in the file must be the caller's to edit: the first that is not refuses the whole file.
    let actor = request.actor;
    for (const code of byRegion.keys()) actor = authorize(request, { kind: 'region', code });
    await db.transaction().execute(async (trx) => {
      for (const [code, inventory] of byRegion) {
        const before = (await loadInventory(trx, [code], false)).get(code)!.inventory;
        await replaceInventory(trx, code, inventory, actor!.userId);
        await appendAudit(trx, {
          requestId: request.id, actorUserId: actor!.userId, actorOrganisationId: actor!.organisationId,
          action: 'region-inventory:import', objectType: 'region', objectId: code, before, after: inventory,
        });
      }
    });
    return { regions: [...byRegion.keys()].sort(), rows: rows.length };
  });
}

