/**
 * Forms say the schemas' own rules by their codes: each rule broken through the real schema comes
 * out in her words, and the same code with any English message says the same — so rewording a
 * schema's message for programs cannot change what the Japanese form says.
 */
import { describe, expect, it } from 'vitest';
import { DecisionInputSchema } from '../features/matches/match.schemas.ts';
import { JapanesePhoneSchema } from '../features/shared/common.schemas.ts';
import { RULE_CODES } from '../features/shared/rule-codes.ts';
import { CareLimitSchema, WindowSchema, windowList } from '../features/shared/schedule.schemas.ts';
import { issueCode, messageFor, validate } from './form-input.ts';
import { MESSAGES } from './messages/index.ts';

const ja = MESSAGES.ja;

describe('validation messages by code', () => {
  it('says each coded rule broken through its schema in her words', () => {
    const cases = [
      [WindowSchema, { day: 'mon', start: '10:00', end: '09:00' }, 'end', ja.validation.endAfterStart],
      [
        CareLimitSchema,
        { day: 'mon', leaveHomeFrom: '09:00', homeBy: '08:00' },
        'homeBy',
        ja.validation.homeAfterLeaving,
      ],
      [
        windowList(4),
        [
          { day: 'mon', start: '09:00', end: '12:00' },
          { day: 'mon', start: '11:00', end: '13:00' },
        ],
        '1',
        ja.validation.overlap,
      ],
      [JapanesePhoneSchema, '12-34', 'form', ja.validation.phone],
      [
        DecisionInputSchema,
        { decision: 'reject', reason: '', expectedVersion: 1 },
        'reasonCode',
        ja.validation.choose,
      ],
    ] as const;
    for (const [schema, input, field, message] of cases) {
      const result = validate(schema, input, ja);
      expect(result.ok ? {} : result.errors, field).toMatchObject({ [field]: message });
    }
  });

  it('reads the code, never the English message', () => {
    const reworded = (code: string) => ({
      code: 'custom',
      message: 'reworded',
      path: ['x'],
      params: { code },
    });
    expect(messageFor(reworded('end_after_start'), ja)).toBe(ja.validation.endAfterStart);
    expect(messageFor(reworded('duplicate'), ja)).toBe(ja.validation.duplicate);
    expect(messageFor(reworded('reason_required'), ja)).toBe(ja.validation.required);
    // A service's field issue is read by its code too.
    expect(messageFor({ code: 'unknown_area', message: 'reworded', path: 'body.areaCode' }, ja)).toBe(
      ja.validation.unknownArea,
    );
    // A code nobody gave words is said plainly, not guessed from its English.
    expect(messageFor({ ...reworded('break_too_long'), message: 'end must be after start' }, ja)).toBe(
      ja.validation.invalid,
    );
  });

  it('knows every code a refinement may carry', () => {
    for (const code of RULE_CODES) {
      expect(issueCode({ code: 'custom', message: '', path: [], params: { code } })).toBe(code);
    }
    expect(issueCode({ code: 'custom', message: '', path: [], params: { code: 'not_a_rule' } })).toBe(
      'custom',
    );
  });
});
