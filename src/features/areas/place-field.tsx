/**
 * Choosing a place without JavaScript: a prefecture select and a typed municipality name, turned
 * into an area code on the server. A name that fits several places (or none) comes back as a
 * field error saying which, so she can type it more fully.
 */
import { fieldId, type Option, SelectField, TextField } from '../../web/form-fields.tsx';
import type { FieldErrors, FormValues } from '../../web/form-input.ts';
import type { View } from '../../web/view.ts';
import type { Area, AreaService } from './area.service.ts';

/** The prefectures as select options, in code order. */
export async function prefectureOptions(areas: AreaService): Promise<Option[]> {
  return (await areas.prefectures()).map((p) => ({ value: p.prefCode, label: p.name }));
}

/** Form values that show an already chosen place (the first two digits of a code are its prefecture). */
export function placeValues(prefix: string, place: { code: string; name: string }): Record<string, string> {
  return { [`${prefix}.prefCode`]: place.code.slice(0, 2), [`${prefix}.name`]: place.name };
}

/** What was typed in a place's two fields, trimmed; blank when both are empty. */
export function typedPlace(values: FormValues, prefix: string) {
  return {
    prefCode: values.text(`${prefix}.prefCode`)?.trim() ?? '',
    name: (values.text(`${prefix}.name`) ?? '').replace(/[\s\u3000]+/g, ''),
  };
}

export type ResolvedPlace = { ok: true; area: Area } | { ok: false; field: string; error: string };

/**
 * The one municipality or ward a typed name means in a prefecture: an exact name first ('府中市'),
 * then the one name ending with it ('港北区' → '横浜市港北区'), then a single match of any kind
 * (a reading such as 'ふちゅう' also matches). With `wholePrefecture`, no municipality means the
 * prefecture itself.
 * @example await resolvePlace(areas, m, 'headOffice', { prefCode: '14', name: '港北区' })
 */
export async function resolvePlace(
  areas: AreaService,
  m: View['m'],
  prefix: string,
  typed: { prefCode: string; name: string },
  options: { wholePrefecture?: boolean } = {},
): Promise<ResolvedPlace> {
  const words = m.employer.place;
  if (!typed.prefCode) return { ok: false, field: `${prefix}.prefCode`, error: words.choosePrefecture };
  if (!typed.name && !options.wholePrefecture)
    return { ok: false, field: `${prefix}.name`, error: words.enterMunicipality };
  const prefecture = (await areas.prefectures()).find((p) => p.prefCode === typed.prefCode);
  if (!prefecture) return { ok: false, field: `${prefix}.prefCode`, error: words.choosePrefecture };
  const name = typed.name.startsWith(prefecture.name) ? typed.name.slice(prefecture.name.length) : typed.name;
  // Where a whole prefecture is a valid answer (a hometown she would move back to, a notice's
  // audience), no municipality — or the prefecture's own name, as a saved one is shown — means it.
  if (!name && options.wholePrefecture) return { ok: true, area: prefecture };
  if (!name) return { ok: false, field: `${prefix}.name`, error: words.enterMunicipality };
  const { items } = await areas.search({ prefCode: typed.prefCode, q: name, limit: 30, offset: 0 });
  const places = items.filter((a) => a.point);
  const one = [
    places.filter((a) => a.name === name),
    places.filter((a) => a.name.endsWith(name)),
    places,
  ].find((list) => list.length === 1)?.[0];
  if (one) return { ok: true, area: one };
  if (places.length === 0) return { ok: false, field: `${prefix}.name`, error: words.notFound(typed.name) };
  const names = places.slice(0, 5).map((a) => a.name);
  if (places.length > 5) names.push('…');
  return { ok: false, field: `${prefix}.name`, error: words.ambiguous(names) };
}

/** The prefecture select and the municipality field, side by side on a wide screen. */
export function PlaceFields(props: {
  view: View;
  prefix: string;
  prefectures: Option[];
  values: FormValues;
  errors: FieldErrors;
  required?: boolean;
}) {
  const { view, prefix, values, errors } = props;
  const words = view.m.employer.place;
  return (
    <div class="two place" id={fieldId(prefix)}>
      <SelectField
        name={`${prefix}.prefCode`}
        label={words.prefecture}
        options={props.prefectures}
        placeholder={view.m.employer.editor.choose}
        values={values}
        errors={errors}
        required={props.required}
      />
      <TextField
        name={`${prefix}.name`}
        label={words.municipality}
        hint={words.municipalityHint}
        values={values}
        errors={errors}
        maxlength={40}
        required={props.required}
      />
    </div>
  );
}
