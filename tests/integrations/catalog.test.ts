import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CUSTOM, familyOf, INTEGRATION_NAMES, SELF_HOSTED, SITES, scriptFiles } from '@/lib/integrations/catalog';
import type { Integration } from '@/lib/integrations/define';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const site = async (id: string) => ((await import(`@/lib/integrations/sites/${id}.ts`)) as { default: Integration }).default;

describe('the catalog of integrations', () => {
  it('says of each site what its own file says', async () => {
    for (const about of SITES) {
      const { id, name, matches, selfHosted, optionalHosts, allFrames } = await site(about.id);
      expect({ id, name, matches, selfHosted, optionalHosts, allFrames }).toEqual(about);
    }
  });

  it('has a script for each site, named by id, that runs the site on the shared core (the manifest and the background list them by that name)', () => {
    for (const { id } of SITES) {
      const entry = join(ROOT, 'entrypoints', `${id}.in-page.ts`);
      expect(existsSync(entry), entry).toBe(true);
      const source = readFileSync(entry, 'utf8');
      expect(source).toContain(`import ${id} from '@/lib/integrations/sites/${id}';`);
      expect(source).toContain(`runOnCore(${id})`);
      expect(scriptFiles(id)).toEqual(['content-scripts/core.js', `content-scripts/${id}.js`]);
    }
    // Custom integrations are one content script of their own, which the options page also injects.
    expect(existsSync(join(ROOT, 'entrypoints', `${CUSTOM}.content.ts`))).toBe(true);
    expect(scriptFiles(CUSTOM)).toEqual(['content-scripts/custom.js']);
  });

  it('names every integration, with unique lower-case ids', () => {
    const ids = SITES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [...ids, CUSTOM]) {
      expect(id).toMatch(/^[a-z][a-z0-9-]{0,39}$/);
      expect(INTEGRATION_NAMES[id]).toMatch(/\S/);
    }
    expect(INTEGRATION_NAMES).toMatchObject({ github: 'GitHub', azure: 'Azure DevOps', youtrack: 'YouTrack', gitea: 'Gitea / Forgejo' });
  });

  it('asks for the hosts of the work-management, help desk and office apps only when they are switched on: none in the manifest', () => {
    const optional = SITES.filter((s) => s.optionalHosts);
    // Of the apps where work is planned, only Trello and Asana came with the first version's hosts.
    expect(new Set(optional.map((s) => familyOf(s.id)))).toEqual(new Set(['work', 'support', 'office']));
    expect(SITES.filter((s) => familyOf(s.id) === 'work' && !s.optionalHosts).map((s) => s.id)).toEqual(['trello', 'asana']);
    expect(Object.fromEntries(optional.slice(0, 3).map((s) => [s.id, s.optionalHosts]))).toEqual({
      clickup: ['https://app.clickup.com/*'],
      monday: ['https://*.monday.com/*'],
      notion: ['https://www.notion.so/*'],
    });
    for (const { id, matches, optionalHosts } of optional) {
      expect({ id, matches }).toEqual({ id, matches: [] });
      // Their own hosts, over HTTPS: never a pattern for every site or scheme.
      for (const pattern of optionalHosts!) expect(pattern, id).toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
    }
  });

  it('offers self-hosting for the trackers people run themselves, and the attribute contract', () => {
    expect(SELF_HOSTED.map((s) => s.id).sort()).toEqual(['attributes', 'azure', 'gitea', 'github', 'gitlab', 'jira', 'odoo', 'openproject', 'osticket', 'plane', 'redmine', 'taiga', 'youtrack', 'zammad']);
  });
});

describe('the documentation of the trackers', () => {
  const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
  const trackers = SITES.filter((s) => s.id !== 'attributes');

  it('lists every tracker in the README', () => {
    const readme = read('README.md');
    const list = readme.slice(readme.indexOf('### Trackers'), readme.indexOf("An issue's timer"));
    expect(list.length).toBeGreaterThan(500);
    for (const { name } of trackers) expect(list, name).toContain(name.split(' / ')[0]);
  });

  it('gives every tracker’s external ids in the integrations README, beginning as the site file’s do', () => {
    const table = read('lib/integrations/README.md').split('## External task ids')[1]!.split('\n## ')[0]!;
    for (const { id, name } of trackers) {
      const row = table.split('\n').find((line) => line.startsWith(`| ${name.split(' / ')[0]}`));
      expect(row, name).toBeDefined();
      // The format column names what the site file builds.
      const source = read(`lib/integrations/sites/${id}.ts`);
      // (Insightly's ids have TimeCamp's per-kind prefixes, built from a table: no fixed start.)
      const prefix = /externalId: `([a-z]+_?)/.exec(source)?.[1];
      if (prefix) expect(row, id).toContain(`\`${prefix}`);
      else expect(source, id).toMatch(/externalId: `\$\{/);
    }
  });
});
