/**
 * Reading posted forms and turning validation failures into messages next to their fields, in
 * the reader's language. Pages build the API's input shape from the form and validate it with the
 * API's own zod schema, so a page and the API can never disagree about what is valid.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import { JAPANESE_PHONE_PATTERN } from '../features/shared/common.schemas.ts';
import { type RuleCode, ruleCodeOf } from '../features/shared/rule-codes.ts';
import { hiddenCharacterIssues } from '../http/hidden-characters.ts';
import type { Messages } from './messages/index.ts';

/** Field name (dotted path) → message, in the order the problems were found. */
export type FieldErrors = Record<string, string>;

export interface FormValues {
  text(name: string): string | undefined;
  all(name: string): string[];
  checked(name: string): boolean;
  /** Blank is undefined; full-width digits and thousands commas are accepted (IME input). */
  number(name: string): number | undefined;
  /** Every name that has a value (for carrying a form's other answers through a partial page). */
  names(): string[];
}

type RawValue = string | readonly string[] | number | boolean | undefined | null;

const FULL_WIDTH = /[０-９．－]/g;

/** '１２,０００' → '12000'. */
export function normaliseNumber(text: string): string {
  return text
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '');
}

/**
 * Values from a posted form or from an entity being edited.
 * @example formValues({ 'pay.min': 1200, 'facts': ['short_time_allowed'] }).number('pay.min') // 1200
 */
export function formValues(record: Record<string, RawValue>): FormValues {
  const all = (name: string): string[] => {
    const value = record[name];
    if (value === undefined || value === null || value === false) return [];
    if (Array.isArray(value)) return value.map(String);
    return [value === true ? 'on' : String(value)];
  };
  const text = (name: string) => all(name)[0];
  return {
    text,
    all,
    checked: (name) => {
      const value = text(name);
      return value !== undefined && value !== '' && value !== 'false';
    },
    number: (name) => {
      const value = text(name)?.trim();
      return value ? Number(normaliseNumber(value)) : undefined;
    },
    names: () => Object.keys(record).filter((name) => all(name).length > 0),
  };
}

export const noValues = formValues({});

/**
 * A month as typed: 2027-04, 2027/4, 2027年4月 or with full-width digits all read as YYYY-MM;
 * anything else comes back trimmed for the schema to refuse, blank as undefined.
 *
 * @example typedMonth('２０２７年４月') // '2027-04'
 */
export function typedMonth(text: string | undefined): string | undefined {
  const normalised = normaliseNumber(text?.trim() ?? '').replace(/[/.年]/g, '-');
  const match = /^(\d{4})-(\d{1,2})月?$/.exec(normalised);
  return match ? `${match[1]}-${(match[2] ?? '').padStart(2, '0')}` : normalised || undefined;
}

/** The posted form (urlencoded or multipart; files are ignored). */
export async function readForm(c: Context): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true });
  const record: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(body)) {
    const strings = (Array.isArray(value) ? value : [value]).filter(
      (v): v is string => typeof v === 'string',
    );
    record[name] = strings.length === 1 ? (strings[0] as string) : strings;
  }
  return formValues(record);
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * Rules with words of their own, by code: a refinement's (`params.code`, see
 * features/shared/rule-codes.ts) or a service's field issue (`unknown_area`…). Rules not listed
 * here are said by zod's issue code below.
 */
const RULE_MESSAGES: Partial<Record<RuleCode | OtherIssueCode, (m: Messages) => string>> = {
  end_after_start: (m) => m.validation.endAfterStart,
  home_after_leaving: (m) => m.validation.homeAfterLeaving,
  overlap: (m) => m.validation.overlap,
  duplicate: (m) => m.validation.duplicate,
  reason_code_required: (m) => m.validation.choose,
  reason_required: (m) => m.validation.required,
  override_required: (m) => m.coordinator.decision.overrideRequired,
  unknown_area: (m) => m.validation.unknownArea,
  phone: (m) => m.validation.phone,
};

/** Codes from elsewhere that a form says in words of their own: services' field issues, the phone pattern. */
type OtherIssueCode = 'override_required' | 'unknown_area' | 'phone';

interface IssueLike {
  code: string;
  message: string;
  path: readonly PropertyKey[] | string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  pattern?: string;
  expected?: string;
  input?: unknown;
  params?: Record<string, unknown> | undefined;
}

