// Preloaded into the test PDS: every server that would listen on all interfaces listens on
// 127.0.0.1 only (dev-env calls listen(port) without a host).
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
    if (first.path === undefined && !first.host) args[0] = { ...first, host: '127.0.0.1' };
  } else if (args.length === 0 || typeof first === 'function') {
    args.unshift(0, '127.0.0.1');
  } else if (typeof first === 'number' || /^\d+$/.test(String(first))) {
    if (typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  }
  return listen.apply(this, args);
};
