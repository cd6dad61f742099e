/**
 * Importing a programme workbook: checks its shape (the sheets and required columns), validates every row,
 * and plans what importing it would change in the programme held now: projects, milestones and realised
 * benefits to add or update, each row matched on its Reference (a DP- reference, or the council's own code
 * remembered from an earlier import), so importing the same file again changes nothing. Every problem is
 * named by sheet, row and column; people are matched by email or UPN to the Teams roster, and those not
 * found are listed with their role left as it is (empty for a new project). Pure: no I/O.
 */
import { londonDate, londonInstant } from './calendar';
import type { PrincipleId, RouteId, StrandId } from './catalogue';
import { financialYearOf, type Milestone, type Project, type RealisedBenefit } from './project';
import { MILESTONE_TITLE_MAX } from './milestones';
import type { ProgrammeRecord } from './open-data';
import { canTransition, type ProjectRequest, parseReference, STATUS_LABELS } from './request';
import { LIMITS } from './request-form';
import type { PersonRef } from './settings';
import {
  BENEFIT_COLUMNS,
  CHOICES,
  type CellValue,
  type ColumnSpec,
  columnLetter,
  headerKey,
  IMPORT_SHEET_NAMES,
  IMPORT_SHEETS,
  type ImportSheet,
  MILESTONE_COLUMNS,
  type Parsed,
  PROJECT_COLUMNS,
  readChoice,
  readDate,
  readFinancialYear,
  readLink,
  readPerson,
  readPounds,
  readText,
  readYesNo,
  type SheetInput,
} from './programme-workbook';

/** Someone the bot knows from the Teams roster, with the addresses a spreadsheet may name them by. */
export interface DirectoryPerson {
  aadObjectId: string;
  name: string;
  email: string | null;
  userPrincipalName: string | null;
}

export interface ImportProblem {
  sheet: string;
  /** Row number in the file (1 is the header row); null for the sheet as a whole. */
  row: number | null;
  /** The column's header and letter, when the problem is one cell's. */
  column: string | null;
  letter: string | null;
  message: string;
}

export interface UnmatchedPerson {
  row: number;
  column: string;
  letter: string | null;
  value: string;
  /** The project's Reference as written in the file. */
  project: string;
}

/** What the import reads the programme against: what is held now, and who the bot knows. */
export interface ImportContext {
  fileName: string;
  /** The instant of the import (ISO-8601). */
  now: string;
  records: readonly ProgrammeRecord[];
  /** The council's own codes from earlier imports (normalised with `importKey`) → DP- reference. */
  importKeys: ReadonlyMap<string, string>;
  directory: readonly DirectoryPerson[];
  newId: () => string;
}

export interface ProjectAdd {
  row: number;
  /** The Reference as written, and normalised (remembered, so a re-import finds the project). */
  given: string;
  key: string;
  /** Reference, id and form id are given when it is saved. */
  request: Omit<ProjectRequest, 'reference' | 'id' | 'formId'>;
  project: Omit<Project, 'reference'>;
}

export interface ProjectUpdate {
  reference: string;
  before: ProgrammeRecord;
  /** The new request or project; null when its own fields are unchanged. */
  request: ProjectRequest | null;
  project: Project | null;
  status: { from: ProjectRequest['status']; to: ProjectRequest['status'] } | null;
  /** Milestones to insert or replace. */
  milestones: Milestone[];
  /** Financial years whose realised benefits are replaced by the ones given. */
  benefits: { financialYear: string; benefits: RealisedBenefit[] }[];
  /** What changed, in words, for the audit trail. */
  changes: string[];
}

export interface Counts {
  added: number;
  updated: number;
  unchanged: number;
}

export interface ImportPlan {
  problems: ImportProblem[];
  unmatched: UnmatchedPerson[];
  adds: ProjectAdd[];
  updates: ProjectUpdate[];
  counts: { projects: Counts; milestones: Counts; benefits: Counts };
}

