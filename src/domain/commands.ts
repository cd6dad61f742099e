import { type Action, isAllowed, type Role } from './permissions';

/** Where a Teams command menu is shown: a personal chat, a team's channels, a group chat. */
export type Scope = 'personal' | 'team' | 'groupChat';
export const SCOPES: readonly Scope[] = ['personal', 'team', 'groupChat'];

/** The parts of `help`, in this order. */
export const HELP_SECTIONS = {
  requests: 'Your ideas',
  programme: 'The Digital Programme',
  dsg: 'For the DSG',
  admin: 'For administrators',
} as const;
export type HelpSection = keyof typeof HELP_SECTIONS;

/** Words typed after a command, handed to its verb under `field`. */
export interface CommandArgument {
  field: string;
  /** Shown after the command in help and the menu, as an example. */
  example: string;
  /** A reference (DP-2026-0007), which may also be typed alone (`view` only). */
  reference?: 'alone' | true;
  /** The words are kept as typed (capitals and all), not lower-cased: `agenda add`. */
  keepCase?: true;
}

/**
 * One command people can type. The table below is the one list of commands: the text router reads its words,
 * `help` shows each to those allowed to use it, and the app package's command menus come from it.
 */
export interface CommandEntry {
  /** The verb it runs (src/teams/verbs). */
  verb: string;
  /** What people type (lower case); the first is the one shown. */
  words: readonly string[];
  argument?: CommandArgument;
  /** What it does, in `help`. */
  help: string;
  section: HelpSection;
  /** The permission it needs (src/domain/permissions.ts); without it, anyone may use it. */
  needs?: Action;
  /** In the app's command menu in these scopes, in the table's order (Teams shows at most 10 a scope). */
  menu?: { scopes: readonly Scope[]; description: string };
}

const REFERENCE: CommandArgument = { field: 'reference', example: 'DP-2026-0007', reference: true };

