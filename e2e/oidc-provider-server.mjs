// A real OpenID Connect provider (the `oidc-provider` package) for the sign-in journey, run as
// its own process by e2e/oidcProvider.mjs. Argument: JSON { client, accounts }. It listens on a
// free port of 127.0.0.1, prints `listening <issuer>` and exits when its parent closes stdin.
// Login checks username and password; consent is granted for the one first-party client, as an
// organisation's IdP does for its own portal.
import crypto from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

const { client, accounts } = JSON.parse(process.argv[2]);

const server = http.createServer();
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const { privateKey } = crypto.generateKeyPairSync('rsa', {
  modulusLength: 2048,
});
const provider = new Provider(issuer, {
  clients: [
    {
      ...client,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    },
  ],
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), use: 'sig' }] },
  cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  async findAccount(_ctx, id) {
    const account = accounts.find(a => a.username === id);
    if (!account) return undefined;
    return {
      accountId: id,
      claims: async () => ({
        sub: id,
        email: account.email,
        email_verified: true,
        name: account.name,
      }),
    };
  },
  // Backstage refreshes sessions without asking for offline_access.
  issueRefreshToken: async (_ctx, c) => c.grantTypeAllowed('refresh_token'),
  features: { devInteractions: { enabled: false } },
  interactions: {
    url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
  },
});

const oidc = provider.callback();
server.on('request', (req, res) => {
  const url = new URL(req.url, issuer);
  if (!url.pathname.startsWith('/interaction/')) {
    oidc(req, res);
    return;
  }
  interaction(req, res, url).catch(error => {
    res.statusCode = 500;
    res.setHeader('Content-Type', 'text/plain');
    res.end(`interaction failed: ${error.message}`);
  });
});

async function interaction(req, res, url) {
  const details = await provider.interactionDetails(req, res);
  const { uid, prompt, params, session } = details;
  if (prompt.name === 'consent') {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({
          accountId: session.accountId,
          clientId: params.client_id,
        });
    if (prompt.details.missingOIDCScope) {
      grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    }
    if (prompt.details.missingOIDCClaims) {
      grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    }
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
    return;
  }
  if (req.method === 'POST' && url.pathname === `/interaction/${uid}/login`) {
    const form = new URLSearchParams(await readBody(req));
    const account = accounts.find(
      a =>
        a.username === form.get('username') &&
        a.password === form.get('password'),
    );
    if (account) {
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: account.username } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    loginPage(res, uid, 'Wrong username or password');
    return;
  }
  loginPage(res, uid);
}

function loginPage(res, uid, error) {
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(`<!doctype html><html><head><title>Skyline sign-in</title></head><body>
<h1>Skyline Travel sign-in</h1>
${error ? `<p role="alert">${error}</p>` : ''}
<form method="post" action="/interaction/${uid}/login">
  <label>Username <input name="username" autocomplete="off" required></label>
  <label>Password <input name="password" type="password" required></label>
  <button type="submit">Sign in</button>
</form></body></html>`);
}

async function readBody(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

// The parent closing stdin (on purpose or by dying) ends this process: no orphaned provider.
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
console.log(`listening ${issuer}`);
