// An exemption's conditions (부가조건) as a reader sees them: the text, then scope, area, quantities, time
// windows, safety measures and the liability-insurance cover against the minimums of Decree Art. 60(1).
import { useApp } from '../../../shared/app-context.tsx';
import { LocalText } from '../../../shared/ui/text.tsx';
import { INTL_LOCALE } from '../../../i18n/index.ts';
import type { Conditions, Insurance } from '../types.ts';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';

export const INSURANCE_ITEMS = ['deathPerPerson', 'injuryPerPerson', 'disabilityPerPerson', 'propertyPerAccident'] as const;
/** Decree Art. 60(1) minimums, shown beside the cover (the server checks them). */
export const INSURANCE_MINIMUMS: Insurance = {
  deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000,
};
export const INSURANCE_KEYS = {
  deathPerPerson: 'exInsDeath', injuryPerPerson: 'exInsInjury', disabilityPerPerson: 'exInsDisability', propertyPerAccident: 'exInsProperty',
} as const;

export function useWon(): (n: number) => string {
  const { lang } = useApp();
  const f = new Intl.NumberFormat(INTL_LOCALE[lang], { style: 'currency', currency: 'KRW', maximumFractionDigits: 0 });
  return (n) => f.format(n);
}

export function ConditionsView({ conditions }: { conditions: Conditions }) {
  const { t, lang } = useApp();
  const won = useWon();
  const number = new Intl.NumberFormat(INTL_LOCALE[lang]);
  const c = conditions;
  return (
    <div data-testid="exemption-conditions">
      <LocalText value={c.text} block />
      <dl className="zl-dl zl-ex-conditions">
        {c.scope ? (<><dt>{t('exCondScope')}</dt><dd data-testid="cond-scope"><LocalText value={c.scope} /></dd></>) : null}
        {c.area ? (<><dt>{t('exCondArea')}</dt><dd data-testid="cond-area"><LocalText value={c.area} /></dd></>) : null}
        {c.time ? (<><dt>{t('exCondTime')}</dt><dd data-testid="cond-time"><LocalText value={c.time} /></dd></>) : null}
        {c.quantities.length > 0 ? (
          <>
            <dt>{t('exCondQuantities')}</dt>
            <dd>
              <ul className="zl-bullets" data-testid="cond-quantities">
                {c.quantities.map((q, i) => (
                  <li key={i}>
                    <LocalText value={q.item} />: {t('exCondAtMost', { max: number.format(q.max), unit: q.unit })}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {c.safetyMeasures.length > 0 ? (
          <>
            <dt>{t('exCondSafety')}</dt>
            <dd>
              <ul className="zl-bullets" data-testid="cond-safety">
                {c.safetyMeasures.map((s, i) => (
                  <li key={i}>
                    <LocalText value={s} />
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>{t('exCondInsurance')}</dt>
        <dd>
          {c.insurance ? (
            <TableFrame>
              <table className="tbl col data zl-table zl-compact" data-testid="cond-insurance">
                <caption className="sr-only">{t('exCondInsurance')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('exInsItem')}</th>
                    <th scope="col">{t('exInsCover')}</th>
                    <th scope="col">{t('exInsMinimum')}</th>
                  </tr>
                </thead>
                <tbody>
                  {INSURANCE_ITEMS.map((item) => (
                    <tr key={item}>
                      <th scope="row">{t(INSURANCE_KEYS[item])}</th>
                      <td className="zl-num">{won(c.insurance![item])}</td>
                      <td className="zl-num">{won(INSURANCE_MINIMUMS[item])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableFrame>
          ) : (
            t('exCondNoInsurance')
          )}
        </dd>
      </dl>
    </div>
  );
}
