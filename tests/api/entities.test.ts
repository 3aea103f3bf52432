import { describe, expect, it } from 'vitest';
import { decodeEntities } from '@/lib/api/entities';

describe('decodeEntities', () => {
  it('decodes what htmlspecialchars and numeric references produce', () => {
    expect(decodeEntities('R&amp;D &gt; Research &quot;Q1&quot; &#039;24 &#x263A; caf&#233;')).toBe(`R&D > Research "Q1" '24 ☺ café`);
  });

  it('leaves unknown references and plain ampersands alone, and never produces markup from text', () => {
    expect(decodeEntities('Tom & Jerry &bogus; &#0;')).toBe('Tom & Jerry &bogus; &#0;');
    expect(decodeEntities('&lt;img src=x onerror=alert(1)&gt;')).toBe('<img src=x onerror=alert(1)>');
  });

  it('decodes references up to the last code point and leaves those beyond it as written', () => {
    expect(decodeEntities('&#x10FFFF;&#1114111;')).toBe('\u{10FFFF}\u{10FFFF}');
    expect(decodeEntities('&#x110000; &#1114112;')).toBe('&#x110000; &#1114112;');
  });
});
