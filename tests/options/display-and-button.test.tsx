// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ButtonClick } from '@/components/options/ButtonClick';
import { DisplayFormats } from '@/components/options/DisplayFormats';
import { settings } from '@/lib/storage/settings';
import { byLabel, choose, click, mount, notices, until, useOptionsTestBrowser } from './harness';

describe('display formats', () => {
  useOptionsTestBrowser();

  it('offers each format with an example and saves a choice at once', async () => {
    const page = mount(<DisplayFormats />);
    const time = await until(() => {
      const select = byLabel<HTMLSelectElement>(page, 'Time format');
      expect(select.disabled).toBe(false);
      return select;
    });
    expect([...time.options].map((option) => option.textContent)).toEqual(['24-hour (14:05)', '12-hour (2:05 PM)']);
    const duration = byLabel<HTMLSelectElement>(page, 'Duration format');
    expect([...duration.options].map((option) => option.textContent)).toEqual(['Hours and minutes (1:30)', 'Decimal hours (1.50 h)']);

    choose(time, '12h');
    await until(async () => expect((await settings.getValue()).timeFormat).toBe('12h'));
    choose(duration, 'decimal');
    await until(async () => expect((await settings.getValue()).durationFormat).toBe('decimal'));
    await until(() => expect(notices(page)).toContain('Saved.'));
  });
});

describe('what the in-page button does', () => {
  useOptionsTestBrowser();

  it('starts at once by default; always choosing first is one click away', async () => {
    const page = mount(<ButtonClick />);
    const start = await until(() => {
      const radio = byLabel(page, 'Start at once');
      expect(radio.disabled).toBe(false);
      return radio;
    });
    expect(start.checked).toBe(true);

    click(byLabel(page, 'Always choose the task first'));
    await until(async () => expect((await settings.getValue()).buttonClick).toBe('confirm'));
    click(start);
    await until(async () => expect((await settings.getValue()).buttonClick).toBe('start'));
  });
});
