// The planning requests the user's organisation saved, each loadable back into the planner form.
import { api } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import type { PlanningRequestItem, Region } from '../../../shared/types.ts';
import { Loading, ProblemAlert } from '../../../shared/ui/ui.tsx';
import { DateTime } from '../../../shared/ui/text.tsx';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';
import { ShowMore, usePaged } from '../../../shared/data/paged.tsx';
import { listText } from '../region-text.tsx';

export function SavedRequests({
  version,
  index,
  onLoad,
}: {
  version: number;
  index: Map<string, Region>;
  onLoad: (query: unknown) => void;
}) {
  const { t, lang } = useApp();
  const saved = usePaged(['planner-requests', version], api.listPlanRequests);
  const { items, error } = saved;
  const regionsOf = (item: PlanningRequestItem): string[] => {
    const result = item.result as { regions?: unknown } | null;
    return Array.isArray(result?.regions) ? result.regions.filter((c): c is string => typeof c === 'string') : [];
  };
  return (
    <section className="zl-section" aria-labelledby="planner-saved-title" data-testid="saved-requests">
      <h2 id="planner-saved-title">{t('plannerSavedList')}</h2>
      <p>{t('plannerSavedListLead')}</p>
      {error ? (
        <ProblemAlert error={error} />
      ) : !items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p>{t('plannerSavedNone')}</p>
      ) : (
        <TableFrame>
          <table className="tbl col data zl-table" data-testid="saved-requests-table">
            <caption className="sr-only">{t('plannerSavedList')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plannerRequestTitle')}</th>
                <th scope="col">{t('plannerSavedRegions')}</th>
                <th scope="col">{t('plannerSavedAt')}</th>
                <th scope="col">{t('tokenActions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{item.title}</th>
                  <td>{regionsOf(item).length > 0 ? listText(regionsOf(item), index, lang) : t('plannerSavedNoAnswer')}</td>
                  <td>
                    <DateTime iso={item.createdAt} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="krds-btn small tertiary"
                      aria-label={t('plannerLoadLabel', { title: item.title })}
                      onClick={() => onLoad(item.query)}
                    >
                      {t('plannerLoad')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ShowMore paged={saved} testId="saved-requests-more" />
        </TableFrame>
      )}
    </section>
  );
}
