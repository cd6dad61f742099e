import { STRANDS } from '../domain/catalogue';
import { pageOf } from '../domain/paging';
import { MISSING_LABELS, PRIORITY_LABELS, type Project, whatIsMissing } from '../domain/project';
import type { ProjectRequest } from '../domain/request';
import { countOf } from '../domain/words';
import { nameOf, statusLabel } from './format';
import { type AdaptiveCardJson, render } from './render';
import { showMoreTargets } from './show-more';
import { HEALTH_COLOURS } from './health';
import type { HealthStatus } from '../domain/health';

/** Projects on the first screen; the rest of the page is behind "Show more". */
const FIRST_SCREEN_PROJECTS = 4;

/**
 * One page of the Digital Programme, grouped by strand in the strategy's order (projects keep the
 * order given within a strand), each with what it is missing. The first FIRST_SCREEN_PROJECTS show at first.
 */
export function programmeCard(
  items: readonly { project: Project; request: ProjectRequest; health?: HealthStatus | null }[],
  pageNo: number,
  pageSize: number,
  total: number,
  today: string,
): AdaptiveCardJson {
  const { page, pages } = pageOf(pageNo, pageSize, total);
  let before = 0;
  const groups = STRANDS.map((s) => items.filter((i) => i.request.strand === s.id).map((item) => ({ item, shown: before++ < FIRST_SCREEN_PROJECTS })))
    .map((projects, g) => ({ g, strandName: STRANDS[g].name, projects }))
    .filter((group) => group.projects.length > 0)
    .map(({ g, strandName, projects }) => {
      const visible = projects[0].shown;
      return {
        id: `programme-${g}`,
        visible,
        strandName,
        projects: projects.map(({ item: { project, request, health }, shown }, p) => {
          const missing = whatIsMissing(project, today).map((m) => MISSING_LABELS[m]);
          return {
            // A hidden group's projects show with it.
            id: `programme-${g}-${p}`,
            visible: shown || !visible,
            reference: project.reference,
            title: request.title,
            priority: `${PRIORITY_LABELS[project.priority] ?? project.priority} priority${project.isPriority ? ' · priority project' : ''}`,
            lead: project.projectLead ? `Lead: ${nameOf(project.projectLead, 'Unnamed person')}` : 'No lead',
            statusLabel: statusLabel(request.status),
            missing: missing.length > 0 ? `Missing: ${missing.join(', ')}` : 'Nothing missing',
            hasMissing: missing.length > 0,
            ...(health && { healthLabel: `Health: ${health.label}`, healthColour: HEALTH_COLOURS[health.shown] }),
          };
        }),
      };
    });
  const hidden = groups.flatMap((group) => (group.visible ? group.projects.filter((p) => !p.visible).map((p) => p.id) : [group.id]));
  return render('programme', {
    summary:
      total === 0
        ? 'No projects are in the Digital Programme yet.'
        : `${countOf(total, 'project')} in the Digital Programme, by strand. Page ${page} of ${pages}.`,
    groups,
    showMore: showMoreTargets('programme', hidden),
    page,
    hasPrevious: page > 1,
    hasNext: page < pages,
  });
}
