import type { SandboxClock } from '../clock.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Params } from '../params.ts';
import { ok } from '../respond.ts';
import { type Invoice, type InvoiceStatus, nextId, type SandboxState } from '../state.ts';
import { addDays } from '../zone.ts';
import { requireAdmin } from './clients.ts';
import type { RouteContext, Routes } from './types.ts';

const NEVER = '0000-00-00 00:00:00';

function invoiceLines(state: SandboxState, invoice: Invoice) {
  return invoice.entryIds.map((entryId, index) => {
    const entry = state.entries.get(entryId);
    const taskName = entry ? (state.tasks.get(entry.task_id)?.name ?? '') : '';
    return {
      invoiceId: invoice.invoiceId,
      invoiceEntryId: index + 1,
      entryId,
      description: entry?.description || taskName,
      type: 0,
      quantity: Math.round(((entry?.duration ?? 0) / 3600) * 100) / 100,
      unitCost: invoice.unitCost,
      taxId: 0,
      name: taskName,
    };
  });
}

function invoiceRow(state: SandboxState, invoice: Invoice): Record<string, unknown> {
  return {
    invoiceId: invoice.invoiceId,
    clientId: invoice.clientId,
    invoiceNumber: invoice.invoiceNumber,
    description: invoice.description,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    editDate: invoice.editDate,
    status: invoice.status,
    sentDate: invoice.status === 0 ? NEVER : `${invoice.issueDate} 09:00:00`,
    viewedDate: NEVER,
    addDate: invoice.addDate,
    paidDate: invoice.paidDate,
    noteToClient: invoice.noteToClient,
    pass: '',
    poNumber: invoice.poNumber,
    userId: invoice.userId,
    currencyId: invoice.currencyId,
    rootGroupId: state.account.root_group_id,
    publicHash: invoice.publicHash,
    quote: false,
    entries: invoiceLines(state, invoice),
  };
}

function keyed(state: SandboxState, invoices: Invoice[]) {
  const result: Record<string, unknown> = {};
  for (const invoice of invoices) result[invoice.invoiceId] = invoiceRow(state, invoice);
  return result;
}

function statusParam(params: Params): InvoiceStatus | undefined {
  const status = params.int('status');
  if (status === undefined) return undefined;
  if (status !== 0 && status !== 1 && status !== 2) throw badRequest('status must be 0 (draft), 1 (pending) or 2 (paid)');
  return status;
}

/** Entry ids from `entries[]`, each existing and not on another invoice. */
function entryIdsParam(state: SandboxState, params: Params, invoiceId: number): number[] | undefined {
  if (params.value('entries') === undefined) return undefined;
  const ids = params.intList('entries');
  for (const id of ids) {
    const entry = state.entries.get(id);
    if (!entry) throw badRequest(`No time entry with id ${id}`);
    if (entry.invoiceId !== 0 && entry.invoiceId !== invoiceId) throw badRequest(`Time entry ${id} is already invoiced`);
  }
  return ids;
}

/** Puts exactly `entryIds` on the invoice: they become invoiced (locked), entries taken off are released. */
function setInvoiceEntries(state: SandboxState, invoice: Invoice, entryIds: number[]): void {
  for (const id of invoice.entryIds) {
    const entry = state.entries.get(id);
    if (entry && !entryIds.includes(id)) entry.invoiceId = 0;
  }
  for (const id of entryIds) {
    const entry = state.entries.get(id);
    if (entry) entry.invoiceId = invoice.invoiceId;
  }
  invoice.entryIds = [...entryIds];
}

function applyStatus(invoice: Invoice, status: InvoiceStatus | undefined, clock: SandboxClock): void {
  if (status === undefined) return;
  invoice.status = status;
  invoice.paidDate = status === 2 ? clock.localDateTime() : NEVER;
}

function getInvoices({ state, params }: RouteContext) {
  const invoiceId = params.int('invoiceId');
  if (invoiceId === undefined) return ok(keyed(state, [...state.invoices.values()]));
  const invoice = state.invoices.get(invoiceId);
  if (!invoice) throw notFound('Invoice not found');
  return ok(keyed(state, [invoice]));
}

/** PUT adds an invoice (TimeCamp's swapped PUT/POST). */
function addInvoice({ state, user, params, clock }: RouteContext) {
  requireAdmin(user, 'invoices');
  const clientId = params.int('clientId');
  if (clientId === undefined) throw badRequest('You must provide clientId');
  const client = state.clients.get(clientId);
  if (!client) throw notFound('Client not found');
  // 0: a new invoice may take only entries that are on no invoice yet.
  const entryIds = entryIdsParam(state, params, 0) ?? [];
  const status = statusParam(params);
  const issueDate = params.date('issueDate') ?? clock.localDate();
  const invoiceId = nextId(state, 'invoice');
  const invoice: Invoice = {
    invoiceId,
    clientId,
    invoiceNumber: params.string('invoiceNumber') || `INV-${issueDate.slice(0, 4)}-${String(invoiceId).padStart(3, '0')}`,
    description: params.string('description') ?? '',
    issueDate,
    dueDate: params.date('dueDate') ?? addDays(issueDate, 14),
    editDate: clock.localDateTime(),
    status: 0,
    addDate: clock.localDateTime(),
    paidDate: NEVER,
    noteToClient: params.string('noteToClient') ?? '',
    poNumber: params.string('poNumber') ?? '',
    userId: user.user_id,
    currencyId: params.int('currencyId') ?? client.currencyId,
    unitCost: params.int('unitCost') ?? 100,
    publicHash: `${invoiceId.toString(16).padStart(8, '0')}${'0'.repeat(32)}`,
    entryIds: [],
  };
  applyStatus(invoice, status, clock);
  setInvoiceEntries(state, invoice, entryIds);
  state.invoices.set(invoice.invoiceId, invoice);
  return ok(keyed(state, [invoice]));
}

/** POST modifies an invoice. */
function modifyInvoice({ state, user, params, clock }: RouteContext) {
  requireAdmin(user, 'invoices');
  const invoiceId = params.int('invoiceId');
  if (invoiceId === undefined) throw badRequest('You must provide invoiceId');
  const invoice = state.invoices.get(invoiceId);
  if (!invoice) throw notFound('Invoice not found');
  const clientId = params.int('clientId');
  if (clientId !== undefined) {
    if (!state.clients.has(clientId)) throw notFound('Client not found');
    invoice.clientId = clientId;
  }
  const entryIds = entryIdsParam(state, params, invoiceId);
  const status = statusParam(params);
  for (const field of ['invoiceNumber', 'description', 'noteToClient', 'poNumber'] as const) {
    invoice[field] = params.string(field) ?? invoice[field];
  }
  invoice.issueDate = params.date('issueDate') ?? invoice.issueDate;
  invoice.dueDate = params.date('dueDate') ?? invoice.dueDate;
  invoice.currencyId = params.int('currencyId') ?? invoice.currencyId;
  invoice.unitCost = params.int('unitCost') ?? invoice.unitCost;
  applyStatus(invoice, status, clock);
  if (entryIds) setInvoiceEntries(state, invoice, entryIds);
  invoice.editDate = clock.localDateTime();
  return ok(keyed(state, [invoice]));
}

export const invoiceRoutes: Routes = {
  invoice: { GET: getInvoices, PUT: addInvoice, POST: modifyInvoice },
};
