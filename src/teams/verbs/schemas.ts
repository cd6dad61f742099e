import { z } from 'zod';
import { REFERENCE_PATTERN } from '../../domain/request';
import { BACK_LISTS } from '../../presenters/back';

/** Data shapes that several card actions share. */
export const formId = z.string({ error: 'the form id is missing' }).regex(/^[A-Za-z0-9-]{1,64}$/, 'the form id is not valid');
export const reference = z
  .string({ error: 'the request reference is missing' })
  .trim()
  .toUpperCase()
  .regex(REFERENCE_PATTERN, 'the request reference is not valid');
export const version = z.coerce.number({ error: 'the card version is missing' }).int().min(1);

/** Free text typed into a card: trimmed, bounded, and required unless `optional`. */
export const typed = (label: string, max = 4000) =>
  z.string({ error: `${label} is missing` }).trim().min(1, `${label} is missing`).max(max, `${label} is longer than ${max.toLocaleString('en-GB')} characters`);
export const optionalTyped = (max = 4000) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || null);
/** An Input.Toggle's value. */
export const toggle = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === 'true');
/** An AAD object id chosen from a people list (empty = nobody). */
export const personId = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v) => v || null);
/** An https link to a document. */
export const link = z
  .string()
  .trim()
  .max(2000, 'the link is too long')
  .refine((v) => /^https:\/\/[^\s]+$/i.test(v), 'enter the link as a full https:// address');
export const isoDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || /^\d{4}-\d{2}-\d{2}$/.test(v), 'enter the date as a date, like 2027-01-14');
/** A guarded press: none (show the confirmation), `confirm` (do it) or `cancel` (the card as it was). */
export const step = z.enum(['confirm', 'cancel'], { error: 'the confirmation step is not valid' }).optional();
export const page = z.coerce.number().int().min(1).max(10_000).optional();

/**
 * Where a navigation press answers (see `view` in verb.ts): `here` draws the view in place of the pressed card
 * (paging a list, Back); `back`, the list page a detail was opened from, does too and gives the view a Back button.
 * With neither, the view is a new message below and the pressed card stays.
 */
export const place = {
  here: toggle,
  back: z
    .discriminatedUnion('verb', [
      z.object({ verb: z.enum(BACK_LISTS), page: page.transform((p) => p ?? 1) }),
      z.object({ verb: z.literal('request.similar'), formId }),
    ], { error: 'the Back button does not name a list' })
    .optional(),
};

/** A form's zod problems as sentences by field, to show under the inputs. */
export const fieldErrors = (error: z.ZodError): Record<string, string> =>
  Object.fromEntries(error.issues.map((i) => [String(i.path[0]), `${i.message[0].toUpperCase()}${i.message.slice(1)}.`]));

/** What was typed into a card's text inputs, to put back in the form. */
export const typedText = (data: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(data).filter(([, v]) => typeof v === 'string')) as Record<string, string>;

/** Any text or none (''): the domain reads it and names what is wrong with it. */
export const anyText = z.string().optional().transform((v) => v ?? '');
