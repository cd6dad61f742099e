/**
 * A project's risks and issues log (signed in only): each entry's score as the API gives it, high ones and overdue
 * reviews marked in words. Those the bot's rules let (the API says who: `canAdd`, each entry's `canEdit`) add an
 * entry with the form under the log, or change one with its Edit: the server checks what was typed with the card's
 * rules, and each problem is shown under its input (focus on the first), everything typed kept. Once saved, the log
 * is read again and what was done is said in a live region.
 */
import type { PeopleResponse, ProjectDetailResponse, RiskBody, RiskSaved, RiskView } from '../domain/programme-view-types';
import type { RiskField } from '../domain/risks';
import { ApiError } from './api';
import { type Child, fill, h } from './dom';
import { ukDate } from './format';
import { overdueMarker, section, stackedTable } from './parts';

type Project = ProjectDetailResponse['project'];
type Log = NonNullable<Project['risks']>;

/** What the form needs from the page: the API's calls with the viewer's sign-in, and the project read again. */
export interface RiskWriter {
  add(body: RiskBody): Promise<RiskSaved>;
  edit(id: string, body: RiskBody): Promise<RiskSaved>;
  findPeople(text: string): Promise<PeopleResponse>;
  reload(): Promise<ProjectDetailResponse>;
}

/** Where an entry is added or changed in Teams (the only place for those who may not change it here). */
const inTeams = (reference: string, here: boolean): string =>
  here
    ? `You can do the same on the project card in Teams: send "project ${reference}" to dsg-bot. Owners are reminded there when a review is due.`
    : `To add a risk or issue, or to review, update or close one, open the project card in Teams: send "project ${reference}" to dsg-bot, then use Add risk or issue, or Edit under the entry. Its owner is reminded there when a review is due.`;

const mayChange = (log: Log): boolean => log.canAdd || log.entries.some((e) => e.canEdit);

/** The log's summary and table; with `onEdit`, a Change column with Edit on each entry the viewer may change. */
function logTable(project: Project, log: Log, onEdit: ((e: RiskView) => void) | null): Child {
  if (log.entries.length === 0) return h('p', {}, 'No risks or issues recorded.');
  const open = log.entries.filter((e) => e.status === 'Open');
  const editable = onEdit !== null && log.entries.some((e) => e.canEdit);
  const change = (e: RiskView): Child => {
    if (!e.canEdit || !onEdit) return 'Its owner or the project team';
    const button = h('button', { type: 'button', class: 'risk-edit', 'data-risk': e.id }, 'Edit', h('span', { class: 'visually-hidden' }, ` the ${e.kind.toLowerCase()}: ${e.description.slice(0, 80)}`));
    button.addEventListener('click', () => onEdit(e));
    return button;
  };
  return [
    h('p', {}, `${open.length} open, ${open.filter((e) => e.high).length} of them scoring 15 or more (on the DSG agenda); ${log.entries.length - open.length} closed.`),
    stackedTable(
      `Risks and issues of ${project.reference}, open first, highest score first`,
      ['Entry', 'Score', 'Owner', 'Mitigation', 'Review', 'Status', ...(editable ? ['Change'] : [])],
      log.entries.map((e) => [
        [h('strong', {}, `${e.kind}: `), e.description],
        [e.high ? h('strong', { class: 'marker-warning' }, `${e.score}, high`) : String(e.score), ` (${e.likelihood === null ? `impact ${e.impact}` : `likelihood ${e.likelihood} × impact ${e.impact}`})`],
        e.owner,
        e.mitigation || 'None given',
        e.reviewDue ? [overdueMarker(), ` was due ${ukDate(e.reviewDate)}`] : h('time', { datetime: e.reviewDate }, ukDate(e.reviewDate)),
        e.status,
        ...(editable ? [change(e)] : []),
      ]),
    ),
  ];
}

