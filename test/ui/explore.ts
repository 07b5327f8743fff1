import * as fs from 'node:fs';
import { openBrowser } from './lib/browser';
import { Editor } from './lib/editor';
const info = JSON.parse(fs.readFileSync('/tmp/i13-stack.json', 'utf8'));
async function main() {
  const b = await openBrowser();
  const ed = new Editor(b.page, info.n8n, '/tmp/i13-shots');
  const step = process.argv[2];
  const dumpIds = async (label: string) => {
    const ids = await b.page.evaluate(() => Array.from(document.querySelectorAll('[data-test-id]')).filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => `${e.getAttribute('data-test-id')}: ${((e as HTMLElement).innerText || '').replace(/\s+/g, ' ').slice(0, 80)}`));
    fs.writeFileSync(`/tmp/i13-ids-${label}.txt`, [...new Set(ids)].join('\n'));
    await b.page.screenshot({ path: `/tmp/i13-shots/${label}.png` });
  };
  fs.mkdirSync('/tmp/i13-shots', { recursive: true });
  await ed.signIn('demo@example.com', 'SmscDemo-2024');
  await dumpIds('after-signin');
  const fn = new Function('ed', 'b', 'dumpIds', 'info', 'require', `return (async () => { ${fs.readFileSync('/tmp/i13-step.js', 'utf8')} })()`);
  try { await fn(ed, b, dumpIds, info, require); } catch (e) { console.log('STEP ERROR', (e as Error).message.slice(0, 1500)); await dumpIds('error'); }
  await b.close();
}
main();