/** How a Reference is matched: case and spaces do not matter. */
export const importKey = (text: string): string => text.trim().replace(/\s+/g, ' ').toUpperCase();

/** Who made an imported change, as the audit trail and milestone history name it. */
export const importedFrom = (fileName: string): string => `imported from ${fileName}`;

// --- The shape of the workbook ---

/**
 * The sheets and required columns that are missing, each said with what was expected. `required` names the
 * sheets that must be there (with .csv files, each file is one sheet and only projects is needed).
 */
export function checkShape(sheets: readonly SheetInput[], required: readonly ImportSheet[] = IMPORT_SHEET_NAMES): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const byName = new Map(sheets.map((s) => [s.name.trim().toLowerCase(), s]));
  for (const name of IMPORT_SHEET_NAMES) {
    const sheet = byName.get(name);
    if (!sheet) {
      if (required.includes(name)) {
        const found = sheets.map((s) => `"${s.name}"`).join(', ') || 'none';
        problems.push({ sheet: name, row: null, column: null, letter: null, message: `there is no "${name}" sheet (found ${found}); expected the sheets ${required.join(', ')}, as in the template (npm run import -- --template)` });
      }
      continue;
    }
    const specs = Object.values(IMPORT_SHEETS[name] as Record<string, ColumnSpec>);
    const headers = sheet.header.map((h) => headerKey(h));
    const missing = specs.filter((c) => c.required && !headers.includes(headerKey(c.header)));
    if (missing.length) {
      const expected = specs.filter((c) => c.required).map((c) => c.header).join(', ');
      problems.push({ sheet: name, row: 1, column: null, letter: null, message: `the header row has no ${missing.map((c) => `"${c.header}"`).join(' or ')} column; expected at least ${expected} (every column: see README or the template)` });
    }
    const seen = new Map<string, number>();
    headers.forEach((h, i) => {
      if (!h) return;
      const first = seen.get(h);
      if (first !== undefined && specs.some((c) => headerKey(c.header) === h)) {
        problems.push({ sheet: name, row: 1, column: sheet.header[i], letter: columnLetter(i), message: `"${sheet.header[i]}" is there twice (also column ${columnLetter(first)}); keep one` });
      }
      if (first === undefined) seen.set(h, i);
    });
  }
  return problems;
}

// --- Reading rows ---

type Specs = Record<string, ColumnSpec>;

/** A sheet's rows with its columns found by header; blank rows left out. */
export class SheetReader<S extends Specs> {
  private readonly index = new Map<keyof S, number>();
  constructor(
    readonly sheet: SheetInput,
    readonly specs: S,
    private readonly problems: ImportProblem[],
  ) {
    const headers = sheet.header.map(headerKey);
    for (const [key, spec] of Object.entries(specs)) {
      const i = headers.indexOf(headerKey(spec.header));
      if (i >= 0) this.index.set(key, i);
    }
  }

  has(key: keyof S): boolean {
    return this.index.has(key);
  }

  rows(): { row: number; cell: (key: keyof S) => CellValue }[] {
    return this.sheet.rows
      .filter((r) => r.cells.some((c) => c !== null && !(typeof c === 'string' && c.trim() === '')))
      .map((r) => ({ row: r.row, cell: (key: keyof S) => (this.index.has(key) ? (r.cells[this.index.get(key) as number] ?? null) : null) }));
  }

  letter(key: keyof S): string | null {
    const i = this.index.get(key);
    return i === undefined ? null : columnLetter(i);
  }

  problem(row: number, key: keyof S, message: string): void {
    this.problems.push({ sheet: this.sheet.name, row, column: this.specs[key as string].header, letter: this.letter(key), message });
  }

  /** The cell read with `parse`; on a problem it is recorded and undefined returned. */
  read<T>(row: { row: number; cell: (key: keyof S) => CellValue }, key: keyof S, parse: (v: CellValue) => Parsed<T>): T | undefined {
    if (!this.has(key)) return undefined;
    const parsed = parse(row.cell(key));
    if (parsed.ok) return parsed.value;
    this.problem(row.row, key, parsed.error);
    return undefined;
  }

