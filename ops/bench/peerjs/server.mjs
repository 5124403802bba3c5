// PeerJS server as the load benchmark runs it: loopback only, no discovery, limits raised so
// that the benchmark's clients all fit. Usage: node server.mjs <port>
import { PeerServer } from 'peer';

const port = Number(process.argv[2] || 9000);
PeerServer({ host: '127.0.0.1', port, path: '/', concurrent_limit: 20000, alive_timeout: 600000,
  allow_discovery: false }, () => console.log(`peerjs listening on 127.0.0.1:${port} pid ${process.pid}`));
