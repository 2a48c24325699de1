/**
 * `runSimCli` as a process of its own, for the tests that kill it outright (SIGKILL): run with
 * `node --import tsx hardware-sim/testing/run-sim-cli.ts ARGS…`.
 */
import { runSimCli } from '../cli.ts';

process.exitCode = await runSimCli(process.argv.slice(2));
