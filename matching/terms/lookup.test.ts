/**
 * The vocabulary as data: big enough, every entry readable and findable by its names, no name
 * shared by two entries, and typed text sorted into keys and text.
 */
import { describe, expect, it } from 'vitest';
import { isQualificationKey, QUALIFICATION_COVERS, QUALIFICATION_INDEX, SKILL_INDEX } from '../vocabulary.ts';
import { normaliseTerm, splitTerms } from './lookup.ts';
import { QUALIFICATION_DATA } from './qualifications.ts';
import { SKILL_DATA } from './skills.ts';

describe('the vocabulary', () => {
  it('lists at least 80 qualifications and the original twelve codes stay valid', () => {
    expect(QUALIFICATION_DATA.length).toBeGreaterThanOrEqual(80);
    for (const key of [
      'driver_license',
      'care_initial_training',
      'care_practical_training',
      'certified_care_worker',
      'bookkeeping_2',
      'bookkeeping_3',
      'medical_clerk',
      'childcare_worker',
      'cook',
      'mos',
      'it_passport',
      'forklift',
    ])
      expect(isQualificationKey(key)).toBe(true);
  });
  it('gives every entry a hiragana reading and unique key', () => {
    for (const entry of [...QUALIFICATION_DATA, ...SKILL_DATA]) {
      expect(entry.reading, entry.key).toMatch(/^[ぁ-んー0-9a-z ]+$/);
    }
    expect(new Set(QUALIFICATION_DATA.map((q) => q.key)).size).toBe(QUALIFICATION_DATA.length);
    expect(new Set(SKILL_DATA.map((s) => s.key)).size).toBe(SKILL_DATA.length);
  });
  it('covers the trades we list', () => {
    for (const tag of [
      'nursing',
      'cleaning',
      'chat_support',
      'phone_reception',
      'marketing',
      'video_editing',
      'management',
      'driving',
      'peer_support',
    ])
      expect(SKILL_INDEX.get(tag)).toBe(tag);
  });
  it.each([
    ['宅建', 'real_estate_broker'],
    ['かんごし', 'nurse'],
    ['カンゴシ', 'nurse'],
    ['ヘルパー２級', 'care_initial_training'],
    ['ｍｏｓ', 'mos'],
    ['社労士', 'labor_consultant'],
    ['FP2級', 'fp_2'],
    ['Registered nurse', 'nurse'],
  ])('finds %s as %s', (name, key) => {
    expect(QUALIFICATION_INDEX.get(normaliseTerm(name))).toBe(key);
  });
  it('covers lower grades transitively', () => {
    expect(QUALIFICATION_COVERS.certified_care_worker).toEqual(
      expect.arrayContaining(['care_practical_training', 'care_initial_training']),
    );
    expect(QUALIFICATION_COVERS.bookkeeping_3).toBeUndefined();
  });
});

describe('splitTerms', () => {
  it('sorts typed names into keys and text, without duplicates', () => {
    expect(
      splitTerms(QUALIFICATION_INDEX, [
        '宅建',
        ' 看護師 ',
        '宅地建物取引士',
        'ドローン操縦士',
        'ドローン 操縦士',
        '',
      ]),
    ).toEqual({
      keys: ['real_estate_broker', 'nurse'],
      other: ['ドローン操縦士'],
    });
  });
});
