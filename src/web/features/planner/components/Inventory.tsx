// The capability inventory of a region: what it can bring to a connected zone, with the edit form
// and the CSV import for those allowed to change it.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { catalogueQuery } from '../../../shared/data/reference-data.ts';
import { INTL_LOCALE, type Lang, type Translate } from '../../../i18n/index.ts';
import type { CatalogueEntry, CatalogueGroup, InventoryInput, InventoryView, Region } from '../../../shared/types.ts';
import { Alert, DemoBadge, Loading, normalisePath, ProblemAlert, problemText } from '../../../shared/ui/ui.tsx';
import { catalogueName } from '../../../shared/ui/text.tsx';
import { CsvProblemTable } from '../../../shared/ui/CsvProblemTable.tsx';

export function entryName(catalogue: readonly CatalogueEntry[] | null, key: string, lang: Lang): string {
  return catalogueName(catalogue?.find((e) => e.key === key)?.name, lang, key);
}

export const GROUP_KEYS = {
  asset: 'inventoryGroupAsset',
  cluster: 'inventoryGroupCluster',
  stage: 'inventoryStages',
  exemption: 'inventoryExemptions',
} as const;

function byGroup(catalogue: readonly CatalogueEntry[], group: CatalogueGroup): CatalogueEntry[] {
  return catalogue.filter((e) => e.group === group);
}

const formatQuantity = (value: number, lang: Lang) => new Intl.NumberFormat(INTL_LOCALE[lang]).format(value);

