import { toJsonSchema } from '@valibot/to-json-schema';
import { Profile } from './schema';

/** The profile format as JSON Schema (for editors, and for admins' policy templates). */
export function profileJsonSchema(): string {
  const schema = toJsonSchema(Profile, { errorMode: 'ignore' });
  return `${JSON.stringify({ ...schema, title: 'Konferenzlotse profile' }, null, 2)}\n`;
}
