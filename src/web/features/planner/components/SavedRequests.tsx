// The planning requests the user's organisation saved, each loadable back into the planner form.
import { api } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import type { PlanningRequestItem, Region } from '../../../shared/types.ts';
import { DateTime } from '../../../shared/ui/text.tsx';
import { AsyncTable } from '../../../shared/ui/AsyncTable.tsx';
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
      <AsyncTable
        rows={items}
        error={error}
        empty={t('plannerSavedNone')}
        caption={t('plannerSavedList')}
        testId="saved-requests-table"
        head={
          <>
            <th scope="col">{t('plannerRequestTitle')}</th>
            <th scope="col">{t('plannerSavedRegions')}</th>
            <th scope="col">{t('plannerSavedAt')}</th>
            <th scope="col">{t('tokenActions')}</th>
          </>
        }
        row={(item) => (
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
        )}
        footer={<ShowMore paged={saved} testId="saved-requests-more" />}
      />
    </section>
  );
}