export function InventorySection({ region, municipalities }: { region: Region; municipalities: Region[] }) {
  const { t, lang, user } = useApp();
  const catalogue = useQuery(catalogueQuery).data;
  const [inventory, setInventory] = useState<InventoryView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .getInventory(region.code)
      .then((inv) => live && setInventory(inv))
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
    // canEdit depends on who is signed in.
  }, [region.code, user?.id, reloads]);

  const quantities = useMemo(() => new Map((inventory?.capabilities ?? []).map((c) => [c.key, c.quantity])), [inventory]);

  return (
    <section className="zl-section" aria-labelledby="region-inventory" data-testid="inventory">
      <div className="zl-title-row">
        <h2 id="region-inventory">{t('inventoryTitle')}</h2>
        {inventory?.demo ? <DemoBadge /> : null}
      </div>
      <p>{t('inventoryLead')}</p>
      {error ? <ProblemAlert error={error} /> : null}
      {!inventory || !catalogue ? (
        error ? null : <Loading />
      ) : (
        <>
          {inventory.demo ? (
            <Alert kind="warning">
              <p>{t('inventoryDemoNotice')}</p>
            </Alert>
          ) : null}
          {inventory.includesMunicipalities ? <p className="zl-hint">{t('inventoryIncludesMunicipalities')}</p> : null}
          <div className="zl-inventory-grid">
            {(['asset', 'cluster'] as const).map((group) => {
              const entries = byGroup(catalogue, group).filter((e) => quantities.has(e.key));
              return (
                <div key={group} className="zl-card">
                  <h3 id={`inventory-${group}`}>{t(GROUP_KEYS[group])}</h3>
                  {entries.length === 0 ? (
                    <p>{t('inventoryNone')}</p>
                  ) : (
                    <table className="tbl col data zl-table zl-compact" data-testid={`inventory-${group}`}>
                      <caption className="sr-only">{t(GROUP_KEYS[group])}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('inventoryItem')}</th>
                          <th scope="col" className="zl-num">
                            {t('inventoryQuantity')}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {entries.map((e) => (
                          <tr key={e.key} data-key={e.key}>
                            <th scope="row">{catalogueName(e.name, lang, e.key)}</th>
                            <td className="zl-num">{formatQuantity(quantities.get(e.key) ?? 0, lang)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </div>
              );
            })}
            {(['stage', 'exemption'] as const).map((group) => {
              const held = group === 'stage' ? inventory.stages : inventory.exemptions;
              const entries = byGroup(catalogue, group).filter((e) => held.includes(e.key));
              return (
                <div key={group} className="zl-card">
                  <h3>{t(GROUP_KEYS[group])}</h3>
                  {entries.length === 0 ? (
                    <p>{t('inventoryNone')}</p>
                  ) : (
                    <ul className="zl-tags" data-testid={`inventory-${group}`}>
                      {entries.map((e) => (
                        <li key={e.key} className="krds-badge bg-light-secondary" data-key={e.key}>
                          {catalogueName(e.name, lang, e.key)}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              );
            })}
          </div>
          {inventory.canEdit ? (
            <>
              <InventoryEditor
                key={`${region.code}-${reloads}`}
                region={region}
                municipalities={municipalities}
                inventory={inventory}
                catalogue={catalogue}
                onSaved={setInventory}
              />
              <InventoryImport onImported={(codes) => codes.some((c) => c.startsWith(region.code)) && setReloads((n) => n + 1)} />
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

type Draft = { quantities: Record<string, string>; stages: string[]; exemptions: string[] };

/**
 * A province's inventory as read includes its municipalities', but a save replaces only the province's own
 * entries: subtract what its municipalities hold (their stages and exemptions already show in the sum).
 */
async function ownEntries(view: InventoryView, municipalities: Region[]): Promise<Draft> {
  const quantities = new Map(view.capabilities.map((c) => [c.key, c.quantity]));
  const stages = new Set(view.stages);
  const exemptions = new Set(view.exemptions);
  if (view.includesMunicipalities && municipalities.length > 0) {
    const parts = await Promise.all(municipalities.map((m) => api.getInventory(m.code)));
    for (const part of parts) {
      for (const c of part.capabilities) quantities.set(c.key, (quantities.get(c.key) ?? 0) - c.quantity);
      for (const s of part.stages) stages.delete(s);
      for (const e of part.exemptions) exemptions.delete(e);
    }
  }
  const draft: Record<string, string> = {};
  for (const [key, q] of quantities) {
    const rounded = Math.round(q * 1e6) / 1e6;
    if (rounded > 0) draft[key] = String(rounded);
  }
  return { quantities: draft, stages: [...stages], exemptions: [...exemptions] };
}

function InventoryEditor({
  region,
  municipalities,
  inventory,
  catalogue,
  onSaved,
}: {
  region: Region;
  municipalities: Region[];
  inventory: InventoryView;
  catalogue: CatalogueEntry[];
  onSaved: (view: InventoryView) => void;
}) {
  const { t, lang } = useApp();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open || draft) return;
    let live = true;
    ownEntries(inventory, municipalities)
      .then((d) => live && setDraft(d))
      .catch((err: unknown) => live && setLoadError(err));
    return () => {
      live = false;
    };
  }, [open, draft, inventory, municipalities]);

  const capabilityEntries = catalogue.filter((e) => e.group === 'asset' || e.group === 'cluster');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setSaved(false);
    const problems: Record<string, string> = {};
    const capabilities: InventoryInput['capabilities'] = [];
    for (const entry of capabilityEntries) {
      const raw = (draft.quantities[entry.key] ?? '').trim();
      if (raw === '') continue;
      const value = Number(raw);
      if (!Number.isFinite(value) || value < 0) problems[entry.key] = t('inventoryQuantityInvalid');
      else if (value > 0) capabilities.push({ key: entry.key, quantity: value });
    }
    setInvalid(problems);
    const first = Object.keys(problems)[0];
    if (first) {
      document.getElementById(`${formId}-cap-${first}`)?.focus();
      return;
    }
    const input: InventoryInput = {
      capabilities,
      stages: catalogue.filter((e) => e.group === 'stage' && draft.stages.includes(e.key)).map((e) => e.key),
      exemptions: catalogue.filter((e) => e.group === 'exemption' && draft.exemptions.includes(e.key)).map((e) => e.key),
    };
    setBusy(true);
    setError(null);
    try {
      const view = await api.saveInventory(region.code, input);
      setSaved(true);
      onSaved(view);
    } catch (err) {
      setError(err);
      // Put the server's messages next to the fields they name (indices refer to the arrays sent).
      if (err instanceof ApiError) {
        const byKey: Record<string, string> = {};
        for (const item of err.fieldErrors) {
          const match = /^(capabilities|stages|exemptions)\.(\d+)/.exec(normalisePath(item.path));
          if (!match) continue;
          const index = Number(match[2]);
          const key =
            match[1] === 'capabilities'
              ? input.capabilities[index]?.key
              : match[1] === 'stages'
                ? input.stages[index]
                : input.exemptions[index];
          if (key && !byKey[key]) byKey[key] = item.message;
        }
        setInvalid(byKey);
      }
    } finally {
      setBusy(false);
    }
  };

  const setQuantity = (key: string, value: string) =>
    setDraft((d) => (d ? { ...d, quantities: { ...d.quantities, [key]: value } } : d));
  const toggle = (field: 'stages' | 'exemptions', key: string, on: boolean) =>
    setDraft((d) =>
      d ? { ...d, [field]: on ? [...new Set([...d[field], key])] : d[field].filter((k) => k !== key) } : d,
    );

  return (
    <div className="zl-inventory-edit">
      <button
        type="button"
        className="krds-btn secondary medium"
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen((v) => !v)}
        data-testid="inventory-edit-toggle"
      >
        {open ? t('inventoryEditClose') : t('inventoryEdit')}
      </button>
      <div id={formId} hidden={!open}>
        {open ? (
          loadError ? (
            <ProblemAlert error={loadError} />
          ) : !draft ? (
            <Loading />
          ) : (
            <form className="zl-form zl-card" onSubmit={submit} noValidate aria-labelledby={`${formId}-title`} data-testid="inventory-form">
              <h3 id={`${formId}-title`}>{t('inventoryEditTitle')}</h3>
              <p className="zl-hint">
                {inventory.includesMunicipalities ? t('inventoryEditLeadProvince') : t('inventoryEditLead')}
              </p>
              {error ? <ProblemAlert error={error} /> : null}
              {saved ? (
                <Alert kind="success">
                  <p>{t('inventorySaved')}</p>
                </Alert>
              ) : null}
              {(['asset', 'cluster'] as const).map((group) => (
                <fieldset key={group} className="zl-fieldset">
                  <legend>{t(GROUP_KEYS[group])}</legend>
                  <div className="zl-quantity-grid">
                    {byGroup(catalogue, group).map((entry) => {
                      const id = `${formId}-cap-${entry.key}`;
                      const message = invalid[entry.key];
                      return (
                        <div key={entry.key} className={`form-group${message ? ' is-error' : ''}`}>
                          <label htmlFor={id}>{catalogueName(entry.name, lang, entry.key)}</label>
                          <input
                            id={id}
                            className="krds-input"
                            type="number"
                            inputMode="decimal"
                            min={0}
                            step="any"
                            data-key={entry.key}
                            value={draft.quantities[entry.key] ?? ''}
                            aria-invalid={message ? true : undefined}
                            aria-describedby={message ? `${id}-error` : undefined}
                            onChange={(e) => setQuantity(entry.key, e.target.value)}
                          />
                          {message ? (
                            <p className="form-hint-invalid" id={`${id}-error`}>
                              {message}
                            </p>
                          ) : null}
                        </div>
                      );
                    })}
                  </div>
                </fieldset>
              ))}
              {(['stage', 'exemption'] as const).map((group) => {
                const field = group === 'stage' ? 'stages' : 'exemptions';
                return (
                  <fieldset key={group} className="zl-fieldset">
                    <legend>{t(GROUP_KEYS[group])}</legend>
                    <div className="zl-check-grid">
                      {byGroup(catalogue, group).map((entry) => {
                        const id = `${formId}-${group}-${entry.key}`;
                        const message = invalid[entry.key];
                        return (
                          <div key={entry.key} className="krds-form-check">
                            <input
                              type="checkbox"
                              id={id}
                              checked={draft[field].includes(entry.key)}
                              aria-invalid={message ? true : undefined}
                              aria-describedby={message ? `${id}-error` : undefined}
                              onChange={(e) => toggle(field, entry.key, e.target.checked)}
                            />
                            <label htmlFor={id}>{catalogueName(entry.name, lang, entry.key)}</label>
                            {message ? (
                              <p className="form-hint-invalid" id={`${id}-error`}>
                                {message}
                              </p>
                            ) : null}
                          </div>
                        );
                      })}
                    </div>
                  </fieldset>
                );
              })}
              <div className="zl-actions">
                <button type="submit" className="krds-btn primary large" disabled={busy} data-testid="inventory-save">
                  {busy ? t('profileSaving') : t('inventorySave')}
                </button>
              </div>
            </form>
          )
        ) : null}
      </div>
    </div>
  );
}

interface CsvProblem {
  line: number | null;
  column: string | null;
  message: string;
}

function csvProblems(error: unknown): CsvProblem[] {
  if (!(error instanceof ApiError)) return [];
  return error.fieldErrors.map((item) => {
    const match = /^csv\.line\.(\d+)\.?(.*)$/.exec(normalisePath(item.path));
    return match
      ? { line: Number(match[1]), column: match[2] || null, message: item.message }
      : { line: null, column: null, message: item.message };
  });
}

function columnText(column: string | null, t: Translate): string {
  if (!column || column === 'row') return t('inventoryCsvWholeRow');
  return column;
}

function InventoryImport({ onImported }: { onImported: (regions: string[]) => void }) {
  const { t } = useApp();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ regions: string[]; rows: number } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    setMissing(!file);
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const csv = await file.text();
      const result = await api.importInventory(csv);
      setDone(result);
      onImported(result.regions);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const problems = csvProblems(error);
  const located = problems.filter((p) => p.line !== null);

  return (
    <form className="zl-form zl-card zl-csv-import" onSubmit={submit} noValidate aria-labelledby="inventory-import-title" data-testid="inventory-import">
      <h3 id="inventory-import-title">{t('inventoryImportTitle')}</h3>
      <p>{t('inventoryImportLead')}</p>
      <p className="zl-hint">{t('inventoryImportExample')}</p>
      <pre className="zl-code-block">
        <code>{'region_code,kind,key,quantity\n21,capability,port,23\n21,stage,logistics,\n21010,exemption,lpg_ship_fuel,'}</code>
      </pre>
      {error ? (
        <Alert kind="error" title={problemText(error, t)}>
          {located.length > 0 ? (
            <CsvProblemTable
              problems={located.map((p) => ({ at: p.line, column: columnText(p.column, t), message: p.message }))}
              labels={{ caption: t('inventoryCsvErrors'), at: t('inventoryCsvLine'), column: t('inventoryCsvColumn'), problem: t('inventoryCsvProblem') }}
              testId="csv-errors"
            />
          ) : null}
          {problems.filter((p) => p.line === null).map((p, i) => (
            <p key={i}>{p.message}</p>
          ))}
        </Alert>
      ) : null}
      {done ? (
        <Alert kind="success">
          <p>{t('inventoryImported', { rows: done.rows, regions: done.regions.join(', ') })}</p>
        </Alert>
      ) : null}
      <div className={`form-group${missing ? ' is-error' : ''}`}>
        <label htmlFor="inventory-csv-file">{t('inventoryCsvFile')}</label>
        <input
          id="inventory-csv-file"
          type="file"
          accept=".csv,text/csv"
          className="zl-file-input"
          aria-invalid={missing ? true : undefined}
          aria-describedby={missing ? 'inventory-csv-file-error' : 'inventory-csv-file-hint'}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setMissing(false);
          }}
        />
        {missing ? (
          <p className="form-hint-invalid" id="inventory-csv-file-error">
            {t('inventoryCsvChoose')}
          </p>
        ) : (
          <p className="form-hint" id="inventory-csv-file-hint">
            {t('inventoryCsvHint')}
          </p>
        )}
      </div>
      <div className="zl-actions">
        <button type="submit" className="krds-btn primary medium" disabled={busy} data-testid="inventory-import-submit">
          {t('inventoryImportSubmit')}
        </button>
      </div>
    </form>
  );
}
