import { historyCard } from '../../src/presenters/history';
import { myRequestsCard } from '../../src/presenters/my-requests';
import { pendingCard } from '../../src/presenters/pending';
import { programmeCard } from '../../src/presenters/programme';
import { projectCard } from '../../src/presenters/project';
import { requestDetailCard } from '../../src/presenters/request-detail';
import { triageCard } from '../../src/presenters/triage';
import { type AdaptiveCardJson } from '../../src/presenters/render';
import { demoProgramme } from '../../src/demo/programme';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { cardProblems, visibleText } from '../presenters/card-checks';

/** The demo data as the bot shows it: every card it appears on renders and passes the card checks. */

const TODAY = '2026-11-27';
const programme = demoProgramme(TODAY);
const { records } = programme;
const people = programme.people.map((p) => ({ title: p.name, value: p.aadObjectId! }));

const problemsOf = (name: string, card: AdaptiveCardJson) => ({ name, problems: cardProblems(card) });

describe('the demo programme on cards', () => {
  it('renders every request, its triage card and its history', () => {
    for (const r of records) {
      const { request, triage, project, events } = r;
      expect(problemsOf(`detail ${r.key}`, requestDetailCard(request, events, request.requesterId === MOCK_USERS.councilOfficer.id))).toEqual({
        name: `detail ${r.key}`,
        problems: [],
      });
      const triaged = triageCard({
        request,
        triage,
        similar: [],
        project,
        today: TODAY,
        leader: programme.settings.leaders[request.strand] ?? null,
        people,
        mergeTargets: records.filter((x) => x !== r && ['submitted', 'under-review', 'more-info-requested', 'approved', 'in-delivery'].includes(x.request.status)).map((x) => x.request),
      });
      expect(problemsOf(`triage ${r.key}`, triaged)).toEqual({ name: `triage ${r.key}`, problems: [] });
      const history = historyCard(request.reference, request.title, events);
      expect(problemsOf(`history ${r.key}`, history)).toEqual({ name: `history ${r.key}`, problems: [] });
      expect(visibleText(history)).toContain(events[events.length - 1].actorName);
    }
  });

  it('renders every project, for editors and for readers', () => {
    for (const r of records.filter((x) => x.project)) {
      for (const canEdit of [true, false]) {
        const card = projectCard({ request: r.request, project: r.project!, today: TODAY, canEdit });
        expect(problemsOf(`project ${r.key} ${canEdit}`, card)).toEqual({ name: `project ${r.key} ${canEdit}`, problems: [] });
      }
    }
  });

  it('renders the programme, the pending queue and my requests, page by page', () => {
    const projects = records.flatMap((r) => (r.project ? [{ project: r.project, request: r.request }] : []));
    for (let page = 1; page <= Math.ceil(projects.length / 10); page++) {
      expect(problemsOf(`programme ${page}`, programmeCard(projects.slice((page - 1) * 10, page * 10), page, 10, projects.length, TODAY)).problems).toEqual([]);
    }
    const open = records.map((r) => r.request).filter((r) => ['submitted', 'under-review', 'more-info-requested'].includes(r.status));
    const pending = pendingCard({ items: open.slice(0, 10), total: open.length }, 1, 10, TODAY);
    expect(cardProblems(pending)).toEqual([]);
    expect(visibleText(pending)).toMatch(/waiting \d+ days/);
    const mine = records.map((r) => r.request).filter((r) => r.requesterId === MOCK_USERS.councilOfficer.id);
    expect(cardProblems(myRequestsCard({ items: mine.slice(0, 5), total: mine.length }, 1, 5))).toEqual([]);
  });
});
