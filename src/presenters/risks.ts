import { ukDate } from '../domain/dates';
import { isIsoDate } from '../domain/calendar';
import {
  HIGH_RISK_SCORE,
  isDueForReview,
  RISK_FIELDS,
  RISK_KIND_LABELS,
  RISK_KINDS,
  RISK_STATUS_LABELS,
  RISK_STATUSES,
  type RiskEntry,
  type RiskErrors,
  riskScore,
  riskValues,
  type RiskValues,
  SCORE_DEFINITION,
  scoreWords,
} from '../domain/risks';
import type { PersonRef } from '../domain/settings';
import { clip, nonBlank } from './format';
import { peopleChoices, peopleNote } from './people';
import { render, type AdaptiveCardJson } from './render';
import type { ProjectData, RiskFormData, RiskLine } from './types';

/** People listed in the owner dropdown at most (in Teams on a computer, typing a name finds anyone else). */
const MAX_PEOPLE = 40;

/** Amber from half the agenda's threshold (8 and up), red from the threshold (15 and up). */
const scoreColour = (e: RiskEntry): RiskLine['scoreColour'] =>
  e.status === 'closed' ? 'default' : riskScore(e) >= HIGH_RISK_SCORE ? 'attention' : riskScore(e) >= Math.ceil(HIGH_RISK_SCORE / 2) ? 'warning' : 'default';

/** One entry as the project card shows it (texts clipped to `chars`). */
export function riskLine(e: RiskEntry, today: string, canEdit: boolean, chars: number): RiskLine {
  const late = isDueForReview(e, today);
  const mitigation = nonBlank(e.mitigation);
  return {
    id: e.id,
    kindLabel: RISK_KIND_LABELS[e.kind] ?? 'Risk',
    kindWord: e.kind === 'issue' ? 'issue' : 'risk',
    scoreText: scoreWords(e),
    scoreColour: scoreColour(e),
    statusLabel: RISK_STATUS_LABELS[e.status] ?? e.status,
    description: clip(nonBlank(e.description) ?? 'Not described', chars),
    ownerLine: `Owner: ${clip(nonBlank(e.owner.name) ?? 'no one', 80)}`,
    reviewLine: e.status === 'closed' ? `Closed ${ukDate(e.updatedAt)}` : late ? `Review was due ${ukDate(e.reviewDate)}` : `Review by ${ukDate(e.reviewDate)}`,
    reviewColour: late ? 'attention' : 'default',
    ...(mitigation && { mitigation: clip(mitigation, chars) }),
    canEdit,
  };
}

/**
 * The log on the project card, under Show more (the first screen stays short on a phone): open entries first, highest
 * score first, then the closed ones (`log` is in that order, domain/risks.ts orderedLog), at most `max`; what was left
 * out is counted ('and 2 more: 1 open, 1 closed'). On the first screen, one line when something needs attention:
 * open entries scoring 15 or more, or past their review date.
 */
export function riskSection(log: readonly RiskEntry[], editable: readonly string[], today: string, max: number, chars: number): Pick<ProjectData, 'risks' | 'risksNote' | 'risksAttention'> {
  const shown = log.slice(0, max);
  const left = log.slice(max);
  const open = left.filter((e) => e.status === 'open').length;
  const note =
    log.length === 0
      ? 'No risks or issues recorded.'
      : left.length > 0
        ? `and ${left.length} more (${[open > 0 && `${open} open`, left.length - open > 0 && `${left.length - open} closed`].filter(Boolean).join(', ')}): all of them are in the Programme tab`
        : undefined;
  const high = log.filter((e) => e.status === 'open' && riskScore(e) >= HIGH_RISK_SCORE).length;
  const late = log.filter((e) => isDueForReview(e, today)).length;
  const attention = [high > 0 && `${high} scoring ${HIGH_RISK_SCORE} or more`, late > 0 && `${late} past ${late === 1 ? 'its' : 'their'} review date`].filter(Boolean).join(', ');
  return {
    risks: shown.map((e) => riskLine(e, today, editable.includes(e.id), chars)),
    ...(note && { risksNote: note }),
    ...(attention && { risksAttention: `Risks and issues: ${attention}. Show more lists them.` }),
  };
}

/** The `maxLength` of each input: longer text cannot have come from the card. */
const FIELD_MAX: Record<(typeof RISK_FIELDS)[number], number> = {
  riskKind: 10,
  riskDescription: 1000,
  riskLikelihood: 10,
  riskImpact: 10,
  riskOwner: 100,
  riskMitigation: 2000,
  riskReviewDate: 10,
  riskStatus: 10,
};

export interface RiskFormInput {
  reference: string;
  title: string;
  /** The entry being changed; none when adding. */
  entry?: RiskEntry;
  /** The people to choose the owner from (the DSG's members and the project's people). */
  people: readonly PersonRef[];
  today: string;
  values?: RiskValues;
  errors?: RiskErrors;
  notice?: string;
}

/** The form to add a risk or issue, or change one: a problem under each input and what was typed kept. */
export function riskFormCard(input: RiskFormInput): AdaptiveCardJson {
  const { entry } = input;
  const base: Record<string, string> = entry ? riskValues(entry) : { riskKind: 'risk', riskStatus: 'open' };
  const values = Object.fromEntries(
    RISK_FIELDS.map((f) => {
      const typed = input.values?.[f];
      const v = typeof typed === 'string' ? typed : (base[f] ?? '');
      return [f, Array.from(v).slice(0, FIELD_MAX[f]).join('')];
    }),
  ) as RiskFormData['values'];
  if (!isIsoDate(values.riskReviewDate)) values.riskReviewDate = '';
  if (!(RISK_KINDS as readonly string[]).includes(values.riskKind)) values.riskKind = '';
  if (!(RISK_STATUSES as readonly string[]).includes(values.riskStatus)) values.riskStatus = 'open';
  const errors = Object.fromEntries(RISK_FIELDS.flatMap((f) => (nonBlank(input.errors?.[f]) ? [[f, nonBlank(input.errors?.[f]) as string]] : []))) as RiskFormData['errors'];
  const count = Object.keys(errors).length;
  const notice = nonBlank(input.notice) ?? (count > 0 ? `Not saved: please fix the ${count === 1 ? 'problem' : `${count} problems`} marked below.` : undefined);
  const owner = entry?.owner ?? null;
  const { choices, total } = peopleChoices(input.people, [owner, values.riskOwner ? { title: values.riskOwner, value: values.riskOwner } : null], MAX_PEOPLE);
  const note = peopleNote(choices.length, total);
  const title = clip(nonBlank(input.title) ?? input.reference, 120);
  const data: RiskFormData = {
    heading: entry ? `Change this ${entry.kind} of ${input.reference}: ${title}` : `Add to ${input.reference}: ${title}`,
    definition: `${SCORE_DEFINITION} The owner, who may be anyone in the council, is reminded once the review date has passed.`,
    verb: entry ? 'risk.edit' : 'risk.add',
    reference: input.reference,
    riskId: entry?.id ?? '',
    version: String(entry?.version ?? 0),
    isEdit: !!entry,
    values,
    errors,
    people: choices,
    ...(notice && { notice }),
    ...(note && { peopleNote: note }),
  };
  return render('risk-form', data);
}
