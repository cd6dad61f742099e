import { ukDate, ukDateTime } from '../domain/dates';
import type { CheckedSolution } from '../domain/solutions';
import { BUSINESS_CASE_LABELS, DPIA_LABELS, PRIORITY_LABELS, type Project } from '../domain/project';
import { type RequestStatus, STATUS_LABELS } from '../domain/request';
import type { PersonRef } from '../domain/settings';
import { type Decision, DECISION_WORDS, type Question } from '../domain/triage';
import type { OwnerLine } from './types';

/** Text made safe to put in an HTML page. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Text with something in it, trimmed; undefined for null, undefined, '' or only spaces. */
export const nonBlank = (v: string | null | undefined): string | undefined => (v && v.trim() ? v.trim() : undefined);

/** 'Approved', 'More information requested'. */
export const statusLabel = (status: RequestStatus): string => STATUS_LABELS[status] ?? status;

/** A person's name, or `none` when there is nobody (or no name). */
export const nameOf = (person: PersonRef | null | undefined, none: string): string => nonBlank(person?.name) ?? none;

/** 'High', or 'High – priority project'. */
export const priorityWords = (p: Project): string => `${PRIORITY_LABELS[p.priority] ?? p.priority}${p.isPriority ? ' – priority project' : ''}`;

/** `Role: Name` for the three owners of a project. */
export const ownerLines = (p: Pick<Project, 'digitalLeader' | 'projectLead' | 'projectManager'>): OwnerLine[] => [
  { role: 'Digital Leader', name: nameOf(p.digitalLeader, 'Not assigned') },
  { role: 'Project Lead', name: nameOf(p.projectLead, 'Not assigned') },
  { role: 'Project Manager', name: nameOf(p.projectManager, 'Not assigned') },
];

/** Cuts `text` to at most `max` characters, at a word boundary when one is near, ending with `…`. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, Math.max(1, max - 1)).join('');
  const space = cut.search(/\s\S*$/);
  const base = space > cut.length * 0.8 ? cut.slice(0, space) : cut;
  return `${base.trimEnd()}…`;
}

/** The first ~300 characters of a text, on one line, for a summary. */
export const summaryOf = (text: string, max = 300): string => clip(text.replace(/\s+/g, ' ').trim(), max);


// ---------------------------------------------------------------------------------------------
// Ages and dates for the DSG's cards