/** The risks and issues section of a project's page; with a writer, and for those who may, the form too. */
export function risksSection(project: Project, writer: RiskWriter | null): HTMLElement {
  const log = project.risks;
  if (!log) return section('risks', 'Risks and issues', h('p', {}, 'The risks and issues log is shown only to people who are signed in.'));
  if (!writer || !mayChange(log)) return section('risks', 'Risks and issues', h('p', { class: 'hint' }, log.definition), logTable(project, log, null), h('p', { class: 'hint' }, inTeams(project.reference, false)));

  const table = h('div', { class: 'risk-log' });
  // Stays in place while the log and the form are drawn again, so what it says is announced.
  const saved = h('p', { class: 'risk-saved', role: 'status', tabindex: -1 });
  const formArea = h('div', { class: 'risk-form-area' });
  const show = (p: Project, current: Log, editing: RiskView | null = null, problem = ''): void => {
    const form = riskForm(writer, editing, {
      saved: (notice) => void refresh(notice),
      stale: (id, message) => void refresh(null, id, message),
      cancel: () => show(p, current),
    });
    fill(
      table,
      logTable(p, current, (e) => {
        show(p, current, e);
        formArea.querySelector<HTMLElement>('h3')?.focus();
      }),
    );
    fill(formArea, current.canAdd || editing ? form.element : h('p', {}, 'You can change the entries you own (Edit); only those who answer for the project add entries.'));
    if (problem) form.problem(problem);
  };
  /** Reads the log again; says what was saved, or opens an entry as it now is with why nothing was saved. */
  async function refresh(notice: string | null, reopen?: string, problem?: string): Promise<void> {
    try {
      const fresh = (await writer!.reload()).project;
      const current = fresh.risks ?? log!;
      show(fresh, current, current.entries.find((e) => e.id === reopen && e.canEdit) ?? null, problem);
      if (notice) {
        saved.textContent = notice;
        saved.focus();
      } else formArea.querySelector<HTMLElement>('.form-problem')?.focus();
    } catch (error) {
      saved.textContent = `${notice ?? ''} The log could not be read again: ${error instanceof Error ? error.message : String(error)} Reload the page to see it.`.trim();
      saved.focus();
    }
  }
  show(project, log);
  return section('risks', 'Risks and issues', h('p', { class: 'hint' }, log.definition), table, saved, formArea, h('p', { class: 'hint' }, inTeams(project.reference, true)));
}

// --- The form --------------------------------------------------------------------------------------------------

interface Events {
  saved(notice: string): void;
  /** The entry changed since the form was opened: open it as it now is, saying why. */
  stale(id: string, message: string): void;
  cancel(): void;
}

/** One labelled input with its hint and its problem (shown when there is one), tied to it by aria-describedby. */
function field<C extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(id: RiskField | 'ownerFind', label: string, control: C, hint?: string): { wrap: HTMLElement; control: C; error: HTMLElement } {
  control.id = id;
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return { wrap: h('div', { class: 'field' }, h('label', { for: id }, label), hintEl, error, control), control, error };
}

const select = (options: [string, string][], value: string): HTMLSelectElement => {
  const el = h('select', {}, options.map(([v, text]) => h('option', { value: v }, text)));
  el.value = value;
  return el;
};

