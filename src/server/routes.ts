// Every capability's routes, registered in one place.
import type { FastifyInstance } from 'fastify';
import { auditRoutes } from './audit/routes.ts';
import { demonstrationRoutes } from './demonstrations/routes.ts';
import { inventoryRoutes } from './inventory/routes.ts';
import { meRoutes } from './me/routes.ts';
import { planRoutes } from './plans/routes.ts';
import { organisationRoutes } from './organisations/routes.ts';
import { planReviewRoutes } from './plans/review-routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { plannerRoutes } from './planner/routes.ts';
import { regionRoutes } from './regions/routes.ts';
import { regulationRoutes } from './regulations/routes.ts';
import { exemptionRoutes } from './exemptions/routes.ts';
import { exemptionLifecycleRoutes } from './exemptions/lifecycle-routes.ts';
import { amendmentRoutes } from './exemptions/amendment-routes.ts';
import { exemptionDeadlineRoutes } from './exemptions/deadline-routes.ts';
import { holidayRoutes } from './calendar/holiday-routes.ts';
import { searchRoutes } from './search/routes.ts';
import { sessionRoutes } from './session/routes.ts';
import { zoneRoutes } from './zones/routes.ts';
import { zoneAfterRoutes } from './zones/after-routes.ts';
import { aboutRoutes } from './system/about.ts';
import { healthRoutes } from './system/health.ts';

export async function registerRoutes(app: FastifyInstance): Promise<void> {
  await healthRoutes(app);
  await aboutRoutes(app);
  await sessionRoutes(app);
  await meRoutes(app);
  await notificationRoutes(app);
  await regionRoutes(app);
  await auditRoutes(app);
  await inventoryRoutes(app);
  await zoneRoutes(app);
  await zoneAfterRoutes(app);
  await plannerRoutes(app);
  await planRoutes(app);
  await planReviewRoutes(app);
  await demonstrationRoutes(app);
  await regulationRoutes(app);
  await exemptionRoutes(app);
  await exemptionLifecycleRoutes(app);
  await amendmentRoutes(app);
  await exemptionDeadlineRoutes(app);
  await holidayRoutes(app);
  await searchRoutes(app);
  await organisationRoutes(app);
}
