// Every operation and status in timecamp-schemas.json (extracted from TimeCamp's OpenAPI
// description) is produced by a real request to the sandbox and its body checked against the
// schema. A field of the wrong type, a documented field the sandbox stops sending, or (in the
// successful answers the extraction closes) a field the description does not document fails here.
import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox/index.ts';

type Schema = Record<string, unknown>;
interface Contract {
  operations: Record<string, { responses: Record<string, Schema | null> }>;
}

const contract = JSON.parse(readFileSync(new URL('./timecamp-schemas.json', import.meta.url), 'utf8')) as Contract;

// OpenAPI 3.0 schemas: `nullable` is understood by Ajv; formats and unknown keywords are not ours to police.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const validators = new Map<Schema, ValidateFunction>();
function validatorFor(schema: Schema): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

function typeMatches(schema: Schema, value: unknown): boolean {
  const type = schema.type;
  if (type === undefined) return true;
  if (value === null) return schema.nullable === true || type === 'null';
  if (type === 'array') return Array.isArray(value);
  if (type === 'integer' || type === 'number') return typeof value === 'number';
  if (type === 'object') return typeof value === 'object' && !Array.isArray(value);
  return typeof value === type;
}

/** Documented properties the value lacks (the schema's types are Ajv's job). */
function missingFields(schema: Schema, value: unknown, at = ''): string[] {
  const alternatives = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (alternatives) {
    // The alternative the value is (e.g. the timer's stop answer), else the first of its type.
    const chosen = alternatives.find((s) => validatorFor(s)(value)) ?? alternatives.find((s) => typeMatches(s, value));
    return chosen ? missingFields(chosen, value, at) : [];
  }
  if (Array.isArray(value) && schema.items) {
    return value.flatMap((item, i) => missingFields(schema.items as Schema, item, `${at}[${i}]`));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const record = value as Record<string, unknown>;
  const missing: string[] = [];
  for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
    if (!(name in record)) missing.push(`${at}.${name}`);
    else missing.push(...missingFields(child, record[name], `${at}.${name}`));
  }
  if (typeof schema.additionalProperties === 'object') {
    for (const [name, child] of Object.entries(record)) {
      if (!(name in ((schema.properties ?? {}) as object))) {
        missing.push(...missingFields(schema.additionalProperties as Schema, child, `${at}.${name}`));
      }
    }
  }
  return missing;
}

let sandbox: Sandbox;
// A Wednesday at 14:30 in the account's zone (Europe/Warsaw, UTC+2 in June).
let now = Date.UTC(2024, 5, 12, 12, 30, 0);

interface CallOptions {
  token?: string;
  query?: Record<string, string | number>;
  form?: Record<string, string | number>;
}

function call(method: string, resource: string, options: CallOptions = {}): Promise<Response> {
  const query = new URLSearchParams({ format: 'json' });
  for (const [key, value] of Object.entries(options.query ?? {})) query.set(key, String(value));
  const headers: Record<string, string> = { Authorization: `Bearer ${options.token ?? sandbox.token}` };
  let body: string | undefined;
  if (options.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(Object.entries(options.form).map(([k, v]) => [k, String(v)])).toString();
  }
  return fetch(`${sandbox.url}/${resource}?${query}`, { method, headers, body });
}

interface Sample {
  label: string;
  response: Response;
}

const token = (key: 'noCreate' | 'manager' | 'guest') =>
  sandbox.users.find((u) => u.user_id === sandbox.demo.users[key])?.token as string;
const today = () => sandbox.clock.localDate();

async function createEntry(): Promise<number> {
  const response = await call('POST', 'entries', { form: { date: today(), duration: 1800, note: 'contract' } });
  return ((await response.json()) as { entry_id: number }).entry_id;
}

async function createTask(): Promise<string> {
  const response = await call('POST', 'tasks', { form: { name: 'Contract task' } });
  return Object.keys((await response.json()) as object)[0] as string;
}

