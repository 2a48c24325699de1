/** Process entry of the `proprio` command (bin/proprio.js runs it through tsx). */
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
