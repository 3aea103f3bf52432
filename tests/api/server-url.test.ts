import { describe, expect, it, vi } from 'vitest';
import { ApiError, createTimeCampClient } from '@/lib/api';
import { normaliseBaseUrl } from '@/lib/api/transport';

function refusal(url: string): ApiError {
  try {
    normaliseBaseUrl(url);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error(`expected ${url} to be refused`);
}

// The token goes with every request: a server URL on plain http:// would send it in the clear.

describe('the server URL rule', () => {
  it.each([
    'http://timecamp.example.com/third_party/api',
    'http://10.0.0.5:8080/third_party/api',
    'http://192.168.1.20/third_party/api',
    'http://127.0.0.1.nip.io/third_party/api',
    'http://localhost.example.com/third_party/api',
    'HTTP://TimeCamp.Example.com',
  ])('refuses %s: http:// to another computer', (url) => {
    expect(() => normaliseBaseUrl(url)).toThrow(ApiError);
    expect(() => normaliseBaseUrl(url)).toThrow(/is not encrypted.*use the server's https:\/\/ address/);
    expect(refusal(url).kind).toBe('bad-request');
  });

  it.each([
    ['timecamp.example.com', /^"timecamp.example.com" is not a web address$/],
    ['', /^"" is not a web address$/],
    ['ftp://timecamp.example.com/third_party/api', /^"ftp:\/\/timecamp.example.com\/third_party\/api" is not an http\(s\) address$/],
    ['javascript:alert(1)', /is not an http\(s\) address$/],
  ])('refuses %j as not a server address', (url, message) => {
    const error = refusal(url);
    expect(error.kind).toBe('bad-request');
    expect(error.message).toMatch(message);
  });

  it.each([
    ['https://timecamp.example.com/third_party/api/', 'https://timecamp.example.com/third_party/api'],
    ['http://127.0.0.1:4010/third_party/api', 'http://127.0.0.1:4010/third_party/api'],
    ['http://127.8.9.10/api', 'http://127.8.9.10/api'],
    ['http://localhost:3000/api', 'http://localhost:3000/api'],
    ['http://LOCALHOST:3000/api', 'http://localhost:3000/api'],
    ['http://[::1]:8080/api', 'http://[::1]:8080/api'],
    ['\u00a0https://timecamp.example.com/third_party/api\u2003', 'https://timecamp.example.com/third_party/api'],
  ])('accepts %s: https, or http on this computer (the sandbox)', (url, normalised) => {
    expect(normaliseBaseUrl(url)).toBe(normalised);
  });

  it('never sends the token to an http:// server elsewhere, even one stored before the rule', () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    expect(() => createTimeCampClient({ token: 'secret', baseUrl: 'http://timecamp.example.com/third_party/api', fetch })).toThrow(/is not encrypted/);
    expect(fetch).not.toHaveBeenCalled();
  });
});
