import { HEALTH_FIELDS, HEALTH_REASON_MAX, type HealthField, type HealthStatus, healthValues, RAG_LABELS, RAGS } from '../domain/health';
import { healthInputRows, healthSummary } from './health';
import { strandName } from '../domain/catalogue';
import { ukDate } from '../domain/dates';
import { BUSINESS_CASE_LABELS, BUSINESS_CASE_STATUSES, DPIA_LABELS, DPIA_STATUSES, MISSING_LABELS, type Milestone, type Project, financialYearOf, isOverdue, whatIsMissing } from '../domain/project';
import { milestoneWords, openMilestones } from '../domain/guards';
import { isIsoDate } from '../domain/request-form';
import type { ProjectRequest } from '../domain/request';
import { realisedByYear } from '../domain/figures';
import { countOf, pounds } from '../domain/words';
import { lastClosedPeriod, measureValues } from '../domain/measures';
import { fitToSize } from './fit';
import { riskSection } from './risks';
import type { RiskEntry } from '../domain/risks';
import { type MeasureForm, measureFormData, measureLine } from './measures';
import { clip, isHttpsUrl, linkTitle, nonBlank, ownerLines, priorityWords, statusLabel } from './format';
import type { AdaptiveCardJson } from './render';
import { showMoreTargets } from './show-more';
import type { ProjectGates } from '../domain/stages';
import { projectStageData } from './gates';
import { INPUT_LIMITS, PROJECT_FORM_FIELDS, type ProjectData, type ProjectFieldErrors, type ProjectFormField, type ProjectFormValues } from './types';

/**
 * Milestones on the first screen (the planned ones first); the rest, and the business case, plan, resourcing and
 * benefits, are behind "Show more".
 */
const FIRST_SCREEN_MILESTONES = 3;

/** Milestones shown on the project card; the rest are counted ("and 3 more"). */
export const MAX_MILESTONES_SHOWN = 12;
/** Financial years of realised benefits shown (the latest ones). */
const MAX_BENEFIT_YEARS_SHOWN = 6;
/** Links are shown up to this many characters (the Open button and the form keep them whole). */
const LINK_SHOWN_CHARS = 200;

/** The `maxLength` of each sub-form input: longer text cannot have come from the card. */
const PROJECT_FIELD_MAX: Record<ProjectFormField, number> = {
  status: 20,
  link: INPUT_LIMITS.link,
  date: 10,
  planLink: INPUT_LIMITS.link,
  confirmed: 5,
  note: INPUT_LIMITS.note,
  dpia: 20,
  m1Title: INPUT_LIMITS.milestoneTitle,
  m1Due: 10,
  m2Title: INPUT_LIMITS.milestoneTitle,
  m2Due: 10,
  m3Title: INPUT_LIMITS.milestoneTitle,
  m3Due: 10,
  m4Title: INPUT_LIMITS.milestoneTitle,
  m4Due: 10,
  m5Title: INPUT_LIMITS.milestoneTitle,
  m5Due: 10,
  benefitYear: 7,
  cashSaving: 12,
  benefitNote: 500,
  benefitMeasure: 64,
  measureName: 120,
  measureKind: 30,
  measureUnit: 30,
  baselineValue: 20,
  baselineDate: 10,
  targetValue: 20,
  targetDate: 10,
  measureDirection: 10,
  measureFrequency: 10,
  figurePeriod: 10,
  figureValue: 20,
  ...(Object.fromEntries(HEALTH_FIELDS.map((f) => [f, f.endsWith('Reason') ? HEALTH_REASON_MAX : 10])) as Record<HealthField, number>),
};

/** The sub-form (ShowCard title) each input is in, to say which one to open when it is sent back with errors. */
const SUB_FORM: Record<ProjectFormField, string | null> = {
  status: 'Business case',
  link: 'Business case',
  date: 'Business case',
  planLink: 'Plan',
  confirmed: 'Resourcing',
  note: 'Resourcing',
  dpia: 'DPIA',
  m1Title: 'Add milestones',
  m1Due: 'Add milestones',
  m2Title: 'Add milestones',
  m2Due: 'Add milestones',
  m3Title: 'Add milestones',
  m3Due: 'Add milestones',
  m4Title: 'Add milestones',
  m4Due: 'Add milestones',
  m5Title: 'Add milestones',
  m5Due: 'Add milestones',
  benefitYear: 'Record benefit',
  cashSaving: 'Record benefit',
  benefitNote: 'Record benefit',
  benefitMeasure: 'Record benefit',
  // The measure form is open already when it comes back.
  measureName: null,
  measureKind: null,
  measureUnit: null,
  baselineValue: null,
  baselineDate: null,
  targetValue: null,
  targetDate: null,
  measureDirection: null,
  measureFrequency: null,
  figurePeriod: null,
  figureValue: null,
  ...(Object.fromEntries(HEALTH_FIELDS.map((f) => [f, 'Update health'])) as Record<HealthField, string>),
};

