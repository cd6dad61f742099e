import { ASPECT_LABELS, type HealthAspect, type HealthRatings } from './health';
import { PRIORITY_LABELS, type Priority } from './project';
import { ukDate } from './dates';
import type { MeetingAction } from './meetings';
import type { ReminderItem } from './reminders';
import { GATE_OUTCOME_LABELS, type GateCondition, type GateRequest, gateTitle, type ServiceStandard, stageLabel } from './stages';
import type { RiskEntry } from './risks';
import { REFERENCE_PATTERN, STATUS_LABELS, type ProjectRequest, type RequestStatus } from './request';

/** What a notice's one button opens: a project card or a request card. */
export interface NoticeLink {
  opens: 'project' | 'request';
  reference: string;
  /** The button's words, e.g. 'Open project'. */
  title: string;
}

/**
 * A short message to one person about something that happened: a title, lines of plain text (they may hold what
 * people typed) and at most one button. The outbox queues it as it is; the notice card draws it when it is sent.
 */
export interface Notice {
  title: string;
  lines: string[];
  open?: NoticeLink;
  /** Which activity-feed alert it may raise (the configuration decides, at send time); none: it never alerts. */
  alert?: Extract<AlertKind, 'decisions' | 'assignments' | 'health'>;
}

/**
 * The personal messages that set Teams' activity-feed alert, each of which the configuration can switch off
 * (ACTIVITY_ALERTS): reminders, the DSG's decisions and news on a person's own request, the DSG's questions to
 * them, an action or an owner role given to them, and (to a Digital Leader) a project turned red. Anything else (digests, channel posts) never alerts.
 */
