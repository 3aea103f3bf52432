import * as v from 'valibot';
import { MessageRefusedError } from './refusal';

/** The payload, checked against its schema; a refusal naming the bad fields otherwise. */
export function parsePayload<S extends v.GenericSchema>(message: string, schema: S, data: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, data);
  if (!result.success) {
    const fields = [...new Set(result.issues.map((issue) => v.getDotPath(issue) ?? 'payload'))].join(', ');
    throw new MessageRefusedError(`${message}: invalid payload (${fields})`);
  }
  return result.output;
}