/** Every typed command. To add one: one entry here (and its verb in src/teams/verbs). */
export const COMMANDS: readonly CommandEntry[] = [
  {
    verb: 'request.new',
    words: ['new', 'new idea', 'new request', 'submit an idea', 'submit', 'idea'],
    help: 'Submit an idea for a digital project',
    section: 'requests',
    menu: { scopes: ['personal'], description: 'Suggest an idea for a digital project' },
  },
  {
    verb: 'request.list',
    words: ['my requests', 'requests', 'mine'],
    help: 'The requests you have submitted, and where each one is',
    section: 'requests',
    menu: { scopes: ['personal'], description: 'See the requests you have made and where each one is' },
  },
  {
    verb: 'request.view',
    words: ['view', 'open', 'request'],
    argument: { ...REFERENCE, reference: 'alone' },
    help: 'Open a request by its reference (the reference alone works too)',
    section: 'requests',
    menu: { scopes: ['personal'], description: 'Open one request: type its reference instead of DP-2026-0007' },
  },
  {
    verb: 'history.show',
    words: ['history'],
    argument: REFERENCE,
    help: 'Everything that happened to a request or project you can see',
    section: 'requests',
  },
  {
    verb: 'programme.show',
    words: ['programme', 'program', 'digital programme'],
    help: 'The Digital Programme: approved projects by strand',
    section: 'programme',
    menu: { scopes: SCOPES, description: 'The Digital Programme: approved projects by strand' },
  },
  {
    verb: 'project.view',
    words: ['project'],
    argument: REFERENCE,
    help: 'Open a project: owners, plan, milestones and what is missing',
    section: 'programme',
    menu: { scopes: SCOPES, description: 'Open a project: type its reference instead of DP-2026-0007' },
  },
  {
    verb: 'project.follow',
    words: ['follow'],
    argument: REFERENCE,
    help: "In a group chat: post the project's changes there as they happen (its lead, manager, Digital Leader, the chair or an admin)",
    section: 'programme',
    menu: { scopes: ['groupChat'], description: "Post a project's changes in this chat: type its reference instead of DP-2026-0007" },
  },
  {
    verb: 'project.unfollow',
    words: ['unfollow'],
    argument: REFERENCE,
    help: "In a group chat: stop posting a project's changes there",
    section: 'programme',
    menu: { scopes: ['groupChat'], description: "Stop posting a project's changes in this chat" },
  },
  {
    verb: 'project.following',
    words: ['following'],
    help: 'In a group chat: the projects whose changes are posted there',
    section: 'programme',
    menu: { scopes: ['groupChat'], description: 'The projects whose changes are posted in this chat' },
  },
  {
    verb: 'solution.list',
    words: ['catalogue', 'catalog', 're-use catalogue', 'reuse catalogue'],
    argument: { field: 'query', example: 'booking' },
    help: 'The re-use catalogue: solutions the council already has or shares; add words to search it',
    section: 'programme',
  },
  {
    verb: 'request.pending',
    words: ['pending'],
    help: 'Requests waiting for a DSG decision, oldest first',
    section: 'dsg',
    needs: 'triage.view',
    menu: { scopes: SCOPES, description: 'For the DSG: requests waiting for a decision, oldest first' },
  },
  {
    verb: 'settings.show',
    words: ['settings', 'dsg settings'],
    help: "The DSG's chair, Minute Taker, Digital Leaders and meetings (the chair adds, moves and cancels them)",
    section: 'dsg',
    needs: 'settings.view',
    menu: { scopes: ['team'], description: "The DSG's settings: chair, Digital Leaders and meetings" },
  },
  {
    verb: 'digest.preview',
    words: ['digest preview', 'preview digest'],
    help: 'The digest as it would look now, just for you',
    section: 'dsg',
    needs: 'digest.preview',
    menu: { scopes: ['personal', 'team'], description: 'For the DSG: the digest as it would look now, just for you' },
  },
  {
    verb: 'digest.subscribe',
    words: ['subscribe digest'],
    argument: { field: 'strands', example: 'Digital Learning' },
    help: 'In a channel: post the weekly digest there; add strand names to choose them',
    section: 'dsg',
    needs: 'digest.subscribe',
    menu: { scopes: ['team'], description: 'Post the weekly digest here; add strand names to choose them' },
  },
  {
    verb: 'digest.unsubscribe',
    words: ['unsubscribe digest'],
    help: 'In a channel: stop posting the digest there',
    section: 'dsg',
    needs: 'digest.subscribe',
    menu: { scopes: ['team'], description: 'Stop posting the weekly digest in this channel' },
  },
  {
    verb: 'report.annual',
    words: ['report annual', 'annual report'],
    argument: { field: 'year', example: '2026/27' },
    help: "The year's progress and benefits, with a download link",
    section: 'dsg',
    needs: 'report.annual',
    menu: { scopes: ['personal'], description: "For the DSG: this year's progress and benefits, with a download link" },
  },
  {
    verb: 'report.assurance',
    words: ['report assurance', 'assurance report'],
    argument: { field: 'quarter', example: '2026 Q3' },
    help: "The quarter's assurance report for the Corporate Management Team, as .docx and .csv",
    section: 'dsg',
    needs: 'report.assurance',
  },
  {
    verb: 'programme.export',
    words: ['programme export', 'program export'],
    argument: { field: 'year', example: '2026/27' },
    help: 'The programme as a workbook (projects, milestones, benefits, decisions, audit log)',
    section: 'dsg',
    needs: 'programme.export',
  },
  {
    verb: 'reminders.preview',
    words: ['reminders preview'],
    help: 'Who the next reminder run would remind of what, with Run now',
    section: 'dsg',
    needs: 'reminders.run',
    menu: { scopes: ['personal'], description: 'For the DSG chair: who would be reminded of what at the next run' },
  },
  {
    verb: 'reminders.run',
    words: ['reminders run'],
    help: 'Send the due reminders now',
    section: 'dsg',
    needs: 'reminders.run',
  },
  {
    verb: 'agenda.show',
    words: ['agenda'],
    help: 'In the DSG channel or our personal chat: the agenda drafted for the next DSG meeting',
    section: 'dsg',
    needs: 'agenda.view',
    menu: { scopes: ['team'], description: 'For the DSG: the agenda drafted for the next meeting' },
  },
  {
    verb: 'agenda.add',
    words: ['agenda add'],
    argument: { field: 'text', example: 'DP-2026-0007', keepCase: true },
    help: 'Put a request, a project or a few words on the next agenda',
    section: 'dsg',
    needs: 'agenda.add',
  },
  {
    verb: 'meeting.start',
    words: ['meeting start', 'start meeting'],
    help: 'In the DSG channel: start the meeting (the chair, the Minute Taker or an admin)',
    section: 'dsg',
    needs: 'meeting.run',
  },
  {
    verb: 'meeting.show',
    words: ['meeting'],
    help: 'The meeting in progress, or the last one held',
    section: 'dsg',
    needs: 'agenda.view',
  },
  {
    verb: 'meeting.end',
    words: ['meeting end', 'end meeting'],
    help: 'End the meeting and draft its minutes',
    section: 'dsg',
    needs: 'meeting.run',
  },
  {
    verb: 'minutes.publish',
    words: ['minutes publish', 'publish minutes'],
    help: 'Publish the minutes of the last meeting in the DSG channel',
    section: 'dsg',
    needs: 'meeting.run',
  },
  {
    verb: 'minutes.show',
    words: ['minutes'],
    argument: { field: 'date', example: '2026-12-15' },
    help: "One meeting's minutes (the last meeting's without a date), with Word and web page downloads",
    section: 'dsg',
    needs: 'agenda.view',
  },
  {
    verb: 'meetings.list',
    words: ['meetings'],
    help: 'The meetings held and the dates set for the next ones',
    section: 'dsg',
    needs: 'agenda.view',
  },
  {
    verb: 'solution.new',
    words: ['catalogue add', 'catalog add'],
    help: 'Add a solution the council has or shares to the re-use catalogue',
    section: 'dsg',
    needs: 'solution.manage',
  },
  {
    verb: 'dsg.setup',
    words: ['setup dsg'],
    help: "In a channel: make it the DSG's channel (its team's members become the DSG)",
    section: 'admin',
    needs: 'dsg.setup',
    menu: { scopes: ['team'], description: "For administrators: make this channel the DSG's channel" },
  },
  {
    verb: 'retention.preview',
    words: ['retention preview', 'preview retention'],
    help: 'What the next retention run would delete or anonymise',
    section: 'admin',
    needs: 'retention.preview',
  },
  {
    verb: 'person.export',
    words: ['subject access', 'sar'],
    argument: { field: 'email', example: 'person@council.example' },
    help: 'In personal chat: links to everything dsg-bot holds about a person',
    section: 'admin',
    needs: 'person.export',
  },
  {
    verb: 'help.show',
    words: ['help', '?'],
    help: 'Show this help',
    section: 'requests',
    menu: { scopes: SCOPES, description: 'What you can ask DSG Bot to do' },
  },
];

