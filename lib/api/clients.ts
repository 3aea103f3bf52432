import * as v from 'valibot';
import { collection, num, optionalId, single, text } from './normalise';
import type { Transport } from './transport';

const ClientSchema = v.pipe(
  v.object({
    clientId: num,
    organizationName: v.optional(text, ''),
    firstName: v.optional(text, ''),
    lastName: v.optional(text, ''),
    email: v.optional(text, ''),
    address: v.optional(text, ''),
    currencyId: v.optional(optionalId, null),
  }),
  v.transform((client) => ({
    clientId: client.clientId,
    organizationName: client.organizationName,
    firstName: client.firstName,
    lastName: client.lastName,
    email: client.email,
    address: client.address,
    currencyId: client.currencyId,
  })),
);
export type Client = v.InferOutput<typeof ClientSchema>;

export interface ClientFields {
  organizationName?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  address?: string;
  currencyId?: number;
}

export function clientsApi(http: Transport) {
  return {
    list: (options: { clientId?: number } = {}) => http.read('client', { clientId: options.clientId }, collection(ClientSchema)),
    // TimeCamp swaps the usual meaning here: PUT adds a client, POST modifies one.
    add: (client: ClientFields) => http.write('PUT', 'client', { ...client }, single(ClientSchema, 'client')),
    update: (clientId: number, changes: ClientFields) => http.write('POST', 'client', { clientId, ...changes }, single(ClientSchema, 'client')),
  };
}
