import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type ServiceStandard, serviceStandardProblems } from './domain/stages';

/**
 * The Service Standard's stages, criteria and gates (config/service-standard.json by default, SERVICE_STANDARD_FILE
 * to change it): read once at start-up and checked, so a mistake stops the bot naming the file and the problem.
 */

const id = z.string({ error: 'must be an id, like "alpha"' }).trim().regex(/^[a-z0-9-]{1,40}$/, 'must be an id of lower-case letters, digits and dashes, like "alpha"');
const label = z.string({ error: 'must be a name' }).trim().min(1, 'must be a name').max(200, 'must be at most 200 characters');
const file = z
  .object({
    stages: z.array(z.object({ id, label }).strict(), { error: 'must be a list of { "id", "label" } stages' }),
    criteria: z.array(z.object({ id, number: z.number().int().min(1).max(999), name: label }).strict(), { error: 'must be a list of { "id", "number", "name" } criteria' }),
    gates: z.array(z.object({ from: id, to: id, required: z.array(id), optional: z.array(id) }).strict(), { error: 'must be a list of { "from", "to", "required", "optional" } gates' }),
  })
  .strict();

export class ServiceStandardError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`Service Standard file ${file} cannot be used:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ServiceStandardError';
  }
}

/** Parses and checks the text of a Service Standard file; `fileName` names it in errors. */
export function parseServiceStandard(text: string, fileName: string): ServiceStandard {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ServiceStandardError(fileName, [`is not valid JSON: ${(err as Error).message}`]);
  }
  const parsed = file.safeParse(data);
  if (!parsed.success) throw new ServiceStandardError(fileName, parsed.error.issues.map((i) => `${i.path.length ? i.path.map(String).join('.') : 'the file'} ${i.message}`));
  const problems = serviceStandardProblems(parsed.data);
  if (problems.length) throw new ServiceStandardError(fileName, problems.map((p) => `the standard ${p}`));
  return parsed.data;
}

export const loadServiceStandard = (path: string): ServiceStandard => parseServiceStandard(readFileSync(path, 'utf8'), path);
