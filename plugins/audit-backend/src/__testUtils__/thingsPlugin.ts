import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { audited } from '@internal/backend-common';
import Router from 'express-promise-router';

/**
 * A small plugin that audits its one mutating action through Runway's audited() helper, as
 * readiness, environments and delivery do. `POST /things/taken` fails with a 409.
 */
export const thingsPlugin = createBackendPlugin({
  pluginId: 'things',
  register(env) {
    env.registerInit({
      deps: {
        auditor: coreServices.auditor,
        httpRouter: coreServices.httpRouter,
      },
      async init({ auditor, httpRouter }) {
        const router = Router();
        router.post('/things/:name', async (req, res) => {
          const ref = `thing:default/${req.params.name}`;
          await audited(
            auditor,
            req,
            'thing-create',
            { thingRef: ref },
            async () => {
              if (req.params.name === 'taken') {
                throw new ConflictError(`${ref} already exists`);
              }
            },
          );
          res.status(201).json({ ref });
        });
        httpRouter.use(router);
      },
    });
  },
});
