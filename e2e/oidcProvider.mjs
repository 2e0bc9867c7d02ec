// Starts e2e/oidc-provider-server.mjs (a real oidc-provider) as a child process and stops it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { root } from './portal.mjs';

/**
 * Starts the provider with one confidential client and the given accounts
 * ({ username, password, email, name }); resolves once it listens.
 */
export async function startOidcProvider({ redirectUri, accounts }) {
  const client = {
    client_id: 'runway',
    client_secret: `e2e-oidc-${process.pid}-${Date.now()}`,
    redirect_uris: [redirectUri],
  };
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'e2e/oidc-provider-server.mjs'),
      JSON.stringify({ client, accounts }),
    ],
    // stdin stays open: the server exits when it closes, so even a killed test leaves no provider.
    { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise(resolve => child.on('exit', resolve));
  const issuer = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The OIDC provider did not start:\n${output}`)),
      30_000,
    );
    const onData = data => {
      output += data;
      const match = output.match(/^listening (\S+)$/m);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then(code => {
      clearTimeout(timer);
      reject(new Error(`The OIDC provider exited (${code}):\n${output}`));
    });
  });
  return {
    issuer,
    metadataUrl: `${issuer}/.well-known/openid-configuration`,
    clientId: client.client_id,
    clientSecret: client.client_secret,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
