/** Every refusal the domain can give, as a code the transports map to words. */
export type ErrorCode =
  | 'INVALID_FIELD'
  | 'NOT_FOUND'
  | 'NOT_ALLOWED'
  | 'ALREADY_SUBMITTED'
  | 'REQUEST_ALREADY_DECIDED'
  | 'ILLEGAL_TRANSITION'
  | 'STALE_CARD'
  | 'DRAFT_NOT_FOUND';

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
