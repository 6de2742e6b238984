/** The testbed only ever listens on loopback: it is a teaching server, not a deployment. */
export const TESTBED_HOST = '127.0.0.1';
export const DEFAULT_TESTBED_PORT = 4000;

export function testbedPort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TESTBED_PORT;
  if (raw === undefined || raw === '') return DEFAULT_TESTBED_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`TESTBED_PORT must be a port number from 0 to 65535, not '${raw}'.`);
  }
  return port;
}