  /** A cell that may not be blank. */
  need<T>(row: { row: number; cell: (key: keyof S) => CellValue }, key: keyof S, parse: (v: CellValue) => Parsed<T | null>, what: string): T | undefined {
    const value = this.read(row, key, parse);
    if (value === null) this.problem(row.row, key, `is blank: give ${what}`);
    return value ?? undefined;
  }
}

const text = (max: number) => (v: CellValue) => readText(v, max);
const choice = <T extends string>(list: readonly { id: T; name: string }[], what: string) => (v: CellValue) => readChoice(v, list, what);

/** Present-column values of one projects row: undefined = column absent (or a problem), null = blank. */
interface ProjectRow {
  row: number;
  given: string;
  key: string;
  title?: string;
  strand?: StrandId;
  status?: 'approved' | 'in-delivery' | 'completed';
  priority?: Project['priority'] | null;
  isPriority?: boolean | null;
  route?: RouteId | null;
  problem?: string | null;
  outcome?: string | null;
  people: Partial<Record<'digitalLeader' | 'projectLead' | 'projectManager', string | null>>;
  businessCase?: Project['businessCase']['status'] | null;
  businessCaseLink?: string | null;
  businessCaseDate?: string | null;
  planLink?: string | null;
  resourcingConfirmed?: boolean | null;
  resourcingNote?: string | null;
  dpia?: Project['dpia'];
  plannedAnnualCash?: number | null;
  nonCash?: string | null;
  oneOffCost?: number | null;
  approvedOn?: string | null;
  completedOn?: string | null;
}

const PEOPLE = ['digitalLeader', 'projectLead', 'projectManager'] as const;

function readProjects(reader: SheetReader<typeof PROJECT_COLUMNS>): ProjectRow[] {
  const rows: ProjectRow[] = [];
  for (const r of reader.rows()) {
    const given = reader.need(r, 'reference', text(50), 'the project\'s Reference (your own code, or its DP- reference)');
    const people: ProjectRow['people'] = {};
    for (const role of PEOPLE) {
      const value = reader.read(r, role, readPerson);
      if (value !== undefined) people[role] = value;
    }
    const row: ProjectRow = {
      row: r.row,
      given: given ?? '',
      key: given ? importKey(given) : '',
      title: reader.need(r, 'title', text(LIMITS.title), 'the project\'s title'),
      strand: reader.need(r, 'strand', choice(CHOICES.strands, 'strand'), 'its strand'),
      status: reader.need(r, 'status', choice(CHOICES.projectStatuses, 'status'), 'its status (Approved, In delivery or Completed)'),
      priority: reader.read(r, 'priority', choice(CHOICES.priorities, 'priority')),
      isPriority: reader.read(r, 'isPriority', readYesNo),
      route: reader.read(r, 'route', choice(CHOICES.routes, 'route')),
      problem: reader.read(r, 'problem', text(LIMITS.text)),
      outcome: reader.read(r, 'outcome', text(LIMITS.text)),
      people,
      businessCase: reader.read(r, 'businessCase', choice(CHOICES.businessCase, 'business case status')),
      businessCaseLink: reader.read(r, 'businessCaseLink', readLink),
      businessCaseDate: reader.read(r, 'businessCaseDate', readDate),
      planLink: reader.read(r, 'planLink', readLink),
      resourcingConfirmed: reader.read(r, 'resourcingConfirmed', readYesNo),
      resourcingNote: reader.read(r, 'resourcingNote', text(500)),
      dpia: reader.read(r, 'dpia', choice(CHOICES.dpia, 'DPIA status')),
      plannedAnnualCash: reader.read(r, 'plannedAnnualCash', readPounds),
      nonCash: reader.read(r, 'nonCash', text(500)),
      oneOffCost: reader.read(r, 'oneOffCost', readPounds),
      approvedOn: reader.read(r, 'approvedOn', readDate),
      completedOn: reader.read(r, 'completedOn', readDate),
    };
    rows.push(row);
  }
  return rows;
}

