/**
 * A searchable picker for a long vocabulary (100-odd qualifications) that works on a phone without
 * script: what is chosen shows as ticked boxes (untick to remove), and a few text inputs tied to a
 * <datalist> offer the names as she types a label or its reading (かんご → 看護師). What she types
 * is sent as text and resolved to a key on the server; text no entry knows is kept as written.
 */

import { FieldNotes, fieldId, labelField } from './form-fields.tsx';
import type { FieldErrors, FormValues } from './form-input.ts';
import type { View } from './view.ts';

/** One entry of the vocabulary as the picker shows it. */
export interface PickerTerm {
  key: string;
  label: string;
  /** Shown beside the name in the suggestions, and matched as she types. */
  reading: string;
}

/** How many empty inputs to offer at once; more come after saving. */
const ADD_ROWS = 3;

/**
 * The picker. `name` carries chosen keys, `otherName` chosen text no entry knows, `textName` what
 * she typed (any of them: the server sorts typed names into keys and text).
 *
 * @example <TermPicker name="qualifications" otherName="otherQualifications" textName="qualificationText" … />
 */
export function TermPicker(props: {
  view: View;
  name: string;
  otherName: string;
  textName: string;
  label: string;
  hint?: string;
  terms: readonly PickerTerm[];
  values: FormValues;
  errors: FieldErrors;
}) {
  const words = props.view.m.picker;
  const error = props.errors[props.name] ?? props.errors[props.otherName];
  labelField(props.errors, props.name, props.label);
  const byKey = new Map(props.terms.map((t) => [t.key, t]));
  const chosen = props.values.all(props.name).filter((k) => byKey.has(k));
  const other = props.values.all(props.otherName).filter((t) => t.trim());
  const typed = props.values.all(props.textName).filter((t) => t.trim());
  const listId = `${fieldId(props.textName)}-list`;
  const rows = [...typed, ...Array.from({ length: ADD_ROWS }, () => '')].slice(
    0,
    Math.max(ADD_ROWS, typed.length),
  );
  return (
    <fieldset class={`choices picker${error ? ' has-error' : ''}`} id={fieldId(props.name)}>
      <legend>{props.label}</legend>
      <FieldNotes name={props.name} hint={props.hint} error={error} />
      {(chosen.length > 0 || other.length > 0) && (
        <fieldset class="choices inline bare">
          <legend>{words.chosen}</legend>
          {chosen.map((key) => (
            <label class="choice">
              <input type="checkbox" name={props.name} value={key} checked />
              <span>{byKey.get(key)?.label ?? key}</span>
            </label>
          ))}
          {other.map((text) => (
            <label class="choice">
              <input type="checkbox" name={props.otherName} value={text} checked />
              <span>
                {text}（{words.notInList}）
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {rows.map((value, i) => (
        <label class="field">
          {i === 0 && <span>{words.add}</span>}
          <input
            type="text"
            aria-label={i === 0 ? undefined : words.add}
            name={props.textName}
            value={value}
            list={listId}
            autocomplete="off"
            enterkeyhint="next"
            maxlength={60}
          />
        </label>
      ))}
      <datalist id={listId}>
        {props.terms.map((t) => (
          <option value={t.label}>{t.reading}</option>
        ))}
      </datalist>
    </fieldset>
  );
}
