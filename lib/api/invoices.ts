import * as v from 'valibot';
import { collection, num, optionalDateTime, optionalId, single, text } from './normalise';
import type { Transport } from './transport';

const STATUS = ['draft', 'pending', 'paid'] as const;
export type InvoiceStatus = (typeof STATUS)[number];

const InvoiceSchema = v.pipe(
  v.object({
    invoiceId: num,
    clientId: v.optional(optionalId, null),
    status: v.optional(v.pipe(num, v.integer(), v.minValue(0), v.maxValue(2)), 0),
    invoiceNumber: v.optional(text, ''),
    description: v.optional(text, ''),
    issueDate: v.optional(optionalDateTime, null),
    dueDate: v.optional(optionalDateTime, null),
    paidDate: v.optional(optionalDateTime, null),
    currencyId: v.optional(optionalId, null),
    entries: v.optional(collection(v.object({ entryId: num })), []),
  }),
  v.transform((invoice) => ({
    invoiceId: invoice.invoiceId,
    clientId: invoice.clientId,
    status: STATUS[invoice.status]!,
    number: invoice.invoiceNumber,
    description: invoice.description,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    paidAt: invoice.paidDate,
    currencyId: invoice.currencyId,
    /** Time entries billed on this invoice: read-only while it holds them. */
    entryIds: invoice.entries.map((line) => line.entryId),
  })),
);
export type Invoice = v.InferOutput<typeof InvoiceSchema>;

export interface InvoiceFields {
  clientId?: number;
  status?: InvoiceStatus;
  number?: string;
  description?: string;
  /** `YYYY-MM-DD`. */
  issueDate?: string;
  dueDate?: string;
  currencyId?: number;
  entryIds?: number[];
}

function invoiceParams(invoice: InvoiceFields) {
  return {
    clientId: invoice.clientId,
    status: invoice.status === undefined ? undefined : STATUS.indexOf(invoice.status),
    invoiceNumber: invoice.number,
    description: invoice.description,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    currencyId: invoice.currencyId,
    entries: invoice.entryIds,
  };
}

export function invoicesApi(http: Transport) {
  const one = single(InvoiceSchema, 'invoice');
  return {
    list: (options: { invoiceId?: number } = {}) => http.read('invoice', { invoiceId: options.invoiceId }, collection(InvoiceSchema)),
    // TimeCamp swaps the usual meaning here: PUT adds an invoice, POST modifies one.
    add: (invoice: InvoiceFields) => http.write('PUT', 'invoice', invoiceParams(invoice), one),
    update: (invoiceId: number, changes: InvoiceFields) => http.write('POST', 'invoice', { invoiceId, ...invoiceParams(changes) }, one),
  };
}