/** Sets `field` when the column was read (a blank cell included); leaves it when the column is absent. */
const given = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);

// --- Planning ---

interface Target {
  /** The project as held now, or null for a new one. */
  record: ProgrammeRecord | null;
  /** Its state after the import. */
  request: ProjectRequest;
  project: Project;
  add: ProjectAdd | null;
  update: ProjectUpdate | null;
  milestonesTitled: Map<string, Milestone>;
  milestonesSeen: Set<string>;
  benefitYears: Set<string>;
}

const personKey = (p: PersonRef | null): string | null => p?.aadObjectId ?? null;

export function planImport(sheets: readonly SheetInput[], ctx: ImportContext): ImportPlan {
  const problems: ImportProblem[] = [];
  const unmatched: UnmatchedPerson[] = [];
  const counts = { projects: zero(), milestones: zero(), benefits: zero() };
  const sheet = (name: ImportSheet): SheetInput | null => sheets.find((s) => s.name.trim().toLowerCase() === name) ?? null;
  const byReference = new Map(ctx.records.map((r) => [r.request.reference, r]));
  const byEmail = new Map<string, DirectoryPerson>();
  for (const p of ctx.directory) {
    for (const address of [p.email, p.userPrincipalName]) if (address && !byEmail.has(address.toLowerCase())) byEmail.set(address.toLowerCase(), p);
  }
  const today = londonDate(new Date(ctx.now));
  const by = importedFrom(ctx.fileName);

  /** The project a Reference names: one held now (by DP- reference or a code imported before), else null. */
  const existing = (key: string): ProgrammeRecord | null => {
    const reference = parseReference(key) ?? ctx.importKeys.get(key) ?? null;
    return reference ? (byReference.get(reference) ?? null) : null;
  };

  const targets = new Map<string, Target>();
  /** Every Reference the projects sheet lists, imported or not: a row with a problem is named once, on its own row. */
  const listed = new Set<string>();
  const projectsSheet = sheet('projects');
  if (projectsSheet) {
    const reader = new SheetReader(projectsSheet, PROJECT_COLUMNS, problems);
    const claimed = new Map<string, number>();
    for (const row of readProjects(reader)) {
      if (!row.key) continue;
      listed.add(row.key);
      if (targets.has(row.key)) {
        reader.problem(row.row, 'reference', `"${row.given}" is on an earlier row too; give each project one row`);
        continue;
      }
      const record = existing(row.key);
      if (!record && parseReference(row.key)) {
        reader.problem(row.row, 'reference', `${parseReference(row.key)} is not a project in the Digital Programme here; for a new project use your own code, not a DP- reference`);
        continue;
      }
      if (record) {
        const earlier = claimed.get(record.request.reference);
        if (earlier !== undefined) {
          reader.problem(row.row, 'reference', `"${row.given}" is ${record.request.reference}, which row ${earlier} imports too; give each project one row`);
          continue;
        }
        claimed.set(record.request.reference, row.row);
      }
      const target = record ? updateTarget(reader, row, record) : newTarget(reader, row);
      if (target) targets.set(row.key, target);
    }
  }

  function person(reader: SheetReader<typeof PROJECT_COLUMNS>, row: ProjectRow, role: (typeof PEOPLE)[number], current: PersonRef | null): PersonRef | null {
    const value = row.people[role];
    if (value === undefined) return current;
    if (value === null) return null;
    const found = byEmail.get(value.toLowerCase());
    if (found) return found.aadObjectId === current?.aadObjectId ? current : { aadObjectId: found.aadObjectId, name: found.name };
    // The holder named as the export names someone not in the roster: unchanged.
    if (current && value.toLowerCase() === current.name.toLowerCase()) return current;
    unmatched.push({ row: row.row, column: PROJECT_COLUMNS[role].header, letter: reader.letter(role), value, project: row.given });
    return current;
  }

  function ownFields(reader: SheetReader<typeof PROJECT_COLUMNS>, row: ProjectRow, request: ProjectRequest, project: Project): { request: ProjectRequest; project: Project } {
    const dpia = given(row.dpia, project.dpia);
    const approvedOn = row.approvedOn === undefined ? null : (row.approvedOn ?? today);
    const approvedAt = approvedOn && approvedOn !== londonDate(new Date(project.approvedAt)) ? londonInstant(approvedOn, '12:00').toISOString() : project.approvedAt;
    return {
      request: {
        ...request,
        title: row.title ?? request.title,
        strand: row.strand ?? request.strand,
        status: row.status ?? request.status,
        route: row.route ?? request.route,
        problem: given(row.problem, request.problem) ?? '',
        outcome: given(row.outcome, request.outcome) ?? '',
        personalData: dpia !== null,
        oneOffCost: given(row.oneOffCost, request.oneOffCost),
      },
      project: {
        ...project,
        priority: given(row.priority, project.priority) ?? 'medium',
        isPriority: given(row.isPriority, project.isPriority) ?? false,
        digitalLeader: person(reader, row, 'digitalLeader', project.digitalLeader),
        projectLead: person(reader, row, 'projectLead', project.projectLead),
        projectManager: person(reader, row, 'projectManager', project.projectManager),
        businessCase: {
          status: given(row.businessCase, project.businessCase.status) ?? 'not-started',
          link: given(row.businessCaseLink, project.businessCase.link),
          date: given(row.businessCaseDate, project.businessCase.date),
        },
        planLink: given(row.planLink, project.planLink),
        resourcing: { confirmed: given(row.resourcingConfirmed, project.resourcing.confirmed) ?? false, note: given(row.resourcingNote, project.resourcing.note) },
        dpia,
        plannedBenefits: { annualCash: given(row.plannedAnnualCash, project.plannedBenefits.annualCash), nonCash: given(row.nonCash, project.plannedBenefits.nonCash) },
        approvedAt,
      },
    };
  }

  function newTarget(reader: SheetReader<typeof PROJECT_COLUMNS>, row: ProjectRow): Target | null {
    if (row.title === undefined || row.strand === undefined || row.status === undefined) return null;
    if (!row.route) {
      reader.problem(row.row, 'route', reader.has('route') ? 'is blank: say how this new project is delivered (Re-use, Share, Buy or Build)' : 'is needed for a new project: add a Route column (Re-use, Share, Buy or Build)');
      return null;
    }
    const approvedOn = row.approvedOn ?? today;
    const approvedAt = londonInstant(approvedOn, '12:00').toISOString();
    if (row.completedOn && row.status !== 'completed') {
      reader.problem(row.row, 'completedOn', 'is only for a Completed project: set Status to Completed or leave this blank');
      return null;
    }
    if (row.completedOn && row.completedOn < approvedOn) {
      reader.problem(row.row, 'completedOn', `${row.completedOn} is before it was approved (${approvedOn})`);
      return null;
    }
    // The annual report dates the completion of a project imported as completed by its request's last change.
    const completedAt = row.completedOn ? londonInstant(row.completedOn, '12:00').toISOString() : ctx.now;
    const blankRequest: ProjectRequest = {
      id: '', reference: row.key, formId: '', status: 'approved', version: 1, requesterId: '', requesterName: by,
      title: '', problem: '', outcome: '', beneficiaries: [], strand: row.strand, principles: [] as PrincipleId[], principlesHow: '', reuseSolution: null, reuseChecked: '',
      route: row.route, routeJustification: null, personalData: false, oneOffCost: null, annualBenefit: null, desiredStart: null,
      createdAt: approvedAt, updatedAt: completedAt,
    };
    const blankProject: Project = {
      reference: row.key, priority: 'medium', isPriority: false, digitalLeader: null, projectLead: null, projectManager: null,
      businessCase: { status: 'not-started', link: null, date: null }, planLink: null, resourcing: { confirmed: false, note: null }, dpia: null,
      plannedBenefits: { annualCash: null, nonCash: null }, realisedBenefits: [], milestones: [], measures: [], approvedAt, version: 1, updatedAt: ctx.now,
    };
    const next = ownFields(reader, row, blankRequest, blankProject);
    const { reference: _r, id: _i, formId: _f, ...request } = { ...next.request, annualBenefit: next.project.plannedBenefits.annualCash, createdAt: next.project.approvedAt };
    const { reference: _p, ...project } = next.project;
    counts.projects.added++;
    const add: ProjectAdd = { row: row.row, given: row.given, key: row.key, request, project };
    return { record: null, request: next.request, project: next.project, add, update: null, milestonesTitled: new Map(), milestonesSeen: new Set(), benefitYears: new Set() };
  }

  /** A project held now, as it stands (its milestones and benefits may still change). */
  function heldTarget(record: ProgrammeRecord): Target {
    const update: ProjectUpdate = { reference: record.request.reference, before: record, request: null, project: null, status: null, milestones: [], benefits: [], changes: [] };
    const titled = new Map<string, Milestone>();
    for (const m of record.project.milestones) if (!titled.has(m.title.toLowerCase())) titled.set(m.title.toLowerCase(), m);
    return { record, request: record.request, project: record.project, add: null, update, milestonesTitled: titled, milestonesSeen: new Set(), benefitYears: new Set() };
  }

  function updateTarget(reader: SheetReader<typeof PROJECT_COLUMNS>, row: ProjectRow, record: ProgrammeRecord): Target | null {
    const before = record.request.status;
    if (row.status && row.status !== before && !canTransition(before, row.status)) {
      reader.problem(row.row, 'status', `${record.request.reference} is ${STATUS_LABELS[before].toLowerCase()} in the programme; it cannot go back to ${STATUS_LABELS[row.status].toLowerCase()}`);
      return null;
    }
    const target = heldTarget(record);
    const next = ownFields(reader, row, record.request, record.project);
    const requestChanges = describe(REQUEST_FIELDS, record.request, next.request);
    const projectChanges = describe(PROJECT_FIELDS, record.project, next.project);
    const update = target.update as ProjectUpdate;
    if (requestChanges.length) update.request = { ...next.request, version: record.request.version + 1, updatedAt: ctx.now };
    if (projectChanges.length) update.project = { ...next.project, version: record.project.version + 1, updatedAt: ctx.now };
    if (next.request.status !== before) update.status = { from: before, to: next.request.status };
    update.changes.push(...requestChanges, ...projectChanges);
    if (update.changes.length) counts.projects.updated++;
    else counts.projects.unchanged++;
    return target;
  }

  /** The target a milestones or benefits row names in its Project column. */
  function targetOf<S extends Specs>(reader: SheetReader<S>, r: { row: number; cell: (key: keyof S) => CellValue }): Target | null {
    const name = reader.need(r, 'project' as keyof S, text(50), 'the project\'s Reference, as in the projects sheet');
    if (name === undefined) return null;
    const key = importKey(name);
    const target = targets.get(key);
    if (target) return target;
    // Its row in the projects sheet has a problem, already named there: its milestones and benefits wait for it.
    if (listed.has(key)) return null;
    const record = existing(key);
    if (record) {
      // A project held now that the projects sheet does not list: its milestones and benefits may still be imported.
      const held = [...targets.values()].find((t) => t.record === record) ?? heldTarget(record);
      targets.set(key, held);
      return held;
    }
    const inFile = projectsSheet ? 'in the projects sheet or' : '';
    reader.problem(r.row, 'project' as keyof S, `"${name}" is not a project ${inFile} in the Digital Programme: a milestone or benefit needs its project`);
    return null;
  }

  const milestonesSheet = sheet('milestones');
  if (milestonesSheet) {
    const reader = new SheetReader(milestonesSheet, MILESTONE_COLUMNS, problems);
    for (const r of reader.rows()) {
      const target = targetOf(reader, r);
      const id = reader.read(r, 'id', text(64));
      const title = reader.need(r, 'title', text(MILESTONE_TITLE_MAX), 'the milestone\'s title');
      const due = reader.need(r, 'due', readDate, 'its due date');
      const givenStatus = reader.read(r, 'status', choice(CHOICES.milestoneStatuses, 'milestone status'));
      const completedOn = reader.read(r, 'completedOn', readDate) ?? null;
      if (!target || title === undefined || due === undefined) continue;
      const held = target.record?.project.milestones ?? [];
      const match = id ? held.find((m) => m.id === id) : target.milestonesTitled.get(title.toLowerCase());
      const status = givenStatus === undefined && reader.has('status') ? undefined : (given(givenStatus, match?.status) ?? 'planned');
      if (!status) continue;
      if (completedOn && status !== 'done') {
        reader.problem(r.row, 'completedOn', 'is only for a Done milestone: set Status to Done or leave this blank');
        continue;
      }
      if (id && !match) {
        reader.problem(r.row, 'id', `${target.record ? `${target.request.reference} has` : 'a new project has'} no milestone with this ID; leave it blank for a new milestone`);
        continue;
      }
      const seenKey = match ? `id:${match.id}` : `title:${title.toLowerCase()}`;
      if (target.milestonesSeen.has(seenKey)) {
        reader.problem(r.row, match && id ? 'id' : 'title', `this milestone of "${r.cell('project')}" is on an earlier row too; give each milestone one row`);
        continue;
      }
      target.milestonesSeen.add(seenKey);
      if (match) target.milestonesSeen.add(`title:${match.title.toLowerCase()}`);
      const milestone: Milestone = match
        ? { ...match, title, due, status, completedOn: status === 'done' ? (completedOn ?? match.completedOn) : null }
        : { id: ctx.newId(), title, due, status, completedOn: status === 'done' ? completedOn : null, revisions: [] };
      if (match && match.due !== due) milestone.revisions = [...match.revisions, { from: match.due, to: due, reason: by, at: ctx.now, by }];
      if (target.add) {
        target.add.project.milestones.push(milestone);
        counts.milestones.added++;
      } else if (target.update) {
        if (!match) {
          target.update.milestones.push(milestone);
          target.update.changes.push(`milestone "${title}" added`);
          counts.milestones.added++;
        } else if (match.title !== milestone.title || match.due !== milestone.due || match.status !== milestone.status || match.completedOn !== milestone.completedOn) {
          target.update.milestones.push(milestone);
          target.update.changes.push(`milestone "${title}" updated`);
          counts.milestones.updated++;
        } else counts.milestones.unchanged++;
      }
    }
  }

  const benefitsSheet = sheet('benefits');
  if (benefitsSheet) {
    const reader = new SheetReader(benefitsSheet, BENEFIT_COLUMNS, problems);
    for (const r of reader.rows()) {
      const target = targetOf(reader, r);
      const year = reader.need(r, 'financialYear', readFinancialYear, 'the financial year, like 2025/26');
      const cash = reader.need(r, 'cashSaving', readPounds, 'the cash saving in whole pounds');
      const note = reader.read(r, 'note', text(500)) ?? null;
      if (year && year > financialYearOf(today)) reader.problem(r.row, 'financialYear', `${year} has not started yet: record savings once they are realised`);
      if (!target || year === undefined || cash === undefined || year > financialYearOf(today)) continue;
      if (target.benefitYears.has(year)) {
        reader.problem(r.row, 'financialYear', `${year} of "${r.cell('project')}" is on an earlier row too; give one row per project and year`);
        continue;
      }
      target.benefitYears.add(year);
      const benefit: RealisedBenefit = { financialYear: year, cashSaving: cash, note, measureId: null, recordedAt: ctx.now, recordedBy: by };
      if (target.add) {
        target.add.project.realisedBenefits.push(benefit);
        counts.benefits.added++;
        continue;
      }
      const held = (target.record?.project.realisedBenefits ?? []).filter((b) => b.financialYear === year && b.cashSaving !== null);
      const total = yearTotal(held);
      if (held.length && total.cashSaving === cash && total.note === note) {
        counts.benefits.unchanged++;
        continue;
      }
      target.update?.benefits.push({ financialYear: year, benefits: [benefit] });
      target.update?.changes.push(`realised saving in ${year}: £${total.cashSaving.toLocaleString('en-GB')} → £${cash.toLocaleString('en-GB')}`);
      if (held.length) counts.benefits.updated++;
      else counts.benefits.added++;
    }
  }

  const adds: ProjectAdd[] = [];
  const updates: ProjectUpdate[] = [];
  for (const t of targets.values()) {
    if (t.add) adds.push(t.add);
    if (t.update && t.update.changes.length) updates.push(t.update);
  }
  problems.sort((a, b) => IMPORT_SHEET_NAMES.indexOf(a.sheet.toLowerCase() as ImportSheet) - IMPORT_SHEET_NAMES.indexOf(b.sheet.toLowerCase() as ImportSheet) || (a.row ?? 0) - (b.row ?? 0));
  return { problems, unmatched, adds, updates, counts };
}

