import fs from 'node:fs';
import path from 'node:path';
import { findSettingProblems } from '../settings/requiredSettings';
import {
  KubernetesObject,
  backendPlugins,
  configOf,
  environmentOf,
  findKubectl,
  mebibytes,
  only,
  renderKustomization,
  root,
  schemaProblems,
  selects,
  variablesReadBy,
} from './__testUtils__/manifests';

jest.setTimeout(60_000);

/**
 * deploy/kubernetes rendered by the real `kubectl kustomize` (kubectl's built-in kustomize:
 * generators, hash suffixes and the references to them, merge patches), then checked object by
 * object against the Kubernetes API schemas (kubernetes-models) and against what the backend
 * reads: app-config.production.yaml's ${VAR}s, its start-up settings check, its health paths,
 * the paths it writes to. As with PostgreSQL in the store tests, a machine without kubectl
 * skips these with a warning, and a CI run (CI set) fails instead. It needs kubectl 1.27 or
 * later (kustomize v5): Debian 12's kubernetes-client (1.20, kustomize v2) refuses the
 * generators' `envs` field.
 */
const kubectl = findKubectl();
if (!kubectl && process.env.CI) {
  throw new Error(
    'kubectl is needed to render deploy/kubernetes (kubectl kustomize): put it on the PATH or set KUBECTL',
  );
}
if (!kubectl) {
  // eslint-disable-next-line no-console
  console.warn(
    'kubernetesManifests: no kubectl on the PATH (or KUBECTL), deploy/kubernetes is not checked',
  );
}
const describeRendered = kubectl ? describe : describe.skip;

const LAYOUTS = {
  base: 'deploy/kubernetes/base',
  'external-postgres': 'deploy/kubernetes/overlays/external-postgres',
};
type Layout = keyof typeof LAYOUTS;

const HEALTH = {
  readiness: '/.backstage/health/v1/readiness',
  liveness: '/.backstage/health/v1/liveness',
};
// The README's production table lists it; the pg driver reads it, not the config.
const READ_OUTSIDE_CONFIG = ['PGSSLMODE'];
const SECRET_LOOKING = /PASSWORD|SECRET|TOKEN|KEY|CREDENTIAL|PRIVATE/i;
const PLACEHOLDER = /^REPLACE-ME\b/;

const rendered = new Map<Layout, KubernetesObject[]>();
function render(layout: Layout): KubernetesObject[] {
  if (!rendered.has(layout)) {
    rendered.set(
      layout,
      renderKustomization(kubectl!.command, LAYOUTS[layout]),
    );
  }
  return rendered.get(layout)!;
}

function deploymentOf(objects: KubernetesObject[]) {
  const deployment = only(objects, 'Deployment', 'runway');
  const pod = deployment.spec.template;
  const container = pod.spec.containers.find(
    (c: { name: string }) => c.name === 'backend',
  );
  return { deployment, pod, container };
}

/** The configuration the backend container would read, with its environment. */
async function containerConfig(
  objects: KubernetesObject[],
  replace: (key: string, value: string) => string = (_k, v) => v,
) {
  const { container } = deploymentOf(objects);
  const { configMap, secret } = environmentOf(objects, container);
  const env = Object.fromEntries(
    Object.entries({ ...configMap, ...secret }).map(([k, v]) => [
      k,
      replace(k, v),
    ]),
  );
  return configOf(container.args ?? container.command, env);
}

/** The container port a probe or a Service's targetPort names (by name or number). */
function containerPort(container: any, port: string | number): number {
  const match = container.ports.find(
    (p: { name?: string; containerPort: number }) =>
      p.name === port || p.containerPort === port,
  );
  if (!match) {
    throw new Error(`no container port ${port}`);
  }
  return match.containerPort;
}

