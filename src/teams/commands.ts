import { COMMANDS, type CommandEntry, normaliseTyped, smallTalk } from '../domain/commands';
import { normaliseReference } from '../domain/request';

/** A typed command turned into the verb a card button would use. */
export interface Command {
  verb: string;
  data: Record<string, unknown>;
}

/** Every command's words, for an exact match. */
const WORDS = new Map(COMMANDS.filter((c) => !c.argument).flatMap((c) => c.words.map((w) => [w, c] as const)));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const REFERENCE = 'dp[-\\s]?\\d{4}[-\\s]?\\d{1,9}';

/** Commands that take words after them: `subscribe digest Digital Learning`, `report annual 2026/27`, `project DP-2026-0007`. */
const WITH_ARGUMENT: readonly { pattern: RegExp; command: CommandEntry }[] = COMMANDS.filter((c) => c.argument).map((command) => {
  const words = command.words.map(escape).join('|');
  const pattern = command.argument?.reference
    ? `^(?:(?:${words}) )${command.argument.reference === 'alone' ? '?' : ''}(${REFERENCE})$`
    : `^(?:${words})(?:\\s+(?:for\\s+)?(.+))?$`;
  // Words kept as typed are matched without regard to case in the text as typed.
  return { pattern: new RegExp(pattern, command.argument?.keepCase ? 'i' : ''), command };
});

/**
 * Parses typed text (mentions already removed): a command from the table in src/domain/commands.ts, or a greeting
 * or thanks (`chat.greet`, `chat.thanks`); null when it is neither.
 */
export function parseCommand(raw: string): Command | null {
  const text = normaliseTyped(raw);
  const exact = WORDS.get(text);
  if (exact) return { verb: exact.verb, data: {} };
  const asTyped = raw.replace(/\s+/g, ' ').trim();
  for (const { pattern, command } of WITH_ARGUMENT) {
    const m = pattern.exec(command.argument?.keepCase ? asTyped : text);
    if (!m || !command.argument) continue;
    const value = command.argument.reference ? normaliseReference(m[1]) : (m[1] ?? '');
    if (value !== null) return { verb: command.verb, data: { [command.argument.field]: value } };
  }
  const said = smallTalk(raw);
  if (said) return { verb: said.kind === 'greeting' ? 'chat.greet' : 'chat.thanks', data: said.kind === 'greeting' ? { salutation: said.salutation } : {} };
  return null;
}
