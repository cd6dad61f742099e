/**
 * The Programme tab: theme, Teams, sign-in, then four views chosen by the address:
 * `#/` (with `?strand=...&q=...` filters) is the list, `#/project/DP-2026-0007` a project, `#/meetings` the
 * DSG's meetings, `#/catalogue` (with `?q=...&strand=...`) the re-use catalogue.
 */
import type { ProgrammeResponse, SessionInfo, Viewer } from '../domain/programme-view-types';
import { parseReference, REFERENCE_PATTERN } from '../domain/request';
import { addRisk, ApiError, type Credentials, editRisk, findPeople, getCatalogue, getMeetings, getProgramme, getProject, getSession } from './api';
import { fill, h } from './dom';
import { showProject, showProjectProblem } from './detail-view';
import type { RiskWriter } from './risks-view';
import { showCatalogue } from './catalogue-view';
import { catalogueFiltersToQuery, filtersToQuery, parseCatalogueFilters, parseFilters } from './filters';
import { createListView, type ListView } from './list-view';
import { showMeetings } from './meetings-view';
import { showPageProblem } from './parts';
import { createSignIn, type SignIn } from './signin';
import type { TeamsHost } from './teams';

const byId = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;

type View = 'list' | 'project' | 'meetings' | 'catalogue';
type Route = { view: 'list'; query: string } | { view: 'project'; reference: string } | { view: 'meetings' } | { view: 'catalogue'; query: string };

/** A stray `%` in a typed or pasted address is shown as typed (and then refused as a reference), not a crash. */
function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function routeOf(hash: string): Route | null {
  if (hash === '' || hash === '#') return { view: 'list', query: '' };
  if (!hash.startsWith('#/')) return null; // an in-page anchor such as the skip link
  if (hash === '#/meetings') return { view: 'meetings' };
  if (hash === '#/catalogue' || hash.startsWith('#/catalogue?')) return { view: 'catalogue', query: hash.split('?')[1] ?? '' };
  const project = /^#\/project\/([^/?#]+)$/.exec(hash);
  if (project) {
    const typed = decodeOrKeep(project[1]);
    return { view: 'project', reference: parseReference(typed) ?? typed.trim().toUpperCase() };
  }
  return { view: 'list', query: hash.split('?')[1] ?? '' };
}