/** How a command is shown: its first words, and the example of its argument. */
export const shownAs = (c: CommandEntry): string => (c.argument ? `${c.words[0]} ${c.argument.example}` : c.words[0]);

/** The commands a person with these roles may use, in the table's order. */
export const commandsFor = (roles: readonly Role[], table: readonly CommandEntry[] = COMMANDS): CommandEntry[] =>
  table.filter((c) => !c.needs || isAllowed(c.needs, roles));

export interface CommandMenu {
  scopes: Scope[];
  commands: { title: string; description: string }[];
}

/**
 * The app package's command menus: one list per scope, in the table's order. Picking a command puts its title in
 * the compose box, so a reference's example is kept for the person to replace, and optional words are left out.
 */
export function commandMenus(table: readonly CommandEntry[] = COMMANDS): CommandMenu[] {
  return SCOPES.map((scope) => ({
    scopes: [scope],
    commands: table
      .filter((c) => c.menu?.scopes.includes(scope))
      .map((c) => ({ title: c.argument?.reference ? shownAs(c) : c.words[0], description: c.menu?.description ?? c.help })),
  })).filter((list) => list.commands.length > 0);
}

/** Typed text as commands are matched: lower case, single spaces, no full stop or exclamation mark at the end. */
export const normaliseTyped = (raw: string): string => raw.replace(/\s+/g, ' ').trim().toLowerCase().replace(/[.!]+$/, '');

