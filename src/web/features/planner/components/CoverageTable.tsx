// Needs by region of a consortium: how much each region brings and which region is critical for a need.
import { useApp } from '../../../shared/app-context.tsx';
import type { CatalogueEntry, NeedCoverage, PlannerAnswer, Region, RegionRole } from '../../../shared/types.ts';
import { RegionLabel, needName, number } from '../region-text.tsx';

export function CoverageTable({
  answer,
  roles,
  catalogue,
  index,
}: {
  answer: PlannerAnswer;
  roles: RegionRole[];
  catalogue: CatalogueEntry[];
  index: Map<string, Region>;
}) {
  const { t, lang } = useApp();
  const critical = new Map(roles.map((r) => [r.code, new Set(r.critical)]));
  const kindText = (kind: NeedCoverage['ref']['kind'], key: string) => {
    if (kind === 'stage') return t('plannerNeedStage');
    if (kind === 'exemption') return t('plannerNeedExemption');
    return catalogue.find((e) => e.key === key)?.group === 'cluster' ? t('inventoryGroupCluster') : t('inventoryGroupAsset');
  };
  return (
    <div className="zl-section">
      <h3 className="zl-subheading" id="planner-coverage-title">
        {t('plannerCoverage')}
      </h3>
      <p className="zl-hint">{t('plannerCoverageLead')}</p>
      <div className="krds-table-wrap" tabIndex={0} role="region" aria-labelledby="planner-coverage-title">
        <table className="tbl col data zl-table zl-coverage" data-testid="coverage-table">
          <caption className="sr-only">{t('plannerCoverageCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plannerNeed')}</th>
              <th scope="col" className="zl-num">
                {t('plannerRequired')}
              </th>
              {answer.regions.map((code, i) => (
                <th scope="col" key={code} className="zl-num">
                  <span className="zl-role-number" aria-hidden="true">
                    {i + 1}
                  </span>{' '}
                  <RegionLabel code={code} index={index} />
                </th>
              ))}
              <th scope="col" className="zl-num">
                {t('plannerTotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {answer.coverage.map((cov) => (
              <tr key={cov.need} data-need={cov.need}>
                <th scope="row">
                  {needName(cov.ref, catalogue, lang)}
                  <span className="zl-need-kind">{kindText(cov.ref.kind, cov.ref.key)}</span>
                </th>
                <td className="zl-num">
                  {cov.ref.kind === 'capability' ? number(cov.ref.min, lang) : t('plannerAtLeastOne')}
                </td>
                {answer.regions.map((code) => {
                  const covers = cov.regions.includes(code);
                  const isCritical = critical.get(code)?.has(cov.need) ?? false;
                  return (
                    <td key={code} className={`zl-num${covers ? ' zl-covers' : ''}`} data-code={code}>
                      {covers ? (
                        <>
                          {cov.ref.kind === 'capability' ? (
                            number(cov.amounts?.[code] ?? 0, lang)
                          ) : (
                            <>
                              <span aria-hidden="true">✓</span>
                              <span className="sr-only">{t('plannerCovers')}</span>
                            </>
                          )}
                          {isCritical ? <span className="zl-critical">{t('plannerCriticalShort')}</span> : null}
                        </>
                      ) : (
                        <>
                          <span aria-hidden="true">—</span>
                          <span className="sr-only">{t('plannerDoesNotCover')}</span>
                        </>
                      )}
                    </td>
                  );
                })}
                <td className="zl-num">
                  {number(cov.total, lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