export interface ProjectCardInput {
  request: ProjectRequest;
  project: Project;
  /** `yyyy-mm-dd`, London: decides what is overdue and missing. */
  today: string;
  /** Shows the sub-forms and Mark milestone done. */
  canEdit: boolean;
  /** Shows Record benefit. */
  canRecordBenefit?: boolean;
  /** Shows Reopen project once it is completed (the chair and admins). */
  canReopen?: boolean;
  /** Shows Add measure and each measure's Edit (the lead, manager, Digital Leader or chair). */
  canEditMeasures?: boolean;
  /** Shows each measure's Record figure (the lead and manager). */
  canRecordFigures?: boolean;
  /** The measure form to show open, if any. */
  measureForm?: MeasureForm;
  /** The project's stage and gate history (and whether this person may ask for the next gate). */
  gates?: ProjectGates;
  /** Its health status (null or absent when it is not in delivery). */
  health?: HealthStatus | null;
  /** Shows "Still green?" and Update health (the lead and manager). */
  canSetHealth?: boolean;
  /** The risks and issues log, in orderedLog's order. */
  risks?: readonly RiskEntry[];
  /** The entries this person may change (Edit on each). */
  editableRisks?: readonly string[];
  /** Shows Add risk or issue. */
  canAddRisk?: boolean;
  /** A line at the top, e.g. 'Business case saved.' */
  notice?: string;
  /** One message per sub-form input, shown under it. */
  errors?: ProjectFieldErrors;
  /** What the person typed, kept when a sub-form is sent back. */
  values?: ProjectFormValues;
}

/** 'Not saved. Open Business case to fix the problem marked.' */
function subFormProblemsNotice(errors: ProjectFieldErrors): string {
  const fields = PROJECT_FORM_FIELDS.filter((f) => nonBlank(errors[f]));
  const forms = [...new Set(fields.map((f) => SUB_FORM[f]))];
  const what = fields.length === 1 ? 'the problem' : `the ${fields.length} problems`;
  if (forms.includes(null)) return `Not saved. Fix ${what} marked in the measure form.`;
  return `Not saved. Open ${forms.join(' and ')} to fix ${what} marked.`;
}

