import { comingMeetings, nextPlanned } from '../../domain/meeting-plans';
import { type MeetingsAudience, meetingsPage } from '../../domain/meetings-page';
import { publishedRecords } from '../../domain/open-data';
import { isAllowed } from '../../domain/permissions';
import type { MeetingsResponse } from '../../domain/programme-view-types';
import type { Deps } from '../deps';
import { type SignedIn, viewerFor } from '../programme-view/viewer';
import { dsgContext } from '../triage/dsg-context';
import { arrangedNextAgenda } from './draft-agenda';
import { minutesLinks } from './minutes';

/**
 * GET /api/meetings: the next DSG meeting with its agenda and the meetings held with their published minutes, for
 * the Programme tab. Anyone may read it; names, notes and download links only a signed-in viewer gets, and the
 * requests still awaiting a decision only those who may see the agenda in the bot (the DSG and admins).
 */
export async function viewMeetingsPage(deps: Deps, signedIn: SignedIn | null): Promise<MeetingsResponse> {
  const now = deps.clock.now();
  const today = deps.calendar.londonDate(now);
  const [{ settings, members }, records, held, running, arranged, openActions] = await Promise.all([
    dsgContext(deps),
    deps.store.projects.listWithRequests(),
    deps.store.meetings.list(),
    deps.store.meetings.running(),
    arrangedNextAgenda(deps, deps.store),
    deps.store.meetings.openActions(),
  ]);
  const signed = signedIn ? await viewerFor(deps, signedIn, []) : null;
  const audience: MeetingsAudience = { names: !!signed, requests: !!signed && isAllowed('agenda.view', signed.roles) };
  const ofMeetings = (await Promise.all(held.map((m) => deps.store.meetings.actionsOf(m.id)))).flat();
  const actions = [...ofMeetings, ...openActions.filter((a) => !ofMeetings.some((b) => b.id === a.id))];
  // While a meeting runs it is the next one (with its place as planned); otherwise the next not yet held.
  const coming = comingMeetings(settings.meetings, today);
  const next = running
    ? (coming.find((m) => m.date === running.date) ?? null)
    : nextPlanned(settings.meetings, today, held.filter((m) => m.status === 'running' || m.status === 'ended').map((m) => m.date));
  const after = running?.date ?? next?.date;
  const published = held.filter((m) => m.publishedAt);
  return meetingsPage(
    {
      now: now.toISOString(),
      today,
      viewer: signed?.viewer ?? null,
      next,
      later: coming.filter((m) => after !== undefined && m.date > after).map((m) => m.date),
      running,
      drafted: arranged.items,
      held,
      actions,
      programme: new Map(publishedRecords(records).map((r) => [r.request.reference, r.project])),
      settings,
      members,
      downloads: new Map(audience.names ? published.map((m) => [m.date, minutesLinks(deps, m.date)]) : []),
    },
    audience,
  );
}
