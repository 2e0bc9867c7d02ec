// A round-robin HTTP proxy on loopback, standing in for the load balancer in front of the
// replicas (a Kubernetes Service). A replica that refuses or drops the connection is a 502, as a
// load balancer answers; clients retry.
import http from 'node:http';

/** `targets()` lists the base URLs of the replicas that are up, read on every request. */
export async function startProxy(targets) {
  let next = 0;
  const server = http.createServer((req, res) => {
    const up = targets();
    if (up.length === 0) {
      res.writeHead(503).end('no replica is up');
      return;
    }
    const target = new URL(up[next++ % up.length]);
    const upstream = http.request(
      {
        host: target.hostname === 'localhost' ? '127.0.0.1' : target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end('replica unreachable');
      else res.destroy();
    });
    req.pipe(upstream);
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