/** The form to add an entry (`editing` null) or to change one, at the version the log was read at. */
function riskForm(writer: RiskWriter, editing: RiskView | null, on: Events): { element: HTMLElement; problem(text: string): void } {
  const what = editing ? `the ${editing.kind.toLowerCase()}` : 'a risk or issue';
  const title = h('h3', { id: 'risk-form-title', tabindex: -1 }, editing ? `Change ${what}: ${editing.description.slice(0, 80)}` : 'Add a risk or issue');
  const problemEl = h('p', { class: 'form-problem', id: 'risk-form-problem', tabindex: -1, hidden: true });

  const kind = field('riskKind', 'Kind', select([['risk', 'Risk: it may happen'], ['issue', 'Issue: it has happened']], editing?.kind === 'Issue' ? 'issue' : 'risk'));
  const description = field('riskDescription', 'Description', h('textarea', { rows: 3 }, editing?.description ?? ''), 'What may happen (a risk) or has happened (an issue), and what it means for the project.');
  const likelihood = field('riskLikelihood', 'Likelihood, 1 to 5', h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', value: editing?.likelihood ?? '' }), '1 rare, 5 almost certain. An issue has happened, so it takes none.');
  const impact = field('riskImpact', 'Impact, 1 to 5', h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', value: editing?.impact ?? '' }), '1 minimal, 5 severe.');
  const none: [string, string] = editing ? ['', `Keep ${editing.owner}`] : ['', 'No one chosen yet: find them above'];
  const owner = field('riskOwner', 'Owner', select([none], ''), 'They are reminded in Teams when a review is due.');
  const find = field('ownerFind', editing ? 'Give it to someone else: find them by name' : 'Find the owner by name', h('input', { type: 'search', autocomplete: 'off' }), 'Type at least 2 letters of their name, then Find: the DSG and everyone who has used dsg-bot.');
  const found = h('p', { class: 'hint', role: 'status', id: 'ownerFind-found' });
  const findButton = h('button', { type: 'button' }, 'Find');
  const mitigation = field('riskMitigation', 'Mitigation (optional)', h('textarea', { rows: 2 }, editing?.mitigation ?? ''), 'What is being done about it.');
  const reviewDate = field('riskReviewDate', 'Review date', h('input', { type: 'date', value: editing?.reviewDate ?? '' }), 'When it is next looked at. Not in the past.');
  const status = editing ? field('riskStatus', 'Status', select([['open', 'Open'], ['closed', 'Closed']], editing.status === 'Closed' ? 'closed' : 'open')) : null;
  const fields = [kind, description, likelihood, impact, owner, mitigation, reviewDate, ...(status ? [status] : [])];

  const showLikelihood = () => (likelihood.wrap.hidden = kind.control.value === 'issue');
  kind.control.addEventListener('change', showLikelihood);
  showLikelihood();

  const submit = h('button', { type: 'submit', class: 'primary' }, editing ? 'Save changes' : `Add ${what}`);
  const cancel = editing && h('button', { type: 'button' }, 'Cancel');
  if (cancel) cancel.addEventListener('click', on.cancel);
  const form = h(
    'form',
    { class: 'risk-form', novalidate: true, 'aria-labelledby': 'risk-form-title' },
    title,
    problemEl,
    kind.wrap,
    description.wrap,
    likelihood.wrap,
    impact.wrap,
    h('div', { class: 'owner-find' }, find.wrap, findButton),
    found,
    owner.wrap,
    mitigation.wrap,
    reviewDate.wrap,
    status?.wrap,
    h('div', { class: 'form-actions' }, submit, cancel),
  );

  const problem = (text: string) => {
    problemEl.textContent = text;
    problemEl.hidden = !text;
  };
  /** A problem under each input named; the others cleared. */
  const showErrors = (errors: Record<string, string>) => {
    for (const f of [...fields, find]) {
      const text = errors[f.control.id] ?? '';
      f.error.replaceChildren(...(text ? [h('span', { class: 'visually-hidden' }, 'Error: '), text] : []));
      f.error.hidden = !text;
      const hint = f.control.getAttribute('aria-describedby')?.split(' ').filter((id) => !id.endsWith('-error')) ?? [];
      f.control.setAttribute('aria-describedby', [...hint, ...(text ? [f.error.id] : [])].join(' '));
      if (text) f.control.setAttribute('aria-invalid', 'true');
      else f.control.removeAttribute('aria-invalid');
    }
  };

  let finding = 0;
  async function findOwner(): Promise<void> {
    const seq = ++finding;
    showErrors({});
    try {
      const { people } = await writer.findPeople(find.control.value.trim());
      if (seq !== finding) return;
      const chosen = owner.control.value;
      owner.control.replaceChildren(h('option', { value: '' }, none[1]), ...people.map((p) => h('option', { value: p.id }, p.name)));
      owner.control.value = people.some((p) => p.id === chosen) ? chosen : (people[0]?.id ?? '');
      found.textContent = people.length ? `${people.length === 1 ? '1 person' : `${people.length} people`} found; ${owner.control.selectedOptions[0].text} is chosen as Owner.` : `No one found called "${find.control.value.trim()}".`;
    } catch (error) {
      if (seq !== finding) return;
      found.textContent = '';
      showErrors(error instanceof ApiError && error.fields.q ? { ownerFind: error.fields.q } : { ownerFind: error instanceof Error ? error.message : String(error) });
      find.control.focus();
    }
  }
  findButton.addEventListener('click', () => void findOwner());
  find.control.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key !== 'Enter') return;
    event.preventDefault();
    void findOwner();
  });

  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    submit.setAttribute('aria-disabled', 'true');
    problem('');
    const body: RiskBody = Object.fromEntries(fields.map((f) => [f.control.id, f.control.value]));
    // Editing, no one chosen: the owner is kept.
    if (editing && !body.riskOwner) delete body.riskOwner;
    const save = editing ? writer.edit(editing.id, { ...body, version: editing.version }) : writer.add(body);
    save.then(
      (saved) => on.saved(saved.notice),
      (error: unknown) => {
        busy = false;
        submit.removeAttribute('aria-disabled');
        if (editing && error instanceof ApiError && error.status === 409) return on.stale(editing.id, error.message);
        const errors = error instanceof ApiError ? error.fields : {};
        showErrors(errors);
        const first = fields.find((f) => errors[f.control.id]);
        if (first) {
          problem(`Not saved: please fix the ${Object.keys(errors).length === 1 ? 'problem' : 'problems'} marked below.`);
          if (first === likelihood && likelihood.wrap.hidden) kind.control.focus();
          else first.control.focus();
          return;
        }
        problem(`Not saved. ${error instanceof Error ? error.message : String(error)}`);
        problemEl.focus();
      },
    );
  });
  return { element: form, problem };
}
