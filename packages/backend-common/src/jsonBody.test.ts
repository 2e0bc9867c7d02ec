import { InputError } from '@backstage/errors';
import express, { ErrorRequestHandler } from 'express';
import request from 'supertest';
import { jsonBody, jsonProblem, MAX_JSON_DEPTH } from './jsonBody';

/** JSON arrays nested `depth` deep, built as text: what an attacker sends. */
const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

function app() {
  const router = express();
  router.use(jsonBody({ limit: '1mb' }));
  router.post('/echo', (req, res) => res.json({ body: req.body ?? null }));
  const errors: ErrorRequestHandler = (error, _req, res, _next) =>
    res
      .status(error instanceof InputError ? 400 : error.status ?? 500)
      .json({ error: { name: error.name, message: error.message } });
  router.use(errors);
  return router;
}

const tooDeep = (value: unknown, max?: number) => jsonProblem(value, max)?.path;

describe('jsonProblem', () => {
  it('names the first path deeper than the limit, and passes what is within it', () => {
    expect(tooDeep({ a: [{ b: 1 }] })).toBeUndefined();
    expect(tooDeep(JSON.parse(nested(MAX_JSON_DEPTH)))).toBeUndefined();
    expect(tooDeep(JSON.parse(nested(MAX_JSON_DEPTH + 1)))).toBe(
      `${'[0]'.repeat(MAX_JSON_DEPTH)}`,
    );
    expect(tooDeep({ events: [{ a: { b: 1 } }] }, 3)).toBe('events[0].a');
  });

  it('names a NUL character in a string or a key, which PostgreSQL cannot store', () => {
    expect(jsonProblem({ events: [{ id: 'a\u0000b' }] })).toEqual({
      path: 'events[0].id',
      problem: 'contains a NUL character',
    });
    expect(jsonProblem({ 'k\u0000': 1 })).toEqual({
      path: 'k\u0000',
      problem: 'has a NUL character in its name',
    });
    expect(jsonProblem('\u0000')?.path).toBe('(body)');
    expect(jsonProblem({ text: 'tab\tnewline\nfine' })).toBeUndefined();
  });

  it('walks 200,000 levels without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(tooDeep(deep)).toBeDefined();
  });
});

describe('jsonBody', () => {
  it('parses JSON bodies and lets requests without a body through', async () => {
    await request(app())
      .post('/echo')
      .send({ ok: [1, 2] })
      .expect(200, { body: { ok: [1, 2] } });
    const empty = await request(app()).post('/echo');
    expect(empty.status).toBe(200);
  });

  it('refuses arrays nested 5,000 deep with a 400 naming the limit', async () => {
    const res = await request(app())
      .post('/echo')
      .set('content-type', 'application/json')
      .send(nested(5000));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^Invalid body: (\[0\])+ nests deeper than 64 levels/,
    );
  });

  it('refuses a body that is not JSON instead of reading it as an empty request', async () => {
    const res = await request(app())
      .post('/echo')
      .set('content-type', 'text/plain')
      .send('evaluate everything');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'Invalid body: it must be JSON (Content-Type: application/json), not text/plain',
    );
    const form = await request(app())
      .post('/echo')
      .type('form')
      .send({ a: '1' });
    expect(form.status).toBe(400);
  });

  it('refuses a NUL character in the body or the query with a 400 naming the field', async () => {
    const body = await request(app()).post('/echo').send({ id: 'INC\u00001' });
    expect(body.status).toBe(400);
    expect(body.body.error.message).toBe(
      'Invalid body: id contains a NUL character',
    );
    const query = await request(app()).post('/echo?search=a%00b');
    expect(query.status).toBe(400);
    expect(query.body.error.message).toBe(
      'Invalid query: search contains a NUL character',
    );
    const inPath = await request(app()).post('/echo/a%00b');
    expect(inPath.status).toBe(400);
    expect(inPath.body.error.message).toBe(
      'Invalid path: it contains a NUL character',
    );
  });

  it('accepts JSON with a charset and the +json types', async () => {
    await request(app())
      .post('/echo')
      .set('content-type', 'application/json; charset=utf-8')
      .send('{"a":1}')
      .expect(200, { body: { a: 1 } });
    await request(app())
      .post('/echo')
      .set('content-type', 'application/merge-patch+json')
      .send('{"a":1}')
      .expect(200);
  });
});