describeRendered(`deploy/kubernetes (${kubectl?.version})`, () => {
  describe.each(Object.keys(LAYOUTS) as Layout[])('%s', layout => {
    it('renders objects that each pass their Kubernetes schema, all in one namespace', () => {
      const objects = render(layout);
      expect(schemaProblems(objects)).toEqual([]);
      expect(objects.map(o => o.kind).sort()).toEqual(
        expect.arrayContaining([
          'ConfigMap',
          'Deployment',
          'PodDisruptionBudget',
          'Secret',
          'Service',
        ]),
      );
      expect(new Set(objects.map(o => o.metadata.namespace))).toEqual(
        new Set(['runway']),
      );
    });

    it('runs two replicas of runway-backend with the production start command', () => {
      const { deployment, container } = deploymentOf(render(layout));
      expect(deployment.spec.replicas).toBe(2);
      expect(container.image).toBe('runway-backend:latest');
      const args: string[] = container.args;
      expect(args[0]).toBe('node');
      expect(args.slice(args.indexOf('packages/backend'))).toEqual([
        'packages/backend',
        '--config',
        'app-config.yaml',
        '--config',
        'app-config.production.yaml',
      ]);
    });

    it('probes the health endpoints on the port the backend listens on', async () => {
      const objects = render(layout);
      const { container } = deploymentOf(objects);
      const config = await containerConfig(objects);
      const port = config.getNumber('backend.listen.port');
      expect(container.ports.map((p: any) => p.containerPort)).toEqual([port]);

      const probes = {
        startupProbe: HEALTH.readiness,
        readinessProbe: HEALTH.readiness,
        livenessProbe: HEALTH.liveness,
      };
      for (const [probe, healthPath] of Object.entries(probes)) {
        const { httpGet } = container[probe] ?? {};
        expect({ probe, path: httpGet?.path }).toEqual({
          probe,
          path: healthPath,
        });
        expect(containerPort(container, httpGet.port)).toBe(port);
      }
      // A first start runs every plugin's migrations: allow minutes, not the default 30 s.
      const { periodSeconds = 10, failureThreshold = 3 } =
        container.startupProbe;
      expect(periodSeconds * failureThreshold).toBeGreaterThanOrEqual(120);
    });

    it('requests and limits memory and CPU, with the heap cap well below the memory limit', () => {
      const { container } = deploymentOf(render(layout));
      const { requests, limits } = container.resources ?? {};
      for (const resource of ['cpu', 'memory']) {
        expect({ resource, request: requests?.[resource] }).toEqual({
          resource,
          request: expect.any(String),
        });
        expect({ resource, limit: limits?.[resource] }).toEqual({
          resource,
          limit: expect.any(String),
        });
      }
      expect(mebibytes(requests.memory)).toBeLessThanOrEqual(
        mebibytes(limits.memory),
      );
      const heapFlag: string | undefined = container.args.find((a: string) =>
        /^--max-old-space-size=\d+$/.test(a),
      );
      const heap = Number(heapFlag?.split('=')[1]);
      expect(heap).toBeGreaterThan(0);
      // README, "Running in production": the 1024 MiB cap wants a container of at least
      // 1.5 GiB (V8's young generation, code and native memory live outside the old space).
      expect(mebibytes(limits.memory)).toBeGreaterThanOrEqual(heap * 1.5);
    });

    it('gives the backend every variable app-config.production.yaml reads, secrets only from the Secret', () => {
      const objects = render(layout);
      const { container } = deploymentOf(objects);
      const { configMap, secret } = environmentOf(objects, container);
      const read = [
        ...variablesReadBy('app-config.production.yaml'),
        ...READ_OUTSIDE_CONFIG,
      ];
      expect(read.length).toBeGreaterThan(10);

      expect(read.filter(v => !(v in configMap) && !(v in secret))).toEqual([]);
      expect(
        Object.keys(configMap).filter(k => SECRET_LOOKING.test(k)),
      ).toEqual([]);
      expect(
        read.filter(v => SECRET_LOOKING.test(v) && !(v in secret)),
      ).toEqual([]);
      // One source per variable: with a key in both, envFrom's order would decide silently.
      expect(Object.keys(configMap).filter(k => k in secret)).toEqual([]);
      // No credentials hidden in a URL either.
      expect(
        Object.entries(configMap).filter(([, v]) =>
          /^[a-z+]+:\/\/[^/@\s]+@/i.test(v),
        ),
      ).toEqual([]);
    });

    it('holds only placeholders in the example Secret, with which the backend refuses to start', async () => {
      const objects = render(layout);
      const { secret } = environmentOf(
        objects,
        deploymentOf(objects).container,
      );
      expect(
        Object.entries(secret).filter(([, v]) => !PLACEHOLDER.test(v)),
      ).toEqual([]);

      // Run the backend's own start-up check on what the pod would read.
      const example = await containerConfig(objects);
      expect(findSettingProblems(example)).toEqual([
        {
          key: 'environments.encryptionKey',
          problem: expect.stringMatching(/at least 32 characters/),
        },
      ]);
      // With real-looking values in their place, nothing is missing.
      const replaced = await containerConfig(objects, (key, value) =>
        PLACEHOLDER.test(value)
          ? `test-${key.toLowerCase()}-${'x'.repeat(32)}`
          : value,
      );
      expect(findSettingProblems(replaced)).toEqual([]);
      expect(replaced.getString('backend.database.connection.host')).toBe(
        environmentOf(objects, deploymentOf(objects).container).configMap
          .POSTGRES_HOST,
      );
    });

    it('runs as a non-root user on a read-only root, writing only into its emptyDirs', async () => {
      const objects = render(layout);
      const { pod, container } = deploymentOf(objects);
      expect(pod.spec.securityContext).toMatchObject({
        runAsNonRoot: true,
        runAsUser: 1000,
      });
      expect(container.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });

      // Where the production configuration writes: the TechDocs publisher's folder, and the
      // GitOps drivers' clones under the working directory (os.tmpdir() in the image: /tmp).
      const config = await containerConfig(objects);
      const workingDirectory =
        config.getOptionalString('backend.workingDirectory') ?? '/tmp';
      const written = [workingDirectory];
      if (config.getOptionalString('techdocs.publisher.type') === 'local') {
        written.push(
          config.getString('techdocs.publisher.local.publishDirectory'),
        );
      }
      for (const driver of ['environments', 'delivery']) {
        const gitops = config.getOptionalConfig(`${driver}.drivers.gitops`);
        if (gitops?.getOptionalString('url')) {
          written.push(
            gitops.getOptionalString('workDirectory') ??
              path.join(workingDirectory, 'runway-gitops'),
          );
        }
      }
      expect(written.length).toBeGreaterThanOrEqual(4);

      const emptyDirs = new Set(
        pod.spec.volumes
          .filter((v: { emptyDir?: object }) => v.emptyDir)
          .map((v: { name: string }) => v.name),
      );
      const writable = container.volumeMounts
        .filter((m: any) => emptyDirs.has(m.name) && !m.readOnly)
        .map((m: { mountPath: string }) => m.mountPath);
      const unmounted = written.filter(
        dir =>
          !path.isAbsolute(dir) ||
          !writable.some(
            (mount: string) =>
              dir === mount || dir.startsWith(`${mount.replace(/\/$/, '')}/`),
          ),
      );
      expect(unmounted).toEqual([]);
    });

    it('keeps one replica through a voluntary disruption', () => {
      const objects = render(layout);
      const { deployment, pod } = deploymentOf(objects);
      const budget = only(objects, 'PodDisruptionBudget');
      expect(budget.spec.minAvailable).toBe(1);
      expect(budget.spec.minAvailable).toBeLessThan(deployment.spec.replicas);
      expect(selects(budget.spec.selector, pod.metadata.labels)).toBe(true);
      expect(selects(deployment.spec.selector, pod.metadata.labels)).toBe(true);
    });

    it("routes the Service to the pods' container port", () => {
      const objects = render(layout);
      const { pod, container } = deploymentOf(objects);
      const service = only(objects, 'Service', 'runway');
      expect(
        selects({ matchLabels: service.spec.selector }, pod.metadata.labels),
      ).toBe(true);
      expect(service.spec.ports.length).toBeGreaterThan(0);
      for (const port of service.spec.ports) {
        expect(containerPort(container, port.targetPort ?? port.port)).toBe(
          7007,
        );
      }
    });
  });

  describe('external-postgres', () => {
    it('points the database at the managed server, over TLS checked against its CA', async () => {
      const [base, overlay] = [render('base'), render('external-postgres')];
      const env = (objects: KubernetesObject[]) =>
        environmentOf(objects, deploymentOf(objects).container).configMap;
      expect(env(overlay).POSTGRES_HOST).not.toBe(env(base).POSTGRES_HOST);
      const config = await containerConfig(overlay);
      expect(config.getString('backend.database.connection.host')).toBe(
        env(overlay).POSTGRES_HOST,
      );
      expect(env(overlay).PGSSLMODE).toBe('verify-full');

      // NODE_EXTRA_CA_CERTS names a file of a ConfigMap mounted into the container.
      const ca = env(overlay).NODE_EXTRA_CA_CERTS;
      const { pod, container } = deploymentOf(overlay);
      const mount = container.volumeMounts.find(
        (m: { mountPath: string }) => path.dirname(ca) === m.mountPath,
      );
      const volume = pod.spec.volumes.find(
        (v: { name: string }) => v.name === mount?.name,
      );
      const caConfigMap = overlay.find(
        o =>
          o.kind === 'ConfigMap' && o.metadata.name === volume?.configMap?.name,
      );
      expect(Object.keys(caConfigMap?.data ?? {})).toContain(path.basename(ca));
    });
  });

  it("sizes the database pools for two replicas within the server's connections the README asks for", async () => {
    const objects = render('external-postgres');
    const { deployment } = deploymentOf(objects);
    const config = await containerConfig(objects);
    const replicas: number = deployment.spec.replicas;
    const poolMax = config.getNumber('backend.database.knexConfig.pool.max');
    // Every backend plugin may hold a pool (an upper bound: some never open one), plus the
    // environments driver's admin connections (PostgresDriver's default 4) on the same server,
    // plus PostgreSQL's superuser_reserved_connections (3).
    const adminConnections =
      config.getOptionalNumber(
        'environments.drivers.postgres.maxAdminConnections',
      ) ?? 4;
    const needed =
      replicas * backendPlugins().length * poolMax +
      replicas * adminConnections +
      3;

    const readme = fs.readFileSync(
      path.join(root, 'deploy/kubernetes/README.md'),
      'utf8',
    );
    const stated = /`max_connections` of\s+at\s+least\s+([\d,]+)/.exec(
      readme,
    )?.[1];
    expect(stated).toBeDefined();
    expect(needed).toBeLessThanOrEqual(Number(stated!.replace(/,/g, '')));
    expect(backendPlugins().length).toBeGreaterThan(10);
  });
});
