import type { HealthUpdate } from '../../domain/health';
import type { Measure, MeasureFigure } from '../../domain/measures';
import type { Milestone, Project, RealisedBenefit } from '../../domain/project';
import type { ProjectRequest, RequestHeadline } from '../../domain/request';

export interface ProjectRepository {
  /** The project with its milestones and realised benefits. */
  get(reference: string): Promise<Project | null>;
  insert(project: Project): Promise<void>;
  /** Saves the project's own fields if the stored version is still `expectedVersion`. */
  update(project: Project, expectedVersion: number): Promise<boolean>;
  /** Inserts or replaces one milestone of a project. */
  saveMilestone(reference: string, milestone: Milestone): Promise<void>;
  /** Inserts or replaces a measure's own fields (not its figures). */
  saveMeasure(reference: string, measure: Measure): Promise<void>;
  /** Records a measure's figure for its period, replacing one already recorded for it. */
  saveMeasureFigure(measureId: string, figure: MeasureFigure): Promise<void>;
  addRealisedBenefit(reference: string, benefit: RealisedBenefit): Promise<void>;
  /** Keeps a health setting under its version: false when the project already has that version (someone set it first). */
  recordHealth(reference: string, update: HealthUpdate): Promise<boolean>;
  /** Every health setting of a project, newest first. */
  healthHistory(reference: string): Promise<HealthUpdate[]>;
  /** Each project's latest health setting made before an ISO instant, by reference (where the programme stood then). */
  healthBefore(instant: string): Promise<Map<string, HealthUpdate>>;
  /** Every project with its request, milestones and benefits, for the programme views. */
  listWithRequests(): Promise<{ project: Project; request: ProjectRequest }[]>;
  /** The same projects, each with only its request's headline: for views that name projects, not what was asked. */
  listWithHeadlines(): Promise<{ project: Project; request: RequestHeadline }[]>;
}
