import { DomainError } from '../../domain/errors';
import { type Measure, type MeasureValues, periodLabel, validateFigure, validateMeasure, withFigure } from '../../domain/measures';
import type { Actor } from '../../domain/people';
import type { Project } from '../../domain/project';
import type { Deps } from '../deps';
import { changeProject } from './edit-project';
import type { ProjectView } from './view-project';

/** Outcome measures on the project card: added and edited by its people and the chair, figures recorded by its lead and manager. */

const editors = (reference: string) => ({
  allowed: (view: ProjectView) => view.canEditMeasures,
  refusal: `Only the Project Lead, the Project Manager, the Digital Leader and the DSG chair can set the measures of ${reference}.`,
});

function measureOf(project: Project, measureId: string): Measure {
  const measure = project.measures.find((m) => m.id === measureId);
  if (!measure) throw new DomainError('NOT_FOUND', `That measure is no longer part of ${project.reference}.`, { reference: project.reference });
  return measure;
}

function checked(values: MeasureValues) {
  const result = validateMeasure(values);
  if (!result.ok) throw new DomainError('INVALID_FIELD', 'The measure needs fixing.', { errors: result.errors, values });
  return result.measure;
}

export function addMeasure(deps: Deps, actor: Actor, reference: string, cardVersion: number, values: MeasureValues) {
  return changeProject(
    deps,
    actor,
    reference,
    cardVersion,
    'measure.add',
    (project) => {
      const measure: Measure = { ...checked(values), id: deps.newId(), figures: [] };
      return { project: { ...project, measures: [...project.measures, measure] }, measures: [measure], notice: `Measure added: ${measure.name}.`, detail: measure.name };
    },
    editors(reference),
  );
}

/** Changes a measure's own fields; its figures stay. */
export function editMeasure(deps: Deps, actor: Actor, reference: string, cardVersion: number, measureId: string, values: MeasureValues) {
  return changeProject(
    deps,
    actor,
    reference,
    cardVersion,
    'measure.edit',
    (project) => {
      const before = measureOf(project, measureId);
      const measure: Measure = { ...checked(values), id: before.id, figures: before.figures };
      return { project: { ...project, measures: project.measures.map((m) => (m.id === measureId ? measure : m)) }, measures: [measure], notice: `Measure saved: ${measure.name}.`, detail: measure.name };
    },
    editors(reference),
  );
}

/** A figure for one period of a measure; a second one for the same period corrects the first. */
export function recordFigure(deps: Deps, actor: Actor, reference: string, cardVersion: number, measureId: string, values: { figurePeriod?: string; figureValue?: string }) {
  return changeProject(
    deps,
    actor,
    reference,
    cardVersion,
    'measure.record',
    (project, now) => {
      const measure = measureOf(project, measureId);
      const result = validateFigure(measure, values, deps.calendar.londonDate(deps.clock.now()));
      if (!result.ok) throw new DomainError('INVALID_FIELD', 'The figure needs fixing.', { errors: result.errors, values });
      const figure = { period: result.period, value: result.value, recordedAt: now, recordedBy: actor.name };
      const changed = { ...measure, figures: withFigure(measure.figures, figure) };
      const what = `${measure.name}, ${periodLabel(measure.frequency, figure.period)}: ${figure.value}`;
      return {
        project: { ...project, measures: project.measures.map((m) => (m.id === measureId ? changed : m)) },
        figures: [{ measureId, figure }],
        notice: `Figure recorded: ${what}.`,
        detail: what,
      };
    },
    {
      allowed: (view) => view.canRecordFigures,
      refusal: `Only the Project Lead and the Project Manager can record the figures of ${reference}.`,
    },
  );
}
