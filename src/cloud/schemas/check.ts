/*
 * The schema checker the response schemas are written in: the few building blocks they use
 * (objects, strings, numbers, booleans, arrays, unions, optional, preprocess, refine), with
 * zod's wording for what is wrong ("status: Expected string, received number", "id: Required"),
 * in 3 KB instead of zod's 60 (issue 15: the bundle). Import it as a namespace:
 * `import * as z from './check'`.
 *
 * An object keeps the keys its shape names and drops the rest (unless `passthrough`); a key whose
 * schema accepts undefined is optional in the output type. Messages are read in the display
 * language when an issue is found (a schema is built once, at load, before the language is known).
 */
import * as l10n from '@vscode/l10n';

export interface Issue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Every issue of a failed check, in the shape's key order. */
export class SchemaError extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(
      issues
        .map((issue) => (issue.path.length ? l10n.t('{0}: {1}', issue.path.join('.'), issue.message) : issue.message))
        .join(l10n.t('; ')),
    );
    this.name = 'SchemaError';
  }
}

export type Result<T> = { readonly success: true; readonly data: T } | { readonly success: false; readonly error: SchemaError };

type Path = readonly (string | number)[];
type Check<T> = (value: unknown, path: Path, issues: Issue[]) => T;

/** zod's names for what arrived: "null", "array", "nan", "string", … */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
  return typeof value;
}

/** What a refinement says when its rule fails: a message, or one read when the issue is found. */
export type Message = string | (() => string);

/** "Required", in the display language: for `refine` rules that a value be present. */
export const required: Message = () => l10n.t('Required');

const mismatch = (expected: string, value: unknown): string =>
  value === undefined ? l10n.t('Required') : l10n.t('Expected {0}, received {1}', expected, kindOf(value));

export class Schema<T> {
  /** The output type, for `output<typeof schema>`; never set. */
  declare readonly _output: T;

  constructor(protected readonly run: Check<T>) {}

  /** Checks `value` and collects its issues under `path` (for the schemas that contain this one). */
  check(value: unknown, path: Path, issues: Issue[]): T {
    return this.run(value, path, issues);
  }

  safeParse(value: unknown): Result<T> {
    const issues: Issue[] = [];
    const data = this.run(value, [], issues);
    return issues.length ? { success: false, error: new SchemaError(issues) } : { success: true, data };
  }

  parse(value: unknown): T {
    const result = this.safeParse(value);
    if (!result.success) throw result.error;
    return result.data;
  }

  optional(): Schema<T | undefined> {
    return new Schema((value, path, issues) => (value === undefined ? undefined : this.run(value, path, issues)));
  }

  /** Adds a rule the value must also meet, with the message said when it does not. */
  refine(rule: (value: T) => boolean, message: Message): Schema<T> {
    return new Schema(this.refined(rule, message));
  }

  /** This check, then `rule` on a value of the right type. */
  protected refined(rule: (value: T) => boolean, message: Message): Check<T> {
    return (value, path, issues) => {
      const before = issues.length;
      const result = this.run(value, path, issues);
      if (issues.length === before && !rule(result)) issues.push({ path, message: typeof message === 'function' ? message() : message });
      return result;
    };
  }
}

export type AnySchema = Schema<unknown>;
export type output<S> = S extends Schema<infer T> ? T : never;

export class StringSchema extends Schema<string> {
  min(length: number, message: Message = () => l10n.t('String must contain at least {0} character(s)', length)): StringSchema {
    return new StringSchema(this.refined((value) => value.length >= length, message));
  }
}

export class NumberSchema extends Schema<number> {
  int(): NumberSchema {
    return new NumberSchema(this.refined(Number.isInteger, () => l10n.t('Expected integer, received float')));
  }

  nonnegative(): NumberSchema {
    return new NumberSchema(
      this.refined(
        (value) => value >= 0,
        () => l10n.t('Number must be greater than or equal to 0'),
      ),
    );
  }
}

function primitive<T>(type: 'string' | 'number' | 'boolean'): Check<T> {
  return (value, path, issues) => {
    // NaN is not a number here, as in zod.
    if (typeof value !== type || (type === 'number' && Number.isNaN(value))) issues.push({ path, message: mismatch(type, value) });
    return value as T;
  };
}

export const string = (): StringSchema => new StringSchema(primitive('string'));
export const number = (): NumberSchema => new NumberSchema(primitive('number'));
export const boolean = (): Schema<boolean> => new Schema(primitive('boolean'));
export const unknown = (): Schema<unknown> => new Schema((value) => value);

export function array<T>(item: Schema<T>): Schema<T[]> {
  return new Schema((value, path, issues) => {
    if (!Array.isArray(value)) {
      issues.push({ path, message: mismatch('array', value) });
      return [];
    }
    return value.map((element, index) => item.check(element, [...path, index], issues));
  });
}

/** The first alternative that accepts the value; "Invalid input" when none does. */
export function union<A, B>(alternatives: readonly [Schema<A>, Schema<B>]): Schema<A | B> {
  return new Schema<A | B>((value, path, issues) => {
    for (const alternative of alternatives) {
      const tried: Issue[] = [];
      const result = alternative.check(value, path, tried);
      if (tried.length === 0) return result;
    }
    issues.push({ path, message: l10n.t('Invalid input') });
    return value as A | B;
  });
}

/** Passes the value through `prepare` (trimming, null to undefined, "12" to 12) before checking it. */
export function preprocess<T>(prepare: (value: unknown) => unknown, schema: Schema<T>): Schema<T> {
  return new Schema((value, path, issues) => schema.check(prepare(value), path, issues));
}

export type Shape = Readonly<Record<string, AnySchema>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends output<S[K]> ? K : never }[keyof S];
type Flatten<T> = { [K in keyof T]: T[K] };
export type ObjectOutput<S extends Shape> = Flatten<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: output<S[K]> } & { [K in OptionalKeys<S>]?: output<S[K]> }
>;

export class ObjectSchema<S extends Shape> extends Schema<ObjectOutput<S>> {
  constructor(
    readonly shape: S,
    private readonly keepUnknownKeys = false,
  ) {
    super((value, path, issues) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        issues.push({ path, message: mismatch('object', value) });
        return {} as ObjectOutput<S>;
      }
      const input = value as Record<string, unknown>;
      const result: Record<string, unknown> = this.keepUnknownKeys ? { ...input } : {};
      for (const key of Object.keys(shape)) {
        const checked = shape[key].check(input[key], [...path, key], issues);
        if (checked !== undefined || key in input) result[key] = checked;
      }
      return result as ObjectOutput<S>;
    });
  }

  /** Keeps the keys the shape does not name, as they arrived. */
  passthrough(): ObjectSchema<S> {
    return new ObjectSchema(this.shape, true);
  }
}

export const object = <S extends Shape>(shape: S): ObjectSchema<S> => new ObjectSchema(shape);
