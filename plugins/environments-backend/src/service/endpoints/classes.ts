import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../../schema/openapi/generated/router';
import { audited, callerOf, EndpointDeps } from '../endpointDeps';

/** Environment classes: what loaded, the problems of what did not, reload from config/files. */
export function classEndpoints(
  router: ApiRouter<typeof spec>,
  { service, httpAuth, auditor }: EndpointDeps,
) {
  router.get('/classes', async (req, res) => {
    await callerOf(httpAuth, req);
    res.json(service.listClasses());
  });

  router.get('/classes/:id', async (req, res) => {
    await callerOf(httpAuth, req);
    res.json(service.getClass(req.params.id));
  });

  router.post('/classes/reload', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    res.json(
      await audited(auditor, req, 'environment-classes-reload', {}, () =>
        service.reloadClasses(credentials),
      ),
    );
  });
}
