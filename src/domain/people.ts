/** Who is acting, as the Teams adapter knows them from the activity. */
export interface Actor {
  /** Teams user id (29:...), stable per bot. */
  id: string;
  aadObjectId: string | null;
  name: string;
  tenantId: string | null;
}

export interface Person extends Actor {
  /** Opaque conversation reference for proactive messages (owned by the Teams adapter). */
  conversationRef: unknown | null;
  /** False after Teams said the person blocked or removed the bot; true again when they next talk to it. */
  reachable: boolean;
  updatedAt: string;
}

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

/**
 * Where a command was typed or a card pressed: a person's chat with the bot, a group chat, or a channel, named by
 * its conversation id (a thread's `;messageid=…` may follow it: it is the same channel).
 */
export type Where = { kind: 'personal' } | { kind: 'groupChat' } | { kind: 'channel'; conversationId: string };

export interface Conversation {
  id: string;
  kind: ConversationKind;
  tenantId: string | null;
  teamId: string | null;
  name: string | null;
  reference: unknown;
  installed: boolean;
  updatedAt: string;
}

/** Words that make a display name a role or a shared account ("Council Chair", "Digital Leader (Estates)"), not a person. */
const ROLE_WORDS = new Set([
  'admin', 'administrator', 'assistant', 'board', 'bot', 'chair', 'chairperson', 'clerk', 'committee', 'council', 'department',
  'desk', 'digital', 'director', 'dsg', 'enquiries', 'group', 'helpdesk', 'ict', 'leader', 'mailbox', 'manager', 'member',
  'office', 'officer', 'programme', 'project', 'reception', 'secretary', 'service', 'services', 'staff', 'support', 'taker', 'team',
]);
const TITLES = /^(?:mr|mrs|ms|miss|mx|dr|prof|professor|cllr|councillor|sir|dame|rev)\.?$/i;

/** "anne-marie" or "ANNE-MARIE" → "Anne-Marie"; mixed case ("McDonald") is kept. */
function capitalised(word: string): string {
  if (word !== word.toLowerCase() && word !== word.toUpperCase()) return word;
  return word.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/**
 * What to call a person: Teams' given name when it has one, else the given name read from the display name
 * ("Smith, John" → John, "Dr Jane Doe (Finance)" → Jane). Null for a role or shared account ("Council Chair"),
 * an email address, or nothing usable: better no name than a wrong one.
 */
export function givenNameOf(displayName: string | null | undefined, givenName?: string | null): string | null {
  const source = givenName?.trim() ? givenName : (displayName ?? '');
  const cleaned = source.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').split(/\s[-–|]\s/)[0].trim();
  if (!cleaned || /[@\d_/\\]/.test(cleaned)) return null;
  if (cleaned.split(/[\s,]+/).some((w) => ROLE_WORDS.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')))) return null;
  // "Surname, Given": the given name comes after the comma.
  const comma = cleaned.indexOf(',');
  const words = (comma >= 0 ? cleaned.slice(comma + 1) : cleaned).split(/\s+/).filter(Boolean);
  const named = words.filter((w) => !TITLES.test(w));
  // "Dr Smith": a title and one word is a surname.
  if (comma < 0 && named.length === 1 && words.length > 1) return null;
  const first = named[0]?.replace(/[.;:]+$/, '');
  return first && /^\p{L}[\p{L}'’-]*$/u.test(first) ? capitalised(first) : null;
}