const one = (label: string, response: Promise<Response>) => response.then((r): Sample[] => [{ label, response: r }]);

const SCENARIOS: Record<string, () => Promise<Sample[]>> = {
  'GET /me 200': () => one('me', call('GET', 'me')),
  'GET /users 200': () => one('users', call('GET', 'users')),

  'GET /tasks 200': () => one('all active tasks', call('GET', 'tasks')),
  'GET /tasks 403': () =>
    one(
      'guest asks for a task outside their project',
      call('GET', 'tasks', { token: token('guest'), query: { task_id: sandbox.demo.tasks.githubIssue } }),
    ),
  'GET /tasks 404': () => one('missing task id', call('GET', 'tasks', { query: { task_id: 99 } })),
  'POST /tasks 201': () =>
    one('new task', call('POST', 'tasks', { form: { name: 'API TEST', parent_id: sandbox.demo.tasks.internalMeetings } })),
  'POST /tasks 400': () => one('no name', call('POST', 'tasks', { form: { parent_id: 0 } })),
  'PUT /tasks 200': () =>
    one('rename', call('PUT', 'tasks', { form: { task_id: sandbox.demo.tasks.githubIssue, name: 'new name' } })),
  'PUT /tasks 403': () =>
    one(
      'regular user',
      call('PUT', 'tasks', { token: token('noCreate'), form: { task_id: sandbox.demo.tasks.githubIssue, name: 'x' } }),
    ),
  'PUT /tasks 404': () => one('missing task', call('PUT', 'tasks', { form: { task_id: 99, name: 'x' } })),
  'DELETE /tasks 200': async () => one('delete', call('DELETE', 'tasks', { query: { task_id: await createTask() } })),
  'DELETE /tasks 403': () =>
    one(
      'regular user',
      call('DELETE', 'tasks', { token: token('noCreate'), query: { task_id: sandbox.demo.tasks.githubIssue } }),
    ),
  'DELETE /tasks 404': () => one('missing task', call('DELETE', 'tasks', { query: { task_id: 99 } })),

  'GET /entries 200': () =>
    one('week with tags', call('GET', 'entries', { query: { from: '2024-06-01', to: today(), opt_fields: 'tags' } })),
  'GET /entries 403': () =>
    one(
      'regular user asks for others',
      call('GET', 'entries', {
        token: token('noCreate'),
        query: { from: '2024-06-01', to: today(), user_ids: sandbox.demo.userId },
      }),
    ),
  'POST /entries 200': () =>
    one(
      'manual entry',
      call('POST', 'entries', { form: { date: today(), duration: 3600, note: 'x', task_id: sandbox.demo.tasks.jiraIssue } }),
    ),
  'POST /entries 400': () => one('no date', call('POST', 'entries', { form: { duration: 60 } })),
  'POST /entries 403': () =>
    one('start after end', call('POST', 'entries', { form: { date: today(), start_time: '10:00:00', end_time: '09:00:00' } })),
  'PUT /entries 200': async () =>
    one('change duration', call('PUT', 'entries', { form: { id: await createEntry(), duration: 1800 } })),
  'PUT /entries 400': async () =>
    one('bad date', call('PUT', 'entries', { form: { id: await createEntry(), date: '12/06/2024' } })),
  'PUT /entries 403': () =>
    one('invoiced entry', call('PUT', 'entries', { form: { id: sandbox.demo.invoicedEntryId, note: 'x' } })),
  'DELETE /entries 200': async () => one('delete', call('DELETE', 'entries', { form: { id: await createEntry() } })),
  'DELETE /entries 204': () => one('no such entry', call('DELETE', 'entries', { form: { id: 1 } })),
  'DELETE /entries 400': () => one('no id', call('DELETE', 'entries')),
  'DELETE /entries 403': () => one('locked entry', call('DELETE', 'entries', { form: { id: sandbox.demo.lockedEntryId } })),
  'GET /entries_changes 200': () =>
    one('this month', call('GET', 'entries_changes', { query: { from: '2024-06-01', to: today() } })),
  'GET /entries_changes 400': () => one('no dates', call('GET', 'entries_changes')),
  'GET /entries_changes 403': () =>
    one(
      'regular user asks for others',
      call('GET', 'entries_changes', {
        token: token('noCreate'),
        query: { from: '2024-06-01', to: today(), user_ids: sandbox.demo.userId },
      }),
    ),

  'POST /timer 200': async () => {
    const status = () => call('POST', 'timer', { form: { action: 'status' } });
    const start = () => call('POST', 'timer', { form: { action: 'start', task_id: sandbox.demo.tasks.githubIssue } });
    const samples: Sample[] = [{ label: 'status, stopped', response: await status() }];
    const started = await start();
    samples.push({ label: 'start', response: started.clone() });
    now += 90_000;
    samples.push({ label: 'status, running', response: await status() });
    samples.push({ label: 'stop', response: await call('POST', 'timer', { form: { action: 'stop' } }) });
    const { new_timer_id } = (await (await start()).json()) as { new_timer_id: number };
    now += 30_000;
    const named = await call('POST', 'timer', { form: { action: 'stop', timer_id: new_timer_id } });
    samples.push({ label: 'stop naming the running timer (founding document)', response: named });
    return samples;
  },
  'POST /timer 400': async () => [
    { label: 'unknown action', response: await call('POST', 'timer', { form: { action: 'pause' } }) },
    { label: 'stop with nothing running', response: await call('POST', 'timer', { form: { action: 'stop' } }) },
  ],
  'POST /timer 403': () =>
    one(
      'task the user may not track to',
      call('POST', 'timer', { form: { action: 'start', task_id: sandbox.demo.tasks.notTrackableLeaf } }),
    ),
  'POST /timer 404': () => one('missing task', call('POST', 'timer', { form: { action: 'start', task_id: 99 } })),
  'DELETE /timer 200': async () => {
    await call('POST', 'timer', { form: { action: 'start' } });
    return one('discard', call('DELETE', 'timer'));
  },
  'GET /timer_running 200': () => one("Jan's running timer", call('GET', 'timer_running', { token: token('manager') })),

  'GET /activity 200': () =>
    one('today with names', call('GET', 'activity', { query: { date: today(), include: 'application,window_title' } })),
  'GET /activity 400': () => one('no date', call('GET', 'activity')),
  'GET /attendance 200': () =>
    one('this week', call('GET', 'attendance', { query: { from: '2024-06-10', to: today() } })),
};

