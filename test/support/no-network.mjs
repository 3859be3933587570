/**
 * Preloaded (`node --import`) into tools the tests run that must work offline, such as the
 * OpenAPI linter: any attempt to open a network connection other than a local socket file is
 * refused and reported on stderr as `NETWORK ATTEMPT`, so a test can fail on it.
 */
import net from 'node:net';
import tls from 'node:tls';

function refuse(what) {
  process.stderr.write(`NETWORK ATTEMPT: ${what}\n`);
  throw new Error(`network use is not allowed here (${what})`);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guarded(...args) {
  const options =
    typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0], host: args[1] };
  // Local socket files (IPC) are not the network.
  if (typeof options.path === 'string' || (typeof args[0] === 'string' && Number.isNaN(Number(args[0])))) {
    return connect.apply(this, args);
  }
  return refuse(`${options.host ?? 'localhost'}:${options.port}`);
};
tls.connect = (...args) => refuse(`tls ${JSON.stringify(args[0]?.host ?? args[0])}`);
globalThis.fetch = async (input) => refuse(`fetch ${String(input)}`);