const LONDON_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric' });
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day (`yyyy-mm-dd`) of a date or timestamp, in London; null when it is not a date. */
export function londonDay(iso: string): string | null {
  const text = iso.trim();
  const cal = ISO_DAY.exec(text);
  if (cal) {
    const d = new Date(Date.UTC(Number(cal[1]), Number(cal[2]) - 1, Number(cal[3])));
    return d.getUTCDate() === Number(cal[3]) && d.getUTCMonth() === Number(cal[2]) - 1 ? text : null;
  }
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) return null;
  const parts: Record<string, string> = {};
  for (const p of LONDON_DAY.formatToParts(d)) if (p.type !== 'literal') parts[p.type] = p.value;
  return `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
}


/** `today`, `1 day`, `12 days`. */
export const daysWords = (days: number): string => (days === 0 ? 'today' : days === 1 ? '1 day' : `${days} days`);

/** The DSG's question as cards show it: the words, who asked and when. */
export const questionWords = (q: Question): { question: string; askedBy: string; askedAt: string } => ({
  question: nonBlank(q.question) ?? '(no question text)',
  askedBy: nonBlank(q.askedBy) ?? 'the Digital Strategy Group',
  askedAt: ukDateTime(q.askedAt),
});

/** `waiting for the requester since 3 Dec 2026`: the DSG asked them, and the clock is with them. */
export const waitingForRequesterWords = (since: string): string => `waiting for the requester since ${ukDate(since)}`;

/** `submitted today`, `submitted yesterday`, `submitted 3 days ago`. */
export const submittedAgo = (days: number): string =>
  days === 0 ? 'submitted today' : days === 1 ? 'submitted yesterday' : `submitted ${days} days ago`;


/** True for an `https://` address a browser can open (Action.OpenUrl is offered only for these). */
export function isHttpsUrl(text: string | null | undefined): text is string {
  if (!text || /\s/.test(text.trim()) || !/^https:\/\//i.test(text.trim())) return false;
  try {
    return new URL(text.trim()).protocol === 'https:';
  } catch {
    return false;
  }
}

/** `%20` and the like decoded; the text as it is when it is not validly encoded. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A document link as people name it: the document's name, decoded ("Bulky uplift business case.docx" for
 * `https://council.sharepoint.com/sites/DSG/Shared%20Documents/Bulky%20uplift%20business%20case.docx`), taken from
 * SharePoint's `file=` when the address is a viewer page (`Doc.aspx?…&file=…`); the site's host for a bare address.
 * Anything that is not an https address is shown as it was typed.
 */
export function linkTitle(link: string): string {
  if (!isHttpsUrl(link)) return link;
  const url = new URL(link.trim());
  const file = url.searchParams.get('file');
  if (file?.trim()) return file.trim();
  const last = url.pathname.split('/').filter(Boolean).pop();
  return last ? decoded(last).trim() || url.hostname : url.hostname;
}

// ---------------------------------------------------------------------------------------------
// What an audit event changed: "status: Submitted → Approved"

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

const yesNo = (v: unknown): string => (v === true || v === 'true' ? 'yes' : v === false || v === 'false' ? 'no' : String(v));
const labelled =
  (labels: Record<string, string>) =>
  (v: unknown): string =>
    typeof v === 'string' && labels[v] ? labels[v] : String(v);

/** Fields a history line names when they change, in this order: [path in before/after, words, how to show a value]. */
const CHANGE_FIELDS: readonly [string, string, ((v: unknown) => string)?][] = [
  ['status', 'status', labelled(STATUS_LABELS)],
  ['priority', 'priority', labelled(PRIORITY_LABELS)],
  ['isPriority', 'priority project', yesNo],
  ['duplicateOf', 'duplicate of'],
  ['digitalLeader', 'Digital Leader'],
  ['projectLead', 'Project Lead'],
  ['projectManager', 'Project Manager'],
  ['chair', 'chair'],
  ['businessCase.status', 'business case', labelled(BUSINESS_CASE_LABELS)],
  ['businessCaseStatus', 'business case', labelled(BUSINESS_CASE_LABELS)],
  ['businessCase.link', 'business case link', (v) => linkTitle(String(v))],
  ['businessCaseLink', 'business case link', (v) => linkTitle(String(v))],
  ['businessCase.date', 'business case date', (v) => ukDate(String(v))],
  ['businessCaseDate', 'business case date', (v) => ukDate(String(v))],
  ['planLink', 'plan', (v) => linkTitle(String(v))],
  ['resourcing.confirmed', 'resourcing confirmed', yesNo],
  ['resourcingConfirmed', 'resourcing confirmed', yesNo],
  ['dpia', 'DPIA', labelled(DPIA_LABELS)],
  ['health', 'health'],
];

/** At most this many changes are named on one history line. */
const MAX_CHANGES_SHOWN = 3;
const CHANGE_VALUE_CHARS = 80;

function at(obj: unknown, path: string): { found: boolean; value: unknown } {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (!isJson(cur) || !(key in cur)) return { found: false, value: undefined };
    cur = cur[key];
  }
  return { found: true, value: cur };
}

function valueWords(v: unknown, show?: (v: unknown) => string): string {
  if (v === null || v === undefined || v === '') return 'none';
  if (isJson(v)) return typeof v.name === 'string' && v.name.trim() ? clip(v.name.trim(), CHANGE_VALUE_CHARS) : 'set';
  if (Array.isArray(v)) return String(v.length);
  return clip(show ? show(v) : String(v), CHANGE_VALUE_CHARS);
}

/**
 * The known fields an event changed, as `field: old → new` (or `field: new` when there was nothing before),
 * from the event's before/after objects; unknown fields and unchanged values are left out.
 */
