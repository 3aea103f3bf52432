// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { NoteTemplate } from '@/components/options/NoteTemplate';
import { settings } from '@/lib/storage/settings';
import { button, buttons, byLabel, click, descriptionOf, mount, notices, type, until, useOptionsTestBrowser } from './harness';

async function mounted() {
  const page = mount(<NoteTemplate />);
  const field = await until(() => {
    const input = byLabel(page, 'Note template');
    expect(input.disabled).toBe(false);
    return input;
  });
  return { page, field, preview: () => page.querySelector('.preview-text')!.textContent };
}

describe('note template', () => {
  useOptionsTestBrowser();

  it('shows the stored template and a preview of it for an example issue', async () => {
    const { field, preview, page } = await mounted();
    expect(field.value).toBe('{key} {title}');
    expect(preview()).toBe('#12 Fix login redirect');
    expect(descriptionOf(field)).toContain('Preview: #12 Fix login redirect');
    // Nothing changed, nothing to save.
    expect(buttons(page, 'Save')).toHaveLength(0);
  });

  it('previews as the user types, and saves on Save', async () => {
    const { field, preview, page } = await mounted();
    type(field, '[{project}] {key}: {title} ({url})');
    expect(preview()).toBe('[octo/app] #12: Fix login redirect (https://github.com/octo/app/issues/12)');

    click(button(page, 'Save'));
    await until(async () => expect((await settings.getValue()).noteTemplate).toBe('[{project}] {key}: {title} ({url})'));
    await until(() => expect(notices(page)).toContain('Note template saved.'));
    expect(buttons(page, 'Save')).toHaveLength(0);
  });

  it.each([
    ['', 'The template cannot be empty'],
    ['   ', 'The template cannot be empty'],
    ['{key} {tittle}', '{tittle} is not a placeholder'],
  ])('refuses %j, explains it next to the field, and keeps the stored one', async (typed, explanation) => {
    const { field, page } = await mounted();
    type(field, typed);
    click(button(page, 'Save'));

    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(field)).toContain(explanation);
    expect((await settings.getValue()).noteTemplate).toBe('{key} {title}');
  });

  it('Cancel puts the stored template back; the default is one click away', async () => {
    await settings.setValue({ ...(await settings.getValue()), noteTemplate: '{title}' });
    const { field, page, preview } = await mounted();
    await until(() => expect(field.value).toBe('{title}'));

    type(field, '{url}');
    click(button(page, 'Cancel'));
    expect(field.value).toBe('{title}');

    click(button(page, 'Use the default ({key} {title})'));
    expect(field.value).toBe('{key} {title}');
    expect(preview()).toBe('#12 Fix login redirect');
    click(button(page, 'Save'));
    await until(async () => expect((await settings.getValue()).noteTemplate).toBe('{key} {title}'));
  });
});
