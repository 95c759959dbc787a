/**
 * `pnpm translate [--port 4322] [--host 127.0.0.1]`: starts the translator workbench on this machine and prints the
 * address to open. It reads and writes `content/` (or `SITE_CONTENT_DIR`). `--host 0.0.0.0` serves a field
 * office's network, on purpose only: anyone who has the printed address can then write translations.
 */
import { parseArgs } from 'node:util';
import { contentLocation } from '@iom/content-model/node';
import { startWorkbench } from './server.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4322' }, host: { type: 'string', default: '127.0.0.1' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`"${values.port}" is not a port number. For example: pnpm translate --port 4323`);
  process.exit(2);
}
const { contentDir } = contentLocation();
console.log(`Reading ${contentDir} …`);
try {
  const workbench = await startWorkbench({ contentDir, host: values.host, port });
  console.log(`\nTranslator workbench: open ${workbench.url}\n(the address holds this session's key; keep it to yourself). Stop with Ctrl+C.`);
  if (!['127.0.0.1', 'localhost', '::1'].includes(values.host)) console.log(`Serving ${values.host}: anyone on this network who has the address above can write translations.`);
  const stop = () => void workbench.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? `Port ${port} is in use (is a workbench already running?). Try: pnpm translate --port ${port + 1}` : error);
  process.exit(1);
}
