import { ukDate } from '../domain/dates';
import { ASPECT_LABELS, HEALTH_ASPECTS, type HealthField, type HealthShown, type HealthStatus, RAG_LABELS, ragField, reasonField, setOn } from '../domain/health';
import { clip } from './format';
import type { HealthInputRow, HealthSummary } from './types';

/** How each status is coloured on a card: grey (stale) and none are plain. */
export const HEALTH_COLOURS: Record<HealthShown, HealthSummary['colour']> = { green: 'good', amber: 'warning', red: 'attention', grey: 'default', none: 'default' };

/** The health form's rows: for each aspect, its status and its reason, with what was typed and its problems (`idOf` names each input). */
export const healthInputRows = (idOf: (field: HealthField) => string, values: Partial<Record<HealthField, string>>, errors: Partial<Record<HealthField, string>>): HealthInputRow[] =>
  HEALTH_ASPECTS.map((a) => ({
    id: idOf(ragField(a)),
    label: `${ASPECT_LABELS[a]} (required)`,
    value: values[ragField(a)] ?? '',
    reasonId: idOf(reasonField(a)),
    reasonLabel: `${ASPECT_LABELS[a]}: reason (required for amber and red)`,
    reasonValue: values[reasonField(a)] ?? '',
    errors: { ...(errors[ragField(a)] && { rag: errors[ragField(a)] }), ...(errors[reasonField(a)] && { reason: errors[reasonField(a)] }) },
  }));

export function healthSummary(health: HealthStatus, textChars: number): HealthSummary {
  const summary: HealthSummary = { label: health.label, colour: HEALTH_COLOURS[health.shown], aspects: [] };
  const latest = health.latest;
  if (!latest) return summary;
  summary.aspects = HEALTH_ASPECTS.map((a) => ({
    title: ASPECT_LABELS[a],
    value: `${RAG_LABELS[latest.ratings[a].rag]}${latest.ratings[a].reason ? `: ${clip(latest.ratings[a].reason ?? '', textChars)}` : ''}`,
  }));
  summary.setLine = `${latest.confirmed ? 'Confirmed' : 'Set'} by ${latest.setBy} on ${ukDate(setOn(latest))}`;
  return summary;
}
