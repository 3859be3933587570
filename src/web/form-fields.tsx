/**
 * Form building blocks that every page uses, so each field has a label, its hint and its error
 * tied to it for screen readers, keeps what was typed after a failed post, and is large enough
 * to tap. Field names are the dotted paths of the API input ('pay.min'), which is how a
 * validation error finds its field.
 */
import type { Child } from 'hono/jsx';
import { CSRF_FIELD } from './csrf.ts';
import type { FieldErrors, FormValues } from './form-input.ts';
import type { View } from './view.ts';

export interface Option {
  value: string;
  label: string;
}

/** The id a field's input gets; error and hint ids derive from it. */
export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

export function PostForm(props: {
  view: View;
  action: string;
  children: Child;
  class?: string;
  id?: string;
}) {
  return (
    <form method="post" action={props.action} class={props.class} id={props.id} novalidate>
      <input type="hidden" name={CSRF_FIELD} value={props.view.csrfToken} />
      {props.children}
    </form>
  );
}

/**
 * The labels of the fields drawn with one errors object, so that the summary drawn above them can
 * name each field ("パスワード：10文字以上で入力してください", not the message alone).
 */
const fieldLabels = new WeakMap<FieldErrors, Map<string, string>>();

/** Tells the form's error summary what a field with a problem is called; custom widgets call it too. */
export function labelField(errors: FieldErrors, name: string, label: string): void {
  if (!errors[name]) return;
  const labels = fieldLabels.get(errors) ?? new Map<string, string>();
  labels.set(name, label);
  fieldLabels.set(errors, labels);
}

/** The list of problems at the top of a form, each naming its field and linking to it. */
export function ErrorSummary(props: { view: View; errors: FieldErrors }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  const { m } = props.view;
  // The fields are drawn after the summary in the same synchronous pass; resolving a microtask
  // later lets every one of them have said its label by then.
  return Promise.resolve().then(() => {
    const labels = fieldLabels.get(props.errors);
    return (
      <div class="error-summary" role="alert" tabindex={-1}>
        <h2>{m.form.errorSummary}</h2>
        <ul>
          {entries.map(([name, message]) => {
            const label = labels?.get(name);
            return (
              <li>
                <a href={`#${fieldId(name)}`}>{label ? m.form.problemIn(label, message) : message}</a>
              </li>
            );
          })}
        </ul>
      </div>
    );
  });
}

function describedBy(name: string, hint: unknown, error: unknown) {
  const ids = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** A field's hint and error, with the ids its input's aria-describedby names. */
export function FieldNotes(props: { name: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {props.hint && (
        <span class="hint" id={`${fieldId(props.name)}-hint`}>
          {props.hint}
        </span>
      )}
      {props.error && (
        <span class="field-error" id={`${fieldId(props.name)}-error`}>
          {props.error}
        </span>
      )}
    </>
  );
}

interface FieldProps {
  name: string;
  label: string;
  values: FormValues;
  errors: FieldErrors;
  hint?: string;
  required?: boolean;
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'date' | 'month' | 'search';
    autocomplete?: string;
    inputmode?: 'numeric' | 'decimal' | 'tel' | 'email' | 'text';
    maxlength?: number;
    multiline?: boolean;
    suffix?: string;
    /** Suggestions the browser offers as she types (a datalist), e.g. the towns of her area. */
    suggestions?: readonly string[];
  },
) {
  const error = props.errors[props.name];
  labelField(props.errors, props.name, props.label);
  const value = props.values.text(props.name) ?? '';
  const common = {
    id: fieldId(props.name),
    name: props.name,
    required: props.required,
    maxlength: props.maxlength,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy(props.name, props.hint, error),
  };
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={common.id}>
        {props.label}
        {props.required && <span class="required"> *</span>}
      </label>
      <FieldNotes name={props.name} hint={props.hint} error={error} />
      {props.multiline ? (
        <textarea {...common} rows={6}>
          {value}
        </textarea>
      ) : (
        <span class="input-with-suffix">
          <input
            {...common}
            type={props.type === 'number' ? 'text' : (props.type ?? 'text')}
            inputmode={props.type === 'number' ? (props.inputmode ?? 'numeric') : props.inputmode}
            autocomplete={props.autocomplete}
            list={props.suggestions?.length ? `${common.id}-list` : undefined}
            value={value}
          />
          {props.suggestions?.length ? (
            <datalist id={`${common.id}-list`}>
              {props.suggestions.map((s) => (
                <option value={s} />
              ))}
            </datalist>
          ) : null}
          {props.suffix && <span class="suffix">{props.suffix}</span>}
        </span>
      )}
    </div>
  );
}

export function SelectField(props: FieldProps & { options: Option[]; placeholder?: string }) {
  const error = props.errors[props.name];
  labelField(props.errors, props.name, props.label);
  const selected = props.values.text(props.name) ?? '';
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={fieldId(props.name)}>
        {props.label}
        {props.required && <span class="required"> *</span>}
      </label>
      <FieldNotes name={props.name} hint={props.hint} error={error} />
      <select
        id={fieldId(props.name)}
        name={props.name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === selected}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Checkboxes (several) or radio buttons (one) in a fieldset with its legend. */
export function ChoiceGroup(props: FieldProps & { options: Option[]; multiple?: boolean; inline?: boolean }) {
  const error = props.errors[props.name];
  labelField(props.errors, props.name, props.label);
  const chosen = new Set(props.values.all(props.name));
  return (
    <fieldset
      class={`choices${props.inline ? ' inline' : ''}${error ? ' has-error' : ''}`}
      id={fieldId(props.name)}
      aria-describedby={describedBy(props.name, props.hint, error)}
    >
      <legend>
        {props.label}
        {props.required && <span class="required"> *</span>}
      </legend>
      <FieldNotes name={props.name} hint={props.hint} error={error} />
      {props.options.map((option) => (
        <label class="choice">
          <input
            type={props.multiple ? 'checkbox' : 'radio'}
            name={props.name}
            value={option.value}
            checked={chosen.has(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** One yes/no checkbox. */
export function Toggle(props: { name: string; label: string; values: FormValues; hint?: string }) {
  return (
    <div class="field">
      <label class="choice">
        <input type="checkbox" name={props.name} value="on" checked={props.values.checked(props.name)} />
        <span>{props.label}</span>
      </label>
      {props.hint && <span class="hint">{props.hint}</span>}
    </div>
  );
}

export function SubmitButton(props: { label: string; secondary?: boolean; name?: string; value?: string }) {
  return (
    <button
      type="submit"
      class={props.secondary ? 'button secondary' : 'button'}
      name={props.name}
      value={props.value}
    >
      {props.label}
    </button>
  );
}
