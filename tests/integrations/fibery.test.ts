// @vitest-environment happy-dom
import fibery from '@/lib/integrations/sites/fibery';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const TASK = 'https://acme.fibery.io/Software_Development/Task/Fix-the-login-redirect-42';

describeView({
  integration: fibery,
  view: 'entity page',
  fixture: 'fibery/entity.html',
  url: TASK,
  issue: {
    externalId: 'fibery_entity_acme/Software_Development/Task/42',
    key: '',
    title: 'Fix the login redirect',
    url: 'https://acme.fibery.io/Software_Development/Task/42',
  },
  // Entities have no key: the note is the title.
  note: 'Fix the login redirect',
  container: '.object_panel',
  title: '.object_panel textarea',
  next: {
    url: '/Software_Development/Task/Add-a-CSV-export-to-reports-43',
    swap(panel) {
      panel.querySelector('.extension-entity-view-header-spot')!.setAttribute('data-entity-title', 'Add a CSV export to reports');
      panel.querySelector('textarea')!.textContent = 'Add a CSV export to reports';
    },
    issue: { externalId: 'fibery_entity_acme/Software_Development/Task/43', key: '', title: 'Add a CSV export to reports' },
  },
});

describePagesWithoutIssue(fibery, [
  { view: 'a board view (cards carry no entity id)', fixture: 'fibery/board.html', url: 'https://acme.fibery.io/Software_Development/Tasks-by-State-7' },
]);

describe('Fibery, more cases', () => {
  it.each([
    ['a name slug', TASK, 'acme/Software_Development/Task/42'],
    ['no slug', 'https://acme.fibery.io/Software_Development/Task/42', 'acme/Software_Development/Task/42'],
    ['a query', `${TASK}?sharing=true`, 'acme/Software_Development/Task/42'],
    ['a slug ending in a number', 'https://acme.fibery.io/Product/Feature/Support-HTTP-2-7', 'acme/Product/Feature/7'],
    ['another workspace', 'https://globex.fibery.io/Software_Development/Task/42', 'globex/Software_Development/Task/42'],
  ])('reads the entity from an address with %s', async (_, url, id) => {
    expect(await issuesOn(fibery, 'fibery/entity.html', url)).toEqual([expect.objectContaining({ externalId: `fibery_entity_${id}` })]);
  });

  it.each([
    ['a view', 'https://acme.fibery.io/Software_Development/Tasks-by-State-7'],
    ['an id that is no number', 'https://acme.fibery.io/Software_Development/Task/Fix-the-login-redirect'],
    ['a path too deep', 'https://acme.fibery.io/Software_Development/Board-7/Task/42'],
    ['a host that is no workspace', 'https://fibery.io/Software_Development/Task/42'],
  ])('places nothing for %s', async (_, url) => {
    expect(await issuesOn(fibery, 'fibery/entity.html', url)).toEqual([]);
  });

  it('takes the title Fibery gives its spot when the title field is not found', async () => {
    const bare = () => document.querySelector('.content_header')!.remove();
    const [issue] = await issuesOn(fibery, 'fibery/entity.html', TASK, bare);
    expect(issue).toMatchObject({ title: 'Fix the login redirect' });
  });
});
