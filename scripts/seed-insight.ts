/** Writes the demo's user-insight seed (scripts/lib/insight-seed.ts) to the file named, for `wrangler d1 execute --file`. */
import { writeFileSync } from 'node:fs';
import { insightSeedSql } from './lib/insight-seed.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: tsx scripts/seed-insight.ts <file.sql>');
writeFileSync(out, await insightSeedSql(new Date()));
