// What each region of a consortium adds, which needs only it covers, and the objective without it.
import { useApp } from '../../../shared/app-context.tsx';
import { Link } from '../../../shared/router.tsx';
import type { CatalogueEntry, PlannerAnswer, Region, RegionRole } from '../../../shared/types.ts';
import { catalogueName } from '../../../shared/ui/text.tsx';
import { RegionLabel, needName, number } from '../region-text.tsx';

export function RolesList({
  roles,
  answer,
  catalogue,
  index,
}: {
  roles: RegionRole[];
  answer: PlannerAnswer;
  catalogue: CatalogueEntry[];
  index: Map<string, Region>;
}) {
  const { t, lang } = useApp();
  const needLabel = (id: string) => {
    const cov = answer.coverage.find((c) => c.need === id);
    return cov ? needName(cov.ref, catalogue, lang) : id;
  };
  const name = (key: string) => catalogueName(catalogue.find((e) => e.key === key)?.name, lang, key);
  return (
    <div className="zl-roles" data-testid="planner-roles">
      <h3 className="zl-subheading">{t('plannerRoles')}</h3>
      <ol className="zl-role-list">
        {answer.regions.map((code, i) => {
          const role = roles.find((r) => r.code === code);
          const adds = role
            ? [
                ...Object.entries(role.adds.capabilities).map(([k, q]) => `${name(k)} ${number(q, lang)}`),
                ...role.adds.stages.map(name),
                ...role.adds.exemptions.map(name),
              ]
            : [];
          return (
            <li key={code} className="zl-card zl-role" data-code={code}>
              <p className="zl-role-title">
                <span className="zl-role-number" aria-hidden="true">
                  {i + 1}
                </span>
                <Link href={`/regions/${code}`} className="zl-link">
                  <RegionLabel code={code} index={index} />
                </Link>
                {role?.included ? <span className="krds-badge bg-light-secondary">{t('plannerIncluded')}</span> : null}
                {role?.connector ? <span className="krds-badge bg-light-warning">{t('plannerConnector')}</span> : null}
              </p>
              <dl className="zl-role-dl">
                <dt>{t('plannerAdds')}</dt>
                <dd>{adds.length > 0 ? adds.join(', ') : t('plannerAddsNothing')}</dd>
                <dt>{t('plannerCritical')}</dt>
                <dd>
                  {role && role.critical.length > 0 ? role.critical.map(needLabel).join(', ') : t('plannerCriticalNone')}
                </dd>
                {role?.objectiveWithout !== undefined ? (
                  <>
                    <dt>{t('plannerWithout')}</dt>
                    <dd>{role.objectiveWithout === null ? t('plannerWithoutInfeasible') : number(role.objectiveWithout, lang)}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
