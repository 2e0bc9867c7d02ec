import {
  deployRequestSchema,
  promoteRequestSchema,
  rollbackRequestSchema,
} from '@internal/plugin-delivery-common';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import express from 'express';
import { z } from 'zod';
import { audited, callerOf, EndpointDeps } from '../endpointDeps';
import { parseInput } from '@internal/backend-common';
import { spec } from '../../schema/openapi/generated/router';

export const listQuery = z.strictObject({
  service: z.string().min(1),
  environment: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const eventsQuery = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
});

/** Deploy, roll back, promote, approve; history, one deploy, its live log; the driver callback. */
export function deployEndpoints(
  router: ApiRouter<typeof spec>,
  { service, httpAuth, auditor }: EndpointDeps,
) {
  router.get('/deploys', async (req, res) => {
    const query = parseInput(listQuery, req.query, 'query');
    const credentials = await callerOf(httpAuth, req);
    res.json({ deployments: await service.listDeploys(query, credentials) });
  });

  router.post('/deploys', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    const body = parseInput(deployRequestSchema, req.body, 'deploy');
    const deployment = await audited(
      auditor,
      req,
      'delivery-deploy',
      {
        service: body.service,
        environment: body.environment,
        version: body.version,
        freezeOverride: body.freezeOverride?.reason ?? null,
      },
      () => service.deploy(body, credentials),
    );
    res.status(202).json(deployment);
  });

  router.post('/deploys/rollback', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    const body = parseInput(rollbackRequestSchema, req.body, 'rollback');
    const deployment = await audited(
      auditor,
      req,
      'delivery-rollback',
      {
        service: body.service,
        environment: body.environment,
        freezeOverride: body.freezeOverride?.reason ?? null,
      },
      () => service.rollback(body, credentials),
    );
    res.status(202).json(deployment);
  });

  router.post('/deploys/promote', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    const body = parseInput(promoteRequestSchema, req.body, 'promotion');
    const deployment = await audited(
      auditor,
      req,
      'delivery-promote',
      {
        service: body.service,
        from: body.from,
        freezeOverride: body.freezeOverride?.reason ?? null,
      },
      () => service.promote(body, credentials),
    );
    res.status(202).json(deployment);
  });

  router.get('/deploys/:id', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    res.json(await service.getDeploy(req.params.id, credentials));
  });

  router.get('/deploys/:id/events', async (req, res) => {
    const { after } = parseInput(eventsQuery, req.query, 'query');
    const credentials = await callerOf(httpAuth, req);
    res.json({
      events: await service.deployEvents(req.params.id, after, credentials),
    });
  });

  router.post('/deploys/:id/approve', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const deployment = await audited(
      auditor,
      req,
      'delivery-approve',
      { deployment: req.params.id },
      () => service.approve(req.params.id, credentials),
    );
    res.json(deployment);
  });
}

/** POST /deploys/:id/callback, mounted before the JSON parser: the driver checks the signature. */
export function deployCallbackRouter({ service, auditor }: EndpointDeps) {
  const router = express.Router();
  router.post(
    '/deploys/:id/callback',
    express.raw({ type: () => true, limit: '1mb' }),
    async (req, res, next) => {
      try {
        // Audited once the signature holds: an unsigned request for any id leaves no trace.
        const verified = await service.verifyDeployCallback(req.params.id, {
          headers: req.headers,
          rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        });
        const deployment = await audited(
          auditor,
          req,
          'delivery-deploy-callback',
          { deployment: req.params.id, status: verified.report.status },
          () => service.applyDeployCallback(verified),
        );
        res.json(deployment);
      } catch (error) {
        next(error);
      }
    },
  );
  return router;
}