/**
 * The code that says which rule an issue broke: a refinement's own, `phone` for the phone
 * number's pattern (a format check carries no code), else the issue's (zod's or a service's).
 * @example issueCode({ code: 'custom', message: '…', path: ['end'], params: { code: 'end_after_start' } }) // 'end_after_start'
 */
export function issueCode(issue: IssueLike): string {
  const rule = ruleCodeOf(issue);
  if (rule) return rule;
  if (issue.format === 'regex' && issue.pattern === String(JAPANESE_PHONE_PATTERN)) return 'phone';
  return issue.code;
}

/** One validation problem in the reader's words. */
export function messageFor(issue: IssueLike, m: Messages): string {
  const v = m.validation;
  const said = RULE_MESSAGES[issueCode(issue) as RuleCode | OtherIssueCode];
  if (said) return said(m);
  switch (issue.code) {
    case 'hidden_characters':
      return v.hiddenCharacters;
    case 'invalid_type':
      // Parsed with `reportInput`, so a missing value shows as an input that is undefined.
      if ('input' in issue && issue.input === undefined) return v.required;
      return issue.expected === 'number' ? v.number : v.invalid;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? v.required : v.tooShort(Number(issue.minimum));
      if (issue.origin === 'array' || issue.origin === 'set') return v.fewItems(Number(issue.minimum));
      return v.atLeast(Number(issue.minimum));
    case 'too_big':
      if (issue.origin === 'string') return v.tooLong(Number(issue.maximum));
      if (issue.origin === 'array' || issue.origin === 'set') return v.manyItems(Number(issue.maximum));
      return v.atMost(Number(issue.maximum));
    case 'invalid_format':
      return issue.format === 'email' ? v.email : v.format;
    case 'invalid_value':
    case 'invalid_union':
      return v.choose;
    default:
      return v.invalid;
  }
}

const pathOf = (path: IssueLike['path']) =>
  typeof path === 'string' ? path.replace(/^body\./, '') : path.map(String).join('.');

/** Keeps the first problem per field: one clear message beats three. */
function collect(issues: readonly IssueLike[], m: Messages): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const name = pathOf(issue.path) || 'form';
    errors[name] ??= messageFor(issue, m);
  }
  return errors;
}

/**
 * Validates form-built input with an API schema.
 * @example const result = validate(SignInSchema, { email, password }, view.m)
 */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  m: Messages,
): Validated<z.output<S>> {
  const parsed = schema.safeParse(input, { reportInput: true });
  // The same refusal of control and text-direction characters as the API's (src/http/hidden-characters.ts).
  const hidden = hiddenCharacterIssues(input, '').map((issue) => ({ ...issue, path: issue.path.slice(1) }));
  const issues = [...hidden, ...(parsed.success ? [] : (parsed.error.issues as IssueLike[]))];
  if (parsed.success && hidden.length === 0) return { ok: true, value: parsed.data };
  return { ok: false, errors: collect(issues, m) };
}

/** A service's field-level refusal (unknown area code…) as form errors; other errors are not ours. */
export function fieldErrorsOf(error: unknown, m: Messages): FieldErrors | undefined {
  if (error instanceof AppError && error.code === 'validation_failed' && error.issues) {
    return collect(error.issues, m);
  }
  return undefined;
}

/**
 * For an edit refused because the record changed meanwhile (409 naming fields): each differing
 * field with a note to check it; undefined for any other error.
 */
export function changedFieldsOf(error: unknown, m: Messages): FieldErrors | undefined {
  if (!(error instanceof AppError) || error.code !== 'conflict' || !error.issues) return undefined;
  return Object.fromEntries(
    error.issues
      .filter((issue) => issue.code === 'changed_meanwhile')
      .map((issue) => [issue.path.replace(/^body\./, ''), m.errors.changedMeanwhileField]),
  );
}

/** The same values with one replaced (the hidden version, after a conflict). */
export function withValue(values: FormValues, name: string, value: string): FormValues {
  return {
    text: (n) => (n === name ? value : values.text(n)),
    all: (n) => (n === name ? [value] : values.all(n)),
    checked: (n) => (n === name ? value !== '' : values.checked(n)),
    number: (n) => (n === name ? Number(value) : values.number(n)),
    names: () => [...new Set([...values.names(), name])],
  };
}

/** Moves errors from one field name to another (e.g. list positions to the grid cells they came from). */
export function renameErrors(errors: FieldErrors, rename: (name: string) => string): FieldErrors {
  const renamed: FieldErrors = {};
  for (const [name, message] of Object.entries(errors)) renamed[rename(name)] ??= message;
  return renamed;
}
