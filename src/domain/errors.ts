/** Every refusal the domain can give, as a code the transports map to words. */
export type ErrorCode =
  | 'INVALID_FIELD'
  | 'NOT_FOUND'
  | 'NOT_ALLOWED'
  | 'ALREADY_SUBMITTED'
  | 'REQUEST_ALREADY_DECIDED'
  | 'ILLEGAL_TRANSITION'
  | 'STALE_CARD'
  | 'DRAFT_NOT_FOUND'
  /** The database cannot be reached or cannot write just now (down, restarting, locked too long, disk full or read-only). */
  | 'UNAVAILABLE';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

/**
 * The one answer for a database outage, whatever the engine said (the reason goes to the log only): the work
 * was not saved, and trying again soon is the right thing to do.
 */
export function unavailable(reason: string): DomainError {
  return new DomainError('UNAVAILABLE', 'Sorry, dsg-bot cannot reach its database just now, so nothing was saved. Please try again in a minute.', { reason });
}

export const isUnavailable = (e: unknown): boolean => isDomainError(e) && e.code === 'UNAVAILABLE';
