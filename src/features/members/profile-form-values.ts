/**
 * The member's profile form as data: a saved profile as form values, first-time values, and the
 * API input built from a posted form. Her place is typed as a name and resolved to an area code
 * on the server; problems found on the way come back as field errors.
 */
import { type FieldErrors, type FormValues, renameErrors, typedMonth } from '../../web/form-input.ts';
import type { View } from '../../web/view.ts';
import { parseWeek, weekValues } from '../../web/week-grid.tsx';
import type { AreaService } from '../areas/area.service.ts';
import { placeValues, resolvePlace, typedPlace } from '../areas/place-field.tsx';
import { CHILD_ROWS, careField, careValues, parseCareLimits } from './care-fields.tsx';
import type { MemberProfile, MemberProfileInput } from './member.schemas.ts';
import { parseResume, resumeValues } from './resume-fields.tsx';

/** The name of her weekly editor's fields. */
export const WEEK = 'week';

/** A saved profile as form values. */
export function profileValues(profile: MemberProfile) {
  const target = profile.targetAreas[0];
  return {
    // The version this edit starts from: saving refuses it (409) if the profile changed meanwhile.
    expectedVersion: profile.version,
    familyName: profile.familyName,
    givenName: profile.givenName,
    phone: profile.phone,
    ...placeValues('area', profile.area),
    homeTown: profile.homeTown,
    ...(target
      ? {
          ...placeValues('target', target),
          'target.relocation': target.needsRelocationSupport,
          'target.moveFrom': target.moveFrom,
          'target.maxCommuteMinutes': target.maxCommuteMinutes,
        }
      : {}),
    ...weekValues(WEEK, profile.availability.windows),
    'availability.maxHoursPerWeek': profile.availability.maxHoursPerWeek,
    'availability.earliestStartDate': profile.availability.earliestStartDate,
    'commute.maxMinutes': profile.commute.maxMinutes,
    'commute.mode': profile.commute.mode,
    ...Object.fromEntries(
      profile.children.flatMap((child, i) => [
        [`children.${i}.birthYear`, child.birthYear],
        [`children.${i}.birthMonth`, child.birthMonth],
        [`children.${i}.care`, child.care],
        [`children.${i}.pickupTime`, child.pickupTime],
      ]),
    ),
    ...careValues(profile.availability.careLimits ?? []),
    skills: profile.skills.map((s) => s.tag),
    qualifications: profile.qualifications,
    otherQualifications: profile.otherQualifications,
    'pay.floor.amount': profile.pay.floor?.amount,
    'pay.floor.unit': profile.pay.floor?.unit,
    'pay.wish.amount': profile.pay.wish?.amount,
    'pay.wish.unit': profile.pay.wish?.unit,
    employmentTypes: profile.employmentTypes,
    remoteWish: profile.remoteWish,
    ...Object.fromEntries(
      profile.direction.desiredCategories.map((category, i) => [`direction.choice.${i}`, category]),
    ),
    'direction.selfPr': profile.direction.selfPr,
    'direction.pace': profile.direction.pace ?? '',
    ...resumeValues(profile.resume),
  };
}

/** How many ranked choices of work the form offers (the API takes up to five). */
export const DIRECTION_CHOICES = 3;

/** First-time values: a weekday daytime week, the most common wish, so she edits rather than builds. */
export const NEW_PROFILE_VALUES = {
  'availability.maxHoursPerWeek': 20,
  'commute.maxMinutes': 30,
  'commute.mode': 'transit',
  remoteWish: 'no_preference',
};

/**
 * Builds the API input from the posted form. Problems found on the way (an unknown town, half a
 * time window) come back as field errors; `placeErrors` moves the schema's errors onto the form.
 */
