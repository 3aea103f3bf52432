// @vitest-environment happy-dom
import notion from '@/lib/integrations/sites/notion';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const ROADMAP = 'https://www.notion.so/acme/c7d5e3f1a9b84c6d8e2f1a3b5c7d9e0f?v=5e1d3c7b9a2f4e6d8c0b1a3f5e7d9c2b';
const PEEK = `${ROADMAP}&p=4b8e6d2f1c3a4f5e9d7b8a6c4e2f0b1d&pm=s`;
const PAGE = 'https://www.notion.so/acme/Draft-the-Q3-roadmap-9f3c2a1e7b4d4e8fa6c52d1b0e9f8a7c';

describeView({
  integration: notion,
  view: 'page',
  fixture: 'notion/page.html',
  url: PAGE,
  issue: {
    externalId: 'notion_page_9f3c2a1e-7b4d-4e8f-a6c5-2d1b0e9f8a7c',
    key: '',
    title: 'Draft the Q3 roadmap',
    url: 'https://www.notion.so/9f3c2a1e7b4d4e8fa6c52d1b0e9f8a7c',
  },
  // Pages have no key: the note is the title.
  note: 'Draft the Q3 roadmap',
  container: '.notion-cursor-listener',
  title: '.notion-page-block > h1',
  next: {
    url: '/acme/Write-the-launch-post-4b8e6d2f1c3a4f5e9d7b8a6c4e2f0b1d',
    swap(view) {
      const block = view.querySelector('.notion-page-block')!;
      block.setAttribute('data-block-id', '4b8e6d2f-1c3a-4f5e-9d7b-8a6c4e2f0b1d');
      block.querySelector('h1')!.textContent = 'Write the launch post';
    },
    issue: { externalId: 'notion_page_4b8e6d2f-1c3a-4f5e-9d7b-8a6c4e2f0b1d', key: '', title: 'Write the launch post' },
  },
});

describeView({
  integration: notion,
  view: 'row in the side peek',
  fixture: 'notion/database-peek.html',
  url: PEEK,
  issue: {
    externalId: 'notion_page_4b8e6d2f-1c3a-4f5e-9d7b-8a6c4e2f0b1d',
    key: '',
    title: 'Write the launch post',
    url: 'https://www.notion.so/4b8e6d2f1c3a4f5e9d7b8a6c4e2f0b1d',
  },
  note: 'Write the launch post',
  container: '.notion-peek-renderer',
  title: '.notion-peek-renderer .notion-page-block > h1',
  next: {
    url: `/acme/c7d5e3f1a9b84c6d8e2f1a3b5c7d9e0f?v=5e1d3c7b9a2f4e6d8c0b1a3f5e7d9c2b&p=9f3c2a1e7b4d4e8fa6c52d1b0e9f8a7c&pm=s`,
    swap(peek) {
      const block = peek.querySelector('.notion-page-block')!;
      block.setAttribute('data-block-id', '9f3c2a1e-7b4d-4e8f-a6c5-2d1b0e9f8a7c');
      block.querySelector('h1')!.textContent = 'Draft the Q3 roadmap';
    },
    issue: { externalId: 'notion_page_9f3c2a1e-7b4d-4e8f-a6c5-2d1b0e9f8a7c', key: '', title: 'Draft the Q3 roadmap' },
  },
});

describeView({
  integration: notion,
  view: 'table row',
  fixture: 'notion/table.html',
  url: ROADMAP,
  issuePage: false,
  issue: {
    externalId: 'notion_page_9f3c2a1e-7b4d-4e8f-a6c5-2d1b0e9f8a7c',
    key: '',
    title: 'Draft the Q3 roadmap',
    url: 'https://www.notion.so/9f3c2a1e7b4d4e8fa6c52d1b0e9f8a7c',
  },
  note: 'Draft the Q3 roadmap',
  container: '.notion-collection-item',
  title: '.notion-collection-item .notion-table-view-cell div:nth-child(2)',
  next: {
    url: '/acme/0b2d4f6a8c1e4a3b9d5f7b9d1f3a5c7e?v=2f4a6c8e0b1d4f3a8c5e7a9c1e3b5d7f',
    swap(row) {
      row.setAttribute('data-block-id', '4b8e6d2f-1c3a-4f5e-9d7b-8a6c4e2f0b1d');
      row.querySelector('.notion-table-view-cell div:nth-child(2)')!.textContent = 'Write the launch post';
    },
    issue: { externalId: 'notion_page_4b8e6d2f-1c3a-4f5e-9d7b-8a6c4e2f0b1d', key: '', title: 'Write the launch post' },
  },
});