export const ALERT_KINDS = ['reminders', 'decisions', 'questions', 'assignments', 'health'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** News of the requester's own request: it raises the 'decisions' alert. */
const decision = (notice: Notice): Notice => ({ ...notice, alert: 'decisions' });

const openProject = (reference: string): NoticeLink => ({ opens: 'project', reference, title: 'Open project' });
/** A reminder item about a project (not the DSG's meetings or the catalogue, which name their group instead). */
const isProjectItem = (item: ReminderItem): boolean => REFERENCE_PATTERN.test(item.reference);
/** A request that is in the Digital Programme opens as a project, anything else as a request. */
const openRecord = (request: Pick<ProjectRequest, 'reference' | 'status'>, title: string): NoticeLink => ({
  opens: request.status === 'approved' || request.status === 'in-delivery' || request.status === 'completed' ? 'project' : 'request',
  reference: request.reference,
  title,
});

/** "High priority, a priority project". */
export const priorityPhrase = (input: { priority: Priority; isPriority: boolean }): string => `${PRIORITY_LABELS[input.priority]} priority${input.isPriority ? ', a priority project' : ''}`;

/** The notices the requester gets when the DSG acts on their request. */
export const requesterNotices = {
  approved(request: ProjectRequest, input: { priority: Priority; isPriority: boolean; note: string | null }): Notice {
    const priority = priorityPhrase(input);
    return decision({
      title: `Approved: ${request.reference}`,
      lines: [
        `The Digital Strategy Group approved "${request.title}" into the Digital Programme (${priority}).${input.note ? ` Note: ${input.note}` : ''} The DSG will assign a Project Lead and a Project Manager.`,
      ],
      open: openProject(request.reference),
    });
  },
  declined(request: ProjectRequest, reason: string): Notice {
    return decision({
      title: `Declined: ${request.reference}`,
      lines: [`The Digital Strategy Group declined "${request.title}". Reason: ${reason}`],
      open: { opens: 'request', reference: request.reference, title: 'Open request' },
    });
  },
  reused(request: ProjectRequest, solution: { name: string; owningService: string; link: string | null }, note: string | null): Notice {
    return decision({
      title: `Re-use: ${request.reference}`,
      lines: [
        `The Digital Strategy Group found that the council already has what "${request.title}" needs: use ${solution.name}, owned by ${solution.owningService}. Ask ${solution.owningService} to get started; no new project is needed.`,
        ...(solution.link ? [`More about it: ${solution.link}`] : []),
        ...(note ? [`Note: ${note}`] : []),
      ],
      open: { opens: 'request', reference: request.reference, title: 'Open request' },
    });
  },
  merged(request: ProjectRequest, into: ProjectRequest): Notice {
    return decision({
      title: `Merged: ${request.reference}`,
      lines: [`The Digital Strategy Group merged "${request.title}" into ${into.reference} "${into.title}", which covers the same need.`],
      open: openRecord(into, `Open ${into.reference}`),
    });
  },
  priorityChanged(request: ProjectRequest, input: { priority: Priority; isPriority: boolean }): Notice {
    return decision({ title: `Priority changed: ${request.reference}`, lines: [`The Digital Strategy Group changed the priority of "${request.title}": ${priorityPhrase(input)}.`], open: openProject(request.reference) });
  },
  ownersAssigned(request: ProjectRequest, owners: readonly string[]): Notice {
    return decision({ title: `Owners assigned: ${request.reference}`, lines: [`"${request.title}" now has its owners.`, ...owners], open: openProject(request.reference) });
  },
  statusChanged(request: ProjectRequest, to: RequestStatus): Notice {
    const words = STATUS_LABELS[to].toLowerCase();
    return decision({ title: `${request.reference} is ${words}`, lines: [`"${request.title}" is now ${words}.`], open: openProject(request.reference) });
  },
};

/** The notice a project's people get when the chair or an admin reopens it. */
export function projectReopened(request: Pick<ProjectRequest, 'reference' | 'title'>, by: string): Notice {
  return {
    title: `Reopened: ${request.reference}`,
    lines: [`${by} reopened "${request.title}": it is in delivery again, and its milestones and reminders count again.`],
    open: openProject(request.reference),
  };
}

/** The notices a Digital Leader gets from the reminders. */
export const leaderNotices = {
  escalated(item: ReminderItem, after: number): Notice {
    return {
      title: `Escalated: ${item.reference}`,
      lines: [`${item.recipient.name} has been reminded ${after} times with no change: ${item.what}`, `${isProjectItem(item) ? 'Project' : 'About'}: ${item.projectTitle}.`, item.why],
      ...(isProjectItem(item) && { open: openProject(item.reference) }),
    };
  },
  snoozedAgain(item: ReminderItem, by: string, snoozes: number, reason: string): Notice {
    return {
      title: `Snoozed again: ${item.reference}`,
      lines: [`${by} has now snoozed "${item.what}" ${snoozes} times.`, `Reason: ${reason}`],
      ...(isProjectItem(item) && { open: openProject(item.reference) }),
    };
  },
};

/** The owner roles of a project in the Digital Programme, as a notice names them. */
export type OwnerRole = 'Digital Leader' | 'Project Lead' | 'Project Manager';

/** The notices a person gets when something is given to them: they raise the 'assignments' alert. */
export const assignmentNotices = {
  ownerRole(project: Pick<ProjectRequest, 'reference' | 'title'>, role: OwnerRole, by: string): Notice {
    return {
      title: `You are the ${role}: ${project.reference}`,
      lines: [`${by} made you the ${role} of "${project.title}".`],
      open: openProject(project.reference),
      alert: 'assignments',
    };
  },
  action(action: Pick<MeetingAction, 'what' | 'due' | 'reference'>, meetingDate: string, by: string): Notice {
    return {
      title: `An action for you, due ${ukDate(action.due)}`,
      lines: [`${by} gave you an action at the DSG meeting of ${ukDate(meetingDate)}:`, action.what],
      ...(action.reference && REFERENCE_PATTERN.test(action.reference) && { open: { opens: 'request', reference: action.reference, title: `Open ${action.reference}` } }),
      alert: 'assignments',
    };
  },
  risk(entry: Pick<RiskEntry, 'kind' | 'description' | 'reviewDate' | 'reference'>, projectTitle: string, by: string): Notice {
    return {
      title: `You own ${entry.kind === 'issue' ? 'an issue' : 'a risk'}: ${entry.reference}`,
      lines: [`${by} made you the owner of ${entry.kind === 'issue' ? 'an issue' : 'a risk'} of "${projectTitle}":`, entry.description, `You will be reminded to review it after ${ukDate(entry.reviewDate)}.`],
      open: openProject(entry.reference),
      alert: 'assignments',
    };
  },
};

/** The lead is told the DSG's decision; each condition's owner is given it. */
export const gateNotices = {
  decided(s: ServiceStandard, g: GateRequest, title: string): Notice {
    const d = g.decision!;
    return {
      title: `${GATE_OUTCOME_LABELS[d.outcome]}: ${g.reference} ${gateTitle(s, g)}`,
      lines: [
        d.outcome === 'not-yet' ? `${d.by.name} decided "${title}" is not yet ready for ${stageLabel(s, g.to)}.` : `${d.by.name} passed "${title}" to ${stageLabel(s, g.to)}.`,
        ...(d.note ? [d.note] : []),
        ...g.conditions.map((c) => `Condition: ${c.what} (${c.owner.name}, by ${ukDate(c.due)})`),
      ],
      open: { opens: 'project', reference: g.reference, title: 'Open project' },
      alert: 'decisions',
    };
  },
  condition(s: ServiceStandard, g: GateRequest, c: GateCondition, title: string): Notice {
    return {
      title: `A gate condition for you, due ${ukDate(c.due)}`,
      lines: [`${g.decision!.by.name} passed "${title}" to ${stageLabel(s, g.to)} on this condition, and made you its owner:`, c.what],
      open: { opens: 'project', reference: g.reference, title: 'Open project' },
      alert: 'assignments',
    };
  },
};
/** The notice a Digital Leader gets, at once, when a project of their strand turns red: it raises the 'health' alert. */
export function turnedRedNotice(project: Pick<ProjectRequest, 'reference' | 'title'>, red: readonly HealthAspect[], ratings: HealthRatings, by: string): Notice {
  const which = red.map((a) => (a === 'overall' ? 'overall' : a)).join(', ');
  return {
    title: `Red: ${project.reference}`,
    lines: [`${by} set the health status of "${project.title}" to red (${which}).`, ...red.map((a) => `${ASPECT_LABELS[a]}: ${ratings[a].reason ?? ''}`)],
    open: openProject(project.reference),
    alert: 'health',
  };
}