const zero = (): Counts => ({ added: 0, updated: 0, unchanged: 0 });

/**
 * A project's realised cash savings in one year, as the export shows them: the total, and their notes joined.
 * The workbook holds cash savings only; non-cash benefits are left out (and an import leaves them as they are).
 */
export function yearTotal(benefits: readonly RealisedBenefit[]): { cashSaving: number; note: string | null } {
  const cash = benefits.filter((b) => b.cashSaving !== null);
  const notes = cash.map((b) => b.note).filter((n): n is string => !!n);
  return { cashSaving: cash.reduce((sum, b) => sum + (b.cashSaving ?? 0), 0), note: notes.length ? notes.join('; ') : null };
}

type Field<T> = [label: string, read: (x: T) => unknown];
const REQUEST_FIELDS: Field<ProjectRequest>[] = [
  ['Title', (r) => r.title],
  ['Strand', (r) => r.strand],
  ['Status', (r) => r.status],
  ['Route', (r) => r.route],
  ['Problem', (r) => r.problem],
  ['Outcome', (r) => r.outcome],
  ['Personal data', (r) => r.personalData],
  ['One-off cost', (r) => r.oneOffCost],
];
const PROJECT_FIELDS: Field<Project>[] = [
  ['Priority', (p) => p.priority],
  ['Priority project', (p) => p.isPriority],
  ['Digital Leader', (p) => personKey(p.digitalLeader)],
  ['Project Lead', (p) => personKey(p.projectLead)],
  ['Project Manager', (p) => personKey(p.projectManager)],
  ['Business case', (p) => p.businessCase.status],
  ['Business case link', (p) => p.businessCase.link],
  ['Business case date', (p) => p.businessCase.date],
  ['Plan link', (p) => p.planLink],
  ['Resourcing confirmed', (p) => p.resourcing.confirmed],
  ['Resourcing note', (p) => p.resourcing.note],
  ['DPIA', (p) => p.dpia],
  ['Planned annual cash saving', (p) => p.plannedBenefits.annualCash],
  ['Non-cash benefits', (p) => p.plannedBenefits.nonCash],
  ['Approved on', (p) => londonDate(new Date(p.approvedAt))],
];

/** The labels of the fields that differ. */
function describe<T>(fields: Field<T>[], before: T, after: T): string[] {
  return fields.filter(([, read]) => read(before) !== read(after)).map(([label]) => `${label} changed`);
}