describePagesWithoutIssue(notion, [{ view: 'a database without rows', fixture: 'notion/empty-table.html', url: ROADMAP }]);

describe('Notion, more cases', () => {
  it.each([
    ['a workspace and a slug', PAGE],
    ['no slug', 'https://www.notion.so/acme/9f3c2a1e7b4d4e8fa6c52d1b0e9f8a7c'],
    ['no workspace', 'https://www.notion.so/9f3c2a1e7b4d4e8fa6c52d1b0e9f8a7c'],
    ['a query and a hash', `${PAGE}?pvs=4#2c4e6a8b0d1f4a3c9e5b7d9f1b3d5e7a`],
  ])('reads a page from an address with %s', async (_, url) => {
    expect(await issuesOn(notion, 'notion/page.html', url)).toEqual([
      expect.objectContaining({ externalId: 'notion_page_9f3c2a1e-7b4d-4e8f-a6c5-2d1b0e9f8a7c', title: 'Draft the Q3 roadmap' }),
    ]);
  });

  it('gives the same id to a row in the table, in the peek and as a page', async () => {
    const inPeek = await issuesOn(notion, 'notion/database-peek.html', PEEK);
    const asPage = await issuesOn(notion, 'notion/page.html', 'https://www.notion.so/acme/Write-the-launch-post-4b8e6d2f1c3a4f5e9d7b8a6c4e2f0b1d', () => {
      document.querySelector('.notion-frame .notion-page-block')!.setAttribute('data-block-id', '4b8e6d2f-1c3a-4f5e-9d7b-8a6c4e2f0b1d');
    });
    expect(inPeek.map((i) => i.externalId)).toEqual(['notion_page_4b8e6d2f-1c3a-4f5e-9d7b-8a6c4e2f0b1d']);
    expect(asPage.map((i) => i.externalId)).toEqual(inPeek.map((i) => i.externalId));
  });

  it('places nothing while the page shown is not the one the address names (a navigation under way)', async () => {
    expect(await issuesOn(notion, 'notion/page.html', 'https://www.notion.so/acme/Other-4b8e6d2f1c3a4f5e9d7b8a6c4e2f0b1d')).toEqual([]);
    expect(await issuesOn(notion, 'notion/database-peek.html', `${ROADMAP}&p=9f3c2a1e7b4d4e8fa6c52d1b0e9f8a7c&pm=s`)).toEqual([]);
  });

  it('places nothing in a peek whose address names no page, and nothing for the database behind it', async () => {
    expect(await issuesOn(notion, 'notion/database-peek.html', ROADMAP)).toEqual([]);
    expect(await issuesOn(notion, 'notion/database-peek.html', `${ROADMAP}&p=../4b8e6d2f`)).toEqual([]);
  });

  it('takes the title block only, not a sub-page linked in the content', async () => {
    const url = 'https://www.notion.so/acme/Notes-from-the-kickoff-6a8c0e2f4b5d4c7e8f9a1b3d5f7a9c0e';
    expect(await issuesOn(notion, 'notion/page.html', url)).toEqual([]);
  });

  it('gives each row of a table its own button', async () => {
    const secondRow = () => {
      const row = document.querySelector('.notion-collection-item')!;
      const copy = row.cloneNode(true) as Element;
      copy.setAttribute('data-block-id', '4b8e6d2f-1c3a-4f5e-9d7b-8a6c4e2f0b1d');
      copy.querySelector('.notion-table-view-cell div:nth-child(2)')!.textContent = 'Write the launch post';
      row.after(copy);
    };
    expect(await issuesOn(notion, 'notion/table.html', ROADMAP, secondRow)).toEqual([
      expect.objectContaining({ externalId: 'notion_page_9f3c2a1e-7b4d-4e8f-a6c5-2d1b0e9f8a7c', title: 'Draft the Q3 roadmap' }),
      expect.objectContaining({ externalId: 'notion_page_4b8e6d2f-1c3a-4f5e-9d7b-8a6c4e2f0b1d', title: 'Write the launch post' }),
    ]);
  });

  it('refuses row ids that are no Notion ids', async () => {
    const odd = () => document.querySelector('.notion-collection-item')!.setAttribute('data-block-id', 'c7d5e3f1/../1');
    expect(await issuesOn(notion, 'notion/table.html', ROADMAP, odd)).toEqual([]);
  });
});
