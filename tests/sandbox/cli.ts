// `npm run sandbox`: the sandbox API on a fixed port for demos and manual testing.
//   --port N          API port (default 8787)
//   --control-port N  control endpoint port (default: API port + 1)
//   --large           add 10,000 tasks
//   --time-zone Z     the account's IANA zone (default Europe/Warsaw)
import { parseArgs } from 'node:util';
import { startSandbox } from './index.ts';

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--${name} must be a port number, not ${value}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'control-port': { type: 'string' },
      large: { type: 'boolean', default: false },
      'time-zone': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: npm run sandbox -- [--port 8787] [--control-port 8788] [--large] [--time-zone Europe/Warsaw]');
    return;
  }
  const apiPort = port(values.port, 8787, 'port');
  const sandbox = await startSandbox({
    port: apiPort,
    controlPort: port(values['control-port'], apiPort === 0 ? 0 : apiPort + 1, 'control-port'),
    seed: values.large ? 'large' : 'demo',
    timeZone: values['time-zone'],
  });

  const demoUser = sandbox.users.find((u) => u.token === sandbox.token);
  console.log('TimeCamp sandbox is running');
  console.log(`  API:        ${sandbox.url}`);
  console.log(`  Control:    ${sandbox.controlUrl}  (GET /state, POST /faults, POST /reset, POST /clock)`);
  console.log(`  Demo token: ${sandbox.token}  (${demoUser?.display_name ?? 'demo user'}, administrator)`);
  const roles = new Map([
    [sandbox.demo.users.noCreate, 'may not create tasks'],
    [sandbox.demo.users.manager, 'project manager, timer running'],
    [sandbox.demo.users.guest, 'guest, may not track'],
  ]);
  for (const user of sandbox.users) {
    if (user.token === sandbox.token) continue;
    console.log(`  Also:       ${user.token}  (${user.display_name}, ${roles.get(user.user_id) ?? 'user'})`);
  }
  const { clock } = sandbox;
  console.log(`  Account:    ${sandbox.state.tasks.size} tasks, time zone ${clock.timeZone}, today ${clock.localDate()}`);
  console.log(`  Try:        curl '${sandbox.url}/me/format/json' -H 'Authorization: Bearer ${sandbox.token}'`);

  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
