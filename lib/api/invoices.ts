import * as v from 'valibot';
import { collection, num, optionalDateTime, optionalId, text } from './normalise';
import type { Transport } from './transport';

const STATUS = ['draft', 'pending', 'paid'] as const;
export type InvoiceStatus = (typeof STATUS)[number];

const InvoiceSchema = v.pipe(
  v.object({
    invoiceId: num,
    clientId: v.optional(optionalId, null),
    status: v.optional(v.pipe(num, v.integer(), v.minValue(0), v.maxValue(2)), 0),
    number: v.optional(text, ''),
    issueDate: v.optional(optionalDateTime, null),
    dueDate: v.optional(optionalDateTime, null),
    currencyId: v.optional(optionalId, null),
    total: v.optional(num, 0),
  }),
  v.transform((invoice) => ({
    invoiceId: invoice.invoiceId,
    clientId: invoice.clientId,
    status: STATUS[invoice.status]!,
    number: invoice.number,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    currencyId: invoice.currencyId,
    total: invoice.total,
  })),
);
export type Invoice = v.InferOutput<typeof InvoiceSchema>;

export interface InvoiceFields {
  clientId?: number;
  status?: InvoiceStatus;
  number?: string;
  issueDate?: string;
  dueDate?: string;
  currencyId?: number;
  /** Time entries billed on this invoice; they become read-only. */
  entryIds?: number[];
}

function invoiceParams(invoice: InvoiceFields) {
  return {
    clientId: invoice.clientId,
    status: invoice.status === undefined ? undefined : STATUS.indexOf(invoice.status),
    number: invoice.number,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    currencyId: invoice.currencyId,
    entries: invoice.entryIds,
  };
}

const InvoiceIdAnswer = v.pipe(
  v.union([v.object({ invoiceId: num }), v.object({ invoice_id: num }), v.object({ id: num })]),
  v.transform((answer) => ({ invoiceId: 'invoiceId' in answer ? answer.invoiceId : 'invoice_id' in answer ? answer.invoice_id : answer.id })),
);

export function invoicesApi(http: Transport) {
  return {
    list: (options: { invoiceId?: number } = {}) => http.read('invoice', { invoiceId: options.invoiceId }, collection(InvoiceSchema)),
    // As with clients, PUT adds and POST modifies.
    add: (invoice: InvoiceFields) => http.write('PUT', 'invoice', invoiceParams(invoice), InvoiceIdAnswer),
    update: (invoiceId: number, changes: InvoiceFields) =>
      http.write('POST', 'invoice', { invoiceId, ...invoiceParams(changes) }, v.unknown()).then(() => undefined),
  };
}
