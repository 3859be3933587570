/**
 * The one message catalog, assembled from one section per audience so each stays readable.
 * English sections are typed by the Japanese ones, so a missing translation fails the type-check.
 */
import { afterHireEn, afterHireJa } from './after-hire.ts';
import { commonEn, commonJa } from './common.ts';
import { coordinatorEn, coordinatorJa } from './coordinator.ts';
import { employerEn, employerJa } from './employer.ts';
import { keepingEn, keepingJa } from './keeping.ts';
import { memberEn, memberJa } from './member.ts';
import { outreachEn, outreachJa } from './outreach.ts';

export const MESSAGES = {
  ja: {
    ...commonJa,
    member: memberJa,
    employer: employerJa,
    coordinator: coordinatorJa,
    afterHire: afterHireJa,
    outreach: outreachJa,
    keeping: keepingJa,
  },
  en: {
    ...commonEn,
    member: memberEn,
    employer: employerEn,
    coordinator: coordinatorEn,
    afterHire: afterHireEn,
    outreach: outreachEn,
    keeping: keepingEn,
  },
};

export type Messages = (typeof MESSAGES)['ja'];
