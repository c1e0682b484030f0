import { readFileSync } from 'node:fs';

// src/ and dist/ both sit one level below package.json.
export const TOOL_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
export const TOOL_NAME = 'oit';
