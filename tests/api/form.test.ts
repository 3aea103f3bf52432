import { describe, expect, it } from 'vitest';
import { encodeForm, toPairs } from '@/lib/api/form';

describe('form encoding', () => {
  it('writes nested lists and records as PHP bracket keys', () => {
    expect(
      toPairs({ computer_activities: [{ application_name: 'Internet', task_id: 7 }, { application_name: 'Code' }] }),
    ).toEqual([
      ['computer_activities[0][application_name]', 'Internet'],
      ['computer_activities[0][task_id]', '7'],
      ['computer_activities[1][application_name]', 'Code'],
    ]);
  });

  it('sends booleans as true/false, as the OpenAPI description documents them, and leaves out absent values', () => {
    expect(encodeForm({ billable: true, with_subtasks: false, note: undefined, parent_id: null, name: 'a b&c' })).toBe(
      'billable=true&with_subtasks=false&name=a+b%26c',
    );
  });
});
