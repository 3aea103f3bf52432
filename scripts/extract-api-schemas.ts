// Extracts, from TimeCamp's production OpenAPI description, the response schemas of every
// operation the sandbox serves, trimmed to names and types, into tests/contract/timecamp-schemas.json.
//
//   npx tsx scripts/extract-api-schemas.ts <path to timecamp-openapi.yaml>
//
// Besides trimming, three kinds of adjustment are made and listed in the output's `adjustments`:
// - corrections: a short, reasoned list of places where the description's schema cannot be what
//   the server sends (a list described as one item, a body HTTP forbids, one schema for the
//   answers of several actions);
// - reconciliation with the description's own examples, which are captured production answers:
//   where an example contradicts its schema (ids sent as strings where the schema says integer,
//   null where it says non-null), the schema is widened to accept what the example shows;
// - closure: successful answers refuse fields the schema does not document, so the sandbox (and
//   with it the client) cannot come to lean on extras. Only where the examples carry no such field.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { servedOperations } from '../tests/sandbox/routes/index.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

interface Adjustment {
  operation: string;
  status: string;
  pointer: string;
  change: string;
  reason: string;
}

interface Correction {
  operation: string;
  status: string;
  /**
   * 'list': the schema describes one element of the list the endpoint answers.
   * 'examples': the schema merges several answers; each example is one of them, with exactly its fields.
   */
  kind: 'list' | 'replace' | 'examples';
  schema?: Schema | null;
  reason: string;
}

const EXAMPLE_WINS = "The description's example (a production answer) contradicts its schema.";
const CLOSED =
  'The sandbox answers exactly the documented fields, so a client cannot come to depend on extras; ' +
  "the description's examples (production answers) carry no other field.";
const OUTPUT = fileURLToPath(new URL('../tests/contract/timecamp-schemas.json', import.meta.url));
const KEPT_KEYWORDS = new Set(['type', 'properties', 'items', 'oneOf', 'anyOf', 'nullable', 'required', 'additionalProperties']);
/** Keys like '[task_id]' stand for "any id" in TimeCamp's description. */
const PLACEHOLDER_KEY = /^\[.+\]$/;

const CORRECTIONS: Correction[] = [
  {
    operation: 'GET /entries',
    status: '200',
    kind: 'list',
    reason: 'The schema describes one time entry; the endpoint answers a list of them (founding document, API notes).',
  },
  {
    operation: 'GET /activity',
    status: '200',
    kind: 'list',
    reason: "The schema describes one activity; the endpoint answers a list of them, as the description's own example shows.",
  },
  {
    operation: 'POST /timer',
    status: '200',
    kind: 'examples',
    reason:
      'One schema merges the answers of status (running and stopped), start and stop, and lacks the fields of start ' +
      '(new_timer_id) and stop (entry_time); its examples show each answer. The answer is one of them, with its fields ' +
      'and no others, and isTimerRunning as its example has it.',
  },
  {
    operation: 'GET /entries',
    status: '403',
    kind: 'replace',
    schema: { type: 'array' },
    reason: "Documented as the string '[]', which is the body's text: an empty JSON array.",
  },
  {
    operation: 'DELETE /timer',
    status: '200',
    kind: 'replace',
    schema: null,
    reason: 'The description says the response body is empty; its schema is a placeholder.',
  },
  {
    operation: 'DELETE /entries',
    status: '204',
    kind: 'replace',
    schema: null,
    reason: 'HTTP forbids a body on a 204, so the documented {message} never arrives.',
  },
];

function isObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveRef(root: Json, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, not ${ref}`);
  let node: Json | undefined = root;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : undefined;
    if (node === undefined) throw new Error(`unresolvable $ref ${ref}`);
  }
  return node;
}

/** The schema reduced to names and types, $refs resolved. */
function trim(root: Json, node: Json, seen: ReadonlySet<string> = new Set()): Schema {
  if (!isObject(node)) return {};
  if (typeof node.$ref === 'string') {
    if (seen.has(node.$ref)) throw new Error(`circular $ref ${node.$ref}`);
    return trim(root, resolveRef(root, node.$ref), new Set([...seen, node.$ref]));
  }
  const result: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (!KEPT_KEYWORDS.has(key)) continue;
    if (key === 'properties' && isObject(value)) {
      const properties: Schema = {};
      for (const [name, child] of Object.entries(value)) {
        if (PLACEHOLDER_KEY.test(name)) result.additionalProperties = trim(root, child, seen);
        else properties[name] = trim(root, child, seen);
      }
      if (Object.keys(properties).length > 0) result.properties = properties;
    } else if (key === 'items' || (key === 'additionalProperties' && isObject(value))) {
      result[key] = trim(root, value, seen);
    } else if ((key === 'oneOf' || key === 'anyOf') && Array.isArray(value)) {
      result[key] = value.map((v) => trim(root, v, seen));
    } else {
      result[key] = value;
    }
  }
  return result;
}

function jsonType(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeAccepts(type: Json | undefined, value: Json): boolean {
  if (type === undefined) return true;
  const actual = jsonType(value);
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => t === actual || (t === 'number' && actual === 'integer'));
}

/** Widens `schema` wherever the example shows a value it would refuse. */
function reconcile(schema: Schema, example: Json, pointer: string, note: (pointer: string, change: string) => void): Schema {
  if (example === null) {
    const alternatives = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
    const acceptsNull = schema.nullable === true || schema.type === undefined || alternatives?.some((s) => s.type === 'null');
    if (acceptsNull) return schema;
    note(pointer, 'made nullable: the example is null');
    return { ...schema, nullable: true };
  }
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const alternatives = schema[keyword] as Schema[] | undefined;
    if (!alternatives) continue;
    const matching = alternatives.findIndex((s) => typeAccepts(s.type, example));
    if (matching === -1) {
      note(pointer, `added type ${jsonType(example)}: the example is ${JSON.stringify(example)}`);
      return { ...schema, [keyword]: [...alternatives, { type: jsonType(example) }] };
    }
    const updated = [...alternatives];
    updated[matching] = reconcile(alternatives[matching] as Schema, example, pointer, note);
    return { ...schema, [keyword]: updated };
  }
  if (!typeAccepts(schema.type, example)) {
    const { nullable, ...rest } = schema;
    note(pointer, `${String(schema.type)} or ${jsonType(example)}: the example is ${JSON.stringify(example)}`);
    return { oneOf: [rest, { type: jsonType(example) }], ...(nullable === undefined ? {} : { nullable }) };
  }
  const result: Schema = { ...schema };
  if (isObject(example)) {
    if (isObject(schema.properties)) {
      const properties: Schema = { ...schema.properties };
      for (const [name, child] of Object.entries(properties)) {
        if (!(name in example)) continue;
        properties[name] = reconcile(child as Schema, example[name] as Json, `${pointer}/properties/${name}`, note);
      }
      result.properties = properties;
    }
    if (isObject(schema.additionalProperties)) {
      let additional = schema.additionalProperties as Schema;
      for (const [name, child] of Object.entries(example)) {
        if (isObject(schema.properties) && name in schema.properties) continue;
        additional = reconcile(additional, child, `${pointer}/additionalProperties`, note);
      }
      result.additionalProperties = additional;
    }
  }
  if (Array.isArray(example) && isObject(schema.items)) {
    let items = schema.items as Schema;
    for (const element of example) items = reconcile(items, element, `${pointer}/items`, note);
    result.items = items;
  }
  return result;
}

/**
 * Ajv reads OpenAPI's `nullable` only next to `type`; on a bare oneOf/anyOf the same meaning is
 * spelled as one more alternative.
 */
function nullableForAjv(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(nullableForAjv);
  if (!isObject(schema)) return schema;
  const result: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && isObject(value)) {
      result[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, nullableForAjv(child)]));
    } else if (['additionalProperties', 'items', 'oneOf', 'anyOf'].includes(key)) {
      result[key] = nullableForAjv(value);
    } else {
      result[key] = value;
    }
  }
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const alternatives = result[keyword];
    if (result.nullable !== true || result.type !== undefined || !Array.isArray(alternatives)) continue;
    delete result.nullable;
    if (!alternatives.some((s) => isObject(s) && s.type === 'null')) result[keyword] = [...alternatives, { type: 'null' }];
  }
  return result;
}

/**
 * Successful answers left open: the server adds fields there that the schema does not list.
 * Error bodies stay open too: the founding document's errors carry a `code` besides the message.
 */
const OPEN: Record<string, string> = {
  'GET /entries 200': 'opt_fields=breadcrumps and include_project add fields the schema does not list.',
};

/** One alternative per example: its fields typed as documented (or as the example shows them), all required. */
function fromExamples(documented: Schema, examples: Json[]): Schema {
  const properties = isObject(documented.properties) ? documented.properties : {};
  return {
    anyOf: examples.filter(isObject).map((example) => ({
      type: 'object',
      properties: Object.fromEntries(
        Object.entries(example).map(([name, value]) => {
          const schema = isObject(properties[name]) ? properties[name] : { type: jsonType(value) };
          // The flag tells the running status from the stopped one.
          return [name, typeof value === 'boolean' ? { ...schema, enum: [value] } : schema];
        }),
      ),
      required: Object.keys(example),
    })),
  };
}

/** `additionalProperties: false` on every object the schema documents fields of, however deep. */
function close(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(close);
  if (!isObject(schema)) return schema;
  const result: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && isObject(value)) {
      result[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, close(child)]));
    } else if (['additionalProperties', 'items', 'oneOf', 'anyOf'].includes(key)) {
      result[key] = close(value);
    } else {
      result[key] = value;
    }
  }
  if (isObject(schema.properties) && schema.additionalProperties === undefined) result.additionalProperties = false;
  return result;
}

/** Fields of `value` a closed schema refuses; an alternative that takes the value without any counts. */
function refusedFields(schema: Json, value: Json, pointer: string): string[] {
  if (!isObject(schema)) return [];
  const alternatives = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (Array.isArray(alternatives)) {
    const each = alternatives.map((s) => refusedFields(s, value, pointer));
    return each.find((refused) => refused.length === 0) ?? each.flat();
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => refusedFields(schema.items ?? {}, item, `${pointer}/${i}`));
  if (!isObject(value)) return [];
  const properties = isObject(schema.properties) ? schema.properties : {};
  return Object.entries(value).flatMap(([name, child]) => {
    const at = `${pointer}/${name}`;
    if (name in properties) return refusedFields(properties[name] as Json, child, at);
    if (schema.additionalProperties === false) return [at];
    return refusedFields(schema.additionalProperties ?? {}, child, at);
  });
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key] as Json)]),
  );
}

function exampleValues(media: { [key: string]: Json }): Json[] {
  const values: Json[] = [];
  if (media.example !== undefined) values.push(media.example);
  if (isObject(media.examples)) {
    for (const example of Object.values(media.examples)) {
      if (isObject(example) && 'value' in example) values.push(example.value as Json);
    }
  }
  return values;
}

function extract(specPath: string) {
  const spec = parse(readFileSync(specPath, 'utf8')) as Json;
  if (!isObject(spec) || !isObject(spec.paths)) throw new Error(`${specPath} is not an OpenAPI description`);
  const paths = spec.paths;
  const operations: Record<string, { responses: Record<string, Json> }> = {};
  const adjustments: Adjustment[] = [];
  const notInSpec: string[] = [];

  for (const { method, path } of servedOperations()) {
    const operationName = `${method} ${path}`;
    const pathItem = paths[path];
    const operation = isObject(pathItem) ? pathItem[method.toLowerCase()] : undefined;
    if (!isObject(operation) || !isObject(operation.responses)) {
      notInSpec.push(operationName);
      continue;
    }
    const responses: Record<string, Json> = {};
    for (const [status, rawResponse] of Object.entries(operation.responses)) {
      const response =
        isObject(rawResponse) && typeof rawResponse.$ref === 'string' ? resolveRef(spec, rawResponse.$ref) : rawResponse;
      const content = isObject(response) && isObject(response.content) ? response.content : undefined;
      const media = content ? content['application/json'] : undefined;
      const correction = CORRECTIONS.find((c) => c.operation === operationName && c.status === status);
      const note = (pointer: string, change: string, reason = EXAMPLE_WINS) =>
        adjustments.push({ operation: operationName, status, pointer: pointer || '/', change, reason });

      if (correction?.kind === 'replace') {
        responses[status] = correction.schema ?? null;
        note('', correction.schema ? `schema replaced by ${JSON.stringify(correction.schema)}` : 'no body', correction.reason);
        continue;
      }
      if (!isObject(media)) {
        responses[status] = null;
        continue;
      }
      let schema = trim(spec, media.schema ?? {});
      const examples = exampleValues(media);
      if (correction?.kind === 'list') {
        for (const example of examples.flatMap((e) => (Array.isArray(e) ? e : [e]))) {
          schema = reconcile(schema, example, '/items', note);
        }
        schema = { type: 'array', items: schema };
        note('', "the described object is the type of the list's items", correction.reason);
      } else if (correction?.kind === 'examples') {
        schema = fromExamples(schema, examples);
        note('', "one alternative per example, with the example's fields, all required", correction.reason);
      } else {
        for (const example of examples) schema = reconcile(schema, example, '', note);
      }
      const name = `${operationName} ${status}`;
      const closed = close(schema) as Schema;
      // Nothing to close where the schema names no field (e.g. a list of items left undescribed).
      if (status.startsWith('2') && !(name in OPEN) && JSON.stringify(closed) !== JSON.stringify(schema)) {
        const refused = examples.flatMap((example) => refusedFields(closed, example, ''));
        if (refused.length > 0) throw new Error(`${name} cannot be closed: its examples carry ${refused.join(', ')}`);
        schema = closed;
        note('', 'closed: fields the schema does not document are refused', CLOSED);
      }
      responses[status] = nullableForAjv(schema);
    }
    operations[operationName] = { responses };
  }

  const info = isObject(spec.info) ? spec.info : {};
  return sortKeys({
    $comment:
      "Generated by scripts/extract-api-schemas.ts from TimeCamp's production OpenAPI description; do not edit by hand. " +
      'Response schemas per operation and status, trimmed to names and types; null means the status carries no body.',
    source: { title: info.title ?? null, version: info.version ?? null },
    operations,
    adjustments: adjustments as unknown as Json,
    servedButNotInSpec: notInSpec.sort(),
  } as Json);
}

const specPath = process.argv[2];
if (!specPath) {
  console.error('usage: tsx scripts/extract-api-schemas.ts <path to timecamp-openapi.yaml>');
  process.exit(2);
}
const result = extract(specPath);
writeFileSync(OUTPUT, `${JSON.stringify(result, null, 2)}\n`);
const count = isObject(result) && isObject(result.operations) ? Object.keys(result.operations).length : 0;
console.log(`wrote ${count} operations to tests/contract/timecamp-schemas.json`);
