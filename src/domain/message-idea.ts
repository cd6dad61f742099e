import { type FormValues, LIMITS } from './request-form';

/**
 * An idea raised from a Teams message ("Raise a DSG request" on a message's More actions): the form's title
 * from the message's first line and its problem from the message's text, with a link back to the message.
 */

/** A message as Teams gives it to a message action: its body (HTML or plain text), how many files or cards it carries, its link. */
export interface SourceMessage {
  contentType: 'html' | 'text';
  content: string;
  /** Attachments that are not the text itself (files, cards). */
  attachments: number;
  /** The message's own https link (Teams' linkToMessage), or null. */
  link: string | null;
}

export interface IdeaFromMessage {
  /** Title and problem, pre-filled; every other field is left for the person. */
  values: FormValues;
  /** What could not be taken as it was, one sentence each, for the top of the form. */
  notes: string[];
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', pound: '£', euro: '€', copy: '©' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    // Control characters (other than tab and newline) and numbers beyond Unicode are dropped.
    if (!Number.isFinite(code) || code > 0x10ffff || (code < 32 && code !== 9 && code !== 10)) return '';
    return String.fromCodePoint(code);
  });
}

/**
 * The words of a message as a person reads them: tags taken out (scripts and styles with what is inside them),
 * line breaks where the message breaks lines, entities decoded, spaces tidied. It is text, never HTML again.
 */
export function plainTextOf(message: Pick<SourceMessage, 'contentType' | 'content'>): { text: string; images: number } {
  let text = message.content;
  let images = 0;
  if (message.contentType === 'html') {
    images = (text.match(/<img\b/gi) ?? []).length;
    text = text
      .replace(/<!--[\s\S]*?(-->|$)/g, '')
      .replace(/<(script|style|template|noscript)\b[\s\S]*?(<\/\1\s*>|$)/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<li\b[^>]*>/gi, '\n- ')
      .replace(/<\/(p|div|ul|ol|h[1-6]|tr|blockquote|pre)\s*>/gi, '\n')
      .replace(/<\/?[a-z][^>]*>/gi, '')
      .replace(/<[^>]*$/, '');
    text = decodeEntities(text);
  }
  text = text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b]/g, '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, images };
}

/** Cuts text to `max` characters (not UTF-16 units), at a word boundary when one is near, ending with `…`. */
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const space = head.search(/\s\S*$/);
  return `${(space > head.length * 0.8 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** The form's title and problem from a message, and what could not be taken as it was. */
export function ideaFromMessage(message: SourceMessage): IdeaFromMessage {
  const { text, images } = plainTextOf(message);
  const notes: string[] = [];
  const firstLine = text.split('\n').find((line) => line.replace(/^- /, '').trim()) ?? '';
  const title = cut(firstLine.replace(/^- /, '').trim(), LIMITS.title);
  const linkLine = message.link ? `\n\nRaised from a Teams message: ${message.link}` : '';
  const room = LIMITS.text - Array.from(linkLine).length;
  let problem = text;
  if (Array.from(text).length > room) {
    problem = cut(text, room);
    notes.push(`The message is longer than the form takes, so the problem was cut to ${LIMITS.text.toLocaleString('en-GB')} characters: check its end.`);
  }
  if (!text) {
    const what = images || message.attachments ? 'only an image or a file, no text' : 'no text';
    notes.unshift(`The message has ${what}, so nothing could be filled in from it: describe the idea yourself.`);
  }
  if (!message.link) notes.push('Teams gave no link back to the message.');
  return { values: { title, problem: text ? `${problem}${linkLine}` : linkLine.trim() }, notes };
}
