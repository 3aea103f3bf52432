// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { linkOf, nearest, urlOf } from '@/lib/integrations/read';

describe('readers for site files', () => {
  it('finds the match nearest to an element: itself, inside it, then up the tree', () => {
    document.body.innerHTML = `
      <h1 class="t">Page title</h1>
      <ul>
        <li id="a"><span class="t">Row A</span><i class="anchor"></i></li>
        <li id="b"><i class="anchor"></i></li>
      </ul>`;
    const [inRow, bare] = document.querySelectorAll('.anchor');
    expect(nearest(inRow!, '.t')?.textContent).toBe('Row A');
    expect(nearest(bare!, '.t')?.textContent).toBe('Row A'); // the list is the nearest ancestor holding one
    expect(nearest(document.querySelector('h1')!, '.t')?.textContent).toBe('Page title');
    expect(nearest(inRow!, '.nothing')).toBeNull();
  });

  it('resolves addresses against the page and gives null for none or nonsense', () => {
    const page = new URL('https://help.example.com/queue/');
    expect(urlOf('/tickets/1', page)?.href).toBe('https://help.example.com/tickets/1');
    expect(urlOf('t/2', page)?.href).toBe('https://help.example.com/queue/t/2');
    expect(urlOf('', page)).toBeNull();
    expect(urlOf('http://[', page)).toBeNull();
    const link = Object.assign(document.createElement('a'), { href: 'https://x.example.com/a' });
    expect(linkOf(link, page)?.host).toBe('x.example.com');
    expect(linkOf(null, page)).toBeNull();
  });
});
