/** Writes docs/profile.schema.json from lib/profiles/schema.ts (npm run schema). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { profileJsonSchema } from '../lib/profiles/json-schema';
import { ROOT } from './chromium';

writeFileSync(join(ROOT, 'docs', 'profile.schema.json'), profileJsonSchema());
console.log('docs/profile.schema.json written');