beforeAll(async () => {
  sandbox = await startSandbox({ now: () => now });
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(() => {
  now = Date.UTC(2024, 5, 12, 12, 30, 0);
  sandbox.reset();
});

describe("sandbox answers match TimeCamp's OpenAPI description", () => {
  for (const [operation, { responses }] of Object.entries(contract.operations)) {
    for (const [status, schema] of Object.entries(responses)) {
      const name = `${operation} ${status}`;
      it(name, async () => {
        const scenario = SCENARIOS[name];
        expect(scenario, `no request that produces ${name}; add one to SCENARIOS`).toBeDefined();
        const samples = await (scenario as () => Promise<Sample[]>)();
        for (const { label, response } of samples) {
          expect(response.status, label).toBe(Number(status));
          const text = await response.text();
          if (schema === null) {
            expect(text, `${label}: documented without a body`).toBe('');
            continue;
          }
          expect(response.headers.get('content-type'), label).toMatch(/^application\/json/);
          const body: unknown = JSON.parse(text);
          const validate = validatorFor(schema);
          expect(validate(body) ? [] : validate.errors, `${label}: ${text.slice(0, 300)}`).toEqual([]);
          expect(missingFields(schema, body), `${label}: documented fields missing`).toEqual([]);
        }
      });
    }
  }

  it('has no scenario for an operation the contract no longer lists', () => {
    const documented = new Set(
      Object.entries(contract.operations).flatMap(([operation, { responses }]) =>
        Object.keys(responses).map((status) => `${operation} ${status}`),
      ),
    );
    expect(Object.keys(SCENARIOS).filter((name) => !documented.has(name))).toEqual([]);
  });
});

describe('the contract check itself', () => {
  const schemaOf = (operation: string, status = '200') => contract.operations[operation]?.responses[status] as Schema;

  it('rejects a field of the wrong type', async () => {
    const me = (await (await call('GET', 'me')).json()) as Record<string, unknown>;
    const validate = validatorFor(schemaOf('GET /me'));
    expect(validate(me)).toBe(true);
    expect(validate({ ...me, email: 42 })).toBe(false);
    expect(validate({ ...me, permissions: { ...(me.permissions as object), create_projects: 'yes' } })).toBe(false);
  });

  it('rejects a task whose flags drift from the strings and integers TimeCamp sends', async () => {
    const tasks = (await (await call('GET', 'tasks')).json()) as Record<string, Record<string, unknown>>;
    const [id, task] = Object.entries(tasks)[0] as [string, Record<string, unknown>];
    const validate = validatorFor(schemaOf('GET /tasks'));
    expect(validate(tasks)).toBe(true);
    expect(validate({ [id]: { ...task, archived: false } })).toBe(false);
  });

  it('refuses a timer status with a field the description does not document', async () => {
    await call('POST', 'timer', { form: { action: 'start', task_id: sandbox.demo.tasks.githubIssue } });
    const status = (await (await call('POST', 'timer', { form: { action: 'status' } })).json()) as Record<string, unknown>;
    const validate = validatorFor(schemaOf('POST /timer'));
    expect(validate(status)).toBe(true);
    expect(validate({ ...status, task_id: String(sandbox.demo.tasks.githubIssue) })).toBe(false);
    expect(validate({ ...status, name: 'Fix login redirect' })).toBe(false);
    expect(validate({ isTimerRunning: false, elapsed: 0, external_task_id: null })).toBe(false);
    // Each timer answer is held to its own fields: a running status is not a stopped one.
    expect(validate({ isTimerRunning: true, elapsed: 0 })).toBe(false);
    expect(validate({ elapsed: 60, entry_id: '1', entry_time: 60, isTimerRunning: false })).toBe(false);
  });

  it('refuses extras in the other successful answers it closes', async () => {
    const entryId = await createEntry();
    const changed = (await (await call('PUT', 'entries', { form: { id: entryId, note: 'x' } })).json()) as object;
    expect(validatorFor(schemaOf('PUT /entries'))(changed)).toBe(true);
    expect(validatorFor(schemaOf('PUT /entries'))({ ...changed, description: 'x' })).toBe(false);
    expect(validatorFor(schemaOf('DELETE /entries'))({ message: 'removed', entry_id: entryId })).toBe(false);
    expect(validatorFor(schemaOf('POST /entries'))({ entry_id: entryId, duration: 1800 })).toBe(false);
    const tasks = (await (await call('GET', 'tasks')).json()) as Record<string, Record<string, unknown>>;
    const [id, task] = Object.entries(tasks)[0] as [string, Record<string, unknown>];
    expect(validatorFor(schemaOf('GET /tasks'))({ [id]: { ...task, path: 'a / b' } })).toBe(false);
  });

  it('notices a documented field that went missing', async () => {
    const response = await call('GET', 'entries', { query: { from: '2024-06-01', to: today() } });
    const entries = (await response.json()) as Record<string, unknown>[];
    const { description: _dropped, ...entry } = entries[0] as Record<string, unknown>;
    expect(missingFields(schemaOf('GET /entries'), [entry])).toContain('[0].description');
  });
});
