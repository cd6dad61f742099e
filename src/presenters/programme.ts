import { STRANDS } from '../domain/catalogue';
import { pageOf } from '../domain/paging';
import { MISSING_LABELS, PRIORITY_LABELS, type Project, whatIsMissing } from '../domain/project';
import type { ProjectRequest } from '../domain/request';
import { countOf } from '../domain/words';
import { nameOf, statusLabel } from './format';
import { type AdaptiveCardJson, render } from './render';

/**
 * One page of the Digital Programme, grouped by strand in the strategy's order (projects keep the
 * order given within a strand), each with what it is missing.
 */
export function programmeCard(
  items: readonly { project: Project; request: ProjectRequest }[],
  pageNo: number,
  pageSize: number,
  total: number,
  today: string,
): AdaptiveCardJson {
  const { page, pages } = pageOf(pageNo, pageSize, total);
  const groups = STRANDS.map((s) => ({
    strandName: s.name,
    projects: items
      .filter((i) => i.request.strand === s.id)
      .map(({ project, request }) => {
        const missing = whatIsMissing(project, today).map((m) => MISSING_LABELS[m]);
        return {
          reference: project.reference,
          title: request.title,
          priority: `${PRIORITY_LABELS[project.priority] ?? project.priority} priority${project.isPriority ? ' · priority project' : ''}`,
          lead: project.projectLead ? `Lead: ${nameOf(project.projectLead, 'Unnamed person')}` : 'No lead',
          statusLabel: statusLabel(request.status),
          missing: missing.length > 0 ? `Missing: ${missing.join(', ')}` : 'Nothing missing',
          hasMissing: missing.length > 0,
        };
      }),
  })).filter((g) => g.projects.length > 0);
  return render('programme', {
    summary:
      total === 0
        ? 'No projects are in the Digital Programme yet.'
        : `${countOf(total, 'project')} in the Digital Programme, by strand. Page ${page} of ${pages}.`,
    groups,
    page,
    hasPrevious: page > 1,
    hasNext: page < pages,
  });
}
