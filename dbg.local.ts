import { readFileSync } from 'node:fs';
import { checkText } from './lib/check/engine';
const [f, title] = process.argv.slice(2);
const text = f!.startsWith('@') ? f!.slice(1) : readFileSync(f!, 'utf8');
const r = checkText(text, title ? { title } : {});
console.log(r.title, r.year, r.format, r.verdict, JSON.stringify(r.progress));
console.log(r.parts.map((p) => `${p.part}:${p.status}:${p.content}:${p.heading ?? ''}`).join(' | '));
for (const x of r.findings) console.log(x.severity, x.code, x.message.slice(0, 120));
