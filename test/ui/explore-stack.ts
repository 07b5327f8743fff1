import * as fs from 'node:fs';
import { startUiStack } from './lib/uiStack';
async function main() {
  const ui = await startUiStack();
  fs.writeFileSync('/tmp/i13-stack.json', JSON.stringify({ n8n: ui.stack.n8n.baseUrl, emu: ui.stack.emulator.url, folder: ui.stack.n8n.userFolder, log: ui.logFile, workflows: Object.fromEntries(Object.entries(ui.workflows).map(([k, w]) => [k, w.id])) }, null, 1));
  console.log('READY', ui.stack.n8n.baseUrl, ui.stack.emulator.url);
  process.on('SIGTERM', async () => { await ui.stack.stop(); process.exit(0); });
  await new Promise(() => undefined);
}
main().catch((e) => { console.error(e); process.exit(1); });