/** The financial years a benefit can be recorded for: this one and the two before. */
const benefitYears = (today: string): string[] => {
  const start = Number(financialYearOf(today).slice(0, 4));
  return [start, start - 1, start - 2].map((y) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`);
};

function projectValues(project: Project, typed: ProjectFormValues, today: string, form: MeasureForm | undefined): Required<ProjectFormValues> {
  const out = {} as Required<ProjectFormValues>;
  for (const f of PROJECT_FORM_FIELDS) out[f] = '';
  out.benefitYear = financialYearOf(today);
  out.status = project.businessCase.status;
  out.link = project.businessCase.link ?? '';
  out.date = project.businessCase.date ?? '';
  out.planLink = project.planLink ?? '';
  out.confirmed = project.resourcing.confirmed ? 'true' : 'false';
  out.note = project.resourcing.note ?? '';
  out.dpia = project.dpia ?? '';
  const measure = form && form.mode !== 'add' ? project.measures.find((m) => m.id === form.measureId) : undefined;
  if (measure && form?.mode === 'edit') Object.assign(out, measureValues(measure));
  if (measure && form?.mode === 'record') out.figurePeriod = lastClosedPeriod(measure.frequency, today);
  // Update health starts from the statuses as they are (unless the health form itself was sent back).
  if (!HEALTH_FIELDS.some((f) => typeof typed[f] === 'string')) Object.assign(out, healthValues(project.health?.ratings ?? null));
  for (const f of PROJECT_FORM_FIELDS) {
    const v = typed[f];
    if (typeof v === 'string') out[f] = v;
  }
  for (const f of PROJECT_FORM_FIELDS) {
    out[f] = Array.from(out[f]).slice(0, PROJECT_FIELD_MAX[f]).join('');
    if ((f === 'date' || f === 'baselineDate' || f === 'targetDate' || /^m\dDue$/.test(f)) && !isIsoDate(out[f])) out[f] = '';
  }
  if (!(BUSINESS_CASE_STATUSES as readonly string[]).includes(out.status)) out.status = project.businessCase.status;
  if (!(DPIA_STATUSES as readonly string[]).includes(out.dpia)) out.dpia = project.dpia ?? '';
  out.confirmed = out.confirmed === 'true' ? 'true' : 'false';
  for (const f of HEALTH_FIELDS) if (!f.endsWith('Reason') && !(RAGS as readonly string[]).includes(out[f])) out[f] = '';
  return out;
}

/** At most `max` milestones, planned ones first (they are the ones to act on), shown in due-date order. */
function milestonesShown(milestones: readonly Milestone[], max: number): Milestone[] {
  const byDue = (a: Milestone, b: Milestone) => a.due.localeCompare(b.due);
  const planned = milestones.filter((m) => m.status === 'planned').sort(byDue);
  const others = milestones.filter((m) => m.status !== 'planned').sort(byDue);
  return [...planned, ...others].slice(0, max).sort(byDue);
}

function milestoneState(m: Milestone, today: string): string {
  if (isOverdue(m, today)) return 'Late';
  if (m.status === 'done') return m.completedOn ? `Done ${ukDate(m.completedOn)}` : 'Done';
  if (m.status === 'missed') return 'Missed';
  if (m.status === 'dropped') return m.dropReason ? `Dropped: ${clip(m.dropReason, 120)}` : 'Dropped';
  return 'Planned';
}

/** Non-cash benefits shown (the latest ones). */
const MAX_NON_CASH_SHOWN = 6;

/** The latest benefits that are not cash, oldest first: each year, what it was (clipped) and the measure that shows it. */
function nonCashLines(project: Project, chars: number): ProjectData['realisedNonCash'] {
  return project.realisedBenefits
    .filter((b) => b.cashSaving === null)
    .sort((a, b) => a.financialYear.localeCompare(b.financialYear) || a.recordedAt.localeCompare(b.recordedAt))
    .slice(-MAX_NON_CASH_SHOWN)
    .map((b) => {
      const measure = project.measures.find((m) => m.id === b.measureId);
      return { financialYear: b.financialYear, text: `${clip(nonBlank(b.note) ?? 'Not described', chars)}${measure ? ` (shown by ${measure.name})` : ''}` };
    });
}

function realisedSummary(project: Project): { realised: ProjectData['realised']; note?: string } {
  const all = realisedByYear(project.realisedBenefits);
  if (all.length === 0) return { realised: [], ...(project.realisedBenefits.length === 0 && { note: 'None recorded yet.' }) };
  const shown = all.slice(-MAX_BENEFIT_YEARS_SHOWN);
  const total = all.reduce((sum, y) => sum + y.cashSaving, 0);
  const hidden = all.length - shown.length;
  return {
    realised: shown.map((y) => ({ financialYear: y.financialYear, amount: pounds(y.cashSaving) })),
    note: `Total so far: ${pounds(total)}${hidden > 0 ? ` (${countOf(hidden, 'earlier year')} not shown)` : ''}`,
  };
}

const PROJECT_LEVELS = [
  { milestones: MAX_MILESTONES_SHOWN, measures: 8, text: 600, gates: 6, risks: 8 },
  { milestones: 8, measures: 5, text: 300, gates: 4, risks: 5 },
  { milestones: 5, measures: 3, text: 150, gates: 2, risks: 3 },
] as const;

/**
 * A project in the Digital Programme: owners, business case, plan, resourcing, DPIA, benefits, milestones
 * and what is missing. With `canEdit`, sub-forms that save with the project version, and Mark milestone done.
 */
export function projectCard(input: ProjectCardInput): AdaptiveCardJson {
  const { request, project, today, canEdit } = input;
  const errors: ProjectFieldErrors = {};
  for (const f of PROJECT_FORM_FIELDS) {
    const message = nonBlank(input.errors?.[f]);
    if (message) errors[f] = message;
  }
  const notice = nonBlank(input.notice) ?? (Object.keys(errors).length > 0 ? subFormProblemsNotice(errors) : undefined);
  const values = projectValues(project, input.values ?? {}, today, input.measureForm);
  const can = { edit: input.canEditMeasures ?? false, record: input.canRecordFigures ?? false };
  const measureForm = input.measureForm && (input.measureForm.mode === 'record' ? can.record : can.edit) ? measureFormData(input.measureForm, project.measures, today) : undefined;
  const bcLink = nonBlank(project.businessCase.link);
  const planLink = nonBlank(project.planLink);
  const { realised, note } = realisedSummary(project);

  return fitToSize('project', PROJECT_LEVELS, (level) => {
    const shown = milestonesShown(project.milestones, level.milestones);
    const hidden = project.milestones.length - shown.length;
    const data: ProjectData = {
      reference: project.reference,
      title: request.title,
      statusLabel: statusLabel(request.status),
      strandName: strandName(request.strand),
      priorityLabel: priorityWords(project),
      owners: ownerLines(project),
      businessCase: { statusLabel: BUSINESS_CASE_LABELS[project.businessCase.status] ?? project.businessCase.status },
      resourcing: { confirmed: project.resourcing.confirmed ? 'Yes' : 'No' },
      plannedCash: project.plannedBenefits.annualCash !== null ? `${pounds(project.plannedBenefits.annualCash)} a year` : 'No cash saving planned',
      realised,
      ...(note && { realisedNote: note }),
      realisedNonCash: nonCashLines(project, level.text),
      milestones: shown.map((m, i) => ({
        id: m.id,
        elementId: `project-milestone-${i}`,
        visible: i < FIRST_SCREEN_MILESTONES,
        title: clip(nonBlank(m.title) ?? 'Untitled milestone', INPUT_LIMITS.milestoneTitle),
        due: ukDate(m.due),
        state: milestoneState(m, today),
        overdue: isOverdue(m, today),
        ...(m.revisions.length > 0 && { revisions: `due date revised ${m.revisions.length === 1 ? 'once' : `${m.revisions.length} times`}` }),
        canMarkDone: canEdit && m.status === 'planned',
      })),
      showMore: showMoreTargets('project', ['project-more', ...shown.slice(FIRST_SCREEN_MILESTONES).map((_, i) => `project-milestone-${i + FIRST_SCREEN_MILESTONES}`)]),
      // A late milestone is not missing: it is named, as late.
      measures: project.measures.slice(0, level.measures).map((m, i) => measureLine(m, i, can)),
      canAddMeasure: can.edit,
      ...(measureForm && { measureForm }),
      missing: [
        ...whatIsMissing(project, today)
          .filter((m) => m !== 'overdue-milestone')
          .map((m) => ({ label: MISSING_LABELS[m] })),
        ...openMilestones(project, today).late.map((m) => ({ label: `Late: ${milestoneWords(m)}` })),
      ],
      errors,
      values,
      choices: {
        businessCaseStatuses: BUSINESS_CASE_STATUSES.map((s) => ({ title: BUSINESS_CASE_LABELS[s], value: s })),
        dpiaStatuses: DPIA_STATUSES.map((s) => ({ title: DPIA_LABELS[s], value: s })),
        benefitYears: benefitYears(today).map((y) => ({ title: y, value: y })),
        benefitMeasures: project.measures.map((m) => ({ title: clip(m.name, 90), value: m.id })),
      },
      canLinkMeasure: project.measures.length > 0,
      canEdit,
      canRecordBenefit: input.canRecordBenefit ?? false,
      canReopen: (input.canReopen ?? false) && request.status === 'completed',
      ...(input.gates ? projectStageData(input.gates, today, level.gates) : { gates: [] }),
      version: project.version,
      ...riskSection(input.risks ?? [], input.editableRisks ?? [], today, level.risks, level.text),
      canAddRisk: input.canAddRisk ?? false,
    };
    if (bcLink) data.businessCase.link = clip(linkTitle(bcLink), LINK_SHOWN_CHARS);
    if (isHttpsUrl(bcLink)) data.businessCase.url = bcLink;
    if (project.businessCase.date) data.businessCase.date = ukDate(project.businessCase.date);
    if (planLink) data.planLink = clip(linkTitle(planLink), LINK_SHOWN_CHARS);
    if (isHttpsUrl(planLink)) data.planUrl = planLink;
    const resourcingNote = nonBlank(project.resourcing.note);
    if (resourcingNote) data.resourcing.note = clip(resourcingNote, level.text);
    if (project.dpia !== null) data.dpiaLabel = DPIA_LABELS[project.dpia] ?? project.dpia;
    const nonCash = nonBlank(project.plannedBenefits.nonCash);
    if (nonCash) data.plannedNonCash = clip(nonCash, level.text);
    if (project.milestones.length === 0) data.milestonesNote = 'No milestones yet.';
    else if (hidden > 0) data.milestonesNote = `and ${hidden} more`;
    if (project.measures.length === 0) data.measuresNote = 'No measures yet.';
    else if (project.measures.length > level.measures) data.measuresNote = `and ${project.measures.length - level.measures} more`;
    if (notice) data.notice = notice;
    if (input.health) {
      const canSet = input.canSetHealth ?? false;
      const latest = input.health.latest;
      data.health = {
        ...healthSummary(input.health, level.text),
        canSet,
        inputs: canSet ? healthInputRows((f) => f, values, errors) : [],
        rags: RAGS.map((r) => ({ title: RAG_LABELS[r], value: r })),
        actionData: { reference: project.reference, version: latest?.version ?? 0 },
      };
      if (canSet && latest) data.health.confirmTitle = `Still ${latest.ratings.overall.rag}?`;
    }
    if (canEdit && request.status === 'approved') data.nextStatus = { value: 'in-delivery', title: 'Start delivery' };
    if (canEdit && request.status === 'in-delivery') data.nextStatus = { value: 'completed', title: 'Mark project completed' };
    return data;
  });
}
