import { describe, expect, it } from 'vitest';
import { formatTracked } from '@/components/in-page/timer-button';
import { DEFAULT_NOTE_TEMPLATE, defaultNote } from '@/lib/integrations/note';

const issue = { key: 'PROJ-7', title: 'Export fails', url: 'https://acme.atlassian.net/browse/PROJ-7', project: 'Acme Web' };

describe('defaultNote', () => {
  it('is the key and the title', () => {
    expect(DEFAULT_NOTE_TEMPLATE).toBe('{key} {title}');
    expect(defaultNote(issue)).toBe('PROJ-7 Export fails');
    expect(defaultNote({ key: '#12', title: 'Fix login redirect', url: 'https://github.com/octo/app/issues/12' })).toBe('#12 Fix login redirect');
  });

  it('fills {project} and {url} from a template and leaves other text alone', () => {
    expect(defaultNote(issue, '[{project}] {key}: {title} ({url})')).toBe('[Acme Web] PROJ-7: Export fails (https://acme.atlassian.net/browse/PROJ-7)');
    expect(defaultNote(issue, '{key} {unknown}')).toBe('PROJ-7 {unknown}');
  });

  it('drops an unknown project without leaving double spaces', () => {
    expect(defaultNote({ ...issue, project: undefined }, '{project} {key} {title}')).toBe('PROJ-7 Export fails');
  });

  it('keeps markup in a title as text', () => {
    expect(defaultNote({ ...issue, title: '<img src=x onerror=alert(1)>' })).toBe('PROJ-7 <img src=x onerror=alert(1)>');
  });
});

describe('formatTracked', () => {
  it.each([
    [0, '0:00'],
    [59, '0:00'],
    [60, '0:01'],
    [5100, '1:25'],
    [36_000, '10:00'],
  ])('%i s is %s', (seconds, shown) => {
    expect(formatTracked(seconds)).toBe(shown);
  });
});
