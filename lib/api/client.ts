import { activitiesApi } from './activities';
import { attendanceApi, awayTimeApi } from './attendance';
import { clientsApi } from './clients';
import { entriesApi } from './entries';
import { invoicesApi } from './invoices';
import { tasksApi } from './tasks';
import { timerApi } from './timer';
import { createTransport, type TransportOptions } from './transport';
import { usersApi } from './users';

/** The whole TimeCamp API, one namespace per section of TimeCamp's API documentation. */
export function createTimeCampClient(options: TransportOptions) {
  const http = createTransport(options);
  return {
    users: usersApi(http),
    tasks: tasksApi(http),
    entries: entriesApi(http),
    timer: timerApi(http),
    activities: activitiesApi(http),
    clients: clientsApi(http),
    invoices: invoicesApi(http),
    attendance: attendanceApi(http),
    awayTime: awayTimeApi(http),
  };
}

export type TimeCampClient = ReturnType<typeof createTimeCampClient>;
