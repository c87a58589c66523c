// Evidence pack for a law-amendment request (Act Art. 87(9), 87(11); Decree Art. 59(11): results, conditions
// met, accidents and the evidence for amending the law): the project's safety and KPI record under each
// exemption it uses — events checked and violations of the exemption's conditions, incidents, reports with
// KPI values, outcomes (milestones) — as a PDF set in an embedded Korean font and as a CSV.
import type { Database } from '../../db/database.ts';
import { civilDate } from '../../domain/calendar/civil-date.ts';
import { calendarOf } from '../calendar/provider.ts';
import type { ComplianceReport, Rule } from '../../domain/compliance/index.ts';
import { SEOUL_OFFSET_MS } from '../../domain/compliance/events.ts';
import { seoulToday } from '../../domain/demonstrations/project.ts';
import { reportStatus } from '../../domain/demonstrations/reports.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import { csvDocument, type CsvValue } from '../http/csv.ts';
import { CjkFont } from '../pdf/cjk-font.ts';
import { PdfDocument } from '../pdf/document.ts';
import { complianceReport, type ProjectCompliance } from './compliance.ts';
import { scheduleOf } from './reports.ts';
import type { ProjectRow } from './store.ts';

const seoulDay = (d: Date) => civilDate(new Date(d.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 10));
const seoulTime = (d: Date) => new Date(d.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

export interface EvidenceData {
  project: ProjectRow;
  zone: I18nText;
  lead: I18nText;
  compliance: ProjectCompliance;
  periods: { index: number; from: string; to: string; due: string; status: string; reviewState: string | null; kpiValues: { kpiId: string; value: number }[] }[];
  incidents: { occurredAt: Date; severity: string; place: I18nText; description: I18nText; immediateActions: I18nText; reportedLate: boolean }[];
  uploads: number;
  generatedAt: Date;
}

export async function evidenceData(db: Database, row: ProjectRow): Promise<EvidenceData> {
  const zone = await db.selectFrom('zone').select('name').where('id', '=', row.zone_id).executeTakeFirstOrThrow();
  const lead = await db.selectFrom('organisation').select('name').where('id', '=', row.lead_company).executeTakeFirstOrThrow();
  const compliance = await complianceReport(db, row, 3);
  const reports = await db.selectFrom('demonstration_report').selectAll().where('project_id', '=', row.id).execute();
  const today = seoulToday(Date.now());
  const periods = scheduleOf(row, calendarOf(db)).periods.map((p) => {
    const r = reports.find((x) => x.period_index === p.index);
    return {
      index: p.index, from: p.from, to: p.to, due: p.due, status: reportStatus(p, r ? seoulDay(r.submitted_at) : null, today),
      reviewState: r?.review_state ?? null, kpiValues: (r?.kpi_values ?? []) as { kpiId: string; value: number }[],
    };
  });
  const incidents = (await db.selectFrom('demonstration_incident').selectAll().where('project_id', '=', row.id).orderBy('occurred_at').orderBy('id').execute())
    .map((i) => ({
      occurredAt: i.occurred_at, severity: i.severity, place: i.place as I18nText, description: i.description as I18nText,
      immediateActions: i.immediate_actions as I18nText, reportedLate: i.reported_at.getTime() > i.report_deadline.getTime(),
    }));
  const uploads = await db.selectFrom('demonstration_upload').select((eb) => eb.fn.countAll<string>().as('n')).where('project_id', '=', row.id).executeTakeFirstOrThrow();
  return { project: row, zone: zone.name as I18nText, lead: lead.name as I18nText, compliance, periods, incidents, uploads: Number(uploads.n), generatedAt: new Date() };
}

interface Kpi { id: string; name: I18nText; unit: string; target: number }
const kpisOf = (row: ProjectRow) => row.kpis as Kpi[];
const milestonesOf = (row: ProjectRow) => row.milestones as { title: I18nText; due: string; done: boolean }[];

/** Sections of the record, each under the exemption it belongs to ('' for the project's own rules). */
function sections(data: EvidenceData): { exemptionId: string; title: string; rules: readonly Rule[]; report: ComplianceReport }[] {
  return [
    ...data.compliance.exemptions.map((e) => ({ exemptionId: e.exemptionId, title: e.title.ko, rules: e.rules, report: e.report })),
    { exemptionId: '', title: '사업 자체 규칙 (project rules)', rules: data.compliance.rules, report: data.compliance.report },
  ];
}

export const CSV_HEADER = ['section', 'exemption_id', 'date', 'item', 'value', 'target', 'unit', 'detail'] as const;

export function evidenceCsv(data: EvidenceData): string {
  const rows: CsvValue[][] = [];
  const p = data.project;
  rows.push(['project', '', `${p.period_start}/${p.period_end}`, (p.title as I18nText).ko, p.state, null, null, `${data.zone.ko}; ${data.lead.ko}${p.demo ? '; demo' : ''}`]);
  for (const e of data.compliance.exemptions) {
    rows.push(['exemption', e.exemptionId, `${e.validFrom ?? ''}/${e.validUntil ?? ''}`, e.title.ko, e.state, null, null, e.kind]);
    for (const n of e.notCheckable) rows.push(['not_checkable', e.exemptionId, null, n.condition === 'area' ? 'area' : `quantity ${n.index + 1}`, null, null, n.condition === 'quantity' ? n.unit : null, 'condition not machine-checkable']);
  }
  for (const s of sections(data)) {
    rows.push(['events_total', s.exemptionId, null, 'events checked', s.report.totalEvents, null, 'events', `violating ${s.report.violatingEvents}`]);
    for (const d of s.report.days) {
      rows.push(['events', s.exemptionId, d.day, 'events checked', d.events, null, 'events', null]);
      rows.push(['events', s.exemptionId, d.day, 'violating events', d.violatingEvents, null, 'events', null]);
    }
    s.report.rules.forEach((r) => {
      const rule = s.rules.find((x) => x.id === r.id);
      rows.push(['violations', s.exemptionId, null, r.id, r.violations, null, r.kind, rule?.label ?? null]);
    });
  }
  for (const i of data.incidents) {
    rows.push(['incident', '', seoulTime(i.occurredAt), i.severity, i.reportedLate ? 'reported late' : 'reported in time', null, null, `${i.place.ko}: ${i.description.ko} / ${i.immediateActions.ko}`]);
  }
  const kpis = kpisOf(p);
  for (const period of data.periods) {
    rows.push(['report', '', `${period.from}/${period.to}`, `period ${period.index}`, period.status, null, null, period.reviewState ?? `due ${period.due}`]);
    for (const v of period.kpiValues) {
      const kpi = kpis.find((k) => k.id === v.kpiId);
      rows.push(['kpi', '', `${period.from}/${period.to}`, v.kpiId, v.value, kpi?.target ?? null, kpi?.unit ?? null, kpi?.name.ko ?? null]);
    }
  }
  for (const m of milestonesOf(p)) rows.push(['outcome', '', m.due, m.title.ko, m.done ? 'done' : 'open', null, null, 'milestone']);
  return csvDocument(CSV_HEADER, rows);
}

let font: CjkFont | null = null;
let fontPath = '';

export function evidencePdf(data: EvidenceData, fontFile: string): Buffer {
  if (font === null || fontPath !== fontFile) { font = new CjkFont(fontFile); fontPath = fontFile; }
  const p = data.project;
  const title = (p.title as I18nText).ko;
  const doc = new PdfDocument(font, `${title} — 실증 증빙자료`);
  doc.heading(`규제특례 실증 증빙자료${p.demo ? ' (데모)' : ''}`, 16);
  doc.paragraph('Evidence pack for a law-amendment request (Act Art. 87(9), 87(11); Decree Art. 59(11))', { size: 9 });
  doc.table(['항목', '내용'], [
    ['실증사업', title],
    ['특구', data.zone.ko],
    ['특구사업자', data.lead.ko],
    ['기간', `${p.period_start} ~ ${p.period_end}`],
    ['상태', p.state],
    ['제품·서비스', (p.products as I18nText[]).map((x) => x.ko).join(', ')],
    ['책임보험', p.insurance ? `${(p.insurance as { insurer: string }).insurer} ${(p.insurance as { policyNumber: string }).policyNumber}` : '없음'],
    ['데이터 업로드', `${data.uploads}건, 이벤트 ${data.compliance.report.totalEvents}건`],
    ['작성 시각', `${seoulTime(data.generatedAt)} (KST)`],
  ], [0.25, 0.75]);
  for (const s of sections(data)) {
    doc.heading(s.exemptionId === '' ? s.title : `규제특례: ${s.title}`, 12);
    const e = data.compliance.exemptions.find((x) => x.exemptionId === s.exemptionId);
    if (e) {
      doc.paragraph(`${e.kind} · ${e.state} · 유효기간 ${e.validFrom ?? '—'} ~ ${e.validUntil ?? '—'}`, { size: 9 });
      if (e.notCheckable.length > 0) doc.paragraph(`기계 확인이 불가능한 조건: ${e.notCheckable.map((n) => (n.condition === 'area' ? '구역(사업장 없음)' : `수량 ${n.index + 1} (${n.unit})`)).join(', ')}`, { size: 9 });
    }
    const r = s.report;
    const rate = r.totalEvents === 0 ? '—' : `${((r.compliantEvents / r.totalEvents) * 100).toFixed(2)} %`;
    doc.paragraph(`확인한 이벤트 ${r.totalEvents}건, 조건 위반 이벤트 ${r.violatingEvents}건, 준수율 ${rate}`, { size: 10 });
    doc.table(['조건(규칙)', '종류', '위반'], r.rules.map((x) => [s.rules.find((y) => y.id === x.id)?.label ?? x.id, x.kind, String(x.violations)]), [0.6, 0.2, 0.2]);
    const worst = r.days.filter((d) => d.violatingEvents > 0).slice(-10);
    if (worst.length > 0) doc.table(['날짜', '이벤트', '위반 이벤트'], worst.map((d) => [d.day, String(d.events), String(d.violatingEvents)]), [0.4, 0.3, 0.3]);
  }
  doc.heading('안전사고 (incidents)', 12);
  if (data.incidents.length === 0) doc.paragraph('보고된 안전사고 없음.');
  else doc.table(['발생 (KST)', '심각도', '장소', '내용 및 조치'], data.incidents.map((i) => [seoulTime(i.occurredAt), `${i.severity}${i.reportedLate ? ' (지연 보고)' : ''}`, i.place.ko, `${i.description.ko} / ${i.immediateActions.ko}`]), [0.2, 0.15, 0.2, 0.45]);
  doc.heading('정기 보고와 KPI (reports)', 12);
  const kpis = kpisOf(p);
  doc.table(['기간', '상태', 'KPI 값 / 목표'], data.periods.map((x) => [
    `${x.index}. ${x.from} ~ ${x.to}`, `${x.status}${x.reviewState ? ` · ${x.reviewState}` : ''}`,
    x.kpiValues.map((v) => { const k = kpis.find((kk) => kk.id === v.kpiId); return `${k?.name.ko ?? v.kpiId}: ${v.value}${k ? ` / ${k.target} ${k.unit}` : ''}`; }).join('; ') || '—',
  ]), [0.35, 0.25, 0.4]);
  doc.heading('성과 (outcomes)', 12);
  const milestones = milestonesOf(p);
  if (milestones.length === 0) doc.paragraph('등록된 이정표 없음.');
  else doc.table(['이정표', '기한', '상태'], milestones.map((m) => [m.title.ko, m.due, m.done ? '완료' : '진행 중']), [0.6, 0.2, 0.2]);
  return doc.finish();
}
