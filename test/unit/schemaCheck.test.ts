// The schema checker the response schemas are written in (src/cloud/schemas/check.ts): what it
// accepts, what it keeps, and zod's wording for what it refuses.
import * as assert from 'assert';
import * as z from '../../src/cloud/schemas/check';

const messageOf = (schema: z.AnySchema, value: unknown): string => {
  const result = schema.safeParse(value);
  assert.ok(!result.success, `${JSON.stringify(value)} was accepted`);
  return result.error.message;
};

describe('schema checker', () => {
  const record = z.object({
    id: z.string().min(1, 'must not be empty'),
    size: z.number().optional(),
    tags: z.array(z.string()).optional(),
  });

  it('keeps the named keys, drops the rest, and leaves optional ones out when absent', () => {
    assert.deepStrictEqual(record.parse({ id: 'a', extra: 1 }), { id: 'a' });
    assert.deepStrictEqual(record.parse({ id: 'a', size: 3, tags: ['x'] }), { id: 'a', size: 3, tags: ['x'] });
    assert.deepStrictEqual(record.passthrough().parse({ id: 'a', extra: 1 }), { id: 'a', extra: 1 });
  });

  it("says what is wrong in zod's words, every issue in the shape's order, with its path", () => {
    assert.strictEqual(messageOf(record, { size: '3' }), 'id: Required; size: Expected number, received string');
    assert.strictEqual(messageOf(record, { id: '' }), 'id: must not be empty');
    assert.strictEqual(messageOf(record, null), 'Expected object, received null');
    assert.strictEqual(messageOf(record, []), 'Expected object, received array');
    assert.strictEqual(messageOf(record, { id: 'a', tags: ['x', 2] }), 'tags.1: Expected string, received number');
    assert.strictEqual(messageOf(z.number(), Number.NaN), 'Expected number, received nan');
    assert.strictEqual(messageOf(z.number().int(), 1.5), 'Expected integer, received float');
    assert.strictEqual(messageOf(z.number().nonnegative(), -1), 'Number must be greater than or equal to 0');
    assert.strictEqual(messageOf(z.string().min(2), 'a'), 'String must contain at least 2 character(s)');
    assert.strictEqual(messageOf(z.boolean(), 'true'), 'Expected boolean, received string');
  });

  it('preprocesses before checking, takes the first union alternative that fits, and applies refinements after the type', () => {
    const trimmed = z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(1));
    assert.strictEqual(trimmed.parse(' id '), 'id');
    assert.ok(!trimmed.safeParse('  ').success);
    const codeOrText = z.union([z.object({ code: z.string() }), z.string()]);
    assert.deepStrictEqual(codeOrText.parse({ code: 'X' }), { code: 'X' });
    assert.strictEqual(codeOrText.parse('X'), 'X');
    assert.strictEqual(messageOf(codeOrText, 3), 'Invalid input');
    const present = z
      .number()
      .optional()
      .refine((v) => v !== undefined, 'Required');
    assert.strictEqual(present.parse(0), 0);
    assert.strictEqual(messageOf(present, undefined), 'Required');
    assert.strictEqual(messageOf(present, 'x'), 'Expected number, received string', 'the type first, then the rule');
    assert.throws(
      () => record.parse({}),
      (error: unknown) => error instanceof z.SchemaError && error.issues[0].path[0] === 'id',
    );
  });
});