export async function profileInputFrom(
  values: FormValues,
  areas: AreaService,
  view: View,
  saved: MemberProfile | undefined,
): Promise<{
  input: MemberProfileInput | unknown;
  errors: FieldErrors;
  placeErrors: (errors: FieldErrors) => FieldErrors;
}> {
  const errors: FieldErrors = {};
  const week = parseWeek(values, WEEK, view.m, { remoteOnly: true });
  Object.assign(errors, week.errors);

  const area = await resolvePlace(areas, view.m, 'area', typedPlace(values, 'area'));
  if (!area.ok) errors[area.field] = area.error;
  const typedTarget = typedPlace(values, 'target');
  const target =
    typedTarget.prefCode || typedTarget.name
      ? await resolvePlace(areas, view.m, 'target', typedTarget, { wholePrefecture: true })
      : undefined;
  if (target && !target.ok) errors[target.field] = target.error;
  // Target areas beyond the first are kept as saved: the form edits one, the API allows ten.
  const otherTargets = (saved?.targetAreas.slice(1) ?? []).map((t) => ({
    areaCode: t.code,
    needsRelocationSupport: t.needsRelocationSupport,
    ...(t.moveFrom ? { moveFrom: t.moveFrom } : {}),
    ...(t.maxCommuteMinutes !== undefined ? { maxCommuteMinutes: t.maxCommuteMinutes } : {}),
  }));
  // Her plan for the move: a month typed as 2027-04 or 2027/4 (full-width digits too) reads as YYYY-MM.
  const moveFrom = typedMonth(values.text('target.moveFrom'));
  const targetMax = values.number('target.maxCommuteMinutes');

  const levelOf = new Map(saved?.skills.map((s) => [s.tag, s.level]) ?? []);
  const children = Array.from({ length: CHILD_ROWS }, (_, i) => ({
    birthYear: values.number(`children.${i}.birthYear`),
    birthMonth: values.number(`children.${i}.birthMonth`),
    ...(values.text(`children.${i}.care`) ? { care: values.text(`children.${i}.care`) } : {}),
    ...(values.text(`children.${i}.pickupTime`)
      ? { pickupTime: values.text(`children.${i}.pickupTime`) }
      : {}),
  })).filter((child) => child.birthYear !== undefined || child.birthMonth !== undefined);
  const careLimits = parseCareLimits(values);
  const money = (name: string) => {
    const amount = values.number(`${name}.amount`);
    return amount === undefined ? undefined : { amount, unit: values.text(`${name}.unit`) || 'hour' };
  };
  const input = {
    familyName: values.text('familyName') ?? '',
    givenName: values.text('givenName') ?? '',
    ...(values.text('phone')?.trim() ? { phone: values.text('phone')?.trim() } : {}),
    areaCode: area.ok ? area.area.code : '000000',
    ...(values.text('homeTown')?.trim() ? { homeTown: values.text('homeTown')?.trim() } : {}),
    targetAreas: [
      ...(target?.ok
        ? [
            {
              areaCode: target.area.code,
              needsRelocationSupport: values.checked('target.relocation'),
              ...(moveFrom ? { moveFrom } : {}),
              ...(targetMax !== undefined ? { maxCommuteMinutes: targetMax } : {}),
            },
          ]
        : []),
      ...otherTargets,
    ],
    availability: {
      windows: week.windows,
      careLimits,
      maxHoursPerWeek: values.number('availability.maxHoursPerWeek'),
      ...(values.text('availability.earliestStartDate')
        ? { earliestStartDate: values.text('availability.earliestStartDate') }
        : {}),
    },
    commute: { maxMinutes: values.number('commute.maxMinutes'), mode: values.text('commute.mode') },
    children,
    skills: values.all('skills').map((tag) => ({ tag, level: levelOf.get(tag) ?? 2 })),
    qualifications: values.all('qualifications'),
    // Ticked text she entered before, and names she typed now (the service finds their keys).
    otherQualifications: [...values.all('otherQualifications'), ...values.all('qualificationText')]
      .map((t) => t.trim())
      .filter(Boolean),
    pay: {
      ...(money('pay.floor') ? { floor: money('pay.floor') } : {}),
      ...(money('pay.wish') ? { wish: money('pay.wish') } : {}),
    },
    employmentTypes: values.all('employmentTypes'),
    remoteWish: values.text('remoteWish'),
    direction: {
      // Her choices in order, blanks and repeats left out (the first of a repeat is her rank for it).
      desiredCategories: [
        ...new Set(
          Array.from(
            { length: DIRECTION_CHOICES },
            (_, i) => values.text(`direction.choice.${i}`) ?? '',
          ).filter(Boolean),
        ),
      ],
      ...(values.text('direction.selfPr')?.trim() ? { selfPr: values.text('direction.selfPr')?.trim() } : {}),
      ...(values.text('direction.pace') ? { pace: values.text('direction.pace') } : {}),
    },
    resume: parseResume(values),
    privacy: saved?.privacy ?? { hideMunicipality: false, blockedOrganisationIds: [] },
  };
  return {
    input,
    errors,
    placeErrors: (validation) =>
      renameErrors(week.placeErrors(validation, 'availability.windows'), (name) =>
        name === 'areaCode'
          ? 'area.name'
          : name.startsWith('targetAreas') && name.endsWith('moveFrom')
            ? 'target.moveFrom'
            : name.startsWith('targetAreas') && name.endsWith('maxCommuteMinutes')
              ? 'target.maxCommuteMinutes'
              : name.startsWith('targetAreas')
                ? 'target.name'
                : name.startsWith('availability.careLimits')
                  ? careField(careLimits, name)
                  : name,
      ),
  };
}
