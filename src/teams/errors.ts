import { type ErrorCode, isDomainError } from '../domain/errors';
import { text, type Reply } from './reply';

const PREFIX: Partial<Record<ErrorCode, string>> = {
  NOT_ALLOWED: 'Sorry, you cannot do that. ',
  STALE_CARD: 'This card is out of date. ',
};

/** Turns any error into the words a person sees; `unexpected` says whether it was a fault on our side. */
export function errorReply(error: unknown): { reply: Reply; unexpected: boolean } {
  if (isDomainError(error)) {
    return { reply: text(`${PREFIX[error.code] ?? ''}${error.message}`), unexpected: false };
  }
  return {
    reply: text('Sorry, something went wrong on our side and nothing was changed. Please try again in a moment; if it keeps happening, tell the DSG admins.'),
    unexpected: true,
  };
}
