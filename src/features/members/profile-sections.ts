/**
 * The profile in sections: which form fields belong to which part, the order of the guided first
 * run, and where an error or a missing part sends her. One list, so the form, the first run and the
 * home page's "what is missing" links all agree on what a section holds.
 */
import type { FieldErrors, FormValues } from '../../web/form-input.ts';

/** The sections in the order of the first run: where she lives, her week, her children, her wishes. */
export const PROFILE_SECTIONS = ['place', 'week', 'children', 'wishes', 'resume'] as const;
export type ProfileSection = (typeof PROFILE_SECTIONS)[number];

/**
 * The first run asks these, one page each. The résumé is left out: it is optional and only worth
 * writing once she wants an introduction, so the profile overview offers it instead.
 */
export const GUIDED_STEPS: readonly ProfileSection[] = ['place', 'week', 'children', 'wishes'];

/**
 * The first step whose answers make a profile that can be saved (the API needs at least one time
 * she can work): the steps before it are carried in the form until then, every step from it on is
 * saved as she goes.
 */
export const FIRST_SAVED_STEP: ProfileSection = 'week';

/** Field names (or name prefixes ending in '.') of each section, as the form posts them. */
const FIELDS: Record<ProfileSection, readonly string[]> = {
  place: ['familyName', 'givenName', 'phone', 'area.', 'homeTown', 'target.', 'commute.'],
  week: ['week', 'week.', 'care.', 'availability.'],
  children: ['children.'],
  wishes: [
    'skills',
    'qualifications',
    'otherQualifications',
    'qualificationText',
    'pay.',
    'employmentTypes',
    'remoteWish',
    'direction.',
  ],
  resume: ['resume.', 'direction.selfPr'],
};

/** Posted values that steer the form rather than describe her (never carried as her answers). */
const CONTROL_FIELDS = new Set(['_csrf', 'expectedVersion', 'next', 'guided']);

/**
 * The section a form field belongs to, or undefined for control fields and unknown names.
 *
 * @example sectionOfField('week.tue.0.end') // 'week'
 */
export function sectionOfField(name: string): ProfileSection | undefined {
  // Exact names first: 自己PR is posted as direction.selfPr but belongs to the résumé.
  return (
    PROFILE_SECTIONS.find((section) => FIELDS[section].includes(name)) ??
    PROFILE_SECTIONS.find((section) => FIELDS[section].some((f) => f.endsWith('.') && name.startsWith(f)))
  );
}

/** Reads a section name from a query or form value (anything else is undefined). */
export function profileSection(value: string | undefined): ProfileSection | undefined {
  return (PROFILE_SECTIONS as readonly string[]).includes(value ?? '')
    ? (value as ProfileSection)
    : undefined;
}

/** The errors that belong to one section. */
export function errorsIn(errors: FieldErrors, section: ProfileSection): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([name]) => sectionOfField(name) === section));
}

/** The first of `sections` (in their order) with an error, if any. */
export function firstSectionWithErrors(
  errors: FieldErrors,
  sections: readonly ProfileSection[],
): ProfileSection | undefined {
  return sections.find((section) => Object.keys(errorsIn(errors, section)).length > 0);
}

/** The guided step after `step`, or undefined after the last. */
export function nextGuidedStep(step: ProfileSection): ProfileSection | undefined {
  return GUIDED_STEPS[GUIDED_STEPS.indexOf(step) + 1];
}

/**
 * Her answers outside `section`, as name/value pairs to carry in hidden fields, so a page showing
 * one section still posts the whole profile.
 */
export function carriedValues(values: FormValues, section: ProfileSection): [string, string][] {
  return values
    .names()
    .filter((name) => !CONTROL_FIELDS.has(name) && sectionOfField(name) !== section)
    .flatMap((name) => values.all(name).map((value): [string, string] => [name, value]))
    .filter(([, value]) => value !== '');
}
