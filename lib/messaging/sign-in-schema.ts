import * as v from 'valibot';
import type { SignInRequest } from '@/lib/account/sign-in';
import { MessageRefusedError } from './refusal';

const SignInSchema = v.strictObject({
  token: v.pipe(v.string(), v.maxLength(256)),
  serverUrl: v.pipe(v.string(), v.maxLength(2048)),
});

export function parseSignInRequest(data: unknown): SignInRequest {
  const result = v.safeParse(SignInSchema, data);
  if (!result.success) {
    const fields = result.issues.map((issue) => v.getDotPath(issue) ?? 'payload').join(', ');
    throw new MessageRefusedError(`signIn: invalid payload (${fields})`);
  }
  return result.output;
}
