import type { z } from 'zod';
import { isDomainError } from '../../domain/errors';
import type { Reply } from '../reply';
import { fieldErrors, typedText } from './schemas';

/** What a form card is drawn again with: a problem per input and what was typed, or a line at the top. */
export interface FormAgain {
  errors?: Record<string, string>;
  values?: Record<string, string>;
  notice?: string;
}

/**
 * The one path every form takes. `fields` checks what was typed; `save` runs the use case. When the check or the
 * domain finds a problem (INVALID_FIELD), the same card comes back through `again` with a problem under each input
 * and everything typed kept; when the card is out of date (STALE_CARD, or what it acted on is gone), it comes back
 * as it now stands, saying what changed. Nothing is saved in either case.
 */
export async function submitForm<F>(typed: Record<string, unknown>, fields: z.ZodType<F>, save: (fields: F) => Promise<Reply>, again: (form: FormAgain) => Promise<Reply>): Promise<Reply> {
  const checked = fields.safeParse(typed);
  if (!checked.success) return again({ errors: fieldErrors(checked.error), values: typedText(typed) });
  try {
    return await save(checked.data);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === 'INVALID_FIELD' && error.details.errors) {
      const values = (error.details.values as Record<string, unknown> | undefined) ?? typed;
      return again({ errors: error.details.errors as Record<string, string>, values: typedText(values) });
    }
    if (error.code === 'STALE_CARD' || error.code === 'NOT_FOUND') return again({ notice: `This card is out of date. ${error.message}` });
    throw error;
  }
}
