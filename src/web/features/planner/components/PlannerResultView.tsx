// The planner's answer: status and statistics, the best consortium and its alternatives, each shown on the map,
// by region role and by need coverage; it can be saved as a planning request.
import { useMemo, useState, type RefObject } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import type { Lang, Translate } from '../../../i18n/index.ts';
import type { CatalogueEntry, PlannerAnswer, PlannerQuery, PlannerResult, Region } from '../../../shared/types.ts';
import { Alert } from '../../../shared/ui/ui.tsx';
import { listText, number } from '../region-text.tsx';
import { PlannerMap } from './PlannerMap.tsx';
import { RolesList } from './RolesList.tsx';
import { CoverageTable } from './CoverageTable.tsx';
import { SaveRequest } from './SaveRequest.tsx';

function statusText(result: PlannerResult, t: Translate): string {
  if (result.status === 'optimal') return t('plannerStatusOptimal');
  if (result.status === 'feasible') return t('plannerStatusFeasible');
  return t('plannerStatusUnknown');
}

function objectiveText(answer: PlannerAnswer, objective: PlannerQuery['objective'], t: Translate, lang: Lang): string {
  return objective === 'fewest' ? t('plannerRegionsCount', { count: answer.count }) : t('plannerCostValue', { cost: number(answer.cost, lang) });
}

export function PlannerResultView({
  query,
  result,
  catalogue,
  index,
  headingRef,
  canSave,
  onSaved,
}: {
  query: PlannerQuery;
  result: PlannerResult;
  catalogue: CatalogueEntry[];
  index: Map<string, Region>;
  headingRef: RefObject<HTMLHeadingElement | null>;
  canSave: boolean;
  onSaved: () => void;
}) {
  const { t, lang } = useApp();
  const answers = useMemo(() => (result.best ? [result.best, ...result.alternatives] : []), [result]);
  const [selected, setSelected] = useState(0);
  const answer = answers[selected];
  const explanation = result.explanation.answers[selected];
  const tone = result.status === 'optimal' ? 'bg-light-success' : result.status === 'feasible' ? 'bg-light-warning' : 'bg-light-gray';

  return (
    <section className="zl-section zl-planner-result" aria-labelledby="planner-result-title" data-testid="planner-result">
      <div className="zl-title-row">
        <h2 id="planner-result-title" ref={headingRef} tabIndex={-1}>
          {t('plannerResult')}
        </h2>
        <span className={`krds-badge ${tone}`} data-testid="planner-status" data-status={result.status}>
          {statusText(result, t)}
        </span>
      </div>
      {result.best ? (
        <p className="zl-lead" data-testid="planner-summary">
          {result.status === 'optimal'
            ? t('plannerSummaryOptimal', { regions: listText(result.best.regions, index, lang), objective: objectiveText(result.best, query.objective, t, lang) })
            : t('plannerSummaryFeasible', {
                regions: listText(result.best.regions, index, lang),
                objective: objectiveText(result.best, query.objective, t, lang),
                gap: number((result.gap ?? 0) * 100, lang, 1),
              })}
        </p>
      ) : (
        <Alert kind="warning">
          <p>{t('plannerNoAnswer')}</p>
        </Alert>
      )}
      <dl className="zl-dl zl-stats" data-testid="planner-stats">
        <dt>{t('plannerOptimality')}</dt>
        <dd>{result.status === 'optimal' ? t('plannerProven') : t('plannerNotProven')}</dd>
        <dt>{t('plannerGap')}</dt>
        <dd>{result.gap === null ? '—' : `${number(result.gap * 100, lang, 1)} %`}</dd>
        <dt>{t('plannerBound')}</dt>
        <dd>{result.bound === null ? '—' : number(result.bound, lang)}</dd>
        <dt>{t('plannerTime')}</dt>
        <dd>{t('plannerMilliseconds', { ms: number(result.elapsedMs, lang, 0) })}</dd>
        <dt>{t('plannerNodes')}</dt>
        <dd>{number(result.nodes, lang, 0)}</dd>
      </dl>

      {answer && explanation ? (
        <>
          {answers.length > 1 ? (
            <fieldset className="zl-fieldset zl-answers" data-testid="planner-answers">
              <legend>{t('plannerAnswers')}</legend>
              {answers.map((a, i) => {
                const comparison = result.explanation.answers[i]?.comparison;
                return (
                  <div key={a.regions.join('-')} className="krds-form-check zl-answer">
                    <input
                      type="radio"
                      id={`planner-answer-${i}`}
                      name="planner-answer"
                      checked={selected === i}
                      aria-describedby={comparison ? `planner-answer-${i}-cmp` : undefined}
                      onChange={() => setSelected(i)}
                    />
                    <label htmlFor={`planner-answer-${i}`}>
                      <span>
                        <strong>{i === 0 ? t('plannerBest') : t('plannerAlternative', { n: i })}</strong>:{' '}
                        {listText(a.regions, index, lang)} — {objectiveText(a, query.objective, t, lang)}
                      </span>
                    </label>
                    {comparison ? (
                      <p className="form-hint" id={`planner-answer-${i}-cmp`}>
                        {comparison.tie
                          ? t('plannerTie', { regions: listText(comparison.regions, index, lang) })
                          : comparison.against === 'next'
                            ? t('plannerBetterThanNext', {
                                regions: listText(comparison.regions, index, lang),
                                delta: number(Math.abs(comparison.objectiveDelta), lang),
                              })
                            : t('plannerWorseThanBest', { delta: number(Math.abs(comparison.objectiveDelta), lang) })}
                      </p>
                    ) : null}
                  </div>
                );
              })}
            </fieldset>
          ) : null}

          <div className="zl-map-layout zl-planner-layout">
            <PlannerMap level={query.level} answer={answer} roles={explanation.regions} index={index} />
            <RolesList roles={explanation.regions} answer={answer} catalogue={catalogue} index={index} />
          </div>
          <CoverageTable answer={answer} roles={explanation.regions} catalogue={catalogue} index={index} />
          {canSave ? <SaveRequest query={query} onSaved={onSaved} /> : null}
        </>
      ) : null}
    </section>
  );
}
