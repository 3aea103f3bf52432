import { describe, expect, it } from 'vitest';
import { useSandbox } from './use-sandbox';

const env = useSandbox();

describe('clients', () => {
  it('lists, adds and changes clients (PUT adds, POST modifies, as TimeCamp has it)', async () => {
    const clients = env.client().clients;
    expect((await clients.list()).map((client) => client.clientId).sort()).toEqual([...env.sandbox.demo.clientIds].sort());

    const added = (await clients.add({ organizationName: 'Initrode & Co', email: 'billing@initrode.example' }))!;
    expect(added).toMatchObject({ clientId: expect.any(Number), organizationName: 'Initrode & Co' });

    const changed = (await clients.update(added.clientId, { organizationName: 'Initrode Ltd' }))!;
    expect(changed.organizationName).toBe('Initrode Ltd');
    expect((await clients.list({ clientId: added.clientId }))[0]!.organizationName).toBe('Initrode Ltd');
  });
});

describe('invoices', () => {
  it('lists invoices with the entries they bill', async () => {
    const { demo } = env.sandbox;
    const [invoice] = await env.client().invoices.list({ invoiceId: demo.invoiceId });
    expect(invoice).toMatchObject({ invoiceId: demo.invoiceId, status: 'pending' });
    expect(invoice!.entryIds).toContain(demo.invoicedEntryId);
  });

  it('lists only the invoice asked for', async () => {
    const { demo } = env.sandbox;
    const invoices = env.client().invoices;
    const { id } = (await env.client().entries.add({ date: env.sandbox.clock.localDate(), durationSeconds: 600, note: 'More work' }))!;
    const added = (await invoices.add({ clientId: demo.clientIds[0], entryIds: [id] }))!;

    expect((await invoices.list()).map((invoice) => invoice.invoiceId)).toEqual(expect.arrayContaining([demo.invoiceId, added.invoiceId]));
    expect((await invoices.list({ invoiceId: added.invoiceId })).map((invoice) => invoice.invoiceId)).toEqual([added.invoiceId]);
  });

  it('adds an invoice for entries, which makes them read-only, and marks it paid', async () => {
    const { clock, demo } = env.sandbox;
    const today = clock.localDate();
    const invoices = env.client().invoices;
    const entries = env.client().entries;
    const { id } = (await entries.add({ date: today, durationSeconds: 3600, taskId: demo.tasks.githubIssue, note: 'Billable work' }))!;

    const invoice = (await invoices.add({ clientId: demo.clientIds[0], entryIds: [id] }))!;
    expect(invoice).toMatchObject({ clientId: demo.clientIds[0], status: 'draft', entryIds: [id] });
    expect((await entries.list({ from: today, to: today })).find((entry) => entry.id === id)).toMatchObject({ locked: true, invoiceId: invoice.invoiceId });
    await expect(entries.update(id, { note: 'too late' })).rejects.toMatchObject({ kind: 'forbidden' });

    expect((await invoices.update(invoice.invoiceId, { status: 'paid' }))?.status).toBe('paid');
  });
});
