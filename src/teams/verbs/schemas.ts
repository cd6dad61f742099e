import { z } from 'zod';
import { REFERENCE_PATTERN } from '../../domain/request';

/** Data shapes that several card actions share. */
export const formId = z.string({ error: 'the form id is missing' }).regex(/^[A-Za-z0-9-]{1,64}$/, 'the form id is not valid');
export const reference = z
  .string({ error: 'the request reference is missing' })
  .trim()
  .toUpperCase()
  .regex(REFERENCE_PATTERN, 'the request reference is not valid');
export const version = z.coerce.number({ error: 'the card version is missing' }).int().min(1);
