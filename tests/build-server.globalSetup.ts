// Once per test run: the server bundle that the tests starting a real server run.
import { buildServerBundle } from './production-server.ts';

export default function setup() {
  buildServerBundle();
}
