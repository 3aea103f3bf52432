import { describe, expect, it } from 'vitest';
import { parseDomain } from '@/lib/options/domain';

describe('parseDomain', () => {
  it.each([
    ['gitlab.example.com', 'gitlab.example.com'],
    ['  GitLab.Example.COM  ', 'gitlab.example.com'],
    ['gitlab.example.com.', 'gitlab.example.com'],
    ['redmine.example.org:8443', 'redmine.example.org:8443'],
    ['https://gitlab.example.com/group/app/-/issues/5', 'gitlab.example.com'],
    ['http://jira.example.com/browse/PROJ-7?focused=1#c', 'jira.example.com'],
    ['https://gitlab.example.com:443/x', 'gitlab.example.com'],
    ['http://gitlab.example.com:80', 'gitlab.example.com'],
    ['https://gitlab.example.com:8080', 'gitlab.example.com:8080'],
    ['gitlab.example.com/group', 'gitlab.example.com'],
    ['10.0.0.12:3000', '10.0.0.12:3000'],
    ['localhost:8080', 'localhost:8080'],
    ['bücher.example', 'xn--bcher-kva.example'],
  ])('takes %j as %j', (typed, domain) => {
    expect(parseDomain(typed)).toEqual({ ok: true, domain, hostname: domain.replace(/:\d+$/, '') });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ftp://files.example.com', 'scheme'],
    ['javascript://alert(1)', 'scheme'],
    ['user:pass@gitlab.example.com', 'credentials'],
    ['https://me@gitlab.example.com/', 'credentials'],
    ['gitlab.example.com:0', 'port'],
    ['gitlab.example.com:65536', 'port'],
    ['gitlab.example.com:', 'port'],
    ['*.example.com', 'host'],
    ['not a domain', 'host'],
    ['-gitlab.example.com', 'host'],
    ['gitlab..example.com', 'host'],
    ['10.0.0', 'host'],
    ['256.1.1.1', 'host'],
    ['[::1]', 'host'],
    ['/group/app', 'host'],
    [`${'a'.repeat(64)}.example.com`, 'host'],
  ])('refuses %j (%s)', (typed, problem) => {
    expect(parseDomain(typed)).toEqual({ ok: false, problem });
  });
});
