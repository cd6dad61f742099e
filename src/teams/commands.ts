import { normaliseReference } from '../domain/request';

/** A typed command turned into the verb a card button would use. */
export interface Command {
  verb: string;
  data: Record<string, unknown>;
}

const WORDS: Record<string, string> = {
  new: 'request.new',
  'new idea': 'request.new',
  'new request': 'request.new',
  'submit an idea': 'request.new',
  submit: 'request.new',
  idea: 'request.new',
  'my requests': 'request.list',
  requests: 'request.list',
  mine: 'request.list',
  help: 'help.show',
  '?': 'help.show',
  'setup dsg': 'dsg.setup',
  settings: 'settings.show',
  'dsg settings': 'settings.show',
  pending: 'request.pending',
  programme: 'programme.show',
  program: 'programme.show',
  'digital programme': 'programme.show',
  'reminders preview': 'reminders.preview',
  'reminders run': 'reminders.run',
  'digest preview': 'digest.preview',
  'preview digest': 'digest.preview',
  'unsubscribe digest': 'digest.unsubscribe',
  'retention preview': 'retention.preview',
  'preview retention': 'retention.preview',
  agenda: 'agenda.show',
  'meeting start': 'meeting.start',
  'start meeting': 'meeting.start',
  'meeting end': 'meeting.end',
  'end meeting': 'meeting.end',
  meeting: 'meeting.show',
  meetings: 'meetings.list',
  minutes: 'minutes.show',
  'minutes publish': 'minutes.publish',
  'publish minutes': 'minutes.publish',
};

/** Commands that take words after them: `subscribe digest Digital Learning, Digital Estates`, `report annual 2026/27`. */
const WITH_ARGUMENT: readonly { pattern: RegExp; verb: string; field: string; keepCase?: true }[] = [
  // What a member adds to the agenda is kept as they typed it.
  { pattern: /^agenda add(?:\s+(.+))?$/i, verb: 'agenda.add', field: 'text', keepCase: true },
  { pattern: /^minutes(?:\s+(?:of\s+)?(\d{4}-\d{2}-\d{2}))$/, verb: 'minutes.show', field: 'date' },
  { pattern: /^subscribe digest(?:\s+(?:for\s+)?(.+))?$/, verb: 'digest.subscribe', field: 'strands' },
  { pattern: /^(?:report annual|annual report)(?:\s+(.+))?$/, verb: 'report.annual', field: 'year' },
  { pattern: /^(?:programme|program) export(?:\s+(.+))?$/, verb: 'programme.export', field: 'year' },
  { pattern: /^(?:subject access|sar)(?:\s+(.+))?$/, verb: 'person.export', field: 'email' },
];

/** Parses typed text (mentions already removed); null when it is not a command. */
export function parseCommand(raw: string): Command | null {
  const text = raw.replace(/\s+/g, ' ').trim().toLowerCase().replace(/[.!]+$/, '');
  const verb = WORDS[text];
  if (verb) return { verb, data: {} };
  const asTyped = raw.replace(/\s+/g, ' ').trim();
  for (const w of WITH_ARGUMENT) {
    const m = w.pattern.exec(w.keepCase ? asTyped : text);
    if (m) return { verb: w.verb, data: { [w.field]: m[1] ?? '' } };
  }
  const m = /^(view |open |request |project |history )?(dp[-\s]?\d{4}[-\s]?\d{1,9})$/.exec(text);
  const reference = m ? normaliseReference(m[2]) : null;
  if (!m || !reference) return null;
  const verbFor: Record<string, string> = { 'project ': 'project.view', 'history ': 'history.show' };
  return { verb: verbFor[m[1] ?? ''] ?? 'request.view', data: { reference } };
}
