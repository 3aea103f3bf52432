import { badRequest, forbidden, notFound } from '../errors.ts';
import type { Params } from '../params.ts';
import { ok } from '../respond.ts';
import { type Client, nextId, type SandboxState, type SandboxUser } from '../state.ts';
import type { RouteContext, Routes } from './types.ts';

export function requireAdmin(user: SandboxUser, what: string): void {
  if (!user.permissions.time_tracking_admin) throw forbidden(`You do not have permissions to manage ${what}`);
}

function clientRow(state: SandboxState, client: Client): Record<string, unknown> {
  return {
    firstName: client.firstName,
    lastName: client.lastName,
    organizationName: client.organizationName,
    address: client.address,
    currencyId: client.currencyId,
    email: client.email,
    rootGroupId: String(state.account.root_group_id),
    addedBy: String(client.addedBy),
    added: client.added,
    clientId: client.clientId,
  };
}

const TEXT_FIELDS = ['firstName', 'lastName', 'organizationName', 'address', 'email'] as const;

function applyClientFields(client: Client, params: Params): void {
  for (const field of TEXT_FIELDS) client[field] = params.string(field) ?? client[field];
  client.currencyId = params.int('currencyId') ?? client.currencyId;
}

function getClients({ state, params }: RouteContext) {
  const clientId = params.int('clientId');
  if (clientId === undefined) return ok([...state.clients.values()].map((c) => clientRow(state, c)));
  const client = state.clients.get(clientId);
  if (!client) throw notFound('Client not found');
  return ok([clientRow(state, client)]);
}

/** PUT adds a client: TimeCamp swaps the usual meaning of PUT and POST here. */
function addClient({ state, user, params, clock }: RouteContext) {
  requireAdmin(user, 'clients');
  if (!params.has('organizationName') && !(params.has('firstName') && params.has('lastName'))) {
    throw badRequest('You must provide organizationName or firstName and lastName');
  }
  const client: Client = {
    clientId: nextId(state, 'client'),
    firstName: '',
    lastName: '',
    organizationName: '',
    address: '',
    currencyId: 1,
    email: '',
    addedBy: user.user_id,
    added: clock.localDateTime(),
  };
  applyClientFields(client, params);
  state.clients.set(client.clientId, client);
  return ok([clientRow(state, client)]);
}

/** POST modifies an existing client. */
function modifyClient({ state, user, params }: RouteContext) {
  requireAdmin(user, 'clients');
  const clientId = params.int('clientId');
  if (clientId === undefined) throw badRequest('You must provide clientId');
  const client = state.clients.get(clientId);
  if (!client) throw notFound('Client not found');
  applyClientFields(client, params);
  return ok([clientRow(state, client)]);
}

export const clientRoutes: Routes = {
  client: { GET: getClients, PUT: addClient, POST: modifyClient },
};
