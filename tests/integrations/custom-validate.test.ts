// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { customIntegrationProblems, isValidCustomIntegration, problemText, validateCustomIntegration } from '@/lib/integrations/custom/validate';
import { domainPatterns, isDomain, onDomain } from '@/lib/integrations/domain';
import type { CustomIntegration } from '@/lib/storage/domains';

const VALID: CustomIntegration = {
  id: 'tickets',
  name: 'Tickets',
  domain: 'tickets.example.com',
  pathPattern: '^/tickets/\\d+',
  anchor: '.ticket-tools',
  position: 'prepend',
  title: '.ticket-subject',
  key: '',
};

describe('domains', () => {
  it.each(['gitlab.example.com', 'redmine.example.org:8443', 'localhost', '10.0.0.7:3000', 'GitLab.Example.com'])('accepts %s', (domain) => {
    expect(isDomain(domain)).toBe(true);
  });

  it.each(['', 'https://gitlab.example.com', 'gitlab.example.com/', 'gitlab.example.com/group', '*.example.com', 'a..b', '-x.example.com', 'x.example.com:0', 'x.example.com:70000', 'x y.com'])(
    'refuses %j',
    (domain) => expect(isDomain(domain)).toBe(false),
  );

  it('asks for the port too where patterns can name one (Chrome), else for the host on every port (Firefox)', () => {
    expect(domainPatterns('Redmine.example.org:8443')).toEqual(['https://redmine.example.org:8443/*', 'http://redmine.example.org:8443/*']);
    expect(domainPatterns('Redmine.example.org')).toEqual(['*://redmine.example.org/*']);
    expect(domainPatterns('Redmine.example.org:8443', false)).toEqual(['*://redmine.example.org/*']);
  });

  it('matches pages on the domain, on its port when it names one', () => {
    expect(onDomain('help.example.com', new URL('https://help.example.com:8443/x'))).toBe(true);
    expect(onDomain('help.example.com:8443', new URL('https://help.example.com:8443/x'))).toBe(true);
    expect(onDomain('help.example.com:8443', new URL('https://help.example.com/x'))).toBe(false);
    expect(onDomain('help.example.com', new URL('https://www.help.example.com/x'))).toBe(false);
  });
});

describe('validateCustomIntegration', () => {
  it('finds nothing wrong with a complete integration', () => {
    expect(validateCustomIntegration(VALID)).toEqual({});
    expect(validateCustomIntegration({ ...VALID, key: '.ticket-ref' })).toEqual({});
    expect(isValidCustomIntegration(VALID)).toBe(true);
  });

  it('says what is wrong with each field, in words for the form', () => {
    const errors = validateCustomIntegration({
      id: 'has spaces',
      name: ' ',
      domain: 'https://tickets.example.com/',
      pathPattern: '^/tickets/(\\d+',
      anchor: '.tools[',
      position: 'above',
      title: '',
      key: 'h1 >',
    });
    expect(Object.keys(errors).sort()).toEqual(['anchor', 'domain', 'id', 'key', 'name', 'pathPattern', 'position', 'title']);
    expect(errors.pathPattern).toMatch(/^This is not a regular expression: /);
    expect(errors.anchor).toBe('This is not a CSS selector the browser understands.');
    expect(errors.title).toBe('Enter a CSS selector.');
    expect(errors.position).toBe('Choose one of: before, after, inside, prepend.');
  });

  it('treats anything that is not an object as all wrong, quietly', () => {
    for (const junk of [null, 'x', 42, []]) {
      expect(Object.keys(validateCustomIntegration(junk)).length).toBeGreaterThan(5);
      expect(isValidCustomIntegration(junk)).toBe(false);
    }
  });

  it('refuses patterns and selectors too long to be meant', () => {
    expect(validateCustomIntegration({ ...VALID, pathPattern: 'a'.repeat(501), title: 'h1'.repeat(300) })).toEqual({
      pathPattern: 'Keep it under 500 characters.',
      title: 'Keep it under 500 characters.',
    });
  });
});

describe('customIntegrationProblems (what a tracker page checks, without the words)', () => {
  it('names each field that is wrong and how, the same fields the form words', () => {
    const item = { ...VALID, name: 'n'.repeat(81), anchor: '.tools[', title: '', key: 42 };
    expect(customIntegrationProblems(item)).toEqual({ name: 'too-long', anchor: 'invalid', title: 'missing', key: 'invalid' });
    expect(Object.keys(validateCustomIntegration(item)).sort()).toEqual(['anchor', 'key', 'name', 'title']);
    expect(customIntegrationProblems(VALID)).toEqual({});
  });

  it('words a page’s answer for the options page', () => {
    expect(problemText('name', 'too-long')).toBe('Keep the name under 80 characters.');
    expect(problemText('anchor', 'invalid')).toBe('This is not a CSS selector the browser understands.');
    expect(problemText('pathPattern', 'invalid')).toBe('This is not a regular expression.');
  });
});