/** Edit distance with adjacent transpositions (optimal string alignment): "hlep" is one step from "help". */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** How many typing slips still count as "close" to a word of this length: none for very short words. */
const slipsAllowed = (length: number): number => (length <= 3 ? 0 : length <= 5 ? 1 : length <= 9 ? 2 : 3);

/**
 * The command `typed` most probably meant, among `commands`, shown as it should be typed (keeping what came after
 * the command's words), or null when none is close enough.
 */
export function nearestCommand(raw: string, commands: readonly CommandEntry[]): string | null {
  const typed = normaliseTyped(raw);
  const tokens = typed.split(' ');
  let best: { distance: number; shown: string } | null = null;
  for (const c of commands) {
    for (const word of c.words) {
      const size = word.split(' ').length;
      if (tokens.length < size || (tokens.length > size && !c.argument)) continue;
      const distance = editDistance(tokens.slice(0, size).join(' '), word);
      if (distance === 0 || distance > slipsAllowed(word.length) || (best && best.distance <= distance)) continue;
      const rest = tokens.slice(size).join(' ');
      best = { distance, shown: rest ? `${c.words[0]} ${rest}` : c.words[0] };
    }
  }
  return best?.shown ?? null;
}

/** How the bot greets back: as it was greeted. */
export const SALUTATIONS = ['Hello', 'Good morning', 'Good afternoon', 'Good evening'] as const;
export type Salutation = (typeof SALUTATIONS)[number];

/** A greeting or thanks, and the words to answer it with. */
export type SmallTalk = { kind: 'greeting'; salutation: Salutation } | { kind: 'thanks' };

const TIMES_OF_DAY: Record<string, Salutation> = { morning: 'Good morning', afternoon: 'Good afternoon', evening: 'Good evening' };
const GREETING = /^(?:(hi|hello|hey|hiya|howdy|good (morning|afternoon|evening)|morning|afternoon|evening))(?: (?:there|all|everyone|team))?$/;
const THANKS = /^(?:thanks|thank you|thankyou|thanks very much|thank you very much|thanks a lot|many thanks|cheers|ta|thx)(?: (?:so much|very much|again))?$/;

/** "Hi", "Good morning!", "thanks a lot, DSG Bot" → what was said; null for anything else. */
export function smallTalk(raw: string): SmallTalk | null {
  const text = normaliseTyped(raw.replace(/[^\p{L}\p{N}\s]/gu, ' ')).replace(/ (?:dsg ?bot|bot)$/, '');
  const greeting = GREETING.exec(text);
  if (greeting) return { kind: 'greeting', salutation: TIMES_OF_DAY[greeting[2] ?? greeting[1]] ?? 'Hello' };
  return THANKS.test(text) ? { kind: 'thanks' } : null;
}

/** The answer to "hi" or "thanks": whom to greet, and for the DSG and admins how many requests await a decision. */
export interface Greeting {
  said: SmallTalk;
  givenName: string | null;
  /** Staff are told what they can do; those who may see `pending` are told what awaits a decision. */
  dsg: boolean;
  /** Requests awaiting a decision (as `pending` counts them), for a greeting to those who may see them; else null. */
  pending: number | null;
}

/** `help`, or the answer to words the bot does not know: the commands this person may use, and the nearest one. */
export interface HelpView {
  commands: CommandEntry[];
  /** Set when this answers words the bot did not understand. */
  notUnderstood?: { typed: string; suggestion: string | null };
}
