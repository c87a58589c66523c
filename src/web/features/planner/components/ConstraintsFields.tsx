// The planner form's constraints: level, objective, contiguity, the number of regions and alternatives, and the
// regions to include or exclude.
import { useApp } from '../../../shared/app-context.tsx';
import type { Me, Region } from '../../../shared/types.ts';
import { Field } from '../../../shared/ui/ui.tsx';
import { ownRegionFor, type FieldErrors, type FormState } from '../form.ts';
import { RegionPicker } from './RegionPicker.tsx';

/** `regions`: the eligible regions of the form's level; `index`: every region loaded, by code. */
export function ConstraintsFields({ user, form, update, regions, index, local, placed }: {
  user: Me; form: FormState; update: (patch: Partial<FormState>) => void; regions: Region[]; index: Map<string, Region>;
  local: FieldErrors; placed: FieldErrors;
}) {
  const { t } = useApp();
  return (
    <fieldset className="zl-fieldset">
      <legend>{t('plannerConstraints')}</legend>
      <div className="zl-two-col">
        <fieldset className="zl-radio-group">
          <legend>{t('plannerLevel')}</legend>
          {(['province', 'municipality'] as const).map((level) => (
            <div key={level} className="krds-form-check">
              <input
                type="radio"
                id={`planner-level-${level}`}
                name="planner-level"
                checked={form.level === level}
                onChange={() =>
                  update({ level, include: ownRegionFor(user, level), exclude: [] })
                }
              />
              <label htmlFor={`planner-level-${level}`}>
                {level === 'province' ? t('plannerLevelProvince') : t('plannerLevelMunicipality')}
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset className="zl-radio-group">
          <legend>{t('plannerObjective')}</legend>
          {(['fewest', 'cost'] as const).map((objective) => (
            <div key={objective} className="krds-form-check">
              <input
                type="radio"
                id={`planner-objective-${objective}`}
                name="planner-objective"
                checked={form.objective === objective}
                aria-describedby={objective === 'cost' ? 'planner-objective-cost-hint' : undefined}
                onChange={() => update({ objective })}
              />
              <label htmlFor={`planner-objective-${objective}`}>
                {objective === 'fewest' ? t('plannerObjectiveFewest') : t('plannerObjectiveCost')}
              </label>
            </div>
          ))}
          <p className="form-hint" id="planner-objective-cost-hint">
            {t('plannerObjectiveCostHint')}
          </p>
        </fieldset>
      </div>
      <div className="krds-form-check zl-contiguous">
        <input
          type="checkbox"
          id="planner-contiguous"
          checked={form.contiguous}
          aria-describedby="planner-contiguous-hint"
          onChange={(e) => update({ contiguous: e.target.checked })}
        />
        <label htmlFor="planner-contiguous">{t('plannerContiguous')}</label>
        <p className="form-hint" id="planner-contiguous-hint">
          {t('plannerContiguousHint')}
        </p>
      </div>
      <div className="zl-two-col">
        <Field
          id="planner-max"
          label={
            <>
              {t('plannerMaxRegions')} <span className="zl-optional">({t('optional')})</span>
            </>
          }
          hint={t('plannerMaxRegionsHint')}
          error={local.maxRegions ?? placed.maxRegions}
        >
          {(aria) => (
            <input
              {...aria}
              className="krds-input"
              type="number"
              inputMode="numeric"
              min={1}
              max={50}
              step={1}
              value={form.maxRegions}
              onChange={(e) => update({ maxRegions: e.target.value })}
            />
          )}
        </Field>
        <Field id="planner-alternatives" label={t('plannerAlternatives')} hint={t('plannerAlternativesHint')}>
          {(aria) => (
            <select
              {...aria}
              className="krds-form-select completed"
              value={form.alternatives}
              onChange={(e) => update({ alternatives: Number(e.target.value) })}
            >
              {[0, 1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="zl-two-col">
        <RegionPicker
          id="planner-include"
          label={t('plannerInclude')}
          hint={form.level === 'province' ? t('plannerIncludeHint') : t('plannerIncludeHintMunicipality')}
          chosen={form.include}
          other={form.exclude}
          regions={regions}
          index={index}
          error={placed.include}
          onChange={(include) => update({ include })}
        />
        <RegionPicker
          id="planner-exclude"
          label={t('plannerExclude')}
          hint={t('plannerExcludeHint')}
          chosen={form.exclude}
          other={form.include}
          regions={regions}
          index={index}
          error={placed.exclude}
          onChange={(exclude) => update({ exclude })}
        />
      </div>
    </fieldset>
  );
}
