#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` via the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('oit: ยังไม่ได้ build โปรแกรม — รัน `npm install` (หรือ `npm run build`) ก่อน / not built yet: run `npm install` or `npm run build` first');
  process.exit(1);
}
await import(pathToFileURL(cli).href);