export async function startProgrammeTab(teams: TeamsHost | null): Promise<void> {
  const listRoot = byId('list-view');
  const detailRoot = byId('detail-view');
  const meetingsRoot = byId('meetings-view');
  const catalogueRoot = byId('catalogue-view');
  const pageLinks = Array.from(document.querySelectorAll<HTMLAnchorElement>('#pages a[data-view]'));
  const breadcrumb = byId('breadcrumb');
  const notice = byId('notice');
  const skip = document.querySelector<HTMLAnchorElement>('.skip-link');
  skip?.addEventListener('click', (event) => {
    event.preventDefault();
    byId('main').focus();
  });

  const session: SessionInfo = await getSession().catch(() => ({ mode: 'anonymous' }));

  let programme: ProgrammeResponse | null = null;
  let list: ListView | null = null;
  let listHash = '#/';
  let lastOpened: string | null = null;
  let routeSeq = 0;

  const signIn: SignIn = createSignIn(byId('signin'), session, teams, (text) => (notice.textContent = text), () => void reload());

  /**
   * Which page is shown: that one's root visible, and its link in the page navigation marked current (the
   * programme's link on a project's page too, as the section it belongs to).
   */
  function showView(view: View): void {
    listRoot.hidden = view !== 'list';
    detailRoot.hidden = view !== 'project';
    meetingsRoot.hidden = view !== 'meetings';
    catalogueRoot.hidden = view !== 'catalogue';
    for (const link of pageLinks) {
      const current = link.dataset.view === view ? 'page' : link.dataset.view === 'list' && view === 'project' ? 'true' : null;
      if (current) link.setAttribute('aria-current', current);
      else link.removeAttribute('aria-current');
    }
  }

  /** The breadcrumb (and the page navigation's link to the list, which keeps its filters). */
  function setBreadcrumb(current: string | null): void {
    for (const link of pageLinks) if (link.dataset.view === 'list') link.href = listHash;
    const home = current
      ? h('li', {}, h('a', { href: listHash }, 'Digital Programme'))
      : h('li', {}, h('a', { href: listHash, 'aria-current': 'page' }, 'Digital Programme'));
    fill(breadcrumb, h('ol', {}, home, current && h('li', {}, h('span', { 'aria-current': 'page' }, current))));
  }

  /** Calls the API with the viewer's credentials; if the server refuses them, once more without. */
  async function withCredentials<T>(call: (c: Awaited<ReturnType<SignIn['credentials']>>) => Promise<T>): Promise<T> {
    const credentials = await signIn.credentials();
    try {
      return await call(credentials);
    } catch (error) {
      if (!(error instanceof ApiError) || credentials.kind === 'none' || (error.status !== 401 && error.status !== 403)) throw error;
      signIn.refused(`The server did not accept your sign-in (${error.message})`);
      return call({ kind: 'none' });
    }
  }

  async function loadProgramme(): Promise<boolean> {
    try {
      programme = await withCredentials(getProgramme);
      signIn.showViewer(programme.viewer);
      return true;
    } catch (error) {
      programme = null;
      list = null;
      const retry = h('button', { type: 'button' }, 'Try again');
      retry.addEventListener('click', () => void reload());
      fill(
        listRoot,
        h('h1', {}, 'Digital Programme'),
        h('div', { class: 'state error' }, h('p', {}, 'The Digital Programme could not be loaded.'), h('p', {}, error instanceof Error ? error.message : String(error)), retry),
      );
      return false;
    }
  }

  function showList(query: string): void {
    const filters = parseFilters(query);
    const normalised = filtersToQuery(filters);
    listHash = normalised ? `#/?${normalised}` : '#/';
    showView('list');
    document.title = 'Digital Programme';
    setBreadcrumb(null);
    if (!programme) return;
    list ??= createListView(listRoot, (changed) => {
      const q = filtersToQuery(changed);
      listHash = q ? `#/?${q}` : '#/';
      history.replaceState(null, '', listHash);
      setBreadcrumb(null);
    });
    list.show(programme, filters);
    if (lastOpened) list.focusProject(lastOpened);
    lastOpened = null;
  }

  async function showProjectPage(reference: string): Promise<void> {
    const seq = ++routeSeq;
    showView('project');
    window.scrollTo(0, 0);
    setBreadcrumb(reference);
    lastOpened = reference;
    if (!REFERENCE_PATTERN.test(reference)) {
      showProjectProblem(detailRoot, 'Not a project reference', `"${reference}" is not a project reference. References look like DP-2026-0007.`, listHash);
      return;
    }
    fill(detailRoot, h('p', { class: 'state' }, `Loading ${reference}…`));
    try {
      const detail = await withCredentials((c) => getProject(reference, c));
      if (seq !== routeSeq) return;
      document.title = `${detail.project.reference} ${detail.project.title} – Digital Programme`;
      signIn.showViewer(detail.viewer);
      // Signed in: the risks and issues form, for those the API says may add or change entries.
      const writer: RiskWriter | null = detail.viewer && {
        add: async (body) => addRisk(reference, body, await signIn.credentials()),
        edit: async (id, body) => editRisk(reference, id, body, await signIn.credentials()),
        findPeople: async (text) => findPeople(text, await signIn.credentials()),
        reload: () => withCredentials((c) => getProject(reference, c)),
      };
      showProject(detailRoot, detail, listHash, writer);
    } catch (error) {
      if (seq !== routeSeq) return;
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof ApiError && error.status === 404) showProjectProblem(detailRoot, `${reference} not found`, `There is no project ${reference} in the Digital Programme. ${message}`, listHash);
      else showProjectProblem(detailRoot, `${reference} could not be loaded`, message, listHash);
    }
  }

  /**
   * A page the API gives afresh on each visit: said to be loading, then shown with who is looking (unless the
   * address has moved on meanwhile), or what went wrong with a way to try again.
   */
  async function showLoadedPage<T extends { viewer: Viewer | null }>(view: View, root: HTMLElement, title: string, what: string, load: (c: Credentials) => Promise<T>, show: (data: T) => void): Promise<void> {
    const seq = ++routeSeq;
    showView(view);
    window.scrollTo(0, 0);
    setBreadcrumb(title);
    document.title = `${title} – Digital Programme`;
    fill(root, h('p', { class: 'state' }, `Loading ${what}…`));
    try {
      const data = await withCredentials(load);
      if (seq !== routeSeq) return;
      signIn.showViewer(data.viewer);
      show(data);
    } catch (error) {
      if (seq !== routeSeq) return;
      showPageProblem(root, title, what, error instanceof Error ? error.message : String(error), () => void showLoadedPage(view, root, title, what, load, show));
    }
  }

  const showMeetingsPage = () =>
    showLoadedPage('meetings', meetingsRoot, 'DSG meetings', 'the DSG meetings', getMeetings, (meetings) => {
      const inProgramme = new Set(programme?.projects.map((p) => p.reference));
      showMeetings(meetingsRoot, meetings, (reference) => inProgramme.has(reference));
    });

  const showCataloguePage = (query: string) =>
    showLoadedPage('catalogue', catalogueRoot, 'Re-use catalogue', 'the re-use catalogue', getCatalogue, (catalogue) =>
      showCatalogue(catalogueRoot, catalogue, parseCatalogueFilters(query), (changed) => {
        const q = catalogueFiltersToQuery(changed);
        history.replaceState(null, '', q ? `#/catalogue?${q}` : '#/catalogue');
      }),
    );

  function route(): void {
    const r = routeOf(location.hash);
    if (!r) return;
    if (r.view === 'project') void showProjectPage(r.reference);
    else if (r.view === 'meetings') void showMeetingsPage();
    else if (r.view === 'catalogue') void showCataloguePage(r.query);
    else showList(r.query);
  }

  async function reload(): Promise<void> {
    if (await loadProgramme()) route();
    else setBreadcrumb(null);
  }

  window.addEventListener('hashchange', route);
  await reload();
  teams?.loaded();
}
