/**
 * fast-check arbitraries for fuzzing the bot through its HTTP endpoint: a verb's card data, built from the
 * verb's own zod schema (through its JSON Schema, so a new field or verb is fuzzed without touching this file),
 * mixed with hostile values, missing fields and things that are not card data at all.
 */
import fc from 'fast-check';
import { z } from 'zod';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
}

/** What a broken or hostile client might put in any field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('', '   ', '__proto__', 'constructor', 'toString', '[Reset your password](https://evil.example)', '<at>DSG Chair</at>', '=HYPERLINK("x")', '\u0000\u202e', 'DP-2026-0001', '9'.repeat(400), 'x'.repeat(5_000), '💥'.repeat(300)),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
);

/** Typed values of the given JSON Schema, as Teams sends them (numbers and booleans from inputs come as text too). */
function valueOf(schema: JsonSchema, name: string, hints: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  if (hints[name]) return fc.oneof({ weight: 3, arbitrary: hints[name] }, { weight: 1, arbitrary: valueOf(schema, '', {}) });
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => valueOf(s, name, hints)));
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return fc.oneof(...types.map((type) => typed(type, schema, hints)));
}

function typed(type: string | undefined, schema: JsonSchema, hints: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 300, 300) });
    case 'integer':
    case 'number': {
      const n = fc.integer({ min: Math.max(schema.minimum ?? -1_000, -1_000_000), max: Math.min(schema.maximum ?? 1_000, 1_000_000) });
      return fc.oneof(n, n.map(String));
    }
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', 'false'));
    case 'null':
      return fc.constant(null);
    case 'object':
      return objectOf(schema, hints);
    case 'array':
      return fc.array(schema.items ? valueOf(schema.items, '', hints) : hostileValue, { maxLength: 3 });
    default:
      return hostileValue;
  }
}

function objectOf(schema: JsonSchema, hints: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const shape = Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, valueOf(s, key, hints)]));
  return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((k) => k in shape) });
}

export interface DataOptions {
  /** Values to use for some fields most of the time, e.g. references that exist. */
  hints?: Record<string, fc.Arbitrary<unknown>>;
  /** Field names cards send beyond the schema (loose objects), filled with text. */
  extraFields?: readonly string[];
}

/**
 * Card data for a verb: well-formed by its schema (most often), the same with one field hostile or a required
 * one missing, or something that is not card data at all. Whether an input is valid is the schema's to say.
 */
export function verbData(schema: z.ZodType, options: DataOptions = {}): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const hints = options.hints ?? {};
  const fields = [...new Set([...Object.keys(json.properties ?? {}), ...(options.extraFields ?? [])])];
  const extras = fields.length ? fc.dictionary(fc.constantFrom(...fields), fc.string({ maxLength: 200 }), { maxKeys: 6 }) : fc.constant({});
  const wellFormed = fc.tuple(extras, objectOf(json, hints)).map(([extra, data]) => ({ ...extra, ...data }));
  const oneFieldHostile = fields.length
    ? fc.tuple(wellFormed, fc.constantFrom(...fields), hostileValue).map(([data, key, value]) => ({ ...data, [key]: value }))
    : wellFormed;
  const required = json.required ?? [];
  const missingRequired = required.length
    ? fc.tuple(wellFormed, fc.constantFrom(...required)).map(([data, key]) => Object.fromEntries(Object.entries(data).filter(([k]) => k !== key)))
    : wellFormed;
  return fc.oneof(
    { weight: 5, arbitrary: wellFormed },
    { weight: 3, arbitrary: oneFieldHostile },
    { weight: 1, arbitrary: missingRequired },
    { weight: 1, arbitrary: fc.oneof(hostileValue, fc.object({ maxDepth: 2 })) },
  );
}
