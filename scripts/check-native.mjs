// npm 11 skips dependencies' install scripts unless package.json "allowScripts" approves them.
// sqlite3 is native: if its binding did not build, say exactly how to fix it instead of failing later.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const sqlite3 = require('sqlite3');
  await new Promise((resolve, reject) => {
    const db = new sqlite3.Database(':memory:', (err) => (err ? reject(err) : resolve()));
    db.close();
  });
} catch (e) {
  console.error('oit: โมดูล sqlite3 ยังไม่พร้อมใช้งาน / the native sqlite3 module did not load:', e.message);
  console.error('     แก้ไข / fix: npm rebuild sqlite3   (needs python3, make and g++; allowed by "allowScripts" in package.json)');
  process.exit(1);
}
