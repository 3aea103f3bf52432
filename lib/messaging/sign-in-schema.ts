import * as v from 'valibot';

export const SignInSchema = v.strictObject({
  token: v.pipe(v.string(), v.maxLength(256)),
  serverUrl: v.pipe(v.string(), v.maxLength(2048)),
  useSavedToken: v.optional(v.boolean()),
});
