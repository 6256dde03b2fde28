// Prints the README's configuration table from the relay's config keys: `npm run config-table`.
import { configTable } from '../packages/relay/src/config-table.js';

process.stdout.write(`${configTable()}\n`);