export function changeWords(before: unknown, after: unknown): string[] {
  if (!isJson(after)) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const [path, words, show] of CHANGE_FIELDS) {
    const now = at(after, path);
    if (!now.found || seen.has(words)) continue;
    const was = at(before, path);
    const newText = valueWords(now.value, show);
    if (!was.found) {
      if (newText === 'none') continue; // nothing before, nothing now
      out.push(`${words}: ${newText}`);
    } else {
      const oldText = valueWords(was.value, show);
      if (oldText === newText) continue;
      out.push(`${words}: ${oldText} → ${newText}`);
    }
    seen.add(words);
    if (out.length === MAX_CHANGES_SHOWN) break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The DSG's last decision: "Approved by DSG Chair on 27 Nov 2026, 10:30: note"

export function decisionLine(decision: Decision, noteChars: number): string {
  const by = decision.by.trim() || 'dsg-bot';
  const note = decision.note?.trim() ? `: ${clip(decision.note.trim(), noteChars)}` : '';
  return `${DECISION_WORDS[decision.action] ?? 'Decided'} by ${by} on ${ukDateTime(decision.at)}${note}`;
}

// ---------------------------------------------------------------------------------------------
// Text a person typed, in a place Teams reads as Markdown

/** ASCII punctuation that starts Markdown anywhere in a line: emphasis, code, links, strikethrough, HTML and `<at>`, entities. */
const MARKDOWN_INLINE = /[\\`*_[\]~<>&|]/g;
/** What starts a block at the beginning of a line: heading, quote, list item, numbered item, rule or setext underline. */
const MARKDOWN_LINE_START = /^([ \t]{0,3})(?:([#>+=-])|(\d{1,9})([.)]))/gm;

/**
 * `text` as typed, for a TextBlock's text or a fact, which Teams renders as a Markdown subset
 * (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format): a backslash before
 * each character that could format it (CommonMark lets any ASCII punctuation be escaped so; Teams' mobile clients
 * showed the backslash until fixed: MicrosoftDocs/msteams-docs#5793, microsoft/Teams-AdaptiveCards-Mobile#83), so
 * `**x**`, `_x_`, `[a](url)`, backticks, `# heading`, `- item`, `1. item`, `&lt;` and `<at>x</at>` show as typed, and
 * an address (`https\://…`) is not made a link. Not for TextRuns: they are never Markdown (the `adaptivecards`
 * renderer sets their text as it is; microsoft/AdaptiveCards#5662 took Markdown out of them on Android), so a
 * backslash there would show; nor for inputs' values, choice titles or Action.OpenUrl addresses.
 */
export const escapeMarkdown = (text: string): string =>
  text
    .replace(MARKDOWN_INLINE, '\\$&')
    .replace(/\b([a-z][a-z0-9+.-]*):(?=\/\/)/gi, '$1\\:')
    .replace(/\bwww\./gi, 'www\\.')
    .replace(MARKDOWN_LINE_START, (_m, indent: string, marker?: string, digits?: string, dot?: string) => (marker ? `${indent}\\${marker}` : `${indent}${digits}\\${dot}`));

/** 'Not saved: Choose a chair.': the problems of a form that has no place under its inputs to show them. */
export const problemsLine = (errors: Record<string, string> = {}): string => `Not saved: ${Object.values(errors).join(' ') || 'something on the card was not right.'}`;

/** A reported figure's value with the words that define it (see domain/figures.ts): `£62,200 · savings recorded for …`. */
export const defined = (value: string, definition: string): string => `${value} · ${definition}`;

/** "Waste and recycling bookings (Waste Services)": the catalogue entry the requester checked, in words; undefined when the form did not ask. */
export function checkedWords(checked: CheckedSolution): string | undefined {
  if (checked === null) return undefined;
  if (checked.kind === 'none') return "None of the catalogue's entries";
  return checked.kind === 'entry' ? `${checked.name} (${checked.owningService})` : 'An entry no longer in the catalogue';
}
