import { activityRoutes } from './activities.ts';
import { attendanceRoutes } from './attendance.ts';
import { clientRoutes } from './clients.ts';
import { entryRoutes } from './entries.ts';
import { invoiceRoutes } from './invoices.ts';
import { taskRoutes } from './tasks.ts';
import { timerRoutes } from './timer.ts';
import { HTTP_METHODS, type HttpMethod, type Routes } from './types.ts';
import { userRoutes } from './users.ts';

export { HTTP_METHODS } from './types.ts';
export type { Handler, HttpMethod, RouteContext, Routes } from './types.ts';

/** Every resource under /third_party/api, by section of the API notes. */
export const ROUTES: Routes = {
  ...userRoutes,
  ...taskRoutes,
  ...entryRoutes,
  ...timerRoutes,
  ...activityRoutes,
  ...clientRoutes,
  ...invoiceRoutes,
  ...attendanceRoutes,
};

export interface ServedOperation {
  method: HttpMethod;
  /** As the OpenAPI description spells it, e.g. '/tasks'. */
  path: string;
}

/** What the sandbox answers, for the contract tooling. */
export function servedOperations(): ServedOperation[] {
  return Object.entries(ROUTES).flatMap(([resource, handlers]) =>
    HTTP_METHODS.filter((method) => handlers[method] !== undefined).map((method) => ({ method, path: `/${resource}` })),
  );
}
